// Lesson 05, the exercise, part 2: routing room and private messages (tasks 3 and 4).
// chat.cpp (the scaffold) has already checked every field: rooms are valid names, texts are
// within the limit. Each function below answers the connection `from` through from.outbox,
// and reaches others through rooms_ (the RoomRegistry) and manager_ (the ConnectionManager).
// Build every message once with the ..._message functions of protocol.hpp and give that same
// pointer to every recipient. Errors: reply_error(from, error_codes::..., "for a human").
#include "chat.hpp"

namespace lesson05 {

// task3 -----------------------------------------------------------------------------------

// [task 3] ----
std::size_t Chat::send_to_room(const std::string& room, const Message& message,
                               std::string_view except_connection_id)
{
    // TODO(student) task3: send message to every outbox in rooms_.outboxes(room, except...)
    //   and return how many there were.
    (void)room, (void)message, (void)except_connection_id;
    return 0;
}

void Chat::join_room(const Connection& from, const std::string& room)
{
    // TODO(student) task3:
    //   - a connection that is in max_rooms_per_connection rooms already gets the error
    //     too_many_rooms (unless it is already in this one);
    //   - rooms_.join(room, from.info.id, from.info.user, from.outbox);
    //   - room_joined_message(room, rooms_.users(room)) to from (also when it was already in);
    //   - if the user is new in the room (first_of_user), user_joined_room_message(room, user)
    //     to the room's other connections.
    (void)from, (void)room;
}

void Chat::leave_room(const Connection& from, const std::string& room)
{
    // TODO(student) task3: rooms_.leave(...). Not in the room: error not_in_room. Otherwise
    //   room_left_message(room) to from, and user_left_room_message(room, user) to those still
    //   in the room if that was the user's last connection there (last_of_user).
    (void)from, (void)room;
}

void Chat::room_message(const Connection& from, const std::string& room, const std::string& text)
{
    // TODO(student) task3: only a member may write to a room (error not_in_room otherwise).
    //   chat_message(room, from.info.user, text, Clock::now()) to every connection in the room,
    //   the sender's included: everyone sees the same order.
    (void)from, (void)room, (void)text;
}
// [end task 3] ----

// task4 -----------------------------------------------------------------------------------

// [task 4] ----
void Chat::private_message(const Connection& from, const std::string& to, const std::string& text)
{
    // TODO(student) task4: private_message_message(from.info.user, text, now) to every
    //   connection of user `to` (manager_.send_to_user returns how many). None: error
    //   user_not_connected. Otherwise private_sent_message(to, text, now, delivered) to from.
    //   One Clock::now() for both messages: the receipt says when the message was sent.
    (void)from, (void)to, (void)text;
}
// [end task 4] ----

}  // namespace lesson05
