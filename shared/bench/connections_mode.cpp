// connections: N connections opened and held, each reading everything the server sends (as a
// real client would: the welcome, presence, the server's pings). What does the server pay for
// each one, and does it still answer HTTP while they arrive? A probe asks GET /health over and
// over, on a fresh TCP connection each time, from the first connection to the end of the hold.
#include "client.hpp"
#include "latency.hpp"
#include "modes.hpp"
#include "proc_stats.hpp"
#include "waiting.hpp"

#include <iostream>

namespace wscourse::bench {
namespace {

struct HealthProbe {
    LatencyRecorder latencies;  // of the answers
    std::size_t unanswered = 0; // no answer within the timeout, or the connection failed
    bool stop = false;
};

// GET /health until probe.stop, one at a time, `gap` apart. Any HTTP answer counts (a lesson
// without /health answers 404 just as fast): the question is whether the server answers.
net::awaitable<void> probe_health(const Url& url, HealthProbe& probe, Clock::duration gap)
{
    auto executor = co_await net::this_coro::executor;
    while (!probe.stop) {
        beast::tcp_stream stream(executor);
        stream.expires_after(std::chrono::seconds(30));
        const auto started = Clock::now();
        auto [connect_error] = co_await stream.async_connect(tcp::endpoint(url.address, url.port),
                                                             net::as_tuple(net::use_awaitable));
        bool answered = false;
        if (!connect_error) {
            http::request<http::empty_body> request(http::verb::get, "/health", 11);
            request.set(http::field::host, url.host_header());
            request.keep_alive(false);
            auto [write_error, written] = co_await http::async_write(stream, request,
                                                                     net::as_tuple(net::use_awaitable));
            beast::flat_buffer buffer;
            http::response<http::string_body> response;
            if (!write_error) {
                auto [read_error, read] = co_await http::async_read(stream, buffer, response,
                                                                    net::as_tuple(net::use_awaitable));
                answered = !read_error;
            }
        }
        if (answered)
            probe.latencies.add(Clock::now() - started);
        else
            ++probe.unanswered;
        co_await sleep_for(gap);
    }
}

net::awaitable<int> measure_connections(const Options& options, Report& report)
{
    auto executor = co_await net::this_coro::executor;
    ProcessWatch server(options.server_pid);
    server.start();  // the baseline: no connection of ours yet

    HealthProbe health;
    WaitGroup probe_done(executor, 1);
    net::co_spawn(executor, probe_health(options.url, health, std::chrono::milliseconds(20)),
                  [&](std::exception_ptr) { probe_done.done(); });

    // Each connection reads from the moment it opens: a server that sends every client the
    // news of every newcomer would otherwise see the first ones stop reading, and close them
    // as too slow, long before the last one opens.
    ClientTimeouts timeouts;
    timeouts.idle = websocket::stream_base::none();  // idle is the point: never time out a read
    std::size_t reading = 0;
    WaitGroup readers(executor, options.count);
    auto start_reading = [&](WsStream& ws) {
        ++reading;
        net::co_spawn(executor, discard_messages(ws), [&](std::exception_ptr) { readers.done(); });
    };
    auto started = Clock::now();
    auto opened = co_await open_clients(
        options.url, options.count, [&](std::size_t) { return options.url.target; }, timeouts, 64,
        start_reading);
    double open_seconds = std::chrono::duration<double>(Clock::now() - started).count();
    for (std::size_t never_opened = options.count - reading; never_opened > 0; --never_opened)
        readers.done();

    co_await sleep_for(options.hold);
    server.stop();
    health.stop = true;
    std::size_t still_open = 0;
    for (auto& ws : opened.streams)
        still_open += ws->is_open() ? 1 : 0;

    co_await close_clients(opened.streams);
    co_await readers.wait();
    co_await probe_done.wait();

    const double n = double(opened.streams.size());
    report.add("mode", "mode", std::string("connections"));
    report.add("requested", "connections requested", double(options.count));
    report.add("opened", "connections opened", n);
    report.add("open_at_end", "still open after the hold", double(still_open));
    report.add("open_s", "time to open them", open_seconds, 2, "s");
    report.add("opens_per_s", "opened per second", n / open_seconds);
    report.add("hold_s", "held for", double(options.hold.count()) / 1000, 1, "s");
    const auto probes = health.latencies.summarize();
    report.add("health_answered", "GET /health answered (open + hold)", double(probes.count));
    report.add("health_unanswered", "GET /health unanswered", double(health.unanswered));
    report.add("health_p50_ms", "GET /health latency p50", probes.p50_us / 1000, 2, "ms");
    report.add("health_p99_ms", "GET /health latency p99", probes.p99_us / 1000, 2, "ms");
    report.add("health_max_ms", "GET /health latency max", probes.max_us / 1000, 2, "ms");
    if (server.measured()) {
        double added = double(server.rss_after()) - double(server.rss_before());
        report.add("server_rss_before_kib", "server RSS before", double(server.rss_before()) / 1024, 0, "KiB");
        report.add("server_rss_after_kib", "server RSS after", double(server.rss_after()) / 1024, 0, "KiB");
        report.add("server_rss_per_conn_kib", "server RSS per connection", added / n / 1024, 2, "KiB");
        report.add("server_cpu_s", "server CPU (open + hold)", server.cpu_seconds(), 2, "s");
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
