#include "url.hpp"

#include <charconv>
#include <stdexcept>

namespace wscourse::bench {

std::string Url::host_header() const
{
    std::string name = address.is_v6() ? std::string(1, '[').append(host) + "]" : host;
    return name + ":" + std::to_string(port);
}

Url parse_loopback_url(std::string_view text)
{
    constexpr std::string_view scheme = "ws://";
    if (text.substr(0, scheme.size()) != scheme)
        throw std::invalid_argument("--url must start with ws:// (wss is not supported)");
    std::string_view rest = text.substr(scheme.size());
    std::string_view authority = rest.substr(0, rest.find_first_of("/?"));
    std::string_view target = rest.substr(authority.size());

    Url url;
    std::string_view port_text;
    if (!authority.empty() && authority.front() == '[') {  // [::1]:8080
        auto close = authority.find(']');
        if (close == std::string_view::npos)
            throw std::invalid_argument("--url: unclosed '[' in the host");
        url.host = std::string(authority.substr(1, close - 1));
        std::string_view after = authority.substr(close + 1);
        if (!after.empty() && after.front() == ':')
            port_text = after.substr(1);
        else if (!after.empty())
            throw std::invalid_argument("--url: unexpected text after the host");
    } else {
        auto colon = authority.rfind(':');
        url.host = std::string(authority.substr(0, colon));
        if (colon != std::string_view::npos)
            port_text = authority.substr(colon + 1);
    }
    if (url.host.empty())
        throw std::invalid_argument("--url has no host");

    if (!port_text.empty()) {
        unsigned value = 0;
        auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), value);
        if (ec != std::errc{} || end != port_text.data() + port_text.size() || value == 0
            || value > 65535)
            throw std::invalid_argument("--url: bad port '" + std::string(port_text) + "'");
        url.port = static_cast<unsigned short>(value);
    }

    // No name resolution: "localhost" is the only name, and it means 127.0.0.1.
    boost::system::error_code ec;
    url.address = url.host == "localhost" ? net::ip::make_address("127.0.0.1")
                                          : net::ip::make_address(url.host, ec);
    if (ec)
        throw std::invalid_argument("--url: '" + url.host
                                    + "' is not an IP address (only loopback addresses and "
                                      "localhost are allowed)");
    if (!url.address.is_loopback())
        throw std::invalid_argument("--url: " + url.host
                                    + " is not a loopback address; the load generator only "
                                      "targets 127.0.0.0/8, ::1 and localhost");

    if (!target.empty())
        url.target = target.front() == '/' ? std::string(target) : std::string(1, '/').append(target);
    return url;
}

std::string with_query(std::string_view target, std::string_view key, std::string_view value)
{
    std::string out(target);
    out += target.find('?') == std::string_view::npos ? '?' : '&';
    out += key;
    out += '=';
    out += value;
    return out;
}

}  // namespace wscourse::bench
