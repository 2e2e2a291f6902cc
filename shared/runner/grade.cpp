#include "grade.hpp"

#include "cli.hpp"
#include "commands.hpp"
#include "term.hpp"
#include "text.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>

namespace runner {
namespace {
bool has_sources(const std::filesystem::path& dir)
{
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        return false;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.path().extension() == ".cpp")
            return true;
    return false;
}

std::string hex_hash(const std::string& text)
{
    std::uint64_t h = 1469598103934665603ull;   // FNV-1a: stable across runs and machines
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char out[17];
    std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
    return std::string(out).substr(0, 10);
}

int run_grade(const Env& env, const std::vector<std::string>& raw)
{
    CLI::App app{"", "./course grade"};
    describe(app,
             "Builds the course's own tests (never anything in DIR) against the exercises in DIR\n"
             "(a copy of exercises/, with NN-slug folders) in a build dir of its own, and reports\n"
             "per lesson and per task. Each lesson is graded against the reference solutions of\n"
             "the lessons it builds on, so one lesson's grade never depends on another's. A\n"
             "lesson that does not compile is reported with its first error and the others are\n"
             "still graded; a lesson folder missing from DIR is reported as missing. Progress\n"
             "goes to stderr, the report to stdout or FILE.",
             "Exits 0 once the report is written, whatever the grades; 1 if the build could not\n"
             "be configured.");
    std::string folder, format = "md", out;
    app.add_option("DIR", folder, "the student's exercises/ (or a whole copy of the course)")
        ->required();
    app.add_option("--format", format,
                   "md: a markdown table per lesson and task (default)\n"
                   "json: results.json-like, lessons[].tasks[] with status and output\n"
                   "junit: JUnit XML, a testsuite per lesson, a testcase per task")
        ->check(CLI::IsMember({"md", "json", "junit"}));
    app.add_option("--out", out, "write the report to FILE instead of stdout");
    if (!parse(app, raw))
        return 0;
    std::filesystem::path dir = std::filesystem::absolute(folder).lexically_normal();
    if (!std::filesystem::is_directory(dir))
        throw UsageError("no folder " + folder);
    auto course = load_course(env.root);

    // Given a whole copy of the course rather than its exercises/, grade its exercises/.
    bool any = false;
    for (const auto& lesson : course.lessons)
        any = any || std::filesystem::is_directory(dir / lesson.slug);
    if (!any && std::filesystem::is_directory(dir / "exercises")) {
        dir /= "exercises";
        std::cerr << "grading " << dir.string() << " (the exercises/ inside the folder given)\n";
    }
    if (dir.filename().empty())
        dir = dir.parent_path();

    std::ofstream out_file;
    if (!out.empty()) {
        out_file.open(out, std::ios::trunc);
        if (!out_file)
            throw UsageError("cannot write " + out);
    }

    Chatter chatter{stderr};
    auto report = grade_copy(env, course, dir, grade_build_dir(env, dir), chatter);
    std::string text = format == "json"    ? to_json(report)
                       : format == "junit" ? to_junit(report)
                                           : to_markdown(report);
    if (out_file.is_open()) {
        out_file << text;
        out_file.close();
        std::cerr << "wrote " << out << ": " << report.tasks_passed() << "/"
                  << report.tasks_total() << " tasks passed, " << report.lessons_passed() << "/"
                  << report.lessons.size() << " lessons pass\n";
    } else {
        std::cout << text;
    }
    return 0;
}
}  // namespace

std::filesystem::path grade_build_dir(const Env& env, const std::filesystem::path& dir)
{
    return env.build_dir("grade-" + hex_hash(dir.string()));
}

GradeReport grade_copy(const Env& env, const Course& course, const std::filesystem::path& dir,
                       const std::filesystem::path& build_dir, const Chatter& chatter)
{
    GradeReport report;
    report.dir = dir.string();
    std::string present;   // WSCOURSE_ONLY_LESSONS: a missing folder must not break configure
    for (const auto& lesson : course.lessons) {
        LessonGrade grade{lesson.number, lesson.slug, lesson.title,
                          LessonGradeStatus::missing, "", lesson.tasks, {}};
        if (has_sources(dir / lesson.slug))
            present += (present.empty() ? "" : ";") + lesson.number;
        else
            grade.error = "no " + lesson.slug + "/ with .cpp files in " + dir.string();
        report.lessons.push_back(std::move(grade));
    }
    if (present.empty())
        return report;

    std::vector<std::string> command{"cmake", "-S", env.root.string(), "-B", build_dir.string()};
    if (!std::filesystem::exists(build_dir / "CMakeCache.txt"))
        command.insert(command.end(), {"-G", env.generator});
    command.insert(command.end(), {"-DCMAKE_BUILD_TYPE=Debug",
                                   "-DWSCOURSE_EXERCISES_DIR=" + dir.string(),
                                   "-DWSCOURSE_BUILD_SOLUTIONS=OFF", "-DWSCOURSE_BUILD_TOOLS=OFF",
                                   // Each lesson on the reference of the lessons it builds on,
                                   // so one lesson's grade never depends on another's.
                                   "-DWSCOURSE_EARLIER_LESSONS=solutions",
                                   "-DWSCOURSE_ONLY_LESSONS=" + present});
    configure(env, command, env.show(build_dir), chatter);

    for (auto& grade : report.lessons) {
        if (grade.error.size())
            continue;   // missing
        const Lesson& lesson = course.find(grade.number);
        std::string target = "lesson" + lesson.number + "-tests";
        auto log = env.log_file(build_dir.filename().string() + "-" + lesson.number + ".log");
        auto built = build(env, build_dir, {target}, log, chatter);
        if (!built.ok()) {
            grade.status = LessonGradeStatus::error;
            grade.error = relative_to(first_error(built.output, env.root.string()), dir.string());
            chatter.line("  lesson " + lesson.number + ": does not compile");
            continue;
        }
        Lesson run_lesson = lesson;
        if (run_lesson.tasks.empty()) {
            run_lesson.tasks.push_back({"", "all tests", {}});
            grade.task_list = run_lesson.tasks;
        }
        grade.tasks = run_tasks(build_dir / "bin" / target, run_lesson, env.root.string());
        bool all = true;
        int passed = 0;
        for (const auto& task : grade.tasks) {
            all = all && task.status == TaskStatus::pass;
            passed += task.status == TaskStatus::pass;
        }
        grade.status = all ? LessonGradeStatus::pass : LessonGradeStatus::fail;
        chatter.line("  lesson " + lesson.number + ": " + std::to_string(passed) + "/"
                     + std::to_string(grade.tasks.size()) + " tasks pass");
    }
    return report;
}

Command grade_command()
{
    return {"grade", "grade a student's copy of exercises/ (instructors)", run_grade};
}

}  // namespace runner
