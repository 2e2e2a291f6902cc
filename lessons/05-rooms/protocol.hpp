// Lesson 05's JSON protocol (docs/protocol.md, "05 — rooms"): what it adds to lesson 04's. The
// rest is lesson 04's, used by name: welcome, presence, ping and pong, the error reply and its
// codes, the text rules (lesson04::parse_inbound, your lesson 04 task 3). No Beast here: the
// unit tests and the exercise include this header cheaply.
#pragma once

#include <lesson04/protocol.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace lesson05 {

// Lesson 04's names, used as they are.
using lesson04::ConnectionInfo;
using lesson04::ConnectionManager;
using lesson04::Message;
using lesson04::Outbox;
using lesson04::Ping;
using lesson04::ProtocolError;
using lesson04::error_message;
using lesson04::max_text_chars;
using lesson04::utf8_length;
using Clock = std::chrono::system_clock;

// A room name: 1 to 32 of A-Z a-z 0-9 _ -, safe in a URL, a log line and a page.
inline constexpr std::size_t max_room_name_chars = 32;
// How many rooms one connection may be in at once: its memory stays bounded.
inline constexpr std::size_t max_rooms_per_connection = 16;

bool valid_room_name(std::string_view name);

// ---- server -> client (protocol.cpp) ---------------------------------------------------

// A chat message now says which room it was sent to (lesson 04's had no "room").
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

// ---- client -> server (inbound.cpp) ------------------------------------------------------

// {"type":"message","room":"lobby","text":"..."}: "room" is new in lesson 05, and required.
struct ChatText {
    std::string room;
    std::string text;
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

// Ping is lesson 04's, unchanged.
using Inbound = std::variant<ChatText, Ping, JoinRoom, LeaveRoom, PrivateText>;

namespace error_codes {
using namespace lesson04::error_codes;  // invalid_json, missing_field, text_too_long, ...
inline constexpr std::string_view invalid_room = "invalid_room";              // not 1-32 of A-Za-z0-9_-
inline constexpr std::string_view not_in_room = "not_in_room";                // message or leave_room without join_room
inline constexpr std::string_view too_many_rooms = "too_many_rooms";          // max_rooms_per_connection
inline constexpr std::string_view user_not_connected = "user_not_connected";  // private_message to nobody
}  // namespace error_codes

// Validates one text message from a client: what lesson04::parse_inbound checks (valid JSON,
// an object, a string "type", a ping's id, a text not empty and within max_text_chars), and
// what is new: the types join_room, leave_room and private_message, valid room names, "to".
// Never throws, whatever the bytes.
std::variant<Inbound, ProtocolError> parse_inbound(std::string_view text);

}  // namespace lesson05
