#include "check.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "process.hpp"
#include "progress.hpp"
#include "term.hpp"
#include "text.hpp"

#include <iostream>

namespace runner {
namespace {
ProcessResult git(const Env& env, std::vector<std::string> args)
{
    std::vector<std::string> argv{"git", "-C", env.root.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv);
}

std::string describe_change(const std::string& code)
{
    if (code == "??")
        return "new file, will be deleted";
    if (code.find('D') != std::string::npos)
        return "deleted, will be restored";
    return "changed, will be restored";
}

int run_reset(const Env& env, const std::vector<std::string>& raw)
{
    CLI::App app{"", "./course reset"};
    describe(app,
             "Shows which files of exercises/NN-slug/ differ from git, asks, then restores them\n"
             "(git checkout) and deletes files you added there; lesson N's progress is reset.");
    std::string spec;
    bool yes = false;
    app.add_option("N", spec, "lesson number (1, 01) or slug")->required();
    app.add_flag("--yes", yes, "do not ask");
    if (!parse(app, raw))
        return 0;
    auto course = load_course(env.root);
    const Lesson& lesson = course.find(spec);
    const std::string folder = "exercises/" + lesson.slug;

    auto status = git(env, {"status", "--porcelain", "--untracked-files=all", "--", folder});
    if (!status.ok())
        throw Failure("cannot ask git about " + folder + ": "
                      + trim(status.output.empty() ? status.describe() : status.output)
                      + " (reset needs a git checkout of the course)");
    auto changes = split_lines(status.output);
    std::erase_if(changes, [](const std::string& line) { return line.size() < 4; });

    auto progress = Progress::load(env.root);
    if (changes.empty()) {
        std::cout << folder << "/ is already as in git; nothing to restore.\n";
    } else {
        std::cout << "These files of " << folder << "/ differ from git:\n";
        for (const auto& line : changes)
            std::cout << "  " << line.substr(3) << dim("   (" + describe_change(line.substr(0, 2)) + ")")
                      << "\n";
        if (!yes) {
            std::cout << "Restore " << folder << "/ as it was in git? Your changes are lost. [y/N] "
                      << std::flush;
            std::string answer;
            if (!std::getline(std::cin, answer) || (trim(answer) != "y" && trim(answer) != "Y"
                                                    && trim(answer) != "yes")) {
                std::cout << "nothing changed.\n";
                return 1;
            }
        }
        auto checkout = git(env, {"checkout", "HEAD", "--", folder});
        if (!checkout.ok())
            throw Failure("git checkout failed: " + trim(checkout.output));
        auto clean = git(env, {"clean", "-f", "-d", "-q", "--", folder});
        if (!clean.ok())
            throw Failure("git clean failed: " + trim(clean.output));
        std::cout << green(std::string(tick) + " restored " + folder + "/") << "\n";
    }
    progress.forget(lesson.number);
    progress.save(env.root);
    remember_failing_task(env.root, lesson.number, "");
    std::cout << "lesson " << lesson.number << " is marked not tried; ./course check "
              << lesson_arg(lesson) << " to start again\n";
    return 0;
}
}  // namespace

Command reset_command()
{
    return {"reset", "restore exercise N as it was in git (asks first)", run_reset};
}

}  // namespace runner
