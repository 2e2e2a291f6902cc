#include "check.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "progress.hpp"
#include "term.hpp"

#include <iostream>

namespace runner {
namespace {
int run_hint(const Env& env, const std::vector<std::string>& raw)
{
    CLI::App app{"", "./course hint"};
    describe(app, "Prints the hints for one task of lesson N, numbered from gentle to explicit.");
    std::string spec, task_spec;
    app.add_option("N", spec, "lesson number (1, 01) or slug; default: the lesson you are on");
    app.add_option("TASK", task_spec,
                   "task1 or just 1; default: the first task that failed in your last check");
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
            throw UsageError("lesson " + lesson->number + " has no task " + task_spec
                             + "; its tasks are " + lesson->tasks.front().id
                             + (lesson->tasks.size() > 1 ? "\u2013" + lesson->tasks.back().id : ""));
        task_id = *normal;
    } else {
        task_id = remembered_failing_task(env.root, lesson->number);
        if (task_id.empty() || !lesson->find_task(task_id))
            task_id = lesson->tasks.front().id;
    }
    const Task& task = *lesson->find_task(task_id);
    std::cout << bold("lesson " + lesson->number + " \u00b7 " + task.id + ": " + task.title)
              << "\n";
    if (task.hints.empty())
        std::cout << "  no hints for this task; the lesson text explains it: lessons/"
                  << lesson->slug << "/README.md\n";
    for (std::size_t i = 0; i < task.hints.size(); ++i)
        std::cout << "  " << (i + 1) << ". " << task.hints[i] << "\n";
    return 0;
}
}  // namespace

Command hint_command()
{
    return {"hint", "the hints for a task of lesson N", run_hint};
}

}  // namespace runner
