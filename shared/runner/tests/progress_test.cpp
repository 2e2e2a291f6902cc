#include "progress.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <unistd.h>

using namespace runner;

namespace {
Course course_of(std::initializer_list<const char*> numbers)
{
    Course course;
    for (const char* n : numbers)
        course.lessons.push_back({n, std::string(n) + "-x", "title", {}, {}});
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
