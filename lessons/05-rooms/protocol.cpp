#include "protocol.hpp"

#include <ctime>

namespace lesson05 {
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

bool valid_room_name(std::string_view name)
{
    if (name.empty() || name.size() > max_room_name_chars)
        return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
              || c == '-'))
            return false;
    return true;
}

Message welcome_message(const std::string& connection_id, const std::string& user,
                        const std::vector<std::string>& users)
{
    return serialize({{"type", "welcome"},
                      {"connection_id", connection_id},
                      {"user", user},
                      {"users", users},
                      {"max_text_chars", max_text_chars}});
}

Message user_joined_message(const std::string& user)
{
    return serialize({{"type", "user_joined"}, {"user", user}});
}

Message user_left_message(const std::string& user)
{
    return serialize({{"type", "user_left"}, {"user", user}});
}

Message pong_message(const nlohmann::json& id, Clock::time_point when)
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

Message chat_message(const std::string& room, const std::string& from, const std::string& text,
                     Clock::time_point when)
{
    return serialize({{"type", "message"}, {"room", room}, {"from", from}, {"text", text},
                      {"timestamp", format_timestamp(when)}});
}

Message room_joined_message(const std::string& room, const std::vector<std::string>& members)
{
    return serialize({{"type", "room_joined"}, {"room", room}, {"members", members}});
}

Message room_left_message(const std::string& room)
{
    return serialize({{"type", "room_left"}, {"room", room}});
}

Message user_joined_room_message(const std::string& room, const std::string& user)
{
    return serialize({{"type", "user_joined_room"}, {"room", room}, {"user", user}});
}

Message user_left_room_message(const std::string& room, const std::string& user)
{
    return serialize({{"type", "user_left_room"}, {"room", room}, {"user", user}});
}

Message private_message_message(const std::string& from, const std::string& text, Clock::time_point when)
{
    return serialize({{"type", "private_message"}, {"from", from}, {"text", text},
                      {"timestamp", format_timestamp(when)}});
}

Message private_sent_message(const std::string& to, const std::string& text, Clock::time_point when,
                             std::size_t delivered)
{
    return serialize({{"type", "private_sent"}, {"to", to}, {"text", text},
                      {"timestamp", format_timestamp(when)}, {"delivered", delivered}});
}

Message announcement_message(const std::string& text, Clock::time_point when)
{
    return serialize({{"type", "announcement"}, {"text", text}, {"timestamp", format_timestamp(when)}});
}

std::string format_timestamp(Clock::time_point when)
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

}  // namespace lesson05
