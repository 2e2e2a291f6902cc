#include "messages.hpp"

#include <chrono>

#include <nlohmann/json.hpp>

namespace lesson02 {

std::string welcome_message(std::size_t max_message_bytes)
{
    nlohmann::ordered_json welcome = {
        {"type", "welcome"},
        {"text", "echo server (lesson 02): every message comes back as it was sent, text as "
                 "text and binary as binary; send {\"type\":\"ping\"} and you get a pong"},
        {"max_message_bytes", max_message_bytes},
    };
    return welcome.dump();
}

std::optional<std::string> pong_for(std::string_view text)
{
    if (text.size() > max_ping_bytes)
        return std::nullopt;
    // Every JSON object starts with '{': most chat text is not one, and a failed parse is
    // costly (it builds an error message), so look before parsing.
    auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || text[first] != '{')
        return std::nullopt;
    // allow_exceptions = false: invalid JSON gives a "discarded" value instead of throwing,
    // because a peer's bytes must never be able to end the session.
    auto message = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!message.is_object())
        return std::nullopt;
    auto type = message.find("type");
    if (type == message.end() || *type != "ping")
        return std::nullopt;

    using namespace std::chrono;
    nlohmann::ordered_json pong = {
        {"type", "pong"},
        {"server_time_ms",
         duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count()},
    };
    if (auto id = message.find("id"); id != message.end())
        pong["id"] = *id;  // lets a client match the pong to its ping
    // error_handler_t::replace: never throws, whatever bytes the id held.
    return pong.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace lesson02
