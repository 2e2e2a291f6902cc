#include "check.hpp"

#include "build.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "progress.hpp"
#include "term.hpp"
#include "text.hpp"

#include <fstream>
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
             "Exits 0 only when every test of the lesson passes; records your progress.\n"
             "A lesson that builds on earlier ones (lesson 05 on your lesson 04) checks those\n"
             "first and names the one to finish if it does not pass yet.",
             "Every task's full test output: build/logs/check-NN.log. Each task's tests get\n"
             "60 s (WSCOURSE_TEST_TIMEOUT=SECONDS changes that).");
    std::string spec, task;
    CheckOptions options;
    app.add_option("N", spec,
                   "lesson number (1, 01) or slug (01-handshake); default: the lesson you\n"
                   "worked on last");
    app.add_option("--task", task, "show task K's output (K is 2 or task2), passing or not")
        ->type_name("K");
    app.add_flag("--verbose,-v", options.verbose,
                 "show the whole output of every failing task, not the first screenful of\n"
                 "the first one");
    if (!parse(app, raw))
        return 0;
    auto course = load_course(env.root);
    const Lesson& lesson = lesson_or_current(env, course, spec);
    if (!task.empty()) {
        auto id = normalise_task(task);
        if (!id || !lesson.find_task(*id))
            throw UsageError("lesson " + lesson.number + " has no task " + task + "; " +
                             task_range(lesson));
        options.show_task = *id;
    }
    auto outcome = check_lesson(env, course, lesson, options);
    return outcome.passed ? 0 : 1;
}
}  // namespace

std::string task_range(const Lesson& lesson)
{
    if (lesson.tasks.empty())
        return "it has no tasks";
    return "its tasks are " + lesson.tasks.front().id
           + (lesson.tasks.size() > 1 ? "\u2013" + lesson.tasks.back().id : "");
}

const Lesson& lesson_or_current(const Env& env, const Course& course, const std::string& spec)
{
    if (!spec.empty())
        return course.find(spec);
    return current_lesson(env, course);
}

