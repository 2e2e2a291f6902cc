// Ctrl-C done right: the first SIGINT/SIGTERM stops accepting and closes every session with
// 1001, waits until they are gone (at most `grace`), then returns; a second one stops at once.
#pragma once

#include <wscourse/net.hpp>

#include <chrono>
#include <functional>

namespace wscourse {

// Runs ioc on this thread until the shutdown has finished. begin_shutdown is called once, on
// the io_context's thread; finished is polled until it returns true.
void run_until_signal(net::io_context& ioc, std::function<void()> begin_shutdown,
                      std::function<bool()> finished,
                      std::chrono::milliseconds grace = std::chrono::seconds(3));

}  // namespace wscourse
