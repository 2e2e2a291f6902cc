// Lesson 03, the exercise, tasks 2 and 3: the per-session send queue, its writer, its bound.
#include "session.hpp"

namespace lesson03 {

void Session::send(const std::shared_ptr<const std::string>& message)
{
    bool wake = false;
    bool too_slow = false;
    std::size_t waiting = 0, waiting_bytes = 0;
    {
        std::lock_guard lock(queue_mutex_);
        if (stopped_)
            return;  // closing or gone: never queue for a session that will not write

        // task 3: the bound. A client that reads slower than the room talks would make this
        // queue grow without end; past the limit it is disconnected instead.
        const auto& limits = state_.limits;
        if (queue_.size() + 1 > limits.max_queued_messages
            || queued_bytes_ + message->size() > limits.max_queued_bytes) {
            stopped_ = true;
            waiting = queue_.size();
            waiting_bytes = queued_bytes_;
            std::deque<std::shared_ptr<const std::string>>().swap(queue_);  // free it now
            queued_bytes_ = 0;
            too_slow = true;
        } else {
            // task 2: queue it (a pointer copy) and wake the writer only if it sleeps: a busy
            // writer finds the message when its write finishes, at no cost to the sender.
            queue_.push_back(message);
            queued_bytes_ += message->size();
            wake = std::exchange(writer_sleeping_, false);
        }
    }
    // Outside the lock: both only post to the session's strand.
    if (too_slow)
        close_too_slow(waiting, waiting_bytes);
    if (wake)
        wake_writer();
}

net::awaitable<boost::system::error_code> Session::write_queued()
{
    std::vector<std::shared_ptr<const std::string>> batch;  // keeps its capacity between rounds
    for (;;) {
        {
            std::lock_guard lock(queue_mutex_);
            if (stopped_)
                co_return boost::system::error_code{};
            // Everything that waits, oldest first, up to max_batch: one write for all of it.
            while (!queue_.empty() && batch.size() < max_batch) {
                queued_bytes_ -= queue_.front()->size();
                batch.push_back(std::move(queue_.front()));
                queue_.pop_front();
            }
            if (batch.empty())
                writer_sleeping_ = true;  // from now on send() wakes us
        }
        if (batch.empty()) {
            co_await wait_for_wake();
            continue;  // woken, or stopped: look again
        }
        // The one write outstanding. `batch` keeps the strings alive until it has finished;
        // the other sessions share the same strings.
        auto ec = co_await write_batch(batch);
        if (ec)
            co_return ec;
        batch.clear();
    }
}

}  // namespace lesson03
