#include "text.hpp"

namespace runner {

std::vector<std::string> split_lines(std::string_view text)
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines.emplace_back(line);
        start = end + 1;
    }
    return lines;
}

std::string join_lines(const std::vector<std::string>& lines)
{
    std::string out;
    for (const auto& line : lines) {
        out += line;
        out += '\n';
    }
    return out;
}

std::string trim(std::string_view text)
{
    auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

std::string strip_ansi(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
            i += 2;
            while (i < text.size() && !(text[i] >= '@' && text[i] <= '~'))
                ++i;
            continue;
        }
        out += text[i];
    }
    return out;
}

std::string trim_lines(std::string_view text, std::size_t max_lines)
{
    auto lines = split_lines(text);
    while (!lines.empty() && trim(lines.back()).empty())
        lines.pop_back();
    if (lines.size() <= max_lines)
        return join_lines(lines);
    auto left_out = lines.size() - max_lines;
    lines.resize(max_lines);
    lines.push_back("... (" + std::to_string(left_out) + " more lines)");
    return join_lines(lines);
}

std::string relative_to(std::string_view text, const std::string& root)
{
    std::string prefix = root;
    if (prefix.empty())
        return std::string(text);
    if (prefix.back() != '/')
        prefix += '/';
    std::string out;
    std::size_t start = 0;
    while (true) {
        auto hit = text.find(prefix, start);
        if (hit == std::string_view::npos) {
            out.append(text.substr(start));
            return out;
        }
        out.append(text.substr(start, hit - start));
        start = hit + prefix.size();
    }
}

}  // namespace runner
