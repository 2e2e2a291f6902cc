#include "protocol.hpp"

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

Message chat_message(const std::string& room, const std::string& from, const std::string& text,
                     Clock::time_point when)
{
    return serialize({{"type", "message"}, {"room", room}, {"from", from}, {"text", text},
                      {"timestamp", lesson04::format_timestamp(when)}});
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
                      {"timestamp", lesson04::format_timestamp(when)}});
}

Message private_sent_message(const std::string& to, const std::string& text, Clock::time_point when,
                             std::size_t delivered)
{
    return serialize({{"type", "private_sent"}, {"to", to}, {"text", text},
                      {"timestamp", lesson04::format_timestamp(when)}, {"delivered", delivered}});
}

Message announcement_message(const std::string& text, Clock::time_point when)
{
    return serialize({{"type", "announcement"}, {"text", text}, {"timestamp", lesson04::format_timestamp(when)}});
}

}  // namespace lesson05
