// A process's CPU time and memory, read from /proc: how we measure the server, not ourselves.
#pragma once

#include <cstdint>
#include <optional>

namespace wscourse::bench {

struct ProcessSample {
    double cpu_seconds = 0;      // utime + stime of every thread (/proc/PID/stat)
    std::uint64_t rss_bytes = 0; // VmRSS (/proc/PID/status)
};

// Nothing if the process is gone (or was never there).
std::optional<ProcessSample> sample_process(int pid);

// What a process used between start() and stop(). Without a pid it measures nothing, so a
// mode can call it unconditionally.
class ProcessWatch {
public:
    explicit ProcessWatch(std::optional<int> pid) : pid_(pid) {}

    void start();
    void stop();

    // Both samples were taken (the pid was given and the process lived through the run).
    bool measured() const { return before_ && after_; }
    double cpu_seconds() const { return after_->cpu_seconds - before_->cpu_seconds; }
    std::uint64_t rss_before() const { return before_->rss_bytes; }
    std::uint64_t rss_after() const { return after_->rss_bytes; }

private:
    std::optional<int> pid_;
    std::optional<ProcessSample> before_;
    std::optional<ProcessSample> after_;
};

}  // namespace wscourse::bench
