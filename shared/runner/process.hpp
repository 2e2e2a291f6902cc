// Child processes, all started the same way: stdout+stderr through one pipe, stdin from
// /dev/null (a child never steals the keys `watch` reads), and a process group of its own, so a
// timeout, a `q` in watch or Ctrl-C ends the child and everything it started (a test's server,
// ninja's compilers) rather than leaving them running.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace runner {

struct ProcessResult {
    int exit_code = -1;      // valid when the child exited
    int signal = 0;          // non-zero when a signal ended it
    bool timed_out = false;  // killed by us after the timeout
    bool started = true;     // false: the program could not be executed
    std::string output;      // stdout and stderr interleaved (capped, see RunOptions)
    double seconds = 0;

    bool ok() const { return started && !timed_out && signal == 0 && exit_code == 0; }
    std::string describe() const;   // "exit code 3", "timed out after 60 s", "crashed (SIGSEGV)"
    std::chrono::seconds timeout{0};
};

struct RunOptions {
    std::optional<std::chrono::seconds> timeout;
    std::filesystem::path log_file;                        // output also written here when set
    std::function<void(std::string_view)> on_output;       // called with each chunk as it comes
    std::size_t max_capture = 4 * 1024 * 1024;             // keep at most this much in `output`
    std::filesystem::path cwd;                             // empty = ours
};

// Thrown by run_process when the cancel check (below) asked to stop: the child's group has been
// killed and reaped by then.
struct Cancelled {};

// A check run every ~100 ms while any child runs (watch: "was q pressed?"); returning true kills
// the child's group and makes run_process throw Cancelled. Empty = none.
void set_cancel_check(std::function<bool()> check);

// Ctrl-C and SIGTERM kill the running child's group, call `cleanup` (may be null; it must be
// async-signal-safe, e.g. restoring the terminal) and exit 130.
void install_interrupt_handler(void (*cleanup)() = nullptr);

// One child in its own process group; the destructor kills the group (SIGKILL) if it still runs.
class ChildProcess {
public:
    ChildProcess(const std::vector<std::string>& argv, const std::filesystem::path& cwd = {});
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const { return pid_; }
    int output_fd() const { return output_; }   // the read end of stdout+stderr
    void signal_group(int sig) const;
    int wait();   // the raw waitpid status; once only

private:
    pid_t pid_ = -1;
    int output_ = -1;
    bool reaped_ = false;
};

ProcessResult run_process(const std::vector<std::string>& argv, const RunOptions& options = {});

// Replaces this process (the server then owns the terminal and Ctrl-C). Returns only on failure.
[[noreturn]] void exec_program(const std::vector<std::string>& argv);

std::string shell_quote(const std::vector<std::string>& argv);   // for "running: ..." lines

}  // namespace runner
