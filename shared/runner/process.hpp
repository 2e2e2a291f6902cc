// Child processes: fork/exec with stdout+stderr captured through one pipe, an optional timeout
// (the child is killed and the result says so), stdin from /dev/null so a child never steals
// the keys `watch` reads.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
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

ProcessResult run_process(const std::vector<std::string>& argv, const RunOptions& options = {});

// Replaces this process (the server then owns the terminal and Ctrl-C). Returns only on failure.
[[noreturn]] void exec_program(const std::vector<std::string>& argv);

std::string shell_quote(const std::vector<std::string>& argv);   // for "running: ..." lines

}  // namespace runner
