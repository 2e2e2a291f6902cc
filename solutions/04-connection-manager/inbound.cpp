// Lesson 04, the exercise (tasks 3 and 4): validate a client's message, then act on it.
#include "protocol.hpp"

#include <algorithm>

namespace lesson04 {
// [task 3] ----
namespace {

ProtocolError error(std::string_view code, std::string text)
{
    return ProtocolError{std::string(code), std::move(text)};
}

bool only_spaces(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

}  // namespace

// task3: each check in the order a reader would make it, each failure with its own code.
std::variant<Inbound, ProtocolError> parse_inbound(std::string_view text)
{
    // allow_exceptions = false: invalid JSON gives a "discarded" value instead of throwing,
    // because a peer's bytes must never be able to end the session.
    const auto message = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (message.is_discarded())
        return error(error_codes::invalid_json, "not valid JSON");
    if (!message.is_object())
        return error(error_codes::not_an_object, "a message is a JSON object: {\"type\":...}");

    const auto type = message.find("type");
    if (type == message.end())
        return error(error_codes::missing_field, "\"type\" is missing");
    if (!type->is_string())
        return error(error_codes::wrong_type, "\"type\" must be a string");

    if (*type == "message") {
        const auto body = message.find("text");
        if (body == message.end())
            return error(error_codes::missing_field, "a message needs a \"text\"");
        if (!body->is_string())
            return error(error_codes::wrong_type, "\"text\" must be a string");
        const auto& chat = body->get_ref<const std::string&>();
        if (only_spaces(chat))
            return error(error_codes::empty_text, "\"text\" is empty");
        if (utf8_length(chat) > max_text_chars)
            return error(error_codes::text_too_long,
                         "\"text\" is longer than " + std::to_string(max_text_chars) + " characters");
        return Inbound{ChatText{chat}};
    }
    if (*type == "ping") {
        Ping ping;
        if (const auto id = message.find("id"); id != message.end()) {
            if (!id->is_string() && !id->is_number())
                return error(error_codes::wrong_type, "\"id\" must be a string or a number");
            ping.id = *id;
        }
        return Inbound{std::move(ping)};
    }
    return error(error_codes::unknown_type,
                 "unknown type \"" + type->get<std::string>().substr(0, 40)
                     + "\": send \"message\" or \"ping\"");
}
// [end task 3] ----

// [task 4] ----
// task4: dispatch. Only the reply to a valid "message" goes to everybody.
std::size_t handle_inbound(ConnectionManager& manager, const ConnectionInfo& self, std::string_view text)
{
    auto parsed = parse_inbound(text);
    if (const auto* problem = std::get_if<ProtocolError>(&parsed))
        return manager.send_to_connection(self.id, error_message(problem->code, problem->text)) ? 1 : 0;

    const auto now = std::chrono::system_clock::now();
    const auto& inbound = std::get<Inbound>(parsed);
    if (const auto* chat = std::get_if<ChatText>(&inbound))
        return manager.broadcast(chat_message(self.user, chat->text, now));  // the sender too: one order for all
    const auto& ping = std::get<Ping>(inbound);
    return manager.send_to_connection(self.id, pong_message(ping.id, now)) ? 1 : 0;
}
// [end task 4] ----

}  // namespace lesson04
