// One client's send queue: the messages the room has handed to a session and its writer has not
// written yet. Yours, whole: exercises/03-broadcast/send_queue.cpp (tasks 2 and 3). The session
// (session.cpp) only calls the public members below; the private ones are your exercise's
// alone, which no scaffold code touches.
//
// Two sides use it at once, so a mutex guards it: whoever broadcasts calls push() from any
// thread, and the session's writer, on its strand, takes batches with take(). Neither ever
// waits for the other, nor for the client.
#pragma once

#include "limits.hpp"

#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace lesson03 {

class SendQueue {
public:
    using Message = std::shared_ptr<const std::string>;

    explicit SendQueue(const Limits& limits)
        : max_messages_(limits.max_queued_messages), max_bytes_(limits.max_queued_bytes)
    {
    }

    // What push() did, and what the session must do about it (after push has unlocked).
    struct Pushed {
        bool wake_writer = false;          // task 2: the writer sleeps: wake it
        bool too_slow = false;             // task 3: over the bound: close the client with 1008
        std::size_t dropped_messages = 0;  // task 3: what was waiting then (for the log)
        std::size_t dropped_bytes = 0;
    };

    // Queues a message (a pointer: every queue shares the one string).
    // - once stopped, does nothing and returns {};
    // - task 2: appends the message (oldest first); if the writer went to sleep (take() found
    //   nothing), says wake_writer, once: the next push finds it awake;
    // - task 3: if the queue would then hold more than limits.max_queued_messages messages or
    //   more than limits.max_queued_bytes bytes, the client is too slow: instead of queueing,
    //   stop (as stop() does) and say too_slow, with what was waiting.
    Pushed push(Message message);

    // task 2, for the writer: moves the oldest messages, up to `max` of them, to the back of
    // `batch`. Found none: remembers that the writer goes to sleep, so that the next push()
    // says wake_writer. Returns false once stopped (the writer then returns), else true.
    bool take(std::vector<Message>& batch, std::size_t max);

    // Given (in the same file): no more queueing or taking from now on; frees the queue at once.
    void stop();
    bool stopped() const;
    std::size_t size() const;   // messages waiting
    std::size_t bytes() const;  // their bytes

private:
    const std::size_t max_messages_;
    const std::size_t max_bytes_;

    mutable std::mutex mutex_;
    std::deque<Message> queue_;  // oldest first
    std::size_t queued_bytes_ = 0;
    bool writer_sleeping_ = false;  // take() found nothing: push() must wake the writer
    bool stopped_ = false;          // the session is closing or over
};

}  // namespace lesson03
