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

// A lesson server in the background, its output read until it says where it listens.
class BackgroundServer {
public:
    explicit BackgroundServer(const std::vector<std::string>& argv)
    {
        int out[2];
        if (pipe(out) != 0)
            throw Failure("bench: cannot create a pipe");
        pid_ = fork();
        if (pid_ < 0)
            throw Failure("bench: cannot start the server");
        if (pid_ == 0) {
            dup2(out[1], STDOUT_FILENO);
            dup2(out[1], STDERR_FILENO);
            close(out[0]);
            close(out[1]);
            std::vector<char*> args;
            for (const auto& arg : argv)
                args.push_back(const_cast<char*>(arg.c_str()));
            args.push_back(nullptr);
            execv(args[0], args.data());
            _exit(127);
        }
        close(out[1]);
        output_ = out[0];
    }

    ~BackgroundServer()
    {
        stop();
        close(output_);
    }

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
            pollfd ready{output_, POLLIN, 0};
            if (poll(&ready, 1, 100) > 0) {
                char chunk[4096];
                ssize_t n = read(output_, chunk, sizeof chunk);
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
        if (pid_ <= 0)
            return exit_code_;
        kill(pid_, SIGINT);
        int status = 0;
        waitpid(pid_, &status, 0);
        pid_ = 0;
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return exit_code_;
    }

    pid_t pid() const { return pid_; }
    const std::string& output() const { return text_; }

private:
    pid_t pid_ = 0;
    int output_ = -1;
    int exit_code_ = 0;
    std::string text_;
};

int run_bench(const Env& env, const std::vector<std::string>& raw)
{
    // Everything after "--" goes to the load generator as it is.
    std::vector<std::string> ours = raw, loadgen_args;
    if (auto dashes = std::find(ours.begin(), ours.end(), "--"); dashes != ours.end()) {
        loadgen_args.assign(dashes + 1, ours.end());
        ours.erase(dashes, ours.end());
    }
    auto args = parse_args("bench", ours, {{"--mode", true}}, 1, 1);
    if (args.help) {
        std::cout << bench_command().help;
        return 0;
    }
    auto course = load_course(env.root);
    const Lesson& lesson = course.find(args.positional[0]);
    std::string default_mode = lesson.number == "02" ? "echo" : lesson.number == "03" ? "broadcast" : "";
    if (default_mode.empty())
        throw UsageError("bench knows lessons 02 (echo) and 03 (broadcast), not " + lesson.number);
    std::string mode = args.value("--mode").value_or(default_mode);
    if (mode != "echo" && mode != "broadcast" && mode != "connections")
        throw UsageError("--mode is echo, broadcast or connections, not '" + mode + "'");
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
            "usage: ./course bench N [--mode echo|broadcast|connections] [-- LOADGEN OPTIONS]\n\n"
            "Builds lesson N's solution optimised (build/release) and wscourse-loadgen, starts the\n"
            "server on a free loopback port and runs the load generator against it. The figures\n"
            "include the server's own CPU time per message and memory per connection, read from\n"
            "/proc: on a 2-core machine the load generator is often the bottleneck, so those are\n"
            "the fair ones. Everything stays on 127.0.0.1 and every run is bounded in time.\n\n"
            "  N                 02 (default mode: echo) or 03 (default mode: broadcast)\n"
            "  --mode M          echo, broadcast or connections (idle connections and memory)\n"
            "  -- OPTIONS        passed to wscourse-loadgen, e.g. -- --connections 64 --duration 10\n"
            "                    (see build/release/bin/wscourse-loadgen --help)\n\n"
            "docs/performance.md has the figures next to Node's ws and how they were measured.\n",
            run_bench};
}

}  // namespace runner
