// The chat's rules for lesson 05: what happens when a connection arrives, sends something, or
// leaves. It is a lesson04::ChatHandler, so lesson 04's session runs it unchanged: lesson 04's
// server puts it in ServerState::chat (server.cpp). It only talks to lesson 04's
// ConnectionManager and Presence, the RoomRegistry and Outboxes, so the tests can drive all of
// it without a socket. Thread-safe: it keeps no state of its own.
//
// chat.cpp (the scaffold) does join and leave, validation and dispatch, pings and
// announcements; the routing it dispatches to is yours (routing.hpp).
#pragma once

#include "protocol.hpp"
#include "rooms.hpp"
#include "routing.hpp"

#include <lesson04/chat_handler.hpp>
#include <lesson04/presence.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace lesson05 {

class Chat final : public lesson04::ChatHandler {
public:
    Chat(ConnectionManager& manager, lesson04::Presence& presence, RoomRegistry& rooms)
        : manager_(manager), presence_(presence), rooms_(rooms)
    {
    }

    // A session has started: lesson 04's Presence registers it, welcomes it, tells the others.
    lesson04::Presence::Joined join(const std::string& user, const std::string& remote,
                                    std::shared_ptr<Outbox> outbox) override;

    // One text message from a client: validated (parse_inbound), then dispatched to the
    // routing. A bad one is answered with an error and nothing else happens.
    std::size_t handle(const ConnectionInfo& self, const std::shared_ptr<Outbox>& outbox,
                       std::string_view text) override;

    // A session has ended: out of every room (user_left_room where it was the user's last
    // connection there), then out of lesson 04's Presence (user_left if it was the user's last).
    void leave(const ConnectionInfo& self) override;

    // POST /api/broadcast: an announcement to every connection. Returns how many.
    std::size_t announce(const std::string& text);

    ConnectionManager& manager() { return manager_; }
    RoomRegistry& rooms() { return rooms_; }

private:
    ConnectionManager& manager_;
    lesson04::Presence& presence_;
    RoomRegistry& rooms_;
};

}  // namespace lesson05
