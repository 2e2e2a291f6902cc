// Lesson 05, the exercise, part 2: routing room and private messages (tasks 3 and 4).
// routing.hpp says what each function does. The Chat (chat.cpp) has already checked every
// field: rooms are valid names, texts are within the limit. Answer the connection `from`
// through from.outbox; reach the others through `rooms` (the RoomRegistry, your tasks 1 and 2)
// and `manager` (lesson 04's ConnectionManager). Build every message once with the ..._message
// functions of protocol.hpp and give that same pointer to every recipient. Errors:
// return reply_error(from, error_codes::..., "for a human"). Each function returns to how many
// connections it handed a message, the answer to `from` included.
#include "routing.hpp"

namespace lesson05 {

// task3 -----------------------------------------------------------------------------------

// [task 3] ----
std::size_t send_to_room(const RoomRegistry& rooms, const std::string& room, const Message& message,
                         std::string_view except_connection_id)
{
    // TODO(student) task3: send message to every outbox in rooms.outboxes(room, except...)
    //   and return how many there were.
    (void)rooms, (void)room, (void)message, (void)except_connection_id;
    return 0;
}

std::size_t join_room(RoomRegistry& rooms, const Connection& from, const std::string& room)
{
    // TODO(student) task3:
    //   - a connection that is in max_rooms_per_connection rooms already gets the error
    //     too_many_rooms (unless it is already in this one);
    //   - rooms.join(room, from.info.id, from.info.user, from.outbox);
    //   - room_joined_message(room, rooms.users(room)) to from (also when it was already in);
    //   - if the user is new in the room (first_of_user), user_joined_room_message(room, user)
    //     to the room's other connections.
    (void)rooms, (void)from, (void)room;
    return 0;
}

std::size_t leave_room(RoomRegistry& rooms, const Connection& from, const std::string& room)
{
    // TODO(student) task3: rooms.leave(...). Not in the room: error not_in_room. Otherwise
    //   room_left_message(room) to from, and user_left_room_message(room, user) to those still
    //   in the room if that was the user's last connection there (last_of_user).
    (void)rooms, (void)from, (void)room;
    return 0;
}

std::size_t room_message(const RoomRegistry& rooms, const Connection& from, const std::string& room,
                         const std::string& text)
{
    // TODO(student) task3: only a member may write to a room (error not_in_room otherwise).
    //   chat_message(room, from.info.user, text, Clock::now()) to every connection in the room,
    //   the sender's included: everyone sees the same order.
    (void)rooms, (void)from, (void)room, (void)text;
    return 0;
}
// [end task 3] ----

// task4 -----------------------------------------------------------------------------------

// [task 4] ----
std::size_t private_message(ConnectionManager& manager, const Connection& from, const std::string& to,
                            const std::string& text)
{
    // TODO(student) task4: private_message_message(from.info.user, text, now) to every
    //   connection of user `to` (manager.send_to_user returns how many). None: error
    //   user_not_connected. Otherwise private_sent_message(to, text, now, delivered) to from.
    //   One Clock::now() for both messages: the receipt says when the message was sent.
    (void)manager, (void)from, (void)to, (void)text;
    return 0;
}
// [end task 4] ----

}  // namespace lesson05
