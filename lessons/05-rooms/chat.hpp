// The chat's rules: what happens when a connection arrives, sends something, or leaves.
// It only talks to the ConnectionManager, the RoomRegistry and Outboxes, so the tests can
// drive all of it without a socket. Thread-safe: it keeps no state of its own.
//
// chat.cpp (the scaffold) does connect and disconnect, validation and dispatch, pings and
// announcements; routing.cpp, your exercise, routes rooms and private messages.
#pragma once

#include "connection_manager.hpp"
#include "presence.hpp"
#include "protocol.hpp"
#include "rooms.hpp"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace lesson05 {

// A connection as the chat sees it: who it is, and where its messages go.
struct Connection {
    ConnectionInfo info;
    std::shared_ptr<Outbox> outbox;
};

class Chat {
public:
    Chat(ConnectionManager& manager, RoomRegistry& rooms) : manager_(manager), rooms_(rooms) {}

    // A session has started: register it, welcome it, tell the others (lesson 04's Presence).
    Connection connect(const std::string& user, const std::string& remote, std::shared_ptr<Outbox> outbox);

    // A session has ended: out of every room (user_left_room where it was the user's last
    // connection there), then out of the manager (user_left if it was the user's last).
    void disconnect(const Connection& connection);

    // One text message from a client: validated (parse_inbound), then dispatched. A bad one
    // is answered with an error and nothing else happens.
    void handle(const Connection& from, std::string_view text);

    // POST /api/broadcast: an announcement to every connection. Returns how many.
    std::size_t announce(const std::string& text);

    // ---- routing.cpp: the exercise -----------------------------------------------------------

    // task3: room_joined {room, members} to `from`; user_joined_room {room, user} to the room's
    // other connections if the user was not in the room yet. too_many_rooms past the limit.
    void join_room(const Connection& from, const std::string& room);
    // task3: room_left {room} to `from`; user_left_room {room, user} to the room's remaining
    // connections if that was the user's last connection in it. not_in_room if it was not in.
    void leave_room(const Connection& from, const std::string& room);
    // task3: message {room, from, text, timestamp} to every connection in the room, the
    // sender's included (one order for all). not_in_room if the sender has not joined it.
    void room_message(const Connection& from, const std::string& room, const std::string& text);
    // task4: private_message {from, text, timestamp} to every connection of user `to`, then
    // private_sent {to, text, timestamp, delivered} to `from`; user_not_connected if `to`
    // has no connection.
    void private_message(const Connection& from, const std::string& to, const std::string& text);

    // task3: one message to every connection in a room but one; returns to how many.
    std::size_t send_to_room(const std::string& room, const Message& message,
                             std::string_view except_connection_id = {});

    // -------------------------------------------------------------------------------------------

    ConnectionManager& manager() { return manager_; }
    RoomRegistry& rooms() { return rooms_; }

private:
    static void reply_error(const Connection& to, std::string_view code, const std::string& text);

    ConnectionManager& manager_;
    RoomRegistry& rooms_;
    Presence presence_{manager_};
};

}  // namespace lesson05
