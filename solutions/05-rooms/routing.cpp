// Lesson 05, the exercise, part 2: routing room and private messages (tasks 3 and 4).
#include "routing.hpp"

namespace lesson05 {

// task3 -----------------------------------------------------------------------------------

// [task 3] ----
std::size_t send_to_room(const RoomRegistry& rooms, const std::string& room, const Message& message,
                         std::string_view except_connection_id)
{
    // A snapshot of the room, taken under the registry's lock; the sends happen after it has
    // unlocked. One string for the whole room: every outbox gets the same pointer.
    auto outboxes = rooms.outboxes(room, except_connection_id);
    for (auto& outbox : outboxes)
        outbox->send(message);
    return outboxes.size();
}

std::size_t join_room(RoomRegistry& rooms, const Connection& from, const std::string& room)
{
    if (!rooms.contains(room, from.info.id) && rooms.rooms_of(from.info.id).size() >= max_rooms_per_connection)
        return reply_error(from, error_codes::too_many_rooms,
                           "a connection can be in " + std::to_string(max_rooms_per_connection)
                               + " rooms at most; leave one first");
    auto joined = rooms.join(room, from.info.id, from.info.user, from.outbox);
    // The joiner learns who is there (itself included); joining twice just says it again.
    from.outbox->send(room_joined_message(room, rooms.users(room)));
    std::size_t reached = 1;
    if (joined.first_of_user)
        reached += send_to_room(rooms, room, user_joined_room_message(room, from.info.user), from.info.id);
    return reached;
}

std::size_t leave_room(RoomRegistry& rooms, const Connection& from, const std::string& room)
{
    auto left = rooms.leave(room, from.info.id);
    if (!left.left)
        return reply_error(from, error_codes::not_in_room, "you are not in room \"" + room + "\"");
    from.outbox->send(room_left_message(room));
    std::size_t reached = 1;
    if (left.last_of_user)
        reached += send_to_room(rooms, room, user_left_room_message(room, from.info.user));
    return reached;
}

std::size_t room_message(const RoomRegistry& rooms, const Connection& from, const std::string& room,
                         const std::string& text)
{
    if (!rooms.contains(room, from.info.id))
        return reply_error(from, error_codes::not_in_room, "join room \"" + room + "\" before writing to it");
    // The sender gets its own message back like everyone else: all see one order.
    return send_to_room(rooms, room, chat_message(room, from.info.user, text, Clock::now()));
}
// [end task 3] ----

// task4 -----------------------------------------------------------------------------------

// [task 4] ----
std::size_t private_message(ConnectionManager& manager, const Connection& from, const std::string& to,
                            const std::string& text)
{
    const auto now = Clock::now();  // the same instant in the message and the receipt
    auto delivered = manager.send_to_user(to, private_message_message(from.info.user, text, now));
    if (delivered == 0)
        return reply_error(from, error_codes::user_not_connected, "\"" + to.substr(0, 64) + "\" is not connected");
    from.outbox->send(private_sent_message(to, text, now, delivered));
    return delivered + 1;
}
// [end task 4] ----

}  // namespace lesson05
