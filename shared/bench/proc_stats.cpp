#include "proc_stats.hpp"

#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

namespace wscourse::bench {

std::optional<ProcessSample> sample_process(int pid)
{
    const std::string dir = "/proc/" + std::to_string(pid);
    std::ifstream stat_file(dir + "/stat");
    std::string stat;
    if (!std::getline(stat_file, stat))
        return std::nullopt;
    // "PID (comm) S ppid ...": comm may hold spaces and ')', so count fields from the last ')'.
    // After it come field 3 (state) onwards; utime and stime are fields 14 and 15.
    auto paren = stat.rfind(')');
    if (paren == std::string::npos)
        return std::nullopt;
    std::istringstream fields(stat.substr(paren + 1));
    std::string skip;
    for (int field = 3; field < 14; ++field)
        fields >> skip;
    unsigned long long utime = 0, stime = 0;
    if (!(fields >> utime >> stime))
        return std::nullopt;

    ProcessSample sample;
    sample.cpu_seconds = static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));

    std::ifstream status(dir + "/status");
    for (std::string line; std::getline(status, line);) {
        if (line.rfind("VmRSS:", 0) == 0) {
            sample.rss_bytes = std::stoull(line.substr(6)) * 1024;  // "VmRSS:   1234 kB"
            break;
        }
    }
    return sample;
}

void ProcessWatch::start()
{
    if (pid_)
        before_ = sample_process(*pid_);
}

void ProcessWatch::stop()
{
    if (pid_)
        after_ = sample_process(*pid_);
}

}  // namespace wscourse::bench
