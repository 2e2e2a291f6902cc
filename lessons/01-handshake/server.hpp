// Lesson 01's server: accepts TCP connections and runs one Session (session.hpp) for each.
#pragma once

#include <wscourse/net.hpp>
#include <wscourse/open_sessions.hpp>
#include <wscourse/server_options.hpp>
#include <wscourse/static_files.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace lesson01 {

// Every connection has a deadline, so a client that stops talking cannot hold a socket
// (and its memory) forever.
struct Timeouts {
    std::chrono::milliseconds handshake = std::chrono::seconds(10);  // to send the HTTP request
    std::chrono::milliseconds idle = std::chrono::minutes(5);        // between two frames
    std::chrono::milliseconds closing = std::chrono::seconds(2);     // to answer our close frame
};

class Server {
public:
    // Binds in the constructor (port 0 = any free port; port() says which), then accepts
    // once the io_context runs.
    Server(net::io_context& ioc, wscourse::ServerOptions options, Timeouts timeouts = {});

    unsigned short port() const { return port_; }

    // Stops accepting; every open session sends close 1001 (going away) and ends.
    void shutdown();

    std::size_t session_count() const { return sessions_.size(); }

private:
    net::awaitable<void> accept_loop();

    wscourse::ServerOptions options_;
    Timeouts timeouts_;
    wscourse::StaticFiles files_;
    tcp::acceptor acceptor_;
    unsigned short port_;
    wscourse::OpenSessions sessions_;
    std::uint64_t next_id_ = 1;
};

}  // namespace lesson01
