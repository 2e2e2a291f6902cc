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
    auto args = parse_args("hint", raw, {}, 0, 2);
    if (args.help) {
        std::cout << hint_command().help;
        return 0;
    }
    auto course = load_course(env.root);
    const Lesson* lesson = nullptr;
    if (args.positional.empty()) {
        lesson = Progress::load(env.root).next(course);
        if (!lesson)
            throw Failure("lessons/course.json lists no lessons");
    } else {
        lesson = &course.find(args.positional[0]);
    }
    if (lesson->tasks.empty()) {
        std::cout << "lesson " << lesson->number << " has no tasks with hints; read lessons/"
                  << lesson->slug << "/README.md\n";
        return 0;
    }

    std::string task_id;
    if (args.positional.size() == 2) {
        auto normal = normalise_task(args.positional[1]);
        if (!normal || !lesson->find_task(*normal))
            throw UsageError("lesson " + lesson->number + " has no task " + args.positional[1]
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
    return {"hint", "the hints for a task of lesson N",
            "usage: ./course hint [N] [TASK]\n\n"
            "Prints the hints for one task of lesson N, numbered from gentle to explicit.\n\n"
            "  N      lesson number (1, 01) or slug; default: the first lesson not passed\n"
            "  TASK   task1 or just 1; default: the first task that failed in your last check\n",
            run_hint};
}

}  // namespace runner
