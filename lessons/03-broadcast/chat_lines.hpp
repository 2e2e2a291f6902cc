// The wire format of lesson 03: plain text lines, one per WebSocket text message.
//   ana: hello               a chat message, prefixed with its sender's name
//   * ana joined (3 online)  a notice (starts with "* "), with how many are online now
//   * ana left (2 online)
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace lesson03 {

std::string chat_line(std::string_view name, std::string_view text);
std::string joined_notice(std::string_view name, std::size_t online);
std::string left_notice(std::string_view name, std::size_t online);

}  // namespace lesson03
