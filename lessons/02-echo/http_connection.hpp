// One TCP connection before it becomes a WebSocket: plain HTTP requests for the HTML client,
// until an upgrade request for /ws hands the connection to a WebSocket session.
#pragma once

#include "server.hpp"

#include <wscourse/beast.hpp>

#include <string>

namespace lesson02 {

// Reads requests (each with size limits and a timeout) and answers them, keeping the
// connection alive for at most max_requests_per_connection of them.
net::awaitable<void> serve_connection(ServerState& state, Style style, tcp::socket socket,
                                      std::string label);

// The answer to a plain HTTP request: a file of the HTML client, 404, 405 or 426.
http::response<http::string_body> respond(const wscourse::StaticFiles& files,
                                          const http::request<http::string_body>& request);

inline constexpr std::size_t max_request_header_bytes = 8 * 1024;
inline constexpr std::size_t max_request_body_bytes = 8 * 1024;
inline constexpr int max_requests_per_connection = 100;
inline constexpr auto http_timeout = std::chrono::seconds(30);

}  // namespace lesson02
