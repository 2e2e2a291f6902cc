// `watch`: check the current lesson again whenever one of its files changes. Modification times
// are polled because inotify misses edits on VMs and shared folders; `r` re-runs by hand.
#include "check.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "hints.hpp"
#include "process.hpp"
#include "progress.hpp"
#include "term.hpp"

#include <csignal>
#include <iostream>
#include <map>
#include <poll.h>
#include <termios.h>
#include <thread>
#include <unistd.h>

namespace runner {
namespace {
using Snapshot = std::map<std::string, std::pair<std::filesystem::file_time_type, std::uintmax_t>>;

Snapshot snapshot(const std::filesystem::path& dir)
{
    Snapshot files;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        std::error_code stat_ec;
        if (!it->is_regular_file(stat_ec))
            continue;
        auto name = it->path().filename().string();
        if (name.ends_with(".swp") || name.ends_with("~") || name.starts_with(".#"))
            continue;   // editor scratch files are not edits
        auto time = it->last_write_time(stat_ec);
        auto size = it->file_size(stat_ec);
        files[it->path().string()] = {time, size};
    }
    return files;
}

// Raw keys while watching, and the terminal put back however we leave (q, Ctrl-C, an error).
termios saved_mode;
bool raw_mode = false;

void restore_terminal()
{
    if (raw_mode) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved_mode);
        raw_mode = false;
    }
}

// Called from the interrupt handler: async-signal-safe.
void restore_terminal_on_signal()
{
    if (raw_mode)
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved_mode);
}

void enter_raw_mode()
{
    if (::tcgetattr(STDIN_FILENO, &saved_mode) != 0)
        return;
    termios raw = saved_mode;
    raw.c_lflag &= static_cast<tcflag_t>(~(ICANON | ECHO));
    raw.c_cc[VMIN] = 0;
    raw.c_cc[VTIME] = 0;
    if (::tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0) {
        raw_mode = true;
        std::atexit(restore_terminal);
    }
}

struct RawModeGuard {
    ~RawModeGuard() { restore_terminal(); }
};

// Waits up to `ms` for a key; 0 when none came.
char read_key(int ms)
{
    pollfd p{STDIN_FILENO, POLLIN, 0};
    if (::poll(&p, 1, ms) <= 0)
        return 0;
    char c = 0;
    if (::read(STDIN_FILENO, &c, 1) != 1)
        return 0;
    return c;
}

bool is_quit(char key) { return key == 'q' || key == 'Q' || key == 4; }   // 4: Ctrl-D

void status_line(const Lesson& lesson, const CheckOutcome& outcome, bool keys)
{
    std::string text = "watching exercises/" + lesson.slug + "/ for changes";
    if (!keys) {
        text += "   (stdin is not a terminal: no keys; Ctrl-C stops)";
    } else if (outcome.passed) {
        text += "   [n] next lesson  [r] re-run  [q] quit";
    } else {
        text += "   [h] hint";
        if (outcome.compiled && !outcome.tasks.empty())
            text += "  [1-" + std::to_string(std::min<std::size_t>(outcome.tasks.size(), 9))
                    + "] a task's output  [v] all output";
        text += "  [r] re-run  [q] quit";
    }
    std::cout << "\n" << bold(text) << std::endl;
}

void print_green_next_steps(const Course& course, const Lesson& lesson, bool keys)
{
    std::cout << "\n" << green("lesson " + lesson.number + " is green!") << " What to do next:\n"
              << "  1. run your server in another terminal: ./course run " << lesson_arg(lesson)
              << "\n     and open the URL it prints (the lesson text says what to try)\n";
    if (const Lesson* next = course.next_after(lesson))
        std::cout << "  2. then " << lesson_heading(*next) << ": "
                  << (keys ? "press n here" : "./course watch " + lesson_arg(*next)) << "\n";
    else
        std::cout << "  that was the last lesson: well done!\n";
}

