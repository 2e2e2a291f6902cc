// Terminal output: colour only when stdout is a terminal and NO_COLOR is unset.
#pragma once

#include <string>
#include <string_view>

namespace runner {

bool colour_enabled();
void set_colour(bool on);   // tests and `grade` (reports are never coloured)

std::string green(std::string_view text);
std::string red(std::string_view text);
std::string yellow(std::string_view text);
std::string bold(std::string_view text);
std::string dim(std::string_view text);

inline constexpr std::string_view tick = "\u2713";   // ✓
inline constexpr std::string_view cross = "\u2717";  // ✗
inline constexpr std::string_view dot = "\u00b7";    // ·

}  // namespace runner
