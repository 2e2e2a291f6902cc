#include "process.hpp"

#include <catch2/catch.hpp>

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
