// The messages the echo server writes itself: the welcome, and the answer to a JSON ping.
// No Beast here: the tests and the exercise include this header cheaply.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace lesson02 {

// {"type":"welcome","text":"...","max_message_bytes":N}: the first message of every session.
std::string welcome_message(std::size_t max_message_bytes);

// For a text message that is a JSON ping, {"type":"ping"} (optionally with an "id"), the pong
// to send instead of the echo: {"type":"pong","id":...,"server_time_ms":...}. Nothing for
// anything else, including invalid JSON: that is simply echoed. Never throws.
std::optional<std::string> pong_for(std::string_view text);

// A ping is a few bytes; longer texts are not parsed at all (they are echoed).
inline constexpr std::size_t max_ping_bytes = 1024;

}  // namespace lesson02
