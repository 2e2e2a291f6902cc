// echo: C connections in a closed loop. Each sends a text, waits for its echo, sends the next.
#include "client.hpp"
#include "latency.hpp"
#include "modes.hpp"
#include "proc_stats.hpp"
#include "waiting.hpp"

#include <unistd.h>

#include <charconv>
#include <cstdint>
#include <iostream>

namespace wscourse::bench {
namespace {

struct EchoRun {
    explicit EchoRun(const Options& options_) : options(options_) {}

    const Options& options;
    std::string run_id = make_run_id();
    bool measuring = false;      // round trips count only inside the measured window
    bool stopping = false;       // the window is over: finish the round trip in hand and stop
    std::size_t round_trips = 0;
    std::size_t skipped = 0;     // messages that were not an echo (a welcome, a notice)
    std::size_t failed = 0;      // connections that ended with an error during the run
    std::string first_error;
    LatencyRecorder latencies;
};

// "#RUN:CONNECTION:SEQ:" then 'x' up to `size` bytes. No two payloads of a run are alike, so
// an echo is recognised by comparing it with what was sent. min_echo_size bytes always fit.
// Reuses the string's memory: the generator should spend its CPU on the wire, not in malloc.
void fill_payload(std::string& payload, std::string_view connection_prefix, std::uint64_t seq,
                  std::size_t size)
{
    char digits[24];
    auto end = std::to_chars(digits, digits + sizeof digits, seq).ptr;
    payload.assign(connection_prefix);
    payload.append(digits, end);
    payload += ':';
    payload.resize(size, 'x');
}

bool holds(const beast::flat_buffer& buffer, const std::string& payload)
{
    auto data = buffer.data();
    return data.size() == payload.size()
        && std::string_view(static_cast<const char*>(data.data()), data.size()) == payload;
}

net::awaitable<void> echo_loop(EchoRun& run, WsStream& ws, std::size_t connection)
{
    const std::string prefix = std::string(1, '#').append(run.run_id) + ":" + std::to_string(connection) + ":";
    std::string payload;
    beast::flat_buffer buffer;
    ws.text(true);
    for (std::uint64_t seq = 0; !run.stopping; ++seq) {
        fill_payload(payload, prefix, seq, run.options.size);
        auto sent_at = Clock::now();
        auto [write_error, written] =
            co_await ws.async_write(net::buffer(payload), net::as_tuple(net::use_awaitable));
        boost::system::error_code error = write_error;
        while (!error) {
            buffer.clear();
            std::size_t bytes = 0;
            std::tie(error, bytes) =
                co_await ws.async_read(buffer, net::as_tuple(net::use_awaitable));
            if (!error && holds(buffer, payload))
                break;
            if (!error)
                ++run.skipped;
        }
        if (error) {
            if (run.failed++ == 0)
                run.first_error = "connection " + std::to_string(connection + 1) + ": "
                                + (error == beast::error::timeout
                                       ? "no echo of our message in time (is it an echo server?)"
                                       : error.message());
            co_return;
        }
        if (run.measuring) {
            run.latencies.add(Clock::now() - sent_at);
            ++run.round_trips;
        }
    }
}

net::awaitable<int> measure_echo(const Options& options, Report& report)
{
    auto executor = co_await net::this_coro::executor;
    EchoRun run(options);
    auto opened = co_await open_clients(
        options.url, options.connections, [&](std::size_t) { return options.url.target; }, {});
    if (opened.failed) {
        std::cerr << "wscourse-loadgen: could not open " << options.connections
                  << " connections to " << options.url.host_header() << ": " << opened.first_error
                  << "\n";
        co_return 1;
    }

    ProcessWatch server(options.server_pid), generator(getpid());
    server.start();
    generator.start();
    auto started = Clock::now();
    run.measuring = true;
    WaitGroup loops(executor, opened.streams.size());
    for (std::size_t i = 0; i < opened.streams.size(); ++i)
        net::co_spawn(executor, echo_loop(run, *opened.streams[i], i),
                      [&](std::exception_ptr) { loops.done(); });

    co_await sleep_for(options.duration);
    run.measuring = false;
    run.stopping = true;
    double elapsed = std::chrono::duration<double>(Clock::now() - started).count();
    server.stop();
    generator.stop();
    co_await loops.wait();
    co_await close_clients(opened.streams);

    if (run.failed) {
        std::cerr << "wscourse-loadgen: " << run.failed << " of " << options.connections
                  << " connections failed: " << run.first_error << "\n";
        co_return 1;
    }

    auto latency = run.latencies.summarize();
    report.add("mode", "mode", std::string("echo"));
    report.add("connections", "connections", double(options.connections));
    report.add("size", "message size", double(options.size), 0, "bytes");
    report.add("duration_s", "measured for", elapsed, 2, "s");
    report.add("messages", "round trips", double(run.round_trips));
    report.add("msgs_per_s", "messages/s", double(run.round_trips) / elapsed, 0);
    report.add("latency_p50_us", "latency p50", latency.p50_us, 1, "µs");
    report.add("latency_p99_us", "latency p99", latency.p99_us, 1, "µs");
    report.add("latency_max_us", "latency max", latency.max_us, 1, "µs");
    report.add("skipped", "other messages skipped", double(run.skipped));
    if (server.measured())
        report.add("server_cpu_us_per_msg", "server CPU per message",
                   1e6 * server.cpu_seconds() / double(run.round_trips), 2, "µs");
    add_usage(report, server, generator, elapsed, "messages/s");
    co_return 0;
}

}  // namespace

int run_echo(const Options& options)
{
    Report report("wscourse-loadgen echo  ws://" + options.url.host_header() + options.url.target);
    return run_bounded(options, report,
                       [&](Report& r) { return measure_echo(options, r); });
}

}  // namespace wscourse::bench
