#include "check.hpp"

#include "build.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "progress.hpp"
#include "term.hpp"
#include "text.hpp"

#include <iostream>

namespace runner {
namespace {
constexpr std::size_t failure_lines = 40;

std::string hint_pointer(const Lesson& lesson, const std::string& task_id, HintStyle style)
{
    if (style == HintStyle::key)
        return "stuck? press h for a hint";
    return "stuck? ./course hint " + lesson_arg(lesson) + (task_id.empty() ? "" : " " + task_id);
}

void print_next_steps(const Course& course, const Lesson& lesson)
{
    std::cout << "  run your server:  ./course run " << lesson_arg(lesson) << "\n";
    if (const Lesson* next = course.next_after(lesson))
        std::cout << "  next lesson:      " << lesson_heading(*next) << "  (./course check "
                  << lesson_arg(*next) << ")\n";
    else
        std::cout << "  that was the last lesson: well done!\n";
}

int run_check(const Env& env, const std::vector<std::string>& raw)
{
    CLI::App app{"", "./course check"};
    describe(app,
             "Builds your code in exercises/NN-slug/ with the lesson's tests and runs them task by\n"
             "task. A compile error is shown first (the first one only: fix it and check again);\n"
             "then which tasks pass, the first failure's output, and where to find a hint.\n"
             "Exits 0 only when every test of the lesson passes; records your progress.",
             "Each task's tests get 60 s (WSCOURSE_TEST_TIMEOUT=SECONDS changes that).");
    std::string spec;
    app.add_option("N", spec,
                   "lesson number (1, 01) or slug (01-handshake); default: the lesson you\n"
                   "worked on last");
    if (!parse(app, raw))
        return 0;
    auto course = load_course(env.root);
    const Lesson& lesson = lesson_or_current(env, course, spec);
    auto outcome = check_lesson(env, course, lesson);
    return outcome.passed ? 0 : 1;
}
}  // namespace

const Lesson& lesson_or_current(const Env& env, const Course& course, const std::string& spec)
{
    if (!spec.empty())
        return course.find(spec);
    const Lesson* lesson = Progress::load(env.root).next(course);
    if (!lesson)
        throw Failure("lessons/course.json lists no lessons");
    return *lesson;
}

std::string lesson_arg(const Lesson& lesson)
{
    return std::to_string(std::stoi(lesson.number));
}

std::string lesson_heading(const Lesson& lesson)
{
    return "lesson " + lesson.number + " \u00b7 " + lesson.title;
}

CheckOutcome check_lesson(const Env& env, const Course& course, const Lesson& lesson,
                          HintStyle hint_style)
{
    CheckOutcome outcome;
    Chatter chatter{stdout};
    std::cout << bold(lesson_heading(lesson)) << "   " << dim("exercises/" + lesson.slug + "/")
              << "\n";
    ensure_dev(env, chatter);

    const std::string target = "lesson" + lesson.number;
    auto log = env.log_file("check-" + lesson.number + ".log");
    auto built = build(env, env.build_dir("dev"), {target, target + "-tests"}, log, chatter);
    auto progress = Progress::load(env.root);

    if (!built.ok()) {
        std::cout << "\n" << first_error(built.output, env.root.string()) << "\n";
        std::cout << red(std::string(cross) + " lesson " + lesson.number + " does not compile yet")
                  << dim("   (full log: " + env.show(log) + ")") << "\n";
        std::cout << "  " << hint_pointer(lesson, remembered_failing_task(env.root, lesson.number),
                                          hint_style)
                  << "\n";
        progress.set(lesson.number, Status::failing);
        progress.save(env.root);
        return outcome;
    }
    outcome.compiled = true;

    std::vector<Task> tasks = lesson.tasks;
    if (tasks.empty())
        tasks.push_back({"", "all tests", {}});
    Lesson run_lesson = lesson;
    run_lesson.tasks = tasks;
    auto binary = env.build_dir("dev") / "bin" / (target + "-tests");
    outcome.tasks = run_tasks(binary, run_lesson, env.root.string());

    std::cout << "\n";
    std::size_t passed = 0;
    const TaskResult* first_failure = nullptr;
    for (const auto& task : outcome.tasks) {
        bool ok = task.status == TaskStatus::pass;
        passed += ok;
        if (!ok && !first_failure)
            first_failure = &task;
        std::string mark = ok ? green(tick) : red(cross);
        std::cout << "  " << mark << " " << (task.id.empty() ? "" : task.id + "  ") << task.title;
        if (!task.summary.empty())
            std::cout << dim("   (" + task.summary + ")");
        std::cout << "\n";
    }

    if (!first_failure) {
        outcome.passed = true;
        std::cout << "\n"
                  << green(std::string(tick) + " lesson " + lesson.number + " passes: all "
                           + std::to_string(outcome.tasks.size())
                           + (outcome.tasks.size() == 1 ? " task" : " tasks"))
                  << "\n";
        print_next_steps(course, lesson);
        progress.set(lesson.number, Status::passed);
        progress.save(env.root);
        remember_failing_task(env.root, lesson.number, "");
        return outcome;
    }

    outcome.first_failing = first_failure->id;
    std::cout << "\n"
              << bold((first_failure->id.empty() ? std::string("tests") : first_failure->id)
                      + " failed: " + first_failure->title)
              << "\n";
    if (trim(first_failure->output).empty())
        std::cout << "(no output) " << first_failure->summary << "\n";
    else
        std::cout << trim_lines(first_failure->output, failure_lines);
    std::cout << "\n"
              << red(std::string(cross) + " lesson " + lesson.number + ": "
                     + std::to_string(passed) + " of " + std::to_string(outcome.tasks.size())
                     + " tasks pass")
              << "\n";
    std::cout << "  " << hint_pointer(lesson, first_failure->id, hint_style) << "\n";
    progress.set(lesson.number, Status::failing);
    progress.save(env.root);
    remember_failing_task(env.root, lesson.number, first_failure->id);
    return outcome;
}

Command check_command()
{
    return {"check", "build your exercise N and run its tests task by task", run_check};
}

}  // namespace runner
