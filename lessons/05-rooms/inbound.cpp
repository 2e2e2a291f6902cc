// Checking what a client sent. What lesson 04 already checks is lesson 04's job, asked by name
// (lesson04::parse_inbound, your answer to its task 3); this file checks only what lesson 05
// adds: three new types, the "room" of a message, and the "to" of a private message.
#include "protocol.hpp"

namespace lesson05 {
namespace {

using nlohmann::json;

ProtocolError error(std::string_view code, std::string text)
{
    return ProtocolError{std::string(code), std::move(text)};
}

// A required string field: the string, or the error that says what is wrong with it.
std::variant<std::string, ProtocolError> string_field(const json& message, const char* name)
{
    const auto field = message.find(name);
    if (field == message.end())
        return error(error_codes::missing_field, std::string("\"") + name + "\" is missing");
    if (!field->is_string())
        return error(error_codes::wrong_type, std::string("\"") + name + "\" must be a string");
    return field->get<std::string>();
}

std::variant<std::string, ProtocolError> room_field(const json& message)
{
    auto room = string_field(message, "room");
    if (const auto* value = std::get_if<std::string>(&room); value && !valid_room_name(*value))
        return error(error_codes::invalid_room, "a room name is 1 to 32 letters, digits, '_' or '-'");
    return room;
}

// The text of a message or a private message, by lesson 04's rules (not empty, at most
// max_text_chars): lesson 04's parse_inbound decides, on a lesson 04 message that holds it.
std::variant<std::string, ProtocolError> text_field(const json& message)
{
    json as_lesson04 = {{"type", "message"}};
    if (const auto text = message.find("text"); text != message.end())
        as_lesson04["text"] = *text;
    auto checked = lesson04::parse_inbound(as_lesson04.dump());
    if (auto* problem = std::get_if<ProtocolError>(&checked))
        return std::move(*problem);
    if (auto* chat = std::get_if<lesson04::ChatText>(&std::get<lesson04::Inbound>(checked)))
        return std::move(chat->text);
    return error(error_codes::internal_error, "lesson 04's parse_inbound did not return a message");
}

}  // namespace

std::variant<Inbound, ProtocolError> parse_inbound(std::string_view text)
{
    // allow_exceptions = false: invalid JSON gives a "discarded" value instead of throwing,
    // because a peer's bytes must never be able to end the session.
    const auto message = json::parse(text, nullptr, /*allow_exceptions=*/false);
    const auto type = message.is_object() ? message.find("type") : message.end();
    if (message.is_discarded() || !message.is_object() || type == message.end() || !type->is_string()
        || *type == "ping") {
        // Not JSON, not an object, no string "type", or a ping: all as lesson 04 says.
        auto parsed = lesson04::parse_inbound(text);
        if (auto* problem = std::get_if<ProtocolError>(&parsed))
            return std::move(*problem);
        if (auto* ping = std::get_if<Ping>(&std::get<lesson04::Inbound>(parsed)))
            return Inbound{std::move(*ping)};
        return error(error_codes::internal_error, "lesson 04's parse_inbound accepted what it should not");
    }

    // Fields in the order the table in docs/protocol.md lists them; the first wrong one is
    // the answer.
    if (*type == "message") {
        auto room = room_field(message);
        if (auto* problem = std::get_if<ProtocolError>(&room))
            return std::move(*problem);
        auto body = text_field(message);
        if (auto* problem = std::get_if<ProtocolError>(&body))
            return std::move(*problem);
        return Inbound{ChatText{std::get<std::string>(room), std::get<std::string>(body)}};
    }
    if (*type == "join_room" || *type == "leave_room") {
        auto room = room_field(message);
        if (auto* problem = std::get_if<ProtocolError>(&room))
            return std::move(*problem);
        if (*type == "join_room")
            return Inbound{JoinRoom{std::get<std::string>(room)}};
        return Inbound{LeaveRoom{std::get<std::string>(room)}};
    }
    if (*type == "private_message") {
        auto to = string_field(message, "to");
        if (auto* problem = std::get_if<ProtocolError>(&to))
            return std::move(*problem);
        auto body = text_field(message);
        if (auto* problem = std::get_if<ProtocolError>(&body))
            return std::move(*problem);
        return Inbound{PrivateText{std::get<std::string>(to), std::get<std::string>(body)}};
    }
    return error(error_codes::unknown_type,
                 "unknown type \"" + type->get<std::string>().substr(0, 40)
                     + "\": send message, join_room, leave_room, private_message or ping");
}

}  // namespace lesson05
