#include "check.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "progress.hpp"
#include "term.hpp"

#include <iostream>

namespace runner {
namespace {
int run_list(const Env& env, const std::vector<std::string>& raw)
{
    CLI::App app{"", "./course list"};
    describe(app, "Lists the lessons with your status for each (\u2713 passed, \u2717 failing, "
                  "\u00b7 not tried)\nand marks the one you are on. Progress is kept in "
                  ".course-progress.json (git ignores it).");
    if (!parse(app, raw))
        return 0;
    auto course = load_course(env.root);
    auto progress = Progress::load(env.root);
    const Lesson* here = course.lessons.empty() ? nullptr : &current_lesson(env, course);

    std::size_t width = 0;
    for (const auto& lesson : course.lessons)
        width = std::max(width, lesson.title.size());
    for (const auto& lesson : course.lessons) {
        std::string mark;
        switch (progress.status(lesson.number)) {
        case Status::passed: mark = green(tick); break;
        case Status::failing: mark = red(cross); break;
        case Status::not_tried: mark = dim(dot); break;
        }
        bool is_here = here && here->number == lesson.number;
        std::string title = lesson.title;
        if (is_here)
            title += std::string(width - lesson.title.size(), ' ');
        std::cout << (is_here ? bold("\u2192") : " ") << " " << mark << " " << lesson.number
                  << "  " << (is_here ? bold(title) : title)
                  << (is_here ? "  " + dim("\u2190 you are here") : "") << "\n";
    }
    std::cout << "\n";
    if (here && progress.status(here->number) != Status::passed) {
        std::cout << "next: ./course check " << lesson_arg(*here) << "   (or ./course watch "
                  << lesson_arg(*here) << ", which checks again on every save)\n";
    } else if (here && course.next_after(*here)) {
        const Lesson& next = *course.next_after(*here);
        std::cout << "lesson " << here->number << " passes: run your server (./course run "
                  << lesson_arg(*here) << "), then ./course check " << lesson_arg(next) << "\n";
    } else if (progress.all_passed(course)) {
        std::cout << green("every lesson passes!") << " run any of them: ./course run N\n";
    } else if (here) {
        std::cout << "lesson " << here->number << " passes: run your server (./course run "
                  << lesson_arg(*here) << ")\n";
    }
    std::cout << dim(std::string(tick) + " passed  " + std::string(cross) + " failing  "
                     + std::string(dot) + " not tried")
              << "\n";
    return 0;
}
}  // namespace

Command list_command()
{
    return {"list", "the lessons, and which you have passed", run_list};
}

}  // namespace runner
