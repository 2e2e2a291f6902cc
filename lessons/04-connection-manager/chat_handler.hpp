// What a session does with its connection between the handshake and the close: the chat's
// rules. The session (session.cpp) accepts, reads, queues, writes and closes; a ChatHandler
// decides who hears what. Lesson 04's handler is BroadcastChat: Presence, and your
// handle_inbound for every text message.
//
// Why an interface for one implementation: it is the seam for the lessons that build on this
// one. Lesson 05 serves rooms on this very session by putting its own handler in
// ServerState::chat, instead of copying the session (see lessons/05-rooms/chat.hpp).
#pragma once

#include "connection_manager.hpp"
#include "presence.hpp"
#include "protocol.hpp"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace lesson04 {

class ChatHandler {
public:
    virtual ~ChatHandler() = default;

    // The handshake is done and `outbox` reaches the new connection: register it, welcome
    // it, tell the others.
    virtual Presence::Joined join(const std::string& user, const std::string& remote,
                                  std::shared_ptr<Outbox> outbox) = 0;

    // One text message from `self` (whose outbox is `outbox`). Returns to how many connections
    // a reply went: 0 means nobody was answered, which only an unfinished exercise does (the
    // session then says so and closes with 1011). Meant never to throw.
    virtual std::size_t handle(const ConnectionInfo& self, const std::shared_ptr<Outbox>& outbox,
                               std::string_view text) = 0;

    // The session is over: nothing may reach `self` any more, and the others are told.
    virtual void leave(const ConnectionInfo& self) = 0;
};

// Lesson 04's chat: everybody hears every message.
class BroadcastChat final : public ChatHandler {
public:
    BroadcastChat(ConnectionManager& manager, Presence& presence) : manager_(manager), presence_(presence) {}

    Presence::Joined join(const std::string& user, const std::string& remote,
                          std::shared_ptr<Outbox> outbox) override
    {
        return presence_.join(user, remote, std::move(outbox));
    }

    std::size_t handle(const ConnectionInfo& self, const std::shared_ptr<Outbox>&, std::string_view text) override
    {
        return handle_inbound(manager_, self, text);  // the exercise
    }

    void leave(const ConnectionInfo& self) override { presence_.leave(self.id, self.user); }

private:
    ConnectionManager& manager_;
    Presence& presence_;
};

}  // namespace lesson04
