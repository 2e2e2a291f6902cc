// Lesson 03, the exercise, tasks 2 and 3: the per-session send queue and its bound.
#include "send_queue.hpp"

#include <utility>

namespace lesson03 {

SendQueue::Pushed SendQueue::push(Message message)
{
    std::lock_guard lock(mutex_);
    if (stopped_)
        return {};  // closing or gone: never queue for a session that will not write

    // task 3: the bound. A client that reads slower than the room talks would make this
    // queue grow without end; past the limit it is disconnected instead.
    if (queue_.size() + 1 > max_messages_ || queued_bytes_ + message->size() > max_bytes_) {
        Pushed pushed{.too_slow = true, .dropped_messages = queue_.size(), .dropped_bytes = queued_bytes_};
        stopped_ = true;
        std::deque<Message>().swap(queue_);  // free it now
        queued_bytes_ = 0;
        return pushed;
    }
    // task 2: queue it (a pointer copy) and wake the writer only if it sleeps: a busy writer
    // finds the message when its write finishes, at no cost to the sender.
    queued_bytes_ += message->size();
    queue_.push_back(std::move(message));
    return Pushed{.wake_writer = std::exchange(writer_sleeping_, false)};
}

bool SendQueue::take(std::vector<Message>& batch, std::size_t max)
{
    std::lock_guard lock(mutex_);
    if (stopped_)
        return false;
    // Everything that waits, oldest first, up to max: one write for all of it.
    const std::size_t before = batch.size();
    while (!queue_.empty() && batch.size() - before < max) {
        queued_bytes_ -= queue_.front()->size();
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
    }
    if (batch.size() == before)
        writer_sleeping_ = true;  // from now on push() wakes the writer
    return true;
}

// Given ------------------------------------------------------------------------------------

void SendQueue::stop()
{
    std::lock_guard lock(mutex_);
    stopped_ = true;
    std::deque<Message>().swap(queue_);  // frees its memory now
    queued_bytes_ = 0;
    writer_sleeping_ = false;
}

bool SendQueue::stopped() const
{
    std::lock_guard lock(mutex_);
    return stopped_;
}

std::size_t SendQueue::size() const
{
    std::lock_guard lock(mutex_);
    return queue_.size();
}

std::size_t SendQueue::bytes() const
{
    std::lock_guard lock(mutex_);
    return queued_bytes_;
}

}  // namespace lesson03
