// `bench`: lesson N's solution server, optimised, under wscourse-loadgen (shared/bench/). The
// server runs on a port the OS picks; the load generator reads the server's CPU time and memory
// from /proc, since on a small machine the generator, not the server, is often the bottleneck.
#include "build.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "course.hpp"
#include "process.hpp"
#include "term.hpp"

#include <chrono>
#include <csignal>
#include <algorithm>
#include <iostream>
#include <regex>

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace runner {
namespace {

// A lesson server in the background (the runner's one spawner), its output read until it says
// where it listens.
class BackgroundServer {
public:
    explicit BackgroundServer(const std::vector<std::string>& argv) : child_(argv) {}

    // The port from "listening on http://127.0.0.1:PORT/", or 0 if the server did not say it
    // within the timeout (then its output so far is in output()).
    unsigned short wait_until_listening(std::chrono::seconds timeout)
    {
        static const std::regex listening(R"(listening on http://127\.0\.0\.1:(\d+)/)");
        auto deadline = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < deadline) {
            std::smatch match;
            if (std::regex_search(text_, match, listening))
                return static_cast<unsigned short>(std::stoi(match[1]));
            pollfd ready{child_.output_fd(), POLLIN, 0};
            if (poll(&ready, 1, 100) > 0) {
                char chunk[4096];
                ssize_t n = read(child_.output_fd(), chunk, sizeof chunk);
                if (n <= 0)
                    return 0;  // the server exited
                text_.append(chunk, static_cast<std::size_t>(n));
            }
        }
        return 0;
    }

    // SIGINT, as Ctrl-C: the server closes its clients with 1001 and exits. Returns its status.
    int stop()
    {
        if (stopped_)
            return exit_code_;
        child_.signal_group(SIGINT);
        int status = child_.wait();
        stopped_ = true;
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return exit_code_;
    }

    pid_t pid() const { return child_.pid(); }
    const std::string& output() const { return text_; }

private:
    ChildProcess child_;
    bool stopped_ = false;
    int exit_code_ = 0;
    std::string text_;
};

int run_bench(const Env& env, const std::vector<std::string>& raw)
{
    // Everything after "--" goes to the load generator as it is.
    auto [ours, loadgen_args] = split_at_dashes(raw);
    CLI::App app{"", "./course bench"};
    describe(app,
             "Builds lesson N's solution optimised (build/release) and wscourse-loadgen, starts the\n"
             "server on a free loopback port and runs the load generator against it. The figures\n"
             "include the server's own CPU time per message and memory per connection, read from\n"
             "/proc: on a 2-core machine the load generator is often the bottleneck, so those are\n"
             "the fair ones. Everything stays on 127.0.0.1 and every run is bounded in time.",
             "Everything after -- goes to wscourse-loadgen, e.g. -- --connections 64 --duration 10\n"
             "(see build/release/bin/wscourse-loadgen --help).\n"
             "docs/performance.md has the figures next to Node's ws and how they were measured.");
    std::string spec, mode;
    app.add_option("N", spec, "02 (default mode: echo) or 03 (default mode: broadcast)")->required();
    app.add_option("--mode", mode, "echo, broadcast or connections (idle connections and memory)")
        ->check(CLI::IsMember({"echo", "broadcast", "connections"}));
    if (!parse(app, ours))
        return 0;
    auto course = load_course(env.root);
    const Lesson& lesson = course.find(spec);
    std::string default_mode = lesson.number == "02" ? "echo" : lesson.number == "03" ? "broadcast" : "";
    if (default_mode.empty())
        throw UsageError("bench knows lessons 02 (echo) and 03 (broadcast), not " + lesson.number);
    if (mode.empty())
        mode = default_mode;
    if (!env.has_solutions())
        throw UsageError("this copy has no solutions/");

    ensure_preset(env, "release", Chatter{stdout});
    std::string target = "lesson" + lesson.number + "-solution";
    auto log = env.log_file("build-bench.log");
    auto built = build(env, env.build_dir("release"), {target, "wscourse-loadgen"}, log, Chatter{stdout});
    if (!built.ok()) {
        std::cout << first_error(built.output, env.root.string()) << "\n";
        throw Failure("the benchmark does not build (full log: " + env.show(log) + ")");
    }
    auto bin = env.build_dir("release") / "bin";

    BackgroundServer server({(bin / target).string(), "--port", "0", "--host", "127.0.0.1"});
    unsigned short port = server.wait_until_listening(std::chrono::seconds(10));
    if (port == 0) {
        std::cout << server.output();
        throw Failure(target + " did not start listening");
    }
    std::vector<std::string> loadgen{(bin / "wscourse-loadgen").string(), mode, "--url",
                                     "ws://127.0.0.1:" + std::to_string(port) + "/ws",
                                     "--server-pid", std::to_string(server.pid())};
    loadgen.insert(loadgen.end(), loadgen_args.begin(), loadgen_args.end());
    std::cout << dim("running " + shell_quote(loadgen)) << "\n";
    std::cout.flush();
    RunOptions stream_output;
    stream_output.on_output = [](std::string_view chunk) { std::cout << chunk << std::flush; };
    auto result = run_process(loadgen, stream_output);
    int server_exit = server.stop();
    if (server_exit != 0)
        std::cout << red(target + " exited with " + std::to_string(server_exit) + " after SIGINT") << "\n";
    return result.ok() && server_exit == 0 ? 0 : 1;
}

}  // namespace

Command bench_command()
{
    return {"bench", "measure lesson N's solution server under load (02 echo, 03 broadcast)",
            run_bench};
}

}  // namespace runner
