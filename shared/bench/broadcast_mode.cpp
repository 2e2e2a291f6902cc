// broadcast: R receivers and one sender. The sender keeps at most W messages undelivered; a
// message is delivered once every receiver has it. Latency is send time -> each arrival.
#include "client.hpp"
#include "latency.hpp"
#include "modes.hpp"
#include "proc_stats.hpp"
#include "waiting.hpp"

#include <unistd.h>

#include <charconv>
#include <cstdint>
#include <iostream>
#include <optional>

namespace wscourse::bench {
namespace {

struct BroadcastRun {
    explicit BroadcastRun(const Options& options_, const net::any_io_executor& executor)
        : options(options_), progress(executor)
    {
    }

    const Options& options;
    std::string token = std::string(1, '#').append(make_run_id()) + ":";   // each message: token, SEQ, ':', padding
    std::vector<Clock::time_point> sent_at;           // by SEQ
    std::vector<std::uint32_t> missing;               // by SEQ: receivers that have not got it
    std::size_t sent = 0;
    std::size_t complete = 0;                         // messages every receiver has got
    std::size_t deliveries = 0;                       // (message, receiver) arrivals
    std::size_t foreign = 0;                          // messages without our token (notices...)
    Clock::time_point last_arrival;                   // of anything, for the quiet period
    Clock::time_point last_delivery;
    std::size_t receivers_failed = 0;
    std::string first_error;
    bool closing = false;                             // our close_clients ends the receivers
    LatencyRecorder latencies;
    Event progress;                                   // a message became complete
};

// The SEQ of the first "#RUN:SEQ:" in a message, wherever the server put it: "ana: #RUN:7:xx",
// {"text":"#RUN:7:xx",...}.
std::optional<std::size_t> find_seq(std::string_view message, std::string_view token)
{
    auto at = message.find(token);
    if (at == std::string_view::npos)
        return std::nullopt;
    std::string_view rest = message.substr(at + token.size());
    std::size_t seq = 0;
    auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), seq);
    if (ec != std::errc{} || end == rest.data() + rest.size() || *end != ':')
        return std::nullopt;
    return seq;
}

// Reads everything (a receiver that stopped reading would be a slow consumer and measure the
// server's back-pressure instead of its fan-out) and counts the messages with our token.
net::awaitable<void> receive(BroadcastRun& run, WsStream& ws, std::size_t receiver)
{
    beast::flat_buffer buffer;
    std::size_t next_seq = 0;  // a server keeps one sender's order: older SEQs are duplicates
    for (;;) {
        buffer.clear();
        auto [ec, bytes] = co_await ws.async_read(buffer, net::as_tuple(net::use_awaitable));
        if (ec) {
            if (!run.closing && run.receivers_failed++ == 0)
                run.first_error = "receiver " + std::to_string(receiver + 1) + ": " + ec.message();
            co_return;
        }
        auto now = Clock::now();
        run.last_arrival = now;
        auto data = buffer.data();
        auto seq = find_seq(std::string_view(static_cast<const char*>(data.data()), data.size()),
                            run.token);
        if (!seq || *seq >= run.sent || *seq < next_seq) {
            run.foreign += seq ? 0 : 1;
            continue;
        }
        next_seq = *seq + 1;
        run.latencies.add(now - run.sent_at[*seq]);
        ++run.deliveries;
        run.last_delivery = now;
        if (--run.missing[*seq] == 0) {
            ++run.complete;
            run.progress.notify();
        }
    }
}

// Sends the messages, at most `window` undelivered. Stops early if nothing is delivered for
// options.drain (returns false then).
net::awaitable<bool> send_all(BroadcastRun& run, WsStream& sender)
{
    const auto& options = run.options;
    std::string payload;
    sender.text(true);
    for (std::size_t seq = 0; seq < options.messages; ++seq) {
        while (run.sent - run.complete >= options.window)
            if (!co_await run.progress.wait_until(Clock::now() + options.drain))
                co_return false;
        char digits[24];
        auto end = std::to_chars(digits, digits + sizeof digits, seq).ptr;
        payload.assign(run.token);
        payload.append(digits, end);
        payload += ':';
        payload.resize(options.size, 'x');

        run.sent_at[seq] = Clock::now();
        ++run.sent;  // before the write: the first receiver may have it before the write completes
        auto [ec, written] =
            co_await sender.async_write(net::buffer(payload), net::as_tuple(net::use_awaitable));
        if (ec) {
            std::cerr << "wscourse-loadgen: the sender's write failed: " << ec.message() << "\n";
            co_return false;
        }
    }
    co_return true;
}

// Join notices to everyone: R receivers joining make about R*R/2 messages. Wait for them to
// stop (no message for `quiet`), so they are not measured as part of the broadcast.
net::awaitable<bool> wait_until_quiet(BroadcastRun& run, Clock::duration quiet, Clock::duration limit)
{
    auto give_up = Clock::now() + limit;
    while (Clock::now() - run.last_arrival < quiet) {
        if (Clock::now() > give_up)
            co_return false;
        co_await sleep_for(quiet / 4);
    }
    co_return true;
}

