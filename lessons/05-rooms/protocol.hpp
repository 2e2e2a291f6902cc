// The lesson's JSON protocol (docs/protocol.md, "04" and "05"): the messages the server builds
// (protocol.cpp) and the checks on what a client sends (inbound.cpp). Lesson 04's protocol,
// carried forward, plus rooms and private messages. No Beast here: the unit tests and the
// exercise include this header cheaply.
#pragma once

#include "connection_manager.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace lesson05 {

// One serialized message, shared by every queue it goes into.
using Message = std::shared_ptr<const std::string>;
using Clock = std::chrono::system_clock;

// A chat message's text may be at most this many characters (Unicode code points).
inline constexpr std::size_t max_text_chars = 2000;
// A room name: 1 to 32 of A-Z a-z 0-9 _ -, safe in a URL, a log line and a page.
inline constexpr std::size_t max_room_name_chars = 32;
// How many rooms one connection may be in at once: its memory stays bounded.
inline constexpr std::size_t max_rooms_per_connection = 16;

bool valid_room_name(std::string_view name);

// ---- server -> client (protocol.cpp) ---------------------------------------------------

// Lesson 04's messages.
Message welcome_message(const std::string& connection_id, const std::string& user,
                        const std::vector<std::string>& users);
Message user_joined_message(const std::string& user);
Message user_left_message(const std::string& user);
// id: what the ping carried, or null (then the pong has no "id").
Message pong_message(const nlohmann::json& id, Clock::time_point when);
Message error_message(std::string_view code, std::string_view text);
Message connections_message(std::size_t count);

// Lesson 05's. A chat message now says which room it was sent to.
Message chat_message(const std::string& room, const std::string& from, const std::string& text,
                     Clock::time_point when);
Message room_joined_message(const std::string& room, const std::vector<std::string>& members);
Message room_left_message(const std::string& room);
Message user_joined_room_message(const std::string& room, const std::string& user);
Message user_left_room_message(const std::string& room, const std::string& user);
Message private_message_message(const std::string& from, const std::string& text, Clock::time_point when);
Message private_sent_message(const std::string& to, const std::string& text, Clock::time_point when,
                             std::size_t delivered);
Message announcement_message(const std::string& text, Clock::time_point when);

// "2026-11-22T22:31:07.123Z": ISO 8601, UTC, milliseconds.
std::string format_timestamp(Clock::time_point when);

// Characters (code points) in valid UTF-8: the bytes that do not continue a character.
std::size_t utf8_length(std::string_view text);

// ---- client -> server (inbound.cpp) ------------------------------------------------------

// {"type":"message","room":"lobby","text":"..."}: "room" is new in lesson 05, and required.
struct ChatText {
    std::string room;
    std::string text;
};

// {"type":"ping"} or {"type":"ping","id":7}; id is null when absent.
struct Ping {
    nlohmann::json id;
};

struct JoinRoom {       // {"type":"join_room","room":"lobby"}
    std::string room;
};
struct LeaveRoom {      // {"type":"leave_room","room":"lobby"}
    std::string room;
};
struct PrivateText {    // {"type":"private_message","to":"ben","text":"..."}
    std::string to;
    std::string text;
};

using Inbound = std::variant<ChatText, Ping, JoinRoom, LeaveRoom, PrivateText>;

// What is wrong with a message, as the error reply says it: {"type":"error","code":...,"text":...}
struct ProtocolError {
    std::string code;  // one of the error_codes below
    std::string text;  // for a human: what was wrong and how to fix it
};

namespace error_codes {
// Lesson 04's.
inline constexpr std::string_view invalid_json = "invalid_json";    // not JSON at all
inline constexpr std::string_view not_an_object = "not_an_object";  // [1,2], "hi", 42
inline constexpr std::string_view missing_field = "missing_field";  // no "type", a message without "text"...
inline constexpr std::string_view wrong_type = "wrong_type";        // a field of the wrong JSON type
inline constexpr std::string_view unknown_type = "unknown_type";    // {"type":"dance"}
inline constexpr std::string_view empty_text = "empty_text";        // a message of nothing but spaces
inline constexpr std::string_view text_too_long = "text_too_long";  // over max_text_chars
inline constexpr std::string_view unsupported = "unsupported";      // a binary frame (the session sends it)
inline constexpr std::string_view internal_error = "internal_error";
// Lesson 05's.
inline constexpr std::string_view invalid_room = "invalid_room";              // not 1-32 of A-Za-z0-9_-
inline constexpr std::string_view not_in_room = "not_in_room";                // message or leave_room without join_room
inline constexpr std::string_view too_many_rooms = "too_many_rooms";          // max_rooms_per_connection
inline constexpr std::string_view user_not_connected = "user_not_connected";  // private_message to nobody
}  // namespace error_codes

// Validates one text message from a client: valid JSON, an object, a known "type", every
// required field present and of the right JSON type, texts not empty and within
// max_text_chars, room names valid. Never throws, whatever the bytes.
std::variant<Inbound, ProtocolError> parse_inbound(std::string_view text);

}  // namespace lesson05
