#include "process.hpp"

#include "cli.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace runner {
namespace {
std::vector<char*> c_argv(const std::vector<std::string>& argv)
{
    std::vector<char*> out;
    for (const auto& arg : argv)
        out.push_back(const_cast<char*>(arg.c_str()));
    out.push_back(nullptr);
    return out;
}

std::string signal_name(int sig)
{
    switch (sig) {
    case SIGSEGV: return "SIGSEGV";
    case SIGABRT: return "SIGABRT";
    case SIGBUS: return "SIGBUS";
    case SIGFPE: return "SIGFPE";
    case SIGILL: return "SIGILL";
    case SIGKILL: return "SIGKILL";
    case SIGTERM: return "SIGTERM";
    case SIGINT: return "SIGINT";
    default: return "signal " + std::to_string(sig);
    }
}
}  // namespace

std::string ProcessResult::describe() const
{
    if (!started)
        return "could not be started";
    if (timed_out)
        return "timed out after " + std::to_string(timeout.count()) + " s (killed)";
    if (signal)
        return "crashed (" + signal_name(signal) + ")";
    return "exit code " + std::to_string(exit_code);
}

ProcessResult run_process(const std::vector<std::string>& argv, const RunOptions& options)
{
    using clock = std::chrono::steady_clock;
    ProcessResult result;
    if (options.timeout)
        result.timeout = *options.timeout;
    auto started_at = clock::now();

    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        throw Failure(std::string("pipe: ") + std::strerror(errno));
    pid_t pid = ::fork();
    if (pid < 0)
        throw Failure(std::string("fork: ") + std::strerror(errno));
    if (pid == 0) {
        int null = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (null >= 0)
            ::dup2(null, STDIN_FILENO);
        ::dup2(fds[1], STDOUT_FILENO);
        ::dup2(fds[1], STDERR_FILENO);
        if (!options.cwd.empty() && ::chdir(options.cwd.c_str()) != 0)
            ::_exit(126);
        auto args = c_argv(argv);
        ::execvp(args[0], args.data());
        std::string message = "cannot run " + argv[0] + ": " + std::strerror(errno) + "\n";
        [[maybe_unused]] auto written = ::write(STDERR_FILENO, message.data(), message.size());
        ::_exit(127);
    }
    ::close(fds[1]);

    std::ofstream log;
    if (!options.log_file.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(options.log_file.parent_path(), ec);
        log.open(options.log_file, std::ios::trunc);
    }

    char buffer[8192];
    bool open = true;
    while (open) {
        int wait_ms = -1;
        if (options.timeout) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                started_at + *options.timeout - clock::now());
            if (left.count() <= 0) {
                ::kill(pid, SIGKILL);
                result.timed_out = true;
                break;
            }
            wait_ms = static_cast<int>(left.count());
        }
        pollfd p{fds[0], POLLIN, 0};
        int ready = ::poll(&p, 1, wait_ms);
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (ready == 0)
            continue;   // the deadline check above kills it
        ssize_t n = ::read(fds[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            open = false;
            break;
        }
        std::string_view chunk(buffer, static_cast<std::size_t>(n));
        if (result.output.size() < options.max_capture)
            result.output.append(chunk.substr(0, options.max_capture - result.output.size()));
        if (log.is_open())
            log << chunk;
        if (options.on_output)
            options.on_output(chunk);
    }
    ::close(fds[0]);

    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status)) {
        result.exit_code = WEXITSTATUS(status);
        if (result.exit_code == 127 && result.output.rfind("cannot run ", 0) == 0)
            result.started = false;
    } else if (WIFSIGNALED(status) && !result.timed_out) {
        result.signal = WTERMSIG(status);
    }
    if (result.timed_out && log.is_open())
        log << "\n[course runner: killed after " << result.timeout.count() << " s]\n";
    result.seconds = std::chrono::duration<double>(clock::now() - started_at).count();
    return result;
}

void exec_program(const std::vector<std::string>& argv)
{
    auto args = c_argv(argv);
    ::execv(args[0], args.data());
    throw Failure("cannot run " + argv[0] + ": " + std::strerror(errno));
}

std::string shell_quote(const std::vector<std::string>& argv)
{
    std::string out;
    for (const auto& arg : argv) {
        if (!out.empty())
            out += ' ';
        bool plain = !arg.empty() && arg.find_first_not_of(
                         "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:+,@")
                         == std::string::npos;
        if (plain) {
            out += arg;
        } else {
            out += '\'';
            for (char c : arg) {
                if (c == '\'')
                    out += "'\\''";
                else
                    out += c;
            }
            out += '\'';
        }
    }
    return out;
}

}  // namespace runner
