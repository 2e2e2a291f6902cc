#include "names.hpp"

#include <wscourse/static_files.hpp>

namespace lesson03 {
namespace {

// The code point at text[i], advancing i past it; nothing for bytes that are not UTF-8
// (overlong forms, surrogates and values past U+10FFFF included).
std::optional<char32_t> next_code_point(std::string_view text, std::size_t& i)
{
    auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
    unsigned char lead = byte(i);
    std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xe ? 3
                       : (lead >> 3) == 0x1e ? 4 : 0;
    if (length == 0 || i + length > text.size())
        return std::nullopt;
    char32_t value = length == 1 ? lead : lead & (0x7f >> length);
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xc0) != 0x80)
            return std::nullopt;
        value = (value << 6) | (byte(i + k) & 0x3f);
    }
    static constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (value < smallest[length] || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff))
        return std::nullopt;
    i += length;
    return value;
}

bool is_control(char32_t c) { return c < 0x20 || (c >= 0x7f && c < 0xa0); }

}  // namespace

std::optional<std::string> valid_name(std::string_view requested)
{
    while (!requested.empty() && requested.front() == ' ')
        requested.remove_prefix(1);
    while (!requested.empty() && requested.back() == ' ')
        requested.remove_suffix(1);
    if (requested.empty() || requested.front() == '*')
        return std::nullopt;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < requested.size(); ++chars) {
        auto c = next_code_point(requested, i);
        if (!c || is_control(*c) || *c == ':' || chars == max_name_chars)
            return std::nullopt;
    }
    return std::string(requested);
}

std::string endpoint_name(const tcp::endpoint& peer)
{
    const bool v6 = peer.address().is_v6();
    std::string name = v6 ? "[" : "";
    name += peer.address().to_string();
    name += v6 ? "]:" : ":";
    name += std::to_string(peer.port());
    return name;
}

std::string display_name(std::string_view target, const tcp::endpoint& peer)
{
    if (auto requested = wscourse::query_parameter(target, "name"))
        if (auto name = valid_name(*requested))
            return *name;
    return endpoint_name(peer);
}

}  // namespace lesson03
