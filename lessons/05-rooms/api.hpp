// The lesson's HTTP routes, next to the HTML client on the same port:
//   GET  /health           {"status":"ok"}
//   GET  /api/stats        {"connections":N,"unique_users":N,"rooms":N}
//   GET  /api/rooms        [{"name":"lobby","members":2,"connections":3}, ...]
//   GET  /api/users        [{"user":"ana","connections":2}, ...]
//   POST /api/broadcast    {"text":"..."} -> an announcement to everyone; loopback only
#pragma once

#include "chat.hpp"

#include <wscourse/http_front.hpp>

#include <optional>

namespace lesson05 {

// The answer to a request for one of the routes above; nothing for any other path (HttpFront
// then serves the HTML client's files). peer is the TCP peer that sent the request.
std::optional<wscourse::HttpResponse> api_route(Chat& chat, const wscourse::HttpRequest& request,
                                                const tcp::endpoint& peer);

// 127.0.0.0/8 and ::1, also written as an IPv4-mapped IPv6 address (::ffff:127.0.0.1).
bool is_loopback(const net::ip::address& address);

}  // namespace lesson05
