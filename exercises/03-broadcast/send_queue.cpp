// Lesson 03, the exercise, tasks 2 and 3: the per-session send queue, its writer, its bound.
// Read "The exercise" in lessons/03-broadcast/README.md, then `./course check 3`.
#include "session.hpp"

namespace lesson03 {

void Session::send(const std::shared_ptr<const std::string>& message)
{
    // TODO(student) task2: under queue_mutex_ (std::lock_guard), unless stopped_ is set:
    //   append the message to queue_, add message->size() to queued_bytes_, and if
    //   writer_sleeping_ is set, clear it and remember to wake the writer. After the lock
    //   is released, call wake_writer() if you have to.

    // TODO(student) task3: before queueing, check the bound: if the queue would then hold
    //   more than state_.limits.max_queued_messages messages or more than
    //   state_.limits.max_queued_bytes bytes, do not queue. Set stopped_, note how many
    //   messages and bytes were waiting, free the queue (swap it with an empty deque) and
    //   reset queued_bytes_; after the lock, call close_too_slow(messages, bytes).
    (void)message;
}

net::awaitable<boost::system::error_code> Session::write_queued()
{
    // TODO(student) task2: keep a batch, std::vector<std::shared_ptr<const std::string>>,
    //   and loop:
    //   - under queue_mutex_: if stopped_, co_return {}; move messages from the front of
    //     queue_ to the back of the batch (oldest first), subtracting each one's size from
    //     queued_bytes_, until the queue is empty or the batch holds max_batch; if the batch
    //     is still empty, set writer_sleeping_;
    //   - outside the lock: with nothing to write, co_await wait_for_wake() and loop;
    //   - otherwise write the whole batch, the only write in flight:
    //       auto ec = co_await write_batch(batch);
    //     co_return ec if it failed, else clear the batch and loop.
    co_return boost::system::error_code{};  // TODO(student): replace with the loop
}

}  // namespace lesson03
