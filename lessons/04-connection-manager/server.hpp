// The lesson 04 server: lesson 02's one-port HTTP/WebSocket front (reused from shared/), a
// ConnectionManager that knows every connection and its user, a JSON protocol, and two HTTP
// routes: GET /health and GET /api/stats.
#pragma once

#include "chat_handler.hpp"
#include "connection_manager.hpp"
#include "presence.hpp"

#include <wscourse/http_front.hpp>
#include <wscourse/open_sessions.hpp>
#include <wscourse/server_options.hpp>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

namespace lesson04 {

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
    std::chrono::milliseconds close_timeout{2000};
    // How long changes to who is online are collected before one presence message tells
    // everybody (Presence). Not a session limit, but the same kind of knob: tests shorten it.
    std::chrono::milliseconds presence_interval{200};
};

// 1008 policy violation, reason "too slow: send queue full", as in lesson 03.
inline constexpr unsigned slow_consumer_close_code = 1008;

// What the server and its sessions share. It outlives every session: the Server lives until
// ioc.run() has returned.
struct ServerState {
    ServerState(net::any_io_executor executor, wscourse::ServerOptions options_, SessionLimits limits_)
        : options(std::move(options_)), limits(limits_), presence(manager, std::move(executor), limits.presence_interval)
    {
    }

    wscourse::ServerOptions options;
    SessionLimits limits;
    ConnectionManager manager;
    Presence presence;
    // What every session does with its connection (chat_handler.hpp): lesson 04's broadcast
    // chat. A later lesson points it at its own handler before the first client connects.
    BroadcastChat broadcast_chat{manager, presence};
    ChatHandler* chat = &broadcast_chat;
    std::string server_name;  // the Server header of the handshake's 101
    wscourse::OpenSessions sessions;      // WebSocket sessions: shutdown closes them with 1001
    std::atomic<std::size_t> errors = 0;  // errors logged; a clean close or a drop is not one
};

class Server {
public:
    // Binds and listens at once, so port() is known before the first client connects.
    // Throws wscourse::PortInUse when options.port is taken.
    // name: the Server header of every response (a later lesson gives its own).
    Server(net::io_context& ioc, wscourse::ServerOptions options, SessionLimits limits = {},
           std::string name = "wscourse-lesson04 (Boost.Beast)");

    unsigned short port() const { return port_; }

    // Stops accepting, ends idle HTTP connections and closes every WebSocket session with
    // 1001 (going away). Call it on the io_context's thread.
    void shutdown();

    std::size_t session_count() const { return state_.sessions.size(); }
    std::size_t error_count() const { return state_.errors; }
    ConnectionManager& manager() { return state_.manager; }

    // For a lesson that builds on this server (lesson 05): its own ChatHandler (state().chat)
    // and HTTP routes (front().routes), set before io_context::run.
    ServerState& state() { return state_; }
    wscourse::HttpFront& front() { return front_; }

private:
    // GET /health and GET /api/stats; nothing for every other request (the front serves files).
    std::optional<wscourse::HttpResponse> route(const wscourse::HttpRequest& request);

    ServerState state_;
    wscourse::HttpFront front_;
    tcp::acceptor acceptor_;
    unsigned short port_ = 0;
};

}  // namespace lesson04
