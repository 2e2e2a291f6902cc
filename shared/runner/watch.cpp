// `watch`: check the current lesson again whenever one of its files changes. Modification times
// are polled because inotify misses edits on VMs and shared folders; `r` re-runs by hand.
#include "check.hpp"
#include "cli.hpp"
#include "commands.hpp"
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

void status_line(const Lesson& lesson, bool keys)
{
    std::string text = "watching exercises/" + lesson.slug + "/ for changes";
    text += keys ? "   [h] hint  [r] re-run  [q] quit" : "   (stdin is not a terminal: no keys; Ctrl-C stops)";
    std::cout << "\n" << bold(text) << std::endl;
}

void show_next_hint(const Lesson& lesson, const std::string& task_id, std::map<std::string, std::size_t>& shown)
{
    const Task* task = lesson.find_task(task_id.empty() ? lesson.tasks.empty() ? "" : lesson.tasks.front().id : task_id);
    if (!task) {
        std::cout << "no hints for this lesson; read lessons/" << lesson.slug << "/README.md\n";
        return;
    }
    std::size_t& next = shown[task->id];
    if (task->hints.empty()) {
        std::cout << "no hints for " << task->id << "; read lessons/" << lesson.slug << "/README.md\n";
        return;
    }
    if (next >= task->hints.size()) {
        std::cout << dim("that was the last hint for " + task->id + "; all of them: ./course hint "
                         + lesson_arg(lesson) + " " + task->id)
                  << "\n";
        return;
    }
    std::cout << yellow("hint " + std::to_string(next + 1) + "/" + std::to_string(task->hints.size())
                        + " for " + task->id + " (" + task->title + "): ")
              << task->hints[next] << "\n";
    ++next;
}

int run_watch(const Env& env, const std::vector<std::string>& raw)
{
    CLI::App app{"", "./course watch"};
    describe(app,
             "Checks lesson N and again whenever a file of exercises/NN-slug/ changes\n"
             "(modification times are polled every 0.5 s, which also works on VMs and shared\n"
             "folders). When it passes, moves on to the next lesson.",
             "Keys: h the next hint for the first failing task, r re-run now, q quit.");
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
    if (keys)
        enter_raw_mode();

    std::map<std::string, std::size_t> hints_shown;
    bool keep_screen = false;   // the "green!" line stays visible above the next lesson's check
    while (true) {
        auto dir = env.root / "exercises" / lesson->slug;
        auto before = snapshot(dir);   // taken first: an edit saved during the build counts
        if (clear && !keep_screen)
            std::cout << "\x1b[2J\x1b[H" << std::flush;
        keep_screen = false;
        auto outcome = check_lesson(env, course, *lesson, keys ? HintStyle::key : HintStyle::command);
        if (outcome.passed) {
            const Lesson* next = Progress::load(env.root).next(course);
            if (!next || next->number == lesson->number || Progress::load(env.root).all_passed(course)) {
                std::cout << "\n" << green("every lesson passes. Well done!") << "\n";
                return 0;
            }
            std::cout << "\n" << green("lesson " + lesson->number + " is green!") << " moving on to "
                      << lesson_heading(*next) << ": edit exercises/" << next->slug << "/\n\n";
            lesson = next;
            hints_shown.clear();
            keep_screen = true;
            continue;   // check the next lesson right away: its failures say where to start
        }
        status_line(*lesson, keys);

        bool rerun = false;
        auto watched = env.root / "exercises" / lesson->slug;
        while (!rerun) {
            char key = keys ? read_key(500) : 0;
            if (!keys)
                std::this_thread::sleep_for(std::chrono::milliseconds(500));
            if (key == 'q' || key == 'Q' || key == 4) {   // 4: Ctrl-D
                std::cout << "bye\n";
                return 0;
            }
            if (key == 'h' || key == 'H') {
                show_next_hint(*lesson,
                               outcome.first_failing.empty()
                                   ? remembered_failing_task(env.root, lesson->number)
                                   : outcome.first_failing,
                               hints_shown);
                status_line(*lesson, keys);
            } else if (key == 'r' || key == 'R') {
                rerun = true;
            }
            if (snapshot(watched) != before)
                rerun = true;
        }
    }
}
}  // namespace

Command watch_command()
{
    return {"watch", "check the current lesson again on every save", run_watch};
}

}  // namespace runner
