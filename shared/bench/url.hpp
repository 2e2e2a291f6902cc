// ws://HOST:PORT/PATH?QUERY, loopback only: a load generator must never be aimed at someone else.
#pragma once

#include <wscourse/net.hpp>

#include <string>
#include <string_view>

namespace wscourse::bench {

struct Url {
    std::string host;             // as written: "127.0.0.1", "localhost", "::1"
    net::ip::address address;     // what we connect to
    unsigned short port = 80;
    std::string target = "/";     // path and query, for the handshake's request line

    // The Host header: "127.0.0.1:8080", "[::1]:8080".
    std::string host_header() const;
};

// Throws std::invalid_argument (one line) for anything that is not ws:// on a loopback address
// (127.0.0.0/8, ::1, localhost).
Url parse_loopback_url(std::string_view text);

// "/ws" + name=ana -> "/ws?name=ana"; "/ws?a=1" -> "/ws?a=1&name=ana". value must not need escaping.
std::string with_query(std::string_view target, std::string_view key, std::string_view value);

}  // namespace wscourse::bench
