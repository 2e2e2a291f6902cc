#include "progress.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <unistd.h>

using namespace runner;

namespace {
Course course_of(std::initializer_list<const char*> numbers)
{
    Course course;
    for (const char* n : numbers)
        course.lessons.push_back({n, std::string(n) + "-x", "title", {}, {}, {}});
    return course;
}
}  // namespace

TEST_CASE("progress round-trips through its JSON file format", "[progress]")
{
    auto progress = Progress::parse(R"({"01":"passed","02":"failing","03":"weird","04":7})");
    CHECK(progress.status("01") == Status::passed);
    CHECK(progress.status("02") == Status::failing);
    CHECK(progress.status("03") == Status::not_tried);
    CHECK(progress.status("04") == Status::not_tried);
    auto again = Progress::parse(progress.to_json());
    CHECK(again.status("01") == Status::passed);
    CHECK(again.status("02") == Status::failing);
    CHECK(again.to_json() == "{\n  \"01\": \"passed\",\n  \"02\": \"failing\"\n}\n");
}

TEST_CASE("a broken progress file counts as no progress", "[progress]")
{
    CHECK(Progress::parse("{oops").status("01") == Status::not_tried);
    CHECK(Progress::parse("").status("01") == Status::not_tried);
}

TEST_CASE("the next lesson is the first not passed", "[progress]")
{
    auto course = course_of({"01", "02", "03"});
    Progress progress;
    CHECK(progress.next(course)->number == "01");
    progress.set("01", Status::passed);
    progress.set("02", Status::failing);
    CHECK(progress.next(course)->number == "02");
    progress.set("02", Status::passed);
    progress.set("03", Status::passed);
    CHECK(progress.all_passed(course));
    CHECK(progress.next(course)->number == "03");
    progress.forget("02");
    CHECK(progress.next(course)->number == "02");
}

TEST_CASE("progress and the last failing task are saved under the course root", "[progress]")
{
    char templ[] = "/tmp/course-runner-test-XXXXXX";
    REQUIRE(::mkdtemp(templ) != nullptr);
    std::filesystem::path root = templ;
    Progress progress;
    progress.set("02", Status::failing);
    progress.save(root);
    CHECK(Progress::load(root).status("02") == Status::failing);
    CHECK(remembered_failing_task(root, "02").empty());
    remember_failing_task(root, "02", "task3");
    CHECK(remembered_failing_task(root, "02") == "task3");
    remember_failing_task(root, "02", "");
    CHECK(remembered_failing_task(root, "02").empty());
    std::filesystem::remove_all(root);
}

TEST_CASE("hints shown and the lesson last worked on round-trip with the statuses", "[progress]")
{
    Progress progress;
    progress.set("04", Status::failing);
    CHECK(progress.hints_shown("04", "task1") == 0);
    progress.set_hints_shown("04", "task1", 2);
    progress.worked_on("04", 1764680000);
    auto again = Progress::parse(progress.to_json());
    CHECK(again.status("04") == Status::failing);
    CHECK(again.hints_shown("04", "task1") == 2);
    CHECK(again.hints_shown("04", "task2") == 0);
    REQUIRE(again.last());
    CHECK(again.last()->number == "04");
    CHECK(again.last()->at == 1764680000);
    // An older file (statuses only) still reads, and "hints" is not taken for a lesson.
    CHECK(Progress::parse(R"({"01":"passed"})").hints_shown("01", "task1") == 0);
    again.forget("04");
    CHECK(again.hints_shown("04", "task1") == 0);
}

TEST_CASE("the current lesson follows the student, not the first unpassed one", "[progress]")
{
    auto course = course_of({"01", "02", "03", "04"});
    Progress progress;
    // Nothing done yet: the first lesson.
    CHECK(progress.current(course, {})->number == "01");
    // Lesson 04's exercise edited (01 never tried): 04.
    CHECK(progress.current(course, {{"04", 100}})->number == "04");
    // Checked 04 last, 01 untouched: still 04 even though 01 has not passed.
    progress.worked_on("04", 200);
    CHECK(progress.current(course, {})->number == "04");
    // An edit older than the last check does not move it; a newer one does.
    CHECK(progress.current(course, {{"02", 150}})->number == "04");
    CHECK(progress.current(course, {{"02", 250}, {"04", 180}})->number == "02");
    // The newest of several edits wins.
    CHECK(progress.current(course, {{"02", 300}, {"03", 400}})->number == "03");
}

TEST_CASE("an edited exercise is one git sees changed, not one a fresh clone wrote", "[progress]")
{
    char templ[] = "/tmp/course-runner-git-XXXXXX";
    REQUIRE(::mkdtemp(templ) != nullptr);
    std::filesystem::path root = templ;
    auto course = course_of({"01", "02"});
    std::filesystem::create_directories(root / "exercises" / "01-x");
    std::filesystem::create_directories(root / "exercises" / "02-x");
    std::ofstream(root / "exercises" / "01-x" / "a.cpp") << "int a;\n";
    std::ofstream(root / "exercises" / "02-x" / "b.cpp") << "int b;\n";
    auto git = [&](const std::string& args) {
        return std::system(("git -C " + root.string() + " " + args + " >/dev/null 2>&1").c_str());
    };
    REQUIRE(git("init -q") == 0);
    REQUIRE(git("add .") == 0);
    REQUIRE(git("-c user.name=t -c user.email=t@t commit -qm init") == 0);
    CHECK(edited_exercises(root, course, 0).empty());
    std::ofstream(root / "exercises" / "02-x" / "b.cpp", std::ios::app) << "int c;\n";
    auto edited = edited_exercises(root, course, 0);
    CHECK(edited.size() == 1);
    CHECK(edited.count("02") == 1);
    std::filesystem::remove_all(root);
}
