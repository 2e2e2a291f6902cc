#include <wscourse/log.hpp>
#include <wscourse/ws_client.hpp>

#include <charconv>
#include <iostream>

namespace wscourse {

std::optional<WsUrl> parse_ws_url(std::string_view url)
{
    constexpr std::string_view scheme = "ws://";
    if (url.substr(0, scheme.size()) != scheme)
        return std::nullopt;
    url.remove_prefix(scheme.size());
    auto path = url.find_first_of("/?");
    std::string_view authority = url.substr(0, path);
    std::string target = path == std::string_view::npos ? "/" : std::string(url.substr(path));
    if (target.front() == '?')
        target.insert(0, "/");
    WsUrl parsed{"", "80", target};
    std::string_view host = authority;
    if (!authority.empty() && authority.front() == '[') {  // [::1]:8080
        auto close = authority.find(']');
        if (close == std::string_view::npos)
            return std::nullopt;
        host = authority.substr(1, close - 1);
        authority.remove_prefix(close + 1);
        if (!authority.empty() && authority.front() != ':')
            return std::nullopt;
        if (!authority.empty())
            parsed.port = std::string(authority.substr(1));
    } else if (auto colon = authority.rfind(':'); colon != std::string_view::npos) {
        host = authority.substr(0, colon);
        parsed.port = std::string(authority.substr(colon + 1));
    }
    unsigned port = 0;
    auto [end, ec] = std::from_chars(parsed.port.data(), parsed.port.data() + parsed.port.size(), port);
    if (host.empty() || ec != std::errc{} || end != parsed.port.data() + parsed.port.size()
        || port == 0 || port > 65535)
        return std::nullopt;
    parsed.host = std::string(host);
    return parsed;
}

std::string describe_close_reason(const websocket::close_reason& reason)
{
    std::string text = describe_close_code(reason.code);
    if (!reason.reason.empty())
        text += " \"" + std::string(reason.reason.data(), reason.reason.size()) + "\"";
    return text;
}

net::awaitable<bool> connect_client(websocket::stream<beast::tcp_stream>& ws, WsUrl url,
                                    std::string program)
{
    auto executor = co_await net::this_coro::executor;
    tcp::resolver resolver(executor);
    auto [resolve_error, endpoints] = co_await resolver.async_resolve(
        url.host, url.port, net::as_tuple(net::use_awaitable));
    if (resolve_error) {
        std::cerr << program << ": cannot resolve " << url.host << ": " << resolve_error.message()
                  << "\n";
        co_return false;
    }
    beast::get_lowest_layer(ws).expires_after(std::chrono::seconds(10));
    auto [connect_error, endpoint] = co_await beast::get_lowest_layer(ws).async_connect(
        endpoints, net::as_tuple(net::use_awaitable));
    if (connect_error) {
        std::cerr << program << ": cannot connect to " << url.host << ":" << url.port << ": "
                  << connect_error.message() << "\n";
        co_return false;
    }
    beast::get_lowest_layer(ws).expires_never();  // the websocket stream's timeouts from here
    beast::get_lowest_layer(ws).socket().set_option(tcp::no_delay(true));
    ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
    ws.read_message_max(64 * 1024 * 1024);

    // The Host header names the port too, and brackets an IPv6 address.
    std::string host = endpoint.address().is_v6() && url.host.find(':') != std::string::npos
                         ? "[" + url.host + "]" : url.host;
    auto [handshake_error] = co_await ws.async_handshake(host + ":" + url.port, url.target,
                                                         net::as_tuple(net::use_awaitable));
    if (handshake_error) {
        std::cerr << program << ": WebSocket handshake with ws://" << host << ":" << url.port
                  << url.target << " failed: " << handshake_error.message() << "\n";
        co_return false;
    }
    co_return true;
}

}  // namespace wscourse
