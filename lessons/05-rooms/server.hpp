// The lesson 05 server: lesson 02's one-port HTTP/WebSocket front (reused from shared/),
// lesson 03's sessions, lesson 04's ConnectionManager and JSON protocol, and now rooms,
// private messages and a small REST API (api.hpp).
#pragma once

#include "chat.hpp"
#include "connection_manager.hpp"
#include "rooms.hpp"

#include <wscourse/http_front.hpp>
#include <wscourse/open_sessions.hpp>
#include <wscourse/server_options.hpp>

#include <atomic>
#include <chrono>
#include <cstddef>

namespace lesson05 {

// A JSON message of at most 2000 characters fits easily; a bigger frame gets 1009.
inline constexpr std::size_t default_max_message_bytes = 16 * 1024;

// The bound on each session's queue of messages not yet written (lesson 03's fan-out): a
// client that falls this far behind is disconnected with slow_consumer_close_code, and
// nobody else ever waits for it.
struct SessionLimits {
    std::size_t max_queued_messages = 1024;
    std::size_t max_queued_bytes = 4 * 1024 * 1024;
    // After we start a close (shutdown, a slow consumer), how long the client has to answer
    // it before we cut the TCP connection.
    std::chrono::milliseconds close_timeout{5000};
};

// 1008 policy violation, reason "too slow: ...": the client did not read its messages.
inline constexpr unsigned slow_consumer_close_code = 1008;

// What the server and its sessions share. Sessions on different strands use it at the same
// time: everything in it is thread-safe, or never changes once the server is running.
struct ServerState {
    ServerState(wscourse::ServerOptions options_, SessionLimits limits_)
        : options(std::move(options_)), limits(limits_)
    {
    }

    wscourse::ServerOptions options;
    SessionLimits limits;
    ConnectionManager manager;
    RoomRegistry rooms;
    Chat chat{manager, rooms};
    wscourse::OpenSessions sessions;      // WebSocket sessions: shutdown closes them with 1001
    std::atomic<std::size_t> errors = 0;  // errors logged; a clean close or a drop is not one
};

class Server {
public:
    // Binds and listens at once, so port() is known before the first client connects.
    // Throws wscourse::PortInUse when options.port is taken.
    Server(net::io_context& ioc, wscourse::ServerOptions options, SessionLimits limits = {});

    unsigned short port() const { return port_; }

    // Stops accepting, ends idle HTTP connections and closes every WebSocket session with
    // 1001 (going away). Call it on the io_context's thread.
    void shutdown();

    std::size_t session_count() const { return state_.sessions.size(); }
    std::size_t error_count() const { return state_.errors; }
    ConnectionManager& manager() { return state_.manager; }
    RoomRegistry& rooms() { return state_.rooms; }

private:
    ServerState state_;
    wscourse::HttpFront front_;
    tcp::acceptor acceptor_;
    unsigned short port_ = 0;
};

// The Server header of every response: the handshake's 101 and the HTTP answers.
inline constexpr const char* server_name = "wscourse-lesson05 (Boost.Beast)";

}  // namespace lesson05
