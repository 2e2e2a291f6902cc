// Lesson 03, the exercise, tasks 2 and 3: the per-session send queue and its bound.
// Read "The exercise" in lessons/03-broadcast/README.md and send_queue.hpp, then
// `./course check 3`.
#include "send_queue.hpp"

#include <utility>

namespace lesson03 {

SendQueue::Pushed SendQueue::push(Message message)
{
    // TODO(student) task2: under mutex_ (std::lock_guard), unless stopped_ is set: append the
    //   message to queue_ and add message->size() to queued_bytes_. If writer_sleeping_ is
    //   set, clear it and return Pushed{.wake_writer = true} (std::exchange does both).

    // TODO(student) task3: before queueing, check the bound: if the queue would then hold
    //   more than max_messages_ messages or more than max_bytes_ bytes, do not queue. Return
    //   Pushed{.too_slow = true, .dropped_messages = ..., .dropped_bytes = ...} with what was
    //   waiting, after setting stopped_, freeing the queue (swap it with an empty deque) and
    //   resetting queued_bytes_.
    (void)message;
    return {};
}

bool SendQueue::take(std::vector<Message>& batch, std::size_t max)
{
    // TODO(student) task2: under mutex_: if stopped_, return false. Move messages from the
    //   front of queue_ to the back of batch (oldest first), subtracting each one's size from
    //   queued_bytes_, until the queue is empty or you have moved max. If you moved none, set
    //   writer_sleeping_ (the writer goes to sleep; the next push must wake it). Return true.
    (void)batch, (void)max;
    return false;
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
