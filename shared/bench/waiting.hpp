// Waiting for other coroutines on a single-threaded io_context. A cancelled timer wakes its
// waiter, which is all a one-thread program needs: no locks, no lost wake-ups as long as the
// waiter checks its condition right before it waits (nothing else runs in between).
#pragma once

#include <wscourse/net.hpp>

#include <chrono>
#include <cstddef>

namespace wscourse::bench {

using Clock = std::chrono::steady_clock;

// "Something happened": notify() wakes the coroutine in wait_until().
class Event {
public:
    explicit Event(const net::any_io_executor& executor) : timer_(executor) {}

    void notify() { timer_.cancel(); }

    // True if notify() woke us, false if `limit` came first.
    net::awaitable<bool> wait_until(Clock::time_point limit)
    {
        timer_.expires_at(limit);
        auto [ec] = co_await timer_.async_wait(net::as_tuple(net::use_awaitable));
        co_return ec == net::error::operation_aborted;
    }

private:
    net::steady_timer timer_;
};

// Waits until `count` coroutines have called done().
class WaitGroup {
public:
    WaitGroup(const net::any_io_executor& executor, std::size_t count)
        : event_(executor), count_(count)
    {
    }

    void done()
    {
        if (--count_ == 0)
            event_.notify();
    }

    net::awaitable<void> wait()
    {
        while (count_ > 0)
            co_await event_.wait_until(Clock::time_point::max());
    }

private:
    Event event_;
    std::size_t count_;
};

inline net::awaitable<void> sleep_for(Clock::duration duration)
{
    net::steady_timer timer(co_await net::this_coro::executor, duration);
    co_await timer.async_wait(net::as_tuple(net::use_awaitable));
}

}  // namespace wscourse::bench
