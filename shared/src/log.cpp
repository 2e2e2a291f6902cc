#include <wscourse/log.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace wscourse {
namespace {
std::mutex log_mutex;
std::atomic<bool> log_enabled{true};
std::function<void(std::string_view)> log_sink;  // under log_mutex
std::atomic<bool> has_sink{false};
}  // namespace

void set_log_enabled(bool enabled) { log_enabled = enabled; }

void set_log_sink(std::function<void(std::string_view line)> sink)
{
    std::lock_guard lock(log_mutex);
    has_sink = static_cast<bool>(sink);
    log_sink = std::move(sink);
}

void write_log_line(std::string_view line)
{
    if (!log_enabled && !has_sink)
        return;
    using namespace std::chrono;
    auto now = system_clock::now();
    std::time_t seconds = system_clock::to_time_t(now);
    auto millis = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm local{};
    localtime_r(&seconds, &local);
    char stamp[32];
    std::snprintf(stamp, sizeof stamp, "%02d:%02d:%02d.%03d", local.tm_hour, local.tm_min,
                  local.tm_sec, static_cast<int>(millis));

    std::lock_guard lock(log_mutex);
    if (log_sink) {
        log_sink(std::string(stamp) + "  " + std::string(line));
        return;
    }
    if (!log_enabled)
        return;
    std::fprintf(stdout, "%s  %.*s\n", stamp, static_cast<int>(line.size()), line.data());
    std::fflush(stdout);  // a pipe (./course run, the tests) should see each line at once
}

std::string describe_close_code(unsigned code)
{
    const char* name = "";
    switch (code) {
    case 1000: name = "normal"; break;
    case 1001: name = "going away"; break;
    case 1002: name = "protocol error"; break;
    case 1003: name = "unsupported data"; break;
    case 1005: name = "no status code"; break;
    case 1006: name = "abnormal, no close frame"; break;
    case 1007: name = "invalid payload data"; break;
    case 1008: name = "policy violation"; break;
    case 1009: name = "message too big"; break;
    case 1010: name = "missing extension"; break;
    case 1011: name = "internal error"; break;
    case 1012: name = "service restart"; break;
    case 1013: name = "try again later"; break;
    default: name = code >= 4000 ? "application-defined" : "unknown"; break;
    }
    return std::to_string(code) + " " + name;
}

}  // namespace wscourse
