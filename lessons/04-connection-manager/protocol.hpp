// The lesson's JSON protocol (docs/protocol.md, "04 — connection manager"): the messages the
// server builds (given, protocol.cpp) and what it does with a client's text message (yours,
// exercises/04-connection-manager/inbound.cpp, tasks 3 and 4). No Beast here: the unit tests
// and the exercise include this header cheaply.
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

namespace lesson04 {

// One serialized message, shared by every queue it goes into.
using Message = std::shared_ptr<const std::string>;

// A chat message's text may be at most this many characters (Unicode code points).
inline constexpr std::size_t max_text_chars = 2000;

// ---- server -> client (protocol.cpp) ---------------------------------------------------

// users_json: who is online, a JSON array already serialized (Presence serializes it once
// per roster update, not once per newcomer).
Message welcome_message(const std::string& connection_id, const std::string& user,
                        std::string_view users_json);
// Who came online and who went offline since the last presence message.
Message presence_message(const std::vector<std::string>& joined, const std::vector<std::string>& left);
Message chat_message(const std::string& from, const std::string& text,
                     std::chrono::system_clock::time_point when);
// id: what the ping carried, or null (then the pong has no "id").
Message pong_message(const nlohmann::json& id, std::chrono::system_clock::time_point when);
Message error_message(std::string_view code, std::string_view text);
Message connections_message(std::size_t count);

// "2026-11-22T22:31:07.123Z": ISO 8601, UTC, milliseconds.
std::string format_timestamp(std::chrono::system_clock::time_point when);

// Characters (code points) in valid UTF-8: the bytes that do not continue a character.
std::size_t utf8_length(std::string_view text);

// ---- client -> server (the exercise) -----------------------------------------------------

// {"type":"message","text":"..."}
struct ChatText {
    std::string text;
};

// {"type":"ping"} or {"type":"ping","id":7}; id is null when absent.
struct Ping {
    nlohmann::json id;
};

using Inbound = std::variant<ChatText, Ping>;

// What is wrong with a message, as the error reply says it: {"type":"error","code":...,"text":...}
struct ProtocolError {
    std::string code;  // one of the error_codes below
    std::string text;  // for a human: what was wrong and how to fix it
};

namespace error_codes {
inline constexpr std::string_view invalid_json = "invalid_json";    // not JSON at all
inline constexpr std::string_view not_an_object = "not_an_object";  // [1,2], "hi", 42
inline constexpr std::string_view missing_field = "missing_field";  // no "type", or a message without "text"
inline constexpr std::string_view wrong_type = "wrong_type";        // "type"/"text" not a string, "id" not a string or number
inline constexpr std::string_view unknown_type = "unknown_type";    // {"type":"dance"}
inline constexpr std::string_view empty_text = "empty_text";        // a message of nothing but spaces
inline constexpr std::string_view text_too_long = "text_too_long";  // over max_text_chars
inline constexpr std::string_view unsupported = "unsupported";      // a binary frame (the session sends it)
inline constexpr std::string_view internal_error = "internal_error";
}  // namespace error_codes

// task3: validates one text message from a client. Never throws, whatever the bytes.
std::variant<Inbound, ProtocolError> parse_inbound(std::string_view text);

// task4: everything the server does with one text message from the connection `self`:
//   valid "message" -> chat_message(self.user, text, now) to every connection (broadcast),
//   valid "ping"    -> pong_message(id, now) to self only,
//   anything else   -> error_message(code, text) to self only.
// Returns to how many connections a reply went: never 0 for a working server (self is always
// among them), so the session treats 0 as "not written yet" and says so. Never throws.
std::size_t handle_inbound(ConnectionManager& manager, const ConnectionInfo& self, std::string_view text);

}  // namespace lesson04