const Lesson& current_lesson(const Env& env, const Course& course)
{
    auto progress = Progress::load(env.root);
    auto last = progress.last();
    const Lesson* lesson =
        progress.current(course, edited_exercises(env.root, course, last ? last->at : 0));
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

std::string tasks_log(const std::vector<TaskResult>& tasks)
{
    std::string text;
    for (const auto& task : tasks) {
        text += "==== " + (task.id.empty() ? std::string("tests") : task.id) + " \u00b7 " + task.title
                + ": " + (task.status == TaskStatus::pass ? "pass" : "FAIL")
                + (task.summary.empty() ? "" : " (" + task.summary + ")") + "\n";
        text += task.log;
        if (!task.log.empty() && task.log.back() != '\n')
            text += '\n';
        text += '\n';
    }
    return text;
}

void print_task_output(const TaskResult& task, const Lesson& lesson, bool verbose,
                       const std::string& log)
{
    std::string name = task.id.empty() ? std::string("tests") : task.id;
    std::cout << bold(name + (task.status == TaskStatus::pass ? " passes: " : " failed: ")
                      + task.title)
              << "\n";
    if (trim(task.output).empty()) {
        std::cout << "(no output) " << task.summary << "\n";
        return;
    }
    auto lines = split_lines(task.output);
    while (!lines.empty() && trim(lines.back()).empty())
        lines.pop_back();
    if (verbose || lines.size() <= failure_lines) {
        std::cout << join_lines(lines);
        return;
    }
    auto left_out = lines.size() - failure_lines;
    lines.resize(failure_lines);
    std::cout << join_lines(lines);
    std::cout << dim("... " + std::to_string(left_out) + " more lines: ./course check "
                     + lesson_arg(lesson) + (task.id.empty() ? "" : " --task " + task.id)
                     + " --verbose, or " + log)
              << "\n";
}

// The student's lesson `number` (one a later lesson builds on) passes all its tests. A stamp
// newer than the test binary skips the run when nothing changed since it last passed.
bool earlier_lesson_passes(const Env& env, const Course& course, const std::string& number,
                           const Chatter& chatter)
{
    const Lesson& earlier = course.find(number);
    const std::string target = "lesson" + earlier.number + "-tests";
    auto built = build(env, env.build_dir("dev"), {target},
                       env.log_file("build-" + earlier.number + ".log"), chatter);
    auto progress = Progress::load(env.root);
    if (!built.ok()) {
        progress.set(earlier.number, Status::failing);
        progress.save(env.root);
        return false;
    }
    auto binary = env.build_dir("dev") / "bin" / target;
    auto stamp = env.build_dir("dev") / ("course-passed-" + earlier.number);
    std::error_code ec;
    if (progress.status(earlier.number) == Status::passed && std::filesystem::exists(stamp, ec)
        && std::filesystem::last_write_time(stamp, ec) >= std::filesystem::last_write_time(binary, ec)
        && !ec)
        return true;
    Lesson all = earlier;
    all.tasks = {{"", "all tests", {}}};
    chatter.line(dim("running lesson " + earlier.number + "'s tests..."));
    auto results = run_tasks(binary, all, env.root.string());
    bool passed = !results.empty() && results.front().status == TaskStatus::pass;
    progress.set(earlier.number, passed ? Status::passed : Status::failing);
    progress.save(env.root);
    if (passed)
        std::ofstream(stamp, std::ios::trunc) << "lesson " << earlier.number << " passed\n";
    else
        std::filesystem::remove(stamp, ec);
    return passed;
}

CheckOutcome check_lesson(const Env& env, const Course& course, const Lesson& lesson,
                          const CheckOptions& options)
{
    CheckOutcome outcome;
    Chatter chatter{stdout};
    std::cout << bold(lesson_heading(lesson)) << "   " << dim("exercises/" + lesson.slug + "/")
              << "\n";
    {
        auto progress = Progress::load(env.root);
        progress.worked_on(lesson.number, now_seconds());
        progress.save(env.root);
    }
    ensure_dev(env, chatter);

    // Lesson 05 runs on the student's own lesson 04: that one must pass first, or 05's failures
    // would be 04's.
    for (const auto& number : lesson.builds_on) {
        if (!earlier_lesson_passes(env, course, number, chatter)) {
            const Lesson& earlier = course.find(number);
            outcome.blocked_by = earlier.number;
            std::cout << red("lesson " + lesson.number + " builds on your lesson " + earlier.number
                             + ", which does not pass yet: ./course check "
                             + lesson_arg(earlier))
                      << "\n";
            return outcome;
        }
    }

    const std::string target = "lesson" + lesson.number;
    auto build_log = env.log_file("build-" + lesson.number + ".log");
    auto built = build(env, env.build_dir("dev"), {target, target + "-tests"}, build_log, chatter);
    auto progress = Progress::load(env.root);

    if (!built.ok()) {
        std::cout << "\n" << first_error(built.output, env.root.string()) << "\n";
        std::cout << red(std::string(cross) + " lesson " + lesson.number + " does not compile yet")
                  << dim("   (full log: " + env.show(build_log) + ")") << "\n";
        std::cout << "  " << hint_pointer(lesson, remembered_failing_task(env.root, lesson.number),
                                          options.hint_style)
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

    auto log = env.log_file("check-" + lesson.number + ".log");
    {
        std::ofstream out(log, std::ios::trunc);
        out << tasks_log(outcome.tasks);
    }
    const std::string shown_log = env.show(log);

    std::cout << "\n";
    std::size_t passed = 0;
    std::vector<const TaskResult*> failures;
    for (const auto& task : outcome.tasks) {
        bool ok = task.status == TaskStatus::pass;
        passed += ok;
        if (!ok)
            failures.push_back(&task);
        std::string mark = ok ? green(tick) : red(cross);
        std::cout << "  " << mark << " " << (task.id.empty() ? "" : task.id + "  ") << task.title;
        if (!task.summary.empty())
            std::cout << dim("   (" + task.summary + ")");
        std::cout << "\n";
    }

    // What to show: the task asked for, else every failure (--verbose) or the first one.
    std::vector<const TaskResult*> shown;
    if (!options.show_task.empty()) {
        for (const auto& task : outcome.tasks)
            if (task.id == options.show_task)
                shown.push_back(&task);
    } else if (options.verbose) {
        shown = failures;
    } else if (!failures.empty()) {
        shown.push_back(failures.front());
    }
    for (const TaskResult* task : shown) {
        std::cout << "\n";
        print_task_output(*task, lesson, options.verbose, shown_log);
    }

    if (failures.empty()) {
        outcome.passed = true;
        std::cout << "\n"
                  << green(std::string(tick) + " lesson " + lesson.number + " passes: all "
                           + std::to_string(outcome.tasks.size())
                           + (outcome.tasks.size() == 1 ? " task" : " tasks"))
                  << "\n";
        if (options.next_steps)
            print_next_steps(course, lesson);
        progress.set(lesson.number, Status::passed);
        progress.save(env.root);
        remember_failing_task(env.root, lesson.number, "");
        return outcome;
    }

    const TaskResult& first_failure = *failures.front();
    outcome.first_failing = first_failure.id;
    std::cout << "\n"
              << red(std::string(cross) + " lesson " + lesson.number + ": "
                     + std::to_string(passed) + " of " + std::to_string(outcome.tasks.size())
                     + " tasks pass")
              << dim("   (all the test output: " + shown_log + ")") << "\n";
    if (failures.size() > 1 && !options.verbose && options.hint_style == HintStyle::command)
        std::cout << "  another task's output: ./course check " << lesson_arg(lesson)
                  << " --task " << failures[1]->id << dim("   (all of them: --verbose)") << "\n";
    std::cout << "  " << hint_pointer(lesson, first_failure.id, options.hint_style) << "\n";
    progress.set(lesson.number, Status::failing);
    progress.save(env.root);
    remember_failing_task(env.root, lesson.number, first_failure.id);
    return outcome;
}

Command check_command()
{
    return {"check", "build your exercise N and run its tests task by task", run_check};
}

}  // namespace runner
