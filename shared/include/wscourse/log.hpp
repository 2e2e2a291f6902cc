// One readable line per event ("12:04:31.220  #3 127.0.0.1:51234  connected"), so a projector
// shows what the server does. Lines are written whole, so threads never interleave them.
#pragma once

#include <functional>
#include <sstream>
#include <string>
#include <string_view>

namespace wscourse {

void write_log_line(std::string_view line);

template <class... Parts>
void log(const Parts&... parts)
{
    std::ostringstream line;
    (line << ... << parts);
    write_log_line(line.str());
}

// "1000 normal", "1009 message too big", ... for the log and the clients.
std::string describe_close_code(unsigned code);

// Silences the log (tests run servers in-process and want quiet output).
void set_log_enabled(bool enabled);

// Hands every line (time-stamped, from any thread) to sink instead of stdout, even while the log
// is silenced: the test kit keeps a test's server log to show it when the test fails. An empty
// function restores stdout.
void set_log_sink(std::function<void(std::string_view line)> sink);

}  // namespace wscourse
