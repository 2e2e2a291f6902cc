// Checking what a client sent: lesson 04's answer (its task 3), carried forward, with the
// fields lesson 05 adds (room, to) and its three new kinds of message.
#include "protocol.hpp"

#include <algorithm>

namespace lesson05 {
namespace {

using nlohmann::json;

ProtocolError error(std::string_view code, std::string text)
{
    return ProtocolError{std::string(code), std::move(text)};
}

bool only_spaces(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
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

std::variant<std::string, ProtocolError> text_field(const json& message)
{
    auto text = string_field(message, "text");
    if (const auto* value = std::get_if<std::string>(&text)) {
        if (only_spaces(*value))
            return error(error_codes::empty_text, "\"text\" is empty");
        if (utf8_length(*value) > max_text_chars)
            return error(error_codes::text_too_long,
                         "\"text\" is longer than " + std::to_string(max_text_chars) + " characters");
    }
    return text;
}

std::variant<std::string, ProtocolError> room_field(const json& message)
{
    auto room = string_field(message, "room");
    if (const auto* value = std::get_if<std::string>(&room); value && !valid_room_name(*value))
        return error(error_codes::invalid_room,
                     "a room name is 1 to 32 letters, digits, '_' or '-'");
    return room;
}

}  // namespace

std::variant<Inbound, ProtocolError> parse_inbound(std::string_view text)
{
    // allow_exceptions = false: invalid JSON gives a "discarded" value instead of throwing,
    // because a peer's bytes must never be able to end the session.
    const auto message = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (message.is_discarded())
        return error(error_codes::invalid_json, "not valid JSON");
    if (!message.is_object())
        return error(error_codes::not_an_object, "a message is a JSON object: {\"type\":...}");

    auto type_field = string_field(message, "type");
    if (auto* problem = std::get_if<ProtocolError>(&type_field))
        return std::move(*problem);
    const auto& type = std::get<std::string>(type_field);

    // Fields in the order the table in docs/protocol.md lists them; the first wrong one is
    // the answer.
    if (type == "message") {
        auto room = room_field(message);
        if (auto* problem = std::get_if<ProtocolError>(&room))
            return std::move(*problem);
        auto body = text_field(message);
        if (auto* problem = std::get_if<ProtocolError>(&body))
            return std::move(*problem);
        return Inbound{ChatText{std::get<std::string>(room), std::get<std::string>(body)}};
    }
    if (type == "join_room" || type == "leave_room") {
        auto room = room_field(message);
        if (auto* problem = std::get_if<ProtocolError>(&room))
            return std::move(*problem);
        if (type == "join_room")
            return Inbound{JoinRoom{std::get<std::string>(room)}};
        return Inbound{LeaveRoom{std::get<std::string>(room)}};
    }
    if (type == "private_message") {
        auto to = string_field(message, "to");
        if (auto* problem = std::get_if<ProtocolError>(&to))
            return std::move(*problem);
        auto body = text_field(message);
        if (auto* problem = std::get_if<ProtocolError>(&body))
            return std::move(*problem);
        return Inbound{PrivateText{std::get<std::string>(to), std::get<std::string>(body)}};
    }
    if (type == "ping") {
        Ping ping;
        if (const auto id = message.find("id"); id != message.end()) {
            if (!id->is_string() && !id->is_number())
                return error(error_codes::wrong_type, "\"id\" must be a string or a number");
            ping.id = *id;
        }
        return Inbound{std::move(ping)};
    }
    return error(error_codes::unknown_type,
                 "unknown type \"" + type.substr(0, 40)
                     + "\": send message, join_room, leave_room, private_message or ping");
}

}  // namespace lesson05
