#include "ctest.hpp"
#include "report.hpp"
#include "tasks.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace runner;

namespace {
GradeReport sample()
{
    GradeReport report;
    report.dir = "/home/alice/exercises";
    std::vector<Task> tasks1{{"task1", "Base64", {}}, {"task2", "Accept <key> & \"more\"", {}}};
    LessonGrade one{"01", "01-handshake", "The handshake | by hand", LessonGradeStatus::fail, "",
                    tasks1, {}};
    one.tasks.push_back({"task1", "Base64", TaskStatus::pass, "2 test cases", "", ""});
    one.tasks.push_back({"task2", "Accept <key> & \"more\"", TaskStatus::fail,
                         "1 of 1 test cases failed", "REQUIRE( a == b )\nwith \x01 </failure>", ""});
    LessonGrade two{"02", "02-echo", "Echo", LessonGradeStatus::error,
                    "02-echo/session.cpp:3:1: error: 'x' was not declared", {{"task1", "Loop", {}}}, {}};
    LessonGrade three{"03", "03-rooms", "Rooms", LessonGradeStatus::missing,
                      "no 03-rooms/ with .cpp files in /home/alice/exercises", {{"task1", "Join", {}}}, {}};
    report.lessons = {one, two, three};
    return report;
}
}  // namespace

TEST_CASE("report totals count tasks over every lesson", "[report]")
{
    auto report = sample();
    CHECK(report.tasks_total() == 4);
    CHECK(report.tasks_passed() == 1);
    CHECK(report.lessons_passed() == 0);
}

TEST_CASE("markdown: a table per lesson and per task, escaped cells, compile error fenced", "[report]")
{
    auto md = to_markdown(sample());
    CHECK(md.find("| 01 | The handshake \\| by hand | \u2717 fail | 1/2 |") != std::string::npos);
    CHECK(md.find("| 02 | Echo | \u2717 does not compile | 0/1 |") != std::string::npos);
    CHECK(md.find("| 03 | Rooms | \u2717 missing | 0/1 |") != std::string::npos);
    CHECK(md.find("**Total: 1/4 tasks passed; 0/3 lessons pass.**") != std::string::npos);
    CHECK(md.find("| task1 | Base64 | \u2713 pass (2 test cases) |") != std::string::npos);
    CHECK(md.find("```text\n02-echo/session.cpp:3:1: error:") != std::string::npos);
    CHECK(md.find("<summary>task2 output</summary>") != std::string::npos);
}

TEST_CASE("json: exercism-like statuses per lesson and task, and a summary", "[report]")
{
    auto json = nlohmann::json::parse(to_json(sample()));
    REQUIRE(json["lessons"].size() == 3);
    CHECK(json["lessons"][0]["status"] == "fail");
    CHECK(json["lessons"][0]["error"].is_null());
    CHECK(json["lessons"][0]["tasks"][0]["status"] == "pass");
    CHECK(json["lessons"][0]["tasks"][1]["status"] == "fail");
    CHECK(json["lessons"][0]["tasks"][1]["output"].get<std::string>().find("REQUIRE") == 0);
    CHECK(json["lessons"][1]["status"] == "error");
    CHECK(json["lessons"][1]["tasks"][0]["status"] == "error");
    CHECK(json["lessons"][2]["status"] == "missing");
    CHECK(json["summary"]["tasks"]["total"] == 4);
    CHECK(json["summary"]["tasks"]["pass"] == 1);
    CHECK(json["summary"]["lessons"]["error"] == 1);
    CHECK(json["summary"]["lessons"]["missing"] == 1);
}

TEST_CASE("json survives bytes that are not UTF-8", "[report]")
{
    auto report = sample();
    report.lessons[0].tasks[1].output = "frame: \xff\xfe\x80 end";
    auto json = nlohmann::json::parse(to_json(report));
    CHECK(json["lessons"][0]["tasks"][1]["output"].get<std::string>().find("end") != std::string::npos);
}

