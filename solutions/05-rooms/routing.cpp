// Lesson 05, the exercise, part 2: routing room and private messages (tasks 3 and 4).
#include "chat.hpp"

namespace lesson05 {

// task3 -----------------------------------------------------------------------------------

// [task 3] ----
std::size_t Chat::send_to_room(const std::string& room, const Message& message,
                               std::string_view except_connection_id)
{
    // A snapshot of the room, taken under the registry's lock; the sends happen after it has
    // unlocked. One string for the whole room: every outbox gets the same pointer.
    auto outboxes = rooms_.outboxes(room, except_connection_id);
    for (auto& outbox : outboxes)
        outbox->send(message);
    return outboxes.size();
}

void Chat::join_room(const Connection& from, const std::string& room)
{
    if (!rooms_.contains(room, from.info.id)
        && rooms_.rooms_of(from.info.id).size() >= max_rooms_per_connection) {
        reply_error(from, error_codes::too_many_rooms,
                    "a connection can be in " + std::to_string(max_rooms_per_connection)
                        + " rooms at most; leave one first");
        return;
    }
    auto joined = rooms_.join(room, from.info.id, from.info.user, from.outbox);
    // The joiner learns who is there (itself included); joining twice just says it again.
    from.outbox->send(room_joined_message(room, rooms_.users(room)));
    if (joined.first_of_user)
        send_to_room(room, user_joined_room_message(room, from.info.user), from.info.id);
}

void Chat::leave_room(const Connection& from, const std::string& room)
{
    auto left = rooms_.leave(room, from.info.id);
    if (!left.left) {
        reply_error(from, error_codes::not_in_room, "you are not in room \"" + room + "\"");
        return;
    }
    from.outbox->send(room_left_message(room));
    if (left.last_of_user)
        send_to_room(room, user_left_room_message(room, from.info.user));
}

void Chat::room_message(const Connection& from, const std::string& room, const std::string& text)
{
    if (!rooms_.contains(room, from.info.id)) {
        reply_error(from, error_codes::not_in_room, "join room \"" + room + "\" before writing to it");
        return;
    }
    // The sender gets its own message back like everyone else: all see one order.
    send_to_room(room, chat_message(room, from.info.user, text, Clock::now()));
}
// [end task 3] ----

// task4 -----------------------------------------------------------------------------------

// [task 4] ----
void Chat::private_message(const Connection& from, const std::string& to, const std::string& text)
{
    const auto now = Clock::now();  // the same instant in the message and the receipt
    auto delivered = manager_.send_to_user(to, private_message_message(from.info.user, text, now));
    if (delivered == 0) {
        reply_error(from, error_codes::user_not_connected, "\"" + to.substr(0, 64) + "\" is not connected");
        return;
    }
    from.outbox->send(private_sent_message(to, text, now, delivered));
}
// [end task 4] ----

}  // namespace lesson05