net::awaitable<int> measure_broadcast(const Options& options, Report& report)
{
    auto executor = co_await net::this_coro::executor;
    BroadcastRun run(options, executor);
    run.sent_at.resize(options.messages);

    // The receivers r1..rR, then the sender: names the server can show ("r12: #...").
    auto opened = co_await open_clients(
        options.url, options.receivers + 1,
        [&](std::size_t i) {
            return with_query(options.url.target, "name",
                              i < options.receivers ? std::string(1, 'r').append(std::to_string(i + 1)) : "sender");
        },
        {});
    if (opened.failed) {
        std::cerr << "wscourse-loadgen: could not open " << options.receivers + 1
                  << " connections to " << options.url.host_header() << ": " << opened.first_error
                  << "\n";
        co_return 1;
    }
    WsStream& sender = *opened.streams.back();
    run.missing.assign(options.messages, static_cast<std::uint32_t>(options.receivers));
    run.latencies.reserve(options.messages * options.receivers);

    run.last_arrival = Clock::now();  // the notices are waiting in the sockets: quiet starts now
    WaitGroup readers(executor, opened.streams.size());
    for (std::size_t i = 0; i < options.receivers; ++i)
        net::co_spawn(executor, receive(run, *opened.streams[i], i),
                      [&](std::exception_ptr) { readers.done(); });
    // The sender gets its own messages back (everyone does); it reads and drops them.
    net::co_spawn(executor, discard_messages(sender), [&](std::exception_ptr) { readers.done(); });

    bool quiet = co_await wait_until_quiet(run, std::chrono::milliseconds(300), std::chrono::seconds(30));
    std::size_t foreign_before = run.foreign;

    ProcessWatch server(options.server_pid), generator(getpid());
    server.start();
    generator.start();
    auto started = Clock::now();
    bool sent_all = co_await send_all(run, sender);
    // Drain: wait for the last deliveries, as long as they keep coming.
    while (run.complete < run.sent && run.receivers_failed == 0)
        if (!co_await run.progress.wait_until(Clock::now() + options.drain))
            break;
    auto finished = run.deliveries ? run.last_delivery : Clock::now();
    server.stop();
    generator.stop();

    run.closing = true;
    co_await close_clients(opened.streams);
    co_await readers.wait();

    std::size_t lost = 0;
    for (std::size_t seq = 0; seq < run.sent; ++seq)
        lost += run.missing[seq];
    double elapsed = std::chrono::duration<double>(finished - started).count();
    auto latency = run.latencies.summarize();

    report.add("mode", "mode", std::string("broadcast"));
    report.add("receivers", "receivers", double(options.receivers));
    report.add("size", "message size", double(options.size), 0, "bytes");
    report.add("window", "window", double(options.window), 0, "messages");
    report.add("messages", "messages sent", double(run.sent));
    report.add("deliveries", "deliveries", double(run.deliveries));
    report.add("duration_s", "first send to last delivery", elapsed, 3, "s");
    report.add("deliveries_per_s", "deliveries/s", double(run.deliveries) / elapsed);
    report.add("latency_p50_us", "delivery latency p50", latency.p50_us, 1, "µs");
    report.add("latency_p99_us", "delivery latency p99", latency.p99_us, 1, "µs");
    report.add("latency_max_us", "delivery latency max", latency.max_us, 1, "µs");
    report.add("lost", "lost deliveries", double(lost));
    report.add("other_messages", "other messages during the run", double(run.foreign - foreign_before));
    if (server.measured()) {
        report.add("server_cpu_us_per_msg", "server CPU per message sent",
                   1e6 * server.cpu_seconds() / double(run.sent), 1, "µs");
        report.add("server_cpu_us_per_delivery", "server CPU per delivery",
                   1e6 * server.cpu_seconds() / double(run.deliveries), 3, "µs");
    }
    add_usage(report, server, generator, elapsed, "deliveries/s");
    if (!quiet)
        report.note("the server was still sending other messages (join notices?) when the run began");
    if (!sent_all)
        report.note("the sender stopped early: nothing was delivered for "
                    + std::to_string(options.drain.count()) + " ms");
    if (run.receivers_failed)
        report.note(std::to_string(run.receivers_failed) + " receivers failed, first: " + run.first_error);
    co_return lost == 0 && sent_all && run.receivers_failed == 0 ? 0 : 1;
}

}  // namespace

int run_broadcast(const Options& options)
{
    Report report("wscourse-loadgen broadcast  ws://" + options.url.host_header() + options.url.target);
    return run_bounded(options, report,
                       [&](Report& r) { return measure_broadcast(options, r); });
}

}  // namespace wscourse::bench
