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

namespace {
// A parser shaped like `./course run`'s.
struct RunLike {
    CLI::App app{"", "./course run"};
    std::string lesson;
    int port = 8080;
    bool lan = false;
    RunLike()
    {
        app.add_option("N", lesson);
        app.add_option("--port", port)->check(CLI::Range(0, 65535).description(""));
        app.add_flag("--lan", lan);
    }
};
}  // namespace

TEST_CASE("typed options in either spelling, and a positional", "[cli]")
{
    RunLike run;
    CHECK(parse(run.app, {"2", "--port", "9000", "--lan"}));
    CHECK(run.lesson == "2");
    CHECK(run.port == 9000);
    CHECK(run.lan);
    RunLike again;
    CHECK(parse(again.app, {"--port=9001"}));
    CHECK(again.port == 9001);
    CHECK(again.lesson.empty());
    CHECK_FALSE(again.lan);
}

TEST_CASE("--help prints the subcommand's help and tells the caller to stop", "[cli]")
{
    RunLike run;
    CHECK_FALSE(parse(run.app, {"42", "--help"}));
}

TEST_CASE("bad arguments are one-line usage errors naming the command", "[cli]")
{
    auto error_of = [](std::vector<std::string> args) {
        RunLike run;
        try {
            parse(run.app, args);
        } catch (const UsageError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"--bogus"}, {"1", "2"}, {"--port"}, {"--port", "65536"}, {"--port", "80a"}}) {
        std::string error = error_of(args);
        INFO(error);
        CHECK(error.rfind("./course run: ", 0) == 0);
        CHECK(error.find('\n') == std::string::npos);
        CHECK(error.ends_with("; see ./course run --help"));
    }
    CHECK(error_of({"--port", "65536"}).find("--port") != std::string::npos);
}

TEST_CASE("what follows -- is handed on untouched", "[cli]")
{
    auto [ours, theirs] = split_at_dashes({"7", "--lan", "--", "--rate", "5", "--", "x"});
    CHECK(ours == std::vector<std::string>{"7", "--lan"});
    CHECK(theirs == std::vector<std::string>{"--rate", "5", "--", "x"});
    auto [all, none] = split_at_dashes({"7"});
    CHECK(all == std::vector<std::string>{"7"});
    CHECK(none.empty());
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

TEST_CASE("course.json: builds_on is optional", "[course]")
{
    auto course = parse_course(R"({"lessons":[
      {"number":"04","slug":"04-cm","title":"CM"},
      {"number":"05","slug":"05-rooms","title":"Rooms","builds_on":["04"]}]})");
    CHECK(course.lessons[0].builds_on.empty());
    CHECK(course.lessons[1].builds_on == std::vector<std::string>{"04"});
}
