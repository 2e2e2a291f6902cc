// wscourse-loadgen: see options.cpp (or --help) for what it does and docs/performance.md for
// what it found.
#include <wscourse/fd_limit.hpp>
#include "modes.hpp"
#include "options.hpp"
#include "proc_stats.hpp"

#include <iostream>

using namespace wscourse::bench;

int main(int argc, char** argv)
{
    Options options;
    try {
        options = parse_options(argc, argv);
    } catch (const HelpRequested& help) {
        std::cout << help.text;
        return 0;
    } catch (const UsageError& e) {
        std::cerr << "wscourse-loadgen: " << e.what() << " (see --help)\n";
        return 2;
    }

    // Leave room for stdin/out/err and the odd extra descriptor.
    constexpr std::size_t spare_files = 32;
    std::size_t needed = spare_files + (options.mode == Mode::echo        ? options.connections
                                        : options.mode == Mode::broadcast ? options.receivers + 1
                                                                          : options.count);
    std::size_t limit = wscourse::raise_open_file_limit();
    if (needed > limit) {
        std::cerr << "wscourse-loadgen: " << needed - spare_files
                  << " connections need about " << needed
                  << " open files, but the hard limit (ulimit -Hn) is " << limit
                  << ": ask for fewer, or raise the hard limit as root\n";
        return 2;
    }
    if (options.server_pid && !sample_process(*options.server_pid)) {
        std::cerr << "wscourse-loadgen: --server-pid " << *options.server_pid
                  << ": no such process (or /proc is not readable)\n";
        return 2;
    }

    try {
        switch (options.mode) {
        case Mode::echo: return run_echo(options);
        case Mode::broadcast: return run_broadcast(options);
        case Mode::connections: return run_connections(options);
        }
    } catch (const std::exception& e) {
        std::cerr << "wscourse-loadgen: " << e.what() << "\n";
    }
    return 1;
}