TEST_CASE("junit: a suite per lesson, failure and error elements, escaped XML", "[report]")
{
    auto xml = to_junit(sample());
    CHECK(xml.find("<testsuites name=\"wscourse grade\" tests=\"4\" failures=\"1\" errors=\"2\">")
          != std::string::npos);
    CHECK(xml.find("<testsuite name=\"lesson01 The handshake | by hand\" tests=\"2\" failures=\"1\" errors=\"0\">")
          != std::string::npos);
    CHECK(xml.find("name=\"task2: Accept &lt;key&gt; &amp; &quot;more&quot;\"") != std::string::npos);
    CHECK(xml.find("with \uFFFD &lt;/failure&gt;</failure>") != std::string::npos);
    CHECK(xml.find("<error message=\"lesson 02 does not compile\" type=\"compile\">") != std::string::npos);
    CHECK(xml.find("type=\"missing\"/>") != std::string::npos);
    CHECK(xml_escape("a'b") == "a&apos;b");
}

TEST_CASE("ctest's summary line gives the counts", "[ctest]")
{
    auto all = parse_ctest_summary("...\n100% tests passed, 0 tests failed out of 25\n\nTotal Test time (real) =   3.1 sec\n");
    CHECK(all.found);
    CHECK(all.passed == 25);
    CHECK(all.failed == 0);
    auto some = parse_ctest_summary("80% tests passed, 1 test failed out of 5\n");
    CHECK(some.passed == 4);
    CHECK(some.failed == 1);
    CHECK_FALSE(parse_ctest_summary("No tests were found!!!\n").found);
}

TEST_CASE("a task run becomes pass, fail, timeout or no tests", "[tasks]")
{
    Task task{"task2", "Accept key", {}};
    ProcessResult ok;
    ok.exit_code = 0;
    ok.output = "===============\nAll tests passed (7 assertions in 3 test cases)\n";
    auto pass = interpret_task_run(task, ok, "/r");
    CHECK(pass.status == TaskStatus::pass);
    CHECK(pass.summary == "3 test cases");

    ProcessResult failed;
    failed.exit_code = 1;
    failed.output = "Filters: [task2]\n\n~~~~~~~~~~~~~~~\nlesson01-tests is a Catch v2.13.10 host application.\n"
                    "Run with -? for options\n\n-------\nAccept key\n-------\n/r/tests/a.cpp:9: FAILED:\n"
                    "===============\ntest cases: 3 | 1 passed | 2 failed\nassertions: 5 | 3 passed | 2 failed\n";
    auto fail = interpret_task_run(task, failed, "/r");
    CHECK(fail.status == TaskStatus::fail);
    CHECK(fail.summary == "2 of 3 test cases failed");
    CHECK(fail.output.find("Catch v2") == std::string::npos);
    CHECK(fail.output.find("Filters") == std::string::npos);
    CHECK(fail.output.rfind("-------\nAccept key", 0) == 0);
    CHECK(fail.output.find("tests/a.cpp:9: FAILED:") != std::string::npos);

    ProcessResult one;
    one.exit_code = 1;
    one.output = "test case: 1 | 1 failed\n";
    CHECK(interpret_task_run(task, one, "/r").summary == "1 of 1 test cases failed");
    one.output = "test cases:  5 |  5 failed\nassertions: 11 | 11 failed\n";
    CHECK(interpret_task_run(task, one, "/r").summary == "5 of 5 test cases failed");

    ProcessResult none;
    none.exit_code = 2;
    none.output = "No test cases matched '[task2]'\n";
    CHECK(interpret_task_run(task, none, "/r").summary == "no tests are tagged [task2]");

    ProcessResult slow;
    slow.timed_out = true;
    slow.timeout = std::chrono::seconds(60);
    auto timeout = interpret_task_run(task, slow, "/r");
    CHECK(timeout.status == TaskStatus::fail);
    CHECK(timeout.summary.find("timed out after 60 s (killed)") == 0);

    ProcessResult crash;
    crash.signal = 11;
    CHECK(interpret_task_run(task, crash, "/r").summary == "crashed (SIGSEGV)");
}
