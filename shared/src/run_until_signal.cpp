#include <wscourse/log.hpp>
#include <wscourse/run_until_signal.hpp>

#include <csignal>

namespace wscourse {

void run_until_signal(net::io_context& ioc, std::function<void()> begin_shutdown,
                      std::function<bool()> finished, std::chrono::milliseconds grace)
{
    net::signal_set signals(ioc, SIGINT, SIGTERM);
    net::steady_timer poll(ioc);
    auto deadline = std::chrono::steady_clock::time_point::max();

    std::function<void()> wait_until_finished = [&] {
        if (finished()) {
            log("all sessions closed; bye");
            signals.cancel();
            return;  // nothing else keeps ioc busy once the sessions are gone
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            log("some clients did not answer the close handshake; stopping anyway");
            ioc.stop();
            return;
        }
        poll.expires_after(std::chrono::milliseconds(20));
        poll.async_wait([&](boost::system::error_code ec) {
            if (!ec)
                wait_until_finished();
        });
    };

    signals.async_wait([&](boost::system::error_code ec, int) {
        if (ec)
            return;
        log("shutting down: closing every session with ", describe_close_code(1001));
        deadline = std::chrono::steady_clock::now() + grace;
        begin_shutdown();
        signals.async_wait([&](boost::system::error_code second, int) {
            if (!second) {
                log("second signal: stopping now");
                ioc.stop();
            }
        });
        wait_until_finished();
    });

    ioc.run();
}

}  // namespace wscourse
