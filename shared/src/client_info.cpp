#include <wscourse/client_info.hpp>

#include <wscourse/static_files.hpp>

namespace wscourse {
namespace {

// Length of the UTF-8 sequence starting at text[i], or 0 if it is not valid UTF-8
// (overlong forms, surrogates and code points over U+10FFFF included).
std::size_t utf8_sequence(std::string_view text, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char first = byte(i);
    std::size_t length = first < 0x80 ? 1 : (first >> 5) == 0x6 ? 2 : (first >> 4) == 0xE ? 3
                       : (first >> 3) == 0x1E                   ? 4 : 0;
    if (length == 0 || i + length > text.size())
        return 0;
    char32_t code = length == 1 ? first : first & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80)
            return 0;
        code = (code << 6) | (byte(i + k) & 0x3F);
    }
    static constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < smallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        return 0;
    return length;
}

}  // namespace

std::string ClientInfo::remote_address() const
{
    auto address = remote.address();
    std::string host = address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
    return host + ":" + std::to_string(remote.port());
}

std::optional<std::string> ClientInfo::query(std::string_view name) const
{
    return wscourse::query_parameter(target, name);
}

std::string ClientInfo::header(http::field name) const
{
    auto found = headers.find(name);
    return found == headers.end() ? std::string() : std::string(found->value());
}

ClientInfo client_info_from(const http::request<http::string_body>& upgrade, const tcp::endpoint& remote)
{
    ClientInfo client;
    client.remote = remote;
    client.target = std::string(upgrade.target());
    client.headers = upgrade.base();  // copies the header fields (a few hundred bytes, once)
    return client;
}

std::optional<std::string> valid_user_name(std::string_view raw)
{
    const auto first = raw.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return std::nullopt;
    raw = raw.substr(first, raw.find_last_not_of(" \t") - first + 1);
    std::size_t characters = 0;
    for (std::size_t i = 0; i < raw.size(); ++characters) {
        const auto length = utf8_sequence(raw, i);
        if (length == 0)
            return std::nullopt;
        const auto byte = static_cast<unsigned char>(raw[i]);
        if (length == 1 && (byte < 0x20 || byte == 0x7F))
            return std::nullopt;  // control characters: newlines in a name break every log
        i += length;
    }
    if (characters > max_user_name_chars)
        return std::nullopt;
    return std::string(raw);
}

std::string user_name_for(const ClientInfo& client, std::string_view random_id)
{
    for (std::string_view parameter : {"user", "name"})
        if (auto given = client.query(parameter))
            if (auto name = valid_user_name(*given))
                return *name;
    return "guest-" + std::string(random_id.substr(0, 6));
}

std::string describe_client(const ClientInfo& client)
{
    std::string text = "from " + client.remote_address();
    text += " target=" + (client.target.size() > 60 ? client.target.substr(0, 57) + "..." : client.target);
    for (auto [field, label] : {std::pair{http::field::origin, "origin"},
                                std::pair{http::field::user_agent, "agent"}}) {
        auto value = client.header(field);
        if (value.size() > 60)
            value = value.substr(0, 57) + "...";
        if (!value.empty())
            text += std::string(" ") + label + "=\"" + value + "\"";
    }
    return text;
}

}  // namespace wscourse