int run_watch(const Env& env, const std::vector<std::string>& raw)
{
    CLI::App app{"", "./course watch"};
    describe(app,
             "Checks lesson N and again whenever a file of exercises/NN-slug/ changes\n"
             "(modification times are polled every 0.5 s, which also works on VMs and shared\n"
             "folders). When it passes, the verdict stays on screen with what to do next; it\n"
             "moves on to the next lesson only when you press n.",
             "Keys: h the next hint for the first failing task, 1-9 that task's whole output,\n"
             "v every failing task's output, r re-run now, n next lesson (once green),\n"
             "q quit (also while it builds).");
    std::string spec;
    app.add_option("N", spec, "lesson number (1, 01) or slug; default: the lesson you are on");
    if (!parse(app, raw))
        return 0;
    auto course = load_course(env.root);
    const Lesson* lesson = &lesson_or_current(env, course, spec);

    bool keys = ::isatty(STDIN_FILENO) == 1;
    bool clear = ::isatty(STDOUT_FILENO) == 1;
    RawModeGuard guard;
    install_interrupt_handler(restore_terminal_on_signal);
    if (keys) {
        enter_raw_mode();
        // q works while a build or a test runs: the runner polls for it and ends the child.
        set_cancel_check([] { return is_quit(read_key(0)); });
    }

    while (true) {
        auto dir = env.root / "exercises" / lesson->slug;
        auto before = snapshot(dir);   // taken first: an edit saved during the build counts
        if (clear)
            std::cout << "\x1b[2J\x1b[H" << std::flush;
        CheckOptions options;
        options.hint_style = keys ? HintStyle::key : HintStyle::command;
        options.next_steps = false;
        CheckOutcome outcome;
        try {
            outcome = check_lesson(env, course, *lesson, options);
        } catch (const Cancelled&) {
            std::cout << "\nbye\n";
            return 0;
        }
        if (outcome.passed)
            print_green_next_steps(course, *lesson, keys);
        status_line(*lesson, outcome, keys);

        const std::string log = "build/logs/check-" + lesson->number + ".log";
        bool rerun = false;
        while (!rerun) {
            char key = keys ? read_key(500) : 0;
            if (!keys)
                std::this_thread::sleep_for(std::chrono::milliseconds(500));
            if (is_quit(key)) {
                std::cout << "bye\n";
                return 0;
            }
            const Lesson* next = course.next_after(*lesson);
            if ((key == 'n' || key == 'N') && outcome.passed && next) {
                lesson = next;
                rerun = true;
            } else if ((key == 'h' || key == 'H') && !outcome.passed && !lesson->tasks.empty()) {
                std::string task_id = outcome.first_failing.empty()
                                          ? remembered_failing_task(env.root, lesson->number)
                                          : outcome.first_failing;
                const Task* task = lesson->find_task(task_id);
                if (!task)
                    task = &lesson->tasks.front();
                std::cout << "\n";
                reveal_hints(env, *lesson, *task, false, "press h again");
                status_line(*lesson, outcome, keys);
            } else if (key >= '1' && key <= '9' && outcome.compiled
                       && static_cast<std::size_t>(key - '1') < outcome.tasks.size()) {
                std::cout << "\n";
                print_task_output(outcome.tasks[static_cast<std::size_t>(key - '1')], *lesson,
                                  true, log);
                status_line(*lesson, outcome, keys);
            } else if ((key == 'v' || key == 'V') && outcome.compiled) {
                for (const auto& task : outcome.tasks)
                    if (task.status != TaskStatus::pass) {
                        std::cout << "\n";
                        print_task_output(task, *lesson, true, log);
                    }
                status_line(*lesson, outcome, keys);
            } else if (key == 'r' || key == 'R') {
                rerun = true;
            }
            if (snapshot(dir) != before)
                rerun = true;
        }
    }
}
}  // namespace

Command watch_command()
{
    return {"watch", "check the lesson you are on again on every save", run_watch};
}

}  // namespace runner
