// connections: N idle connections, held open. What does the server pay for each one?
#include "client.hpp"
#include "modes.hpp"
#include "proc_stats.hpp"
#include "waiting.hpp"

#include <iostream>

namespace wscourse::bench {
namespace {

net::awaitable<int> measure_connections(const Options& options, Report& report)
{
    auto executor = co_await net::this_coro::executor;
    ProcessWatch server(options.server_pid);
    server.start();  // the baseline: no connection of ours yet

    ClientTimeouts timeouts;
    timeouts.idle = websocket::stream_base::none();  // idle is the point: never time out a read
    auto started = Clock::now();
    auto opened = co_await open_clients(
        options.url, options.count, [&](std::size_t) { return options.url.target; }, timeouts);
    double open_seconds = std::chrono::duration<double>(Clock::now() - started).count();

    // Each connection keeps a read pending, as a real client would: it takes the welcome and
    // answers the server's pings.
    WaitGroup readers(executor, opened.streams.size());
    for (auto& ws : opened.streams)
        net::co_spawn(executor, discard_messages(*ws), [&](std::exception_ptr) { readers.done(); });

    co_await sleep_for(options.hold);
    server.stop();
    std::size_t still_open = 0;
    for (auto& ws : opened.streams)
        still_open += ws->is_open() ? 1 : 0;

    co_await close_clients(opened.streams);
    co_await readers.wait();

    const double n = double(opened.streams.size());
    report.add("mode", "mode", std::string("connections"));
    report.add("requested", "connections requested", double(options.count));
    report.add("opened", "connections opened", n);
    report.add("open_at_end", "still open after the hold", double(still_open));
    report.add("open_s", "time to open them", open_seconds, 2, "s");
    report.add("opens_per_s", "opened per second", n / open_seconds);
    report.add("hold_s", "held for", double(options.hold.count()) / 1000, 1, "s");
    if (server.measured()) {
        double added = double(server.rss_after()) - double(server.rss_before());
        report.add("server_rss_before_kib", "server RSS before", double(server.rss_before()) / 1024, 0, "KiB");
        report.add("server_rss_after_kib", "server RSS after", double(server.rss_after()) / 1024, 0, "KiB");
        report.add("server_rss_per_conn_kib", "server RSS per connection", added / n / 1024, 2, "KiB");
        report.add("server_cpu_us_per_conn", "server CPU per connection (open + hold)",
                   1e6 * server.cpu_seconds() / n, 1, "µs");
    }
    if (opened.failed) {
        report.note("stopped opening after a failure: " + opened.first_error);
        std::cerr << "wscourse-loadgen: opened " << opened.streams.size() << " of " << options.count
                  << " connections, then " << opened.first_error << "\n";
        co_return 1;
    }
    co_return still_open == opened.streams.size() ? 0 : 1;
}

}  // namespace

int run_connections(const Options& options)
{
    Report report("wscourse-loadgen connections  ws://" + options.url.host_header() + options.url.target);
    return run_bounded(options, report,
                       [&](Report& r) { return measure_connections(options, r); });
}

}  // namespace wscourse::bench
