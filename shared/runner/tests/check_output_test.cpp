#include "check.hpp"
#include "tasks.hpp"

#include <catch2/catch.hpp>

using namespace runner;

namespace {
const char* failing_run =
    "\n"
    "~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
    "lesson01-tests is a Catch v2.13.10 host application.\n"
    "Run with -? for options\n"
    "\n"
    "-------------------------------------------------------------------------------\n"
    "base64 of the RFC's example\n"
    "-------------------------------------------------------------------------------\n"
    "/work/main/tests/01-handshake/accept_key_test.cpp:10\n"
    "...............................................................................\n"
    "\n"
    "/work/main/tests/01-handshake/accept_key_test.cpp:12: FAILED:\n"
    "  CHECK( base64(bytes) == \"Zm9v\" )\n"
    "with expansion:\n"
    "  \"\" == \"Zm9v\"\n"
    "Exception translation was disabled by CATCH_CONFIG_FAST_COMPILE\n"
    "\n"
    "===============================================================================\n"
    "test cases: 3 | 2 passed | 1 failed\n"
    "assertions: 9 | 8 passed | 1 failed\n";
}  // namespace

TEST_CASE("a failing task keeps the failure and drops Catch's banner and noise", "[check-output]")
{
    ProcessResult run;
    run.exit_code = 1;
    run.output = failing_run;
    auto result = interpret_task_run({"task1", "Base64", {}}, run, "/work/main");
    CHECK(result.status == TaskStatus::fail);
    CHECK(result.summary == "1 of 3 test cases failed");
    CHECK(result.output.find("tests/01-handshake/accept_key_test.cpp:12: FAILED:")
          != std::string::npos);
    CHECK(result.output.find("/work/main") == std::string::npos);
    CHECK(result.output.find("CATCH_CONFIG_FAST_COMPILE") == std::string::npos);
    CHECK(result.output.find("is a Catch v") == std::string::npos);
    // The log keeps every line.
    CHECK(result.log.find("is a Catch v") != std::string::npos);
    CHECK(result.log.find("\"\" == \"Zm9v\"") != std::string::npos);
}

TEST_CASE("the check log holds every task's full output under a heading", "[check-output]")
{
    std::string long_output;
    for (int i = 0; i < 300; ++i)
        long_output += "line " + std::to_string(i) + "\n";
    std::vector<TaskResult> tasks{
        {"task1", "Base64", TaskStatus::pass, "3 test cases", "", "All tests passed\n"},
        {"task2", "Accept key", TaskStatus::fail, "1 of 2 test cases failed", long_output,
         long_output}};
    auto log = tasks_log(tasks);
    CHECK(log.find("==== task1 \u00b7 Base64: pass (3 test cases)\nAll tests passed\n")
          != std::string::npos);
    CHECK(log.find("==== task2 \u00b7 Accept key: FAIL (1 of 2 test cases failed)\n")
          != std::string::npos);
    CHECK(log.find("line 299\n") != std::string::npos);
}

TEST_CASE("test file paths are shown from the course root", "[check-output]")
{
    ProcessResult run;
    run.exit_code = 1;
    run.output = "../../tests/01-handshake/frame_header_test.cpp:53: FAILED:\n";
    auto result = interpret_task_run({"task3", "Header", {}}, run, "/r");
    CHECK(result.output == "tests/01-handshake/frame_header_test.cpp:53: FAILED:\n");
}
