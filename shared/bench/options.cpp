#include "options.hpp"

#include <CLI/CLI.hpp>

namespace wscourse::bench {
namespace {

constexpr const char* notes = R"(Every mode measures the server named by --server-pid: its CPU time and RSS from /proc,
before and after, and CPU per message. On a small machine the load generator is often the
bottleneck, so the server's CPU per message is the fair figure.
Loopback only (127.0.0.0/8, ::1, localhost). Exit status: 0 done, 1 the run failed, 2 bad arguments.)";

// What every mode takes.
void add_common(CLI::App& mode, Options& options, std::string& url, double& deadline)
{
    mode.add_option("--url", url, "the server's WebSocket URL, e.g. ws://127.0.0.1:8080/ws")->required();
    mode.add_option("--server-pid", options.server_pid, "the server's process, measured from /proc")
        ->check(CLI::Range(1, 4'194'304));
    mode.add_flag("--json-only", options.json_only, "print only the JSON line (no table)");
    mode.add_option("--deadline", deadline, "seconds: hard limit for the whole run (default: from the mode)")
        ->check(CLI::Range(0.0, 86'400.0));
}

// Seconds on the command line, fractions allowed ("2.5"); milliseconds inside.
std::chrono::milliseconds milliseconds(double seconds)
{
    return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
}

}  // namespace

Options parse_options(int argc, char** argv)
{
    Options options;
    std::string url;
    double deadline = 0;
    double duration = 10, drain = 5, hold = 2;
    std::size_t echo_size = options.size, broadcast_size = 64;

    CLI::App app("load for a WebSocket server on this machine, with the server's cost", "wscourse-loadgen");
    app.footer(notes);
    app.require_subcommand(1);

    auto* echo = app.add_subcommand(
        "echo", "C connections, closed loop: each sends an S-byte text, waits for its echo, repeats, "
                "for D seconds. Reports messages/s and latency p50/p99/max. Messages that are not an "
                "echo (a welcome) are skipped: every payload carries a unique token.");
    add_common(*echo, options, url, deadline);
    echo->add_option("--connections", options.connections, "C, connections")
        ->check(CLI::Range(1, 100'000))->capture_default_str();
    echo->add_option("--size", echo_size, "S, bytes per message")
        ->check(CLI::Range(min_echo_size, std::size_t{16} * 1024 * 1024))->capture_default_str();
    echo->add_option("--duration", duration, "D, seconds")
        ->check(CLI::Range(0.001, 3600.0))->capture_default_str();

    auto* broadcast = app.add_subcommand(
        "broadcast", "R receivers and one sender connect with ?name=...; the sender sends M texts of "
                     "S bytes, never more than W undelivered (delivered = every receiver has it). "
                     "Reports deliveries/s, delivery latency p50/p99 and the deliveries still missing "
                     "D seconds after the last progress. A receiver counts any message that contains "
                     "the sender's token \"#RUN:SEQ:\", so servers that wrap it (JSON) work.");
    add_common(*broadcast, options, url, deadline);
    broadcast->add_option("--receivers", options.receivers, "R, receivers")
        ->check(CLI::Range(1, 100'000))->capture_default_str();
    broadcast->add_option("--messages", options.messages, "M, messages")
        ->check(CLI::Range(1, 10'000'000))->capture_default_str();
    broadcast->add_option("--window", options.window, "W, messages undelivered at most")
        ->check(CLI::Range(1, 1'000'000))->capture_default_str();
    broadcast->add_option("--size", broadcast_size, "S, bytes per message")
        ->check(CLI::Range(min_broadcast_size, std::size_t{16} * 1024 * 1024))->capture_default_str();
    broadcast->add_option("--drain", drain, "D, seconds to wait for a delivery before calling it lost")
        ->check(CLI::Range(0.0, 600.0))->capture_default_str();

    auto* connections = app.add_subcommand(
        "connections", "Opens N connections, each reading everything from the moment it opens, holds "
                       "them H seconds, reports the server's RSS before and after, and per connection. "
                       "Meanwhile asks GET /health every 20 ms and reports its latency p50/p99/max. "
                       "Raises the open-file limit to its hard limit first.");
    add_common(*connections, options, url, deadline);
    connections->add_option("--count", options.count, "N, connections")
        ->check(CLI::Range(1, 1'000'000))->capture_default_str();
    connections->add_option("--hold", hold, "H, seconds")
        ->check(CLI::Range(0.0, 3600.0))->capture_default_str();

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        throw HelpRequested{app.help()};  // the mode's own help after a mode
    } catch (const CLI::ParseError& e) {
        throw UsageError(e.what());
    }

    if (*echo)
        options.mode = Mode::echo, options.size = echo_size;
    else if (*broadcast)
        options.mode = Mode::broadcast, options.size = broadcast_size;
    else
        options.mode = Mode::connections;
    try {
        options.url = parse_loopback_url(url);
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    options.duration = milliseconds(duration);
    options.drain = milliseconds(drain);
    options.hold = milliseconds(hold);
    options.deadline = milliseconds(deadline);

    if (options.deadline.count() == 0) {
        using std::chrono::seconds;
        switch (options.mode) {
        case Mode::echo: options.deadline = options.duration + seconds(60); break;
        case Mode::broadcast: options.deadline = seconds(300); break;
        case Mode::connections: options.deadline = options.hold + seconds(300); break;
        }
    }
    return options;
}

}  // namespace wscourse::bench
