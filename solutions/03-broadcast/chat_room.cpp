// Lesson 03, the exercise, task 1: the room's bookkeeping and the fan-out.
#include "chat_room.hpp"
#include "chat_lines.hpp"
#include "session.hpp"

#include <algorithm>

namespace lesson03 {

void ChatRoom::join(const std::shared_ptr<Session>& session)
{
    // One critical section for "add" and "tell": no other message can slip in between, so
    // the newcomer's first message is its own join notice, and the counts arrive in order.
    std::lock_guard lock(mutex_);
    sessions_.push_back(session);
    hand_out(std::make_shared<const std::string>(joined_notice(session->name(), sessions_.size())));
}

void ChatRoom::leave(const std::shared_ptr<Session>& session)
{
    std::lock_guard lock(mutex_);
    auto member = std::find(sessions_.begin(), sessions_.end(), session);
    if (member == sessions_.end())
        return;  // never joined, or already gone
    // Swap with the last and pop: O(1) after the search, and the order of members does not
    // matter (each session's queue keeps the order of messages).
    std::swap(*member, sessions_.back());
    sessions_.pop_back();
    hand_out(std::make_shared<const std::string>(left_notice(session->name(), sessions_.size())));
}

void ChatRoom::broadcast(std::shared_ptr<const std::string> message)
{
    std::lock_guard lock(mutex_);
    hand_out(message);
}

std::size_t ChatRoom::size() const
{
    std::lock_guard lock(mutex_);
    return sessions_.size();
}

void ChatRoom::hand_out(const std::shared_ptr<const std::string>& message)
{
    // No copy of the text, no allocation, no I/O: each send() copies the pointer into one
    // queue and returns. A thousand members cost a thousand pointer copies.
    for (const auto& session : sessions_)
        session->send(message);
}

}  // namespace lesson03
