// Routing room and private messages: yours, in exercises/05-rooms/routing.cpp (tasks 3 and 4).
// Free functions: each is handed exactly what it may use (the room registry, lesson 04's
// ConnectionManager, the sender), so the tests can drive them with recording outboxes and no
// socket. The Chat (chat.hpp) has already checked every field: rooms are valid names, texts
// are within the limit.
#pragma once

#include "protocol.hpp"
#include "rooms.hpp"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace lesson05 {

// A connection as the routing sees it: who it is, and where its messages go.
struct Connection {
    ConnectionInfo info;
    std::shared_ptr<Outbox> outbox;
};

// Given (chat.cpp): error_message(code, text) to `to` alone. Returns 1, the connections it reached.
std::size_t reply_error(const Connection& to, std::string_view code, const std::string& text);

// Every function below returns to how many connections it handed a message, its answer to
// `from` included: never 0 once it is written (the session treats 0 as "not written yet").
// Build each message once and hand the same pointer to every recipient.

// task3: message to every connection in the room except one (none if except_connection_id is
// empty).
std::size_t send_to_room(const RoomRegistry& rooms, const std::string& room, const Message& message,
                         std::string_view except_connection_id = {});

// task3: room_joined {room, members} to `from` (also when it was in the room already);
// user_joined_room {room, user} to the room's other connections if the user was not in the
// room yet. Error too_many_rooms past max_rooms_per_connection.
std::size_t join_room(RoomRegistry& rooms, const Connection& from, const std::string& room);

// task3: room_left {room} to `from`; user_left_room {room, user} to the room's remaining
// connections if that was the user's last connection in it. Error not_in_room if it was not in.
std::size_t leave_room(RoomRegistry& rooms, const Connection& from, const std::string& room);

// task3: message {room, from, text, timestamp} to every connection in the room, the sender's
// included (one order for all). Error not_in_room if the sender has not joined it.
std::size_t room_message(const RoomRegistry& rooms, const Connection& from, const std::string& room,
                         const std::string& text);

// task4: private_message {from, text, timestamp} to every connection of user `to`, then
// private_sent {to, text, timestamp, delivered} to `from`. Error user_not_connected if `to` has
// no connection.
std::size_t private_message(ConnectionManager& manager, const Connection& from, const std::string& to,
                            const std::string& text);

}  // namespace lesson05
