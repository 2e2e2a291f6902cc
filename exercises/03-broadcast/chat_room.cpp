// Lesson 03, the exercise, task 1: the room's bookkeeping and the fan-out.
// Read "The exercise" in lessons/03-broadcast/README.md, then `./course check 3`.
#include "chat_room.hpp"
#include "chat_lines.hpp"
#include "session.hpp"

#include <algorithm>

namespace lesson03 {

void ChatRoom::join(const std::shared_ptr<Session>& session)
{
    // TODO(student) task1: under the lock (std::lock_guard lock(mutex_);), add the session to
    //   sessions_, then hand everyone, the newcomer included, the notice
    //   joined_notice(session->name(), sessions_.size()) (chat_lines.hpp), serialized once:
    //   std::make_shared<const std::string>(...). Doing both under one lock keeps the
    //   newcomer's own notice its first message.
    (void)session;
}

void ChatRoom::leave(const std::shared_ptr<Session>& session)
{
    // TODO(student) task1: under the lock, find the session in sessions_ (it may not be
    //   there: then do nothing), remove it (swap it with the last one and pop_back), and hand
    //   the others left_notice(session->name(), sessions_.size()).
    (void)session;
}

void ChatRoom::broadcast(std::shared_ptr<const std::string> message)
{
    // TODO(student) task1: under the lock, hand the message out.
    (void)message;
}

std::size_t ChatRoom::size() const
{
    // TODO(student) task1: how many sessions are in the room (under the lock: another strand
    //   may be joining).
    return 0;
}

void ChatRoom::hand_out(const std::shared_ptr<const std::string>& message)
{
    // TODO(student) task1: call send(message) on every session. The caller holds the lock;
    //   send() only queues, so this loop never waits for a client.
    (void)message;
}

}  // namespace lesson03
