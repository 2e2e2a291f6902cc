#include "process.hpp"

#include <catch2/catch.hpp>

#include <csignal>
#include <fstream>
#include <unistd.h>

using namespace runner;

TEST_CASE("a child's output and exit code are captured", "[process]")
{
    auto result = run_process({"sh", "-c", "echo out; echo err >&2; exit 3"});
    CHECK(result.exit_code == 3);
    CHECK_FALSE(result.ok());
    CHECK(result.output.find("out\n") != std::string::npos);
    CHECK(result.output.find("err\n") != std::string::npos);
}

TEST_CASE("a child past its timeout is killed and reported so", "[process]")
{
    RunOptions options;
    options.timeout = std::chrono::seconds(1);
    auto result = run_process({"sleep", "30"}, options);
    CHECK(result.timed_out);
    CHECK(result.seconds < 10);
    CHECK(result.describe() == "timed out after 1 s (killed)");
}

TEST_CASE("a program that does not exist is reported, not thrown", "[process]")
{
    auto result = run_process({"/nonexistent/program"});
    CHECK_FALSE(result.started);
    CHECK_FALSE(result.ok());
}

TEST_CASE("a crash is told apart from a failure", "[process]")
{
    auto result = run_process({"sh", "-c", "kill -SEGV $$"});
    CHECK(result.describe() == "crashed (SIGSEGV)");
}

TEST_CASE("shell_quote shows a command as one could type it", "[process]")
{
    CHECK(shell_quote({"ctest", "-L", "solution"}) == "ctest -L solution");
    CHECK(shell_quote({"a b", "it's"}) == "'a b' 'it'\\''s'");
}

namespace {
// SIGKILL lands asynchronously: give the kernel a moment, then a killed process is gone or a
// zombie waiting for init.
bool ends_soon(int pid)
{
    for (int i = 0; i < 100; ++i) {
        if (::kill(pid, 0) != 0)
            return true;
        std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
        std::string id, name, state;
        stat >> id >> name >> state;
        if (state == "Z" || state.empty())
            return true;
        ::usleep(20000);
    }
    return false;
}
}  // namespace

TEST_CASE("a timeout ends the child's whole process group, not just the child", "[process]")
{
    // The shell starts a grandchild that would outlive it and prints its pid first.
    RunOptions options;
    options.timeout = std::chrono::seconds(1);
    auto result = run_process({"sh", "-c", "sleep 30 & echo $!; wait"}, options);
    CHECK(result.timed_out);
    auto grandchild = std::stoi(result.output);
    CHECK(ends_soon(grandchild));
}

TEST_CASE("a child left running by a finished one is ended with its group", "[process]")
{
    auto result = run_process({"sh", "-c", "sleep 30 >/dev/null 2>&1 & echo $!"});
    CHECK(result.ok());
    auto grandchild = std::stoi(result.output);
    CHECK(ends_soon(grandchild));
}

TEST_CASE("the cancel check stops a child at once and throws Cancelled", "[process]")
{
    int calls = 0;
    set_cancel_check([&] { return ++calls > 2; });
    auto started = std::chrono::steady_clock::now();
    CHECK_THROWS_AS(run_process({"sleep", "30"}), Cancelled);
    set_cancel_check({});
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));
}
