#include "process.hpp"

#include "cli.hpp"

#include <array>
#include <atomic>
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

// The groups of the children running now (bench runs two at once), for the signal handler.
std::array<std::atomic<pid_t>, 4> live_groups{};
void (*interrupt_cleanup)() = nullptr;
std::function<bool()> cancel_check;

void track(pid_t group)
{
    for (auto& slot : live_groups) {
        pid_t empty = 0;
        if (slot.compare_exchange_strong(empty, group))
            return;
    }
}

void untrack(pid_t group)
{
    for (auto& slot : live_groups) {
        pid_t expected = group;
        if (slot.compare_exchange_strong(expected, 0))
            return;
    }
}

extern "C" void on_interrupt(int)
{
    for (auto& slot : live_groups)
        if (pid_t group = slot.load(); group > 0)
            ::kill(-group, SIGKILL);
    if (interrupt_cleanup)
        interrupt_cleanup();
    ::_exit(130);
}
}  // namespace

void set_cancel_check(std::function<bool()> check) { cancel_check = std::move(check); }

void install_interrupt_handler(void (*cleanup)())
{
    interrupt_cleanup = cleanup;
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGHUP, &action, nullptr);
}

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

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const std::filesystem::path& cwd)
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        throw Failure(std::string("pipe: ") + std::strerror(errno));
    auto args = c_argv(argv);   // before fork: the child only calls async-signal-safe functions
    pid_ = ::fork();
    if (pid_ < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        throw Failure(std::string("fork: ") + std::strerror(errno));
    }
    if (pid_ == 0) {
        ::setpgid(0, 0);
        ::signal(SIGINT, SIG_DFL);
        ::signal(SIGTERM, SIG_DFL);
        ::signal(SIGHUP, SIG_DFL);
        int null = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (null >= 0)
            ::dup2(null, STDIN_FILENO);
        ::dup2(fds[1], STDOUT_FILENO);
        ::dup2(fds[1], STDERR_FILENO);
        if (!cwd.empty() && ::chdir(cwd.c_str()) != 0)
            ::_exit(126);
        ::execvp(args[0], args.data());
        const char* prefix = "cannot run ";
        [[maybe_unused]] auto a = ::write(STDERR_FILENO, prefix, std::strlen(prefix));
        [[maybe_unused]] auto b = ::write(STDERR_FILENO, args[0], std::strlen(args[0]));
        [[maybe_unused]] auto c = ::write(STDERR_FILENO, "\n", 1);
        ::_exit(127);
    }
    ::setpgid(pid_, pid_);   // also here: whichever of the two runs first, the group exists
    track(pid_);
    ::close(fds[1]);
    output_ = fds[0];
}

ChildProcess::~ChildProcess()
{
    if (!reaped_ && pid_ > 0) {
        signal_group(SIGKILL);
        wait();
    }
    if (output_ >= 0)
        ::close(output_);
}

void ChildProcess::signal_group(int sig) const
{
    if (!reaped_ && pid_ > 0)
        ::kill(-pid_, sig);
}

int ChildProcess::wait()
{
    int status = 0;
    if (reaped_)
        return status;
    // Wait for the leader without reaping it, so its id cannot be reused yet: the group may
    // outlive its leader (a server a test forgot to stop), and it goes too.
    siginfo_t info{};
    while (::waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR) {
    }
    ::kill(-pid_, SIGKILL);
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    reaped_ = true;
    untrack(pid_);
    return status;
}

ProcessResult run_process(const std::vector<std::string>& argv, const RunOptions& options)
{
    using clock = std::chrono::steady_clock;
    ProcessResult result;
    if (options.timeout)
        result.timeout = *options.timeout;
    auto started_at = clock::now();

    ChildProcess child(argv, options.cwd);

    std::ofstream log;
    if (!options.log_file.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(options.log_file.parent_path(), ec);
        log.open(options.log_file, std::ios::trunc);
    }

    char buffer[8192];
    while (true) {
        int wait_ms = cancel_check ? 100 : -1;
        if (options.timeout) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                started_at + *options.timeout - clock::now());
            if (left.count() <= 0) {
                child.signal_group(SIGKILL);
                result.timed_out = true;
                break;
            }
            wait_ms = wait_ms < 0 ? static_cast<int>(left.count())
                                  : std::min(wait_ms, static_cast<int>(left.count()));
        }
        if (cancel_check && cancel_check()) {
            child.signal_group(SIGKILL);
            child.wait();
            throw Cancelled{};
        }
        pollfd p{child.output_fd(), POLLIN, 0};
        int ready = ::poll(&p, 1, wait_ms);
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (ready == 0)
            continue;   // the deadline and cancel checks above act
        ssize_t n = ::read(child.output_fd(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        std::string_view chunk(buffer, static_cast<std::size_t>(n));
        if (result.output.size() < options.max_capture)
            result.output.append(chunk.substr(0, options.max_capture - result.output.size()));
        if (log.is_open())
            log << chunk;
        if (options.on_output)
            options.on_output(chunk);
    }

    int status = child.wait();
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
