// Small string helpers the runner's output code shares.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace runner {

std::vector<std::string> split_lines(std::string_view text);
std::string join_lines(const std::vector<std::string>& lines);
std::string trim(std::string_view text);
std::string strip_ansi(std::string_view text);

// At most `max_lines` lines; says how many were left out.
std::string trim_lines(std::string_view text, std::size_t max_lines);

// "/work/main/exercises/01-x/a.cpp" -> "exercises/01-x/a.cpp" when under root.
std::string relative_to(std::string_view text, const std::string& root);

}  // namespace runner
