// The lesson 05 server is lesson 04's, used by name (lesson04::Server: the one-port HTTP/WebSocket
// front, the sessions with their bounded queues, the ConnectionManager and Presence), with two
// things of its own plugged in: the Chat (chat.hpp) as every session's ChatHandler, so that
// messages are routed to rooms and users, and the REST API (api.hpp) as its HTTP routes.
#pragma once

#include "chat.hpp"
#include "rooms.hpp"

#include <lesson04/server.hpp>

#include <cstddef>

namespace lesson05 {

using lesson04::SessionLimits;
using lesson04::default_max_message_bytes;

// The Server header of every response: the handshake's 101 and the HTTP answers.
inline constexpr const char* server_name = "wscourse-lesson05 (Boost.Beast)";

class Server {
public:
    // Binds and listens at once, so port() is known before the first client connects.
    // Throws wscourse::PortInUse when options.port is taken.
    Server(net::io_context& ioc, wscourse::ServerOptions options, SessionLimits limits = {});

    unsigned short port() const { return core_.port(); }

    // Stops accepting, ends idle HTTP connections and closes every WebSocket session with
    // 1001 (going away). Call it on the io_context's thread.
    void shutdown() { core_.shutdown(); }

    std::size_t session_count() const { return core_.session_count(); }
    std::size_t error_count() const { return core_.error_count(); }
    ConnectionManager& manager() { return core_.manager(); }
    RoomRegistry& rooms() { return rooms_; }

    // For the lessons that build on this one (06, 07): lesson 04's server underneath, whose
    // front() takes their HTTP routes and admission checks and whose state().chat their own
    // ChatHandler, and this lesson's Chat, which such a handler passes messages on to.
    lesson04::Server& core() { return core_; }
    Chat& chat() { return chat_; }

private:
    lesson04::Server core_;
    RoomRegistry rooms_;
    Chat chat_{core_.state().manager, core_.state().presence, rooms_};
};

}  // namespace lesson05
