#include "cli.hpp"
#include "course.hpp"

#include <catch2/catch.hpp>

using namespace runner;

namespace {
const char* two_lessons = R"({"lessons":[
  {"number":"01","slug":"01-handshake","title":"The handshake, by hand","files":["handshake.cpp"],
   "tasks":[{"id":"task1","title":"Base64","hints":["a","b"]},{"id":"task2","title":"Accept key"}]},
  {"number":"02","slug":"02-echo","title":"Echo","tasks":[]}]})";
}

TEST_CASE("options with and without values, in either spelling", "[cli]")
{
    auto args = parse_args("run", {"2", "--port", "9000", "--lan", "--port=9001"},
                           {{"--port", true}, {"--lan"}, {"--solution"}}, 0, 1);
    CHECK(args.positional == std::vector<std::string>{"2"});
    CHECK(args.value("--port") == "9001");
    CHECK(args.has("--lan"));
    CHECK_FALSE(args.has("--solution"));
    CHECK_FALSE(args.help);
}

TEST_CASE("--help anywhere wins over everything else", "[cli]")
{
    CHECK(parse_args("check", {"42", "--bogus", "-h"}, {}, 0, 1).help);
}

TEST_CASE("bad arguments are one-line usage errors", "[cli]")
{
    CHECK_THROWS_WITH(parse_args("check", {"--bogus"}, {}, 0, 1),
                      "unknown option '--bogus' for check; see ./course check --help");
    CHECK_THROWS_WITH(parse_args("check", {"1", "2"}, {}, 0, 1),
                      "unexpected argument '2' for check; see ./course check --help");
    CHECK_THROWS_WITH(parse_args("run", {"--port"}, {{"--port", true}}, 0, 1),
                      "--port needs a value; see ./course run --help");
    CHECK_THROWS_AS(parse_args("run", {"--lan=yes"}, {{"--lan"}}, 0, 1), UsageError);
}

TEST_CASE("ports are 0..65535", "[cli]")
{
    CHECK(parse_port("8080") == 8080);
    CHECK(parse_port("0") == 0);
    CHECK_THROWS_AS(parse_port("65536"), UsageError);
    CHECK_THROWS_AS(parse_port("80a"), UsageError);
    CHECK_THROWS_AS(parse_port(""), UsageError);
}

TEST_CASE("tasks are named 1 or task1", "[cli]")
{
    CHECK(normalise_task("1") == "task1");
    CHECK(normalise_task("task2") == "task2");
    CHECK(normalise_task("02") == "task2");
    CHECK_FALSE(normalise_task("x"));
    CHECK_FALSE(normalise_task("task"));
}

TEST_CASE("lessons are found by number, zero-padded number or slug", "[course]")
{
    auto course = parse_course(two_lessons);
    CHECK(course.find("1").slug == "01-handshake");
    CHECK(course.find("01").slug == "01-handshake");
    CHECK(course.find("02-echo").number == "02");
    CHECK(course.find("echo").number == "02");
    CHECK_THROWS_WITH(course.find("42"), "no lesson 42; lessons are 01\u201302");
    CHECK_THROWS_WITH(course.find("bogus"), "no lesson bogus; lessons are 01\u201302");
    CHECK(course.next_after(course.find("1"))->number == "02");
    CHECK(course.next_after(course.find("2")) == nullptr);
}

TEST_CASE("course.json: tasks, hints and defaults", "[course]")
{
    auto course = parse_course(two_lessons);
    REQUIRE(course.lessons.size() == 2);
    const auto& first = course.lessons[0];
    CHECK(first.title == "The handshake, by hand");
    CHECK(first.files == std::vector<std::string>{"handshake.cpp"});
    REQUIRE(first.tasks.size() == 2);
    CHECK(first.tasks[0].hints == std::vector<std::string>{"a", "b"});
    CHECK(first.tasks[1].hints.empty());
    CHECK(first.find_task("task2")->title == "Accept key");
    CHECK(first.find_task("task3") == nullptr);
    CHECK_THROWS_AS(parse_course("{\"lessons\": [{\"title\": \"no number\"}]}"), Failure);
    CHECK_THROWS_AS(parse_course("not json"), Failure);
}
