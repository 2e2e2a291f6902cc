#include "check.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "hints.hpp"
#include "progress.hpp"
#include "term.hpp"

#include <iostream>

namespace runner {
namespace {
int run_hint(const Env& env, const std::vector<std::string>& raw)
{
    CLI::App app{"", "./course hint"};
    describe(app,
             "Shows the next hint for one task of lesson N: each run reveals one more, from\n"
             "gentle to explicit (the last one is close to code). The hints you have seen are\n"
             "shown again above the new one.");
    std::string spec, task_spec;
    app.add_option("N", spec, "lesson number (1, 01) or slug; default: the lesson you are on");
    bool all = false;
    app.add_option("TASK", task_spec,
                   "task1 or just 1; default: the first task that failed in your last check");
    app.add_flag("--all", all, "show every hint of the task at once (the last is close to code)");
    if (!parse(app, raw))
        return 0;
    auto course = load_course(env.root);
    const Lesson* lesson = &lesson_or_current(env, course, spec);
    if (lesson->tasks.empty()) {
        std::cout << "lesson " << lesson->number << " has no tasks with hints; read lessons/"
                  << lesson->slug << "/README.md\n";
        return 0;
    }

    std::string task_id;
    if (!task_spec.empty()) {
        auto normal = normalise_task(task_spec);
        if (!normal || !lesson->find_task(*normal))
            throw UsageError("lesson " + lesson->number + " has no task " + task_spec + "; "
                             + task_range(*lesson));
        task_id = *normal;
    } else {
        task_id = remembered_failing_task(env.root, lesson->number);
        if (task_id.empty() || !lesson->find_task(task_id))
            task_id = lesson->tasks.front().id;
    }
    const Task& task = *lesson->find_task(task_id);
    reveal_hints(env, *lesson, task, all,
                 "./course hint " + lesson_arg(*lesson) + " " + task.id);
    return 0;
}
}  // namespace

void reveal_hints(const Env& env, const Lesson& lesson, const Task& task, bool all,
                  const std::string& again_command)
{
    std::cout << bold("lesson " + lesson.number + " \u00b7 " + task.id + ": " + task.title)
              << "\n";
    if (task.hints.empty()) {
        std::cout << "  no hints for this task; the lesson text explains it: lessons/"
                  << lesson.slug << "/README.md\n";
        return;
    }
    auto progress = Progress::load(env.root);
    std::size_t seen = progress.hints_shown(lesson.number, task.id);
    std::size_t show = all ? task.hints.size() : std::min(seen + 1, task.hints.size());
    for (std::size_t i = 0; i < show; ++i) {
        std::string line = "  " + std::to_string(i + 1) + ". " + task.hints[i];
        std::cout << (i + 1 == show && show > seen ? line : dim(line)) << "\n";
    }
    if (show < task.hints.size())
        std::cout << dim("  hint " + std::to_string(show) + " of "
                         + std::to_string(task.hints.size()) + "; the next one: "
                         + again_command + " (all: --all)")
                  << "\n";
    else
        std::cout << dim("  that is every hint for " + task.id) << "\n";
    if (show > seen) {
        progress.set_hints_shown(lesson.number, task.id, show);
        progress.save(env.root);
    }
}

Command hint_command()
{
    return {"hint", "the next hint for a task of lesson N, one at a time", run_hint};
}

}  // namespace runner
