#include "protocol.hpp"

#include <ctime>

namespace lesson04 {
namespace {

// Serialized once, here; every queue the message goes into holds this one string.
// ordered_json keeps "type" first, which makes the raw frames easy to read.
// error_handler_t::replace: never throws, whatever bytes a name held.
Message serialize(const nlohmann::ordered_json& message)
{
    return std::make_shared<const std::string>(
        message.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

}  // namespace

Message welcome_message(const std::string& connection_id, const std::string& user,
                        std::string_view users_json)
{
    // The roster is spliced in as it is: with thousands online, serializing it again for every
    // newcomer would cost more than everything else a join does.
    std::string text = *serialize({{"type", "welcome"}, {"connection_id", connection_id}, {"user", user}});
    text.pop_back();  // the closing brace
    text += ",\"users\":";
    text += users_json;
    text += ",\"max_text_chars\":" + std::to_string(max_text_chars) + "}";
    return std::make_shared<const std::string>(std::move(text));
}

Message presence_message(const std::vector<std::string>& joined, const std::vector<std::string>& left)
{
    return serialize({{"type", "presence"}, {"joined", joined}, {"left", left}});
}

Message chat_message(const std::string& from, const std::string& text,
                     std::chrono::system_clock::time_point when)
{
    return serialize({{"type", "message"}, {"from", from}, {"text", text},
                      {"timestamp", format_timestamp(when)}});
}

Message pong_message(const nlohmann::json& id, std::chrono::system_clock::time_point when)
{
    nlohmann::ordered_json pong = {{"type", "pong"}};
    if (!id.is_null())
        pong["id"] = id;
    pong["timestamp"] = format_timestamp(when);
    return serialize(pong);
}

Message error_message(std::string_view code, std::string_view text)
{
    return serialize({{"type", "error"}, {"code", code}, {"text", text}});
}

Message connections_message(std::size_t count)
{
    return serialize({{"type", "connections"}, {"count", count}});
}

std::string format_timestamp(std::chrono::system_clock::time_point when)
{
    using namespace std::chrono;
    const auto since_epoch = duration_cast<milliseconds>(when.time_since_epoch());
    const auto seconds = floor<std::chrono::seconds>(since_epoch);
    const std::time_t time = seconds.count();
    std::tm utc{};
    gmtime_r(&time, &utc);  // g++ 12's <chrono> has no std::format yet
    char text[32];
    const auto written = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
    const auto millis = static_cast<int>((since_epoch - seconds).count());
    char fraction[8];
    std::snprintf(fraction, sizeof fraction, ".%03dZ", millis);
    return std::string(text, written) + fraction;
}

std::size_t utf8_length(std::string_view text)
{
    std::size_t characters = 0;
    for (unsigned char byte : text)
        characters += (byte & 0xC0) != 0x80;  // 10xxxxxx continues the character before it
    return characters;
}

}  // namespace lesson04
