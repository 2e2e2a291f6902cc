#include "options.hpp"

#include <charconv>
#include <cmath>
#include <string_view>
#include <vector>

namespace wscourse::bench {
namespace {

std::size_t parse_count(std::string_view flag, std::string_view text, std::size_t min,
                        std::size_t max)
{
    std::size_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < min || value > max)
        throw UsageError(std::string(flag) + " wants a whole number from " + std::to_string(min)
                         + " to " + std::to_string(max) + ", not '" + std::string(text) + "'");
    return value;
}

// Seconds, fractions allowed: "10", "2.5".
std::chrono::milliseconds parse_seconds(std::string_view flag, std::string_view text, double max)
{
    double value = -1;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)
        || value < 0 || value > max)
        throw UsageError(std::string(flag) + " wants seconds from 0 to " + std::to_string(int(max))
                         + ", not '" + std::string(text) + "'");
    return std::chrono::milliseconds(static_cast<long long>(value * 1000));
}

// Which flags each mode accepts, so a typo or a flag of another mode is an error, not ignored.
bool accepts(Mode mode, std::string_view flag)
{
    static const std::vector<std::string_view> common = {"--url", "--server-pid", "--json-only",
                                                         "--deadline"};
    static const std::vector<std::string_view> echo = {"--connections", "--size", "--duration"};
    static const std::vector<std::string_view> broadcast = {"--receivers", "--messages", "--window",
                                                            "--size", "--drain"};
    static const std::vector<std::string_view> connections = {"--count", "--hold"};
    auto in = [&](const std::vector<std::string_view>& list) {
        for (auto f : list)
            if (f == flag)
                return true;
        return false;
    };
    if (in(common))
        return true;
    switch (mode) {
    case Mode::echo: return in(echo);
    case Mode::broadcast: return in(broadcast);
    case Mode::connections: return in(connections);
    }
    return false;
}

}  // namespace

std::string usage()
{
    return R"(wscourse-loadgen: load for a WebSocket server on this machine, with the server's cost

  wscourse-loadgen echo --url ws://127.0.0.1:PORT/ws [--connections C] [--size S] [--duration D]
      C connections (64), closed loop: each sends an S-byte text (32), waits for its echo, repeats,
      for D seconds (10). Reports messages/s and latency p50/p99/max. Messages that are not an
      echo (a welcome) are skipped: every payload carries a unique token.

  wscourse-loadgen broadcast --url ws://127.0.0.1:PORT/ws [--receivers R] [--messages M]
                             [--window W] [--size S] [--drain D]
      R receivers (100) and one sender connect with ?name=...; the sender sends M texts (1000) of
      S bytes (64), never more than W (16) undelivered (a message is delivered once every receiver
      has it). Reports deliveries/s, delivery latency p50/p99 and the deliveries still missing D
      seconds (5) after the last progress. A receiver counts any message that contains the
      sender's token "#RUN:SEQ:", so servers that wrap it ("ana: ...", JSON) work.

  wscourse-loadgen connections --url ws://127.0.0.1:PORT/ws [--count N] [--hold H]
      Opens N connections (1000), each reading everything from the moment it opens, holds them
      H seconds (2), reports the server's RSS before and after, and per connection. Meanwhile
      asks GET /health every 20 ms (a fresh connection each) and reports its latency p50/p99/max.
      Raises the open-file limit to its hard limit first.

  Every mode:
    --server-pid PID   the server's process: its CPU time and RSS from /proc, before and after,
                       and CPU per message. On a small machine the load generator is often the
                       bottleneck, so the server's CPU per message is the fair figure.
    --json-only        print only the JSON line (no table)
    --deadline SECS    hard limit for the whole run (default: generous, from the mode)
    --help

  Loopback only (127.0.0.0/8, ::1, localhost). Exit status: 0 done, 1 the run failed, 2 bad arguments.
)";
}

Options parse_options(int argc, char** argv)
{
    std::vector<std::string_view> args(argv + 1, argv + argc);
    for (auto arg : args)
        if (arg == "--help" || arg == "-h")
            throw HelpRequested{};
    if (args.empty())
        throw UsageError("no mode given: echo, broadcast or connections");

    Options options;
    if (args[0] == "echo")
        options.mode = Mode::echo;
    else if (args[0] == "broadcast")
        options.mode = Mode::broadcast, options.size = 64;
    else if (args[0] == "connections")
        options.mode = Mode::connections;
    else
        throw UsageError("unknown mode '" + std::string(args[0]) + "': echo, broadcast or connections");

    bool have_url = false;
    for (std::size_t i = 1; i < args.size(); ++i) {
        std::string_view flag = args[i];
        if (flag.substr(0, 2) != "--")
            throw UsageError("unexpected argument '" + std::string(flag) + "'");
        if (!accepts(options.mode, flag))
            throw UsageError("unknown option " + std::string(flag) + " for " + std::string(args[0]));
        if (flag == "--json-only") {
            options.json_only = true;
            continue;
        }
        if (i + 1 >= args.size())
            throw UsageError(std::string(flag) + " needs a value");
        std::string_view value = args[++i];

        if (flag == "--url") {
            try {
                options.url = parse_loopback_url(value);
            } catch (const std::invalid_argument& e) {
                throw UsageError(e.what());
            }
            have_url = true;
        } else if (flag == "--server-pid") {
            options.server_pid = static_cast<int>(parse_count(flag, value, 1, 4'194'304));
        } else if (flag == "--deadline") {
            options.deadline = parse_seconds(flag, value, 86'400);
        } else if (flag == "--connections") {
            options.connections = parse_count(flag, value, 1, 100'000);
        } else if (flag == "--size") {
            options.size = parse_count(flag, value, 1, 16 * 1024 * 1024);
        } else if (flag == "--duration") {
            options.duration = parse_seconds(flag, value, 3600);
        } else if (flag == "--receivers") {
            options.receivers = parse_count(flag, value, 1, 100'000);
        } else if (flag == "--messages") {
            options.messages = parse_count(flag, value, 1, 10'000'000);
        } else if (flag == "--window") {
            options.window = parse_count(flag, value, 1, 1'000'000);
        } else if (flag == "--drain") {
            options.drain = parse_seconds(flag, value, 600);
        } else if (flag == "--count") {
            options.count = parse_count(flag, value, 1, 1'000'000);
        } else if (flag == "--hold") {
            options.hold = parse_seconds(flag, value, 3600);
        }
    }
    if (!have_url)
        throw UsageError("--url is required, e.g. --url ws://127.0.0.1:8080/ws");
    if (options.mode == Mode::echo && options.size < min_echo_size)
        throw UsageError("--size must be at least " + std::to_string(min_echo_size)
                         + " bytes in echo mode: every message carries a token");
    if (options.mode == Mode::broadcast && options.size < min_broadcast_size)
        throw UsageError("--size must be at least " + std::to_string(min_broadcast_size)
                         + " bytes in broadcast mode: every message carries a token");
    if (options.mode == Mode::echo && options.duration.count() == 0)
        throw UsageError("--duration must be more than 0 seconds");

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
