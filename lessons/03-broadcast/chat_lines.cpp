#include "chat_lines.hpp"

namespace lesson03 {

std::string chat_line(std::string_view name, std::string_view text)
{
    std::string line;
    line.reserve(name.size() + 2 + text.size());  // one allocation, however long the text
    line.append(name).append(": ").append(text);
    return line;
}

std::string joined_notice(std::string_view name, std::size_t online)
{
    return "* " + std::string(name) + " joined (" + std::to_string(online) + " online)";
}

std::string left_notice(std::string_view name, std::size_t online)
{
    return "* " + std::string(name) + " left (" + std::to_string(online) + " online)";
}

}  // namespace lesson03
