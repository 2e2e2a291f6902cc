// The lesson 03 server: the one-port HTTP/WebSocket front from lesson 02 (reused from
// shared/: wscourse::HttpFront), and behind /ws a chat room where every message reaches
// everybody.
#pragma once

#include "limits.hpp"
#include "server_state.hpp"

#include <wscourse/http_front.hpp>
#include <wscourse/net.hpp>
#include <wscourse/server_options.hpp>

#include <cstddef>

namespace lesson03 {

// What `lesson03` allows by default: a chat line is small; 64 KiB + 1 byte gets 1009.
inline constexpr std::size_t default_max_message_bytes = 64 * 1024;

class Server {
public:
    // Binds and listens at once, so port() is known before the first client connects.
    // Throws wscourse::PortInUse when options.port is taken.
    Server(net::io_context& ioc, wscourse::ServerOptions options, Limits limits = {});

    unsigned short port() const { return port_; }

    // Stops accepting, ends idle HTTP connections and closes every WebSocket session with
    // 1001 (going away). Call it on the io_context's thread.
    void shutdown();

    std::size_t session_count() const { return state_.sessions.size(); }
    std::size_t room_size() const { return state_.room.size(); }
    std::size_t error_count() const { return state_.errors; }
    std::size_t write_error_count() const { return state_.write_errors; }
    std::size_t slow_consumer_count() const { return state_.slow_consumers; }

private:
    net::awaitable<void> run_session(wscourse::Upgrade upgrade);

    ServerState state_;
    wscourse::HttpFront front_;
    tcp::acceptor acceptor_;
    unsigned short port_ = 0;
};

}  // namespace lesson03
