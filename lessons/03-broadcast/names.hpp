// Who is talking: the name a client chats under.
#pragma once

#include <wscourse/net.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace lesson03 {

inline constexpr std::size_t max_name_chars = 32;

// A name as the client asked for it, made safe to show: spaces trimmed at both ends, then
// 1 to 32 characters of valid UTF-8, no control characters, no ':' (it separates the name
// from the text) and no leading '*' (that marks the server's notices). Nothing otherwise.
std::optional<std::string> valid_name(std::string_view requested);

// "127.0.0.1:51234", "[::1]:51234": the name of a client that did not give a valid one.
std::string endpoint_name(const tcp::endpoint& peer);

// The name for an upgrade request's target ("/ws?name=ana" -> "ana") and its peer.
std::string display_name(std::string_view target, const tcp::endpoint& peer);

}  // namespace lesson03
