// The client end of a connection, for the lessons' command-line clients (lesson02-client,
// lesson03-client, ...): parse a ws:// URL, resolve, connect, handshake.
#pragma once

#include <wscourse/beast.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace wscourse {

struct WsUrl {
    std::string host;    // "127.0.0.1", "::1"
    std::string port;    // "8080" (80 when the URL has none)
    std::string target;  // "/ws?name=ana"
};

// ws://host[:port][/path][?query], [::1] for IPv6. Plain ws:// only: wss:// needs TLS, which
// comes later in the course. Nothing for anything else.
std::optional<WsUrl> parse_ws_url(std::string_view url);

// "1000 normal", or "1008 policy violation \"too slow: send queue full\"".
std::string describe_close_reason(const websocket::close_reason& reason);

// Resolves, connects (10 s at most) and completes the WebSocket handshake, then hands the
// timeouts to the WebSocket stream (timeout::suggested for a client). On failure prints
// "PROGRAM: cannot connect to ..." (one line) on stderr and returns false.
// (Parameters by value: a coroutine outlives the caller's temporaries.)
net::awaitable<bool> connect_client(websocket::stream<beast::tcp_stream>& ws, WsUrl url,
                                    std::string program);

}  // namespace wscourse
