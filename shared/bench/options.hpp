// The command line of wscourse-loadgen (CLI11): three modes, each with its own flags.
#pragma once

#include "url.hpp"

#include <chrono>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>

namespace wscourse::bench {

enum class Mode { echo, broadcast, connections };

struct Options {
    Mode mode = Mode::echo;
    Url url;
    std::size_t size = 32;              // bytes per message (echo, broadcast)
    // echo
    std::size_t connections = 64;
    std::chrono::milliseconds duration{10'000};
    // broadcast
    std::size_t receivers = 100;
    std::size_t messages = 1000;
    std::size_t window = 16;
    std::chrono::milliseconds drain{5'000};  // how long to wait for a delivery before calling it lost
    // connections
    std::size_t count = 1000;
    std::chrono::milliseconds hold{2'000};
    // all
    std::optional<int> server_pid;
    std::chrono::milliseconds deadline{0};   // hard limit for the whole run; 0 = from the mode
    bool json_only = false;
};

// A bad command line. what() is one line for the terminal; the exit code is 2.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// --help: print text and exit 0.
struct HelpRequested {
    std::string text;
};

// Throws UsageError or HelpRequested.
Options parse_options(int argc, char** argv);

// The smallest --size whose messages can carry the mode's token (see echo_mode.cpp, broadcast_mode.cpp).
inline constexpr std::size_t min_echo_size = 28;
inline constexpr std::size_t min_broadcast_size = 20;

}  // namespace wscourse::bench
