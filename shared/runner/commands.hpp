// The runner's subcommands. Each file defines one; main() dispatches by name.
#pragma once

#include "env.hpp"

#include <string>
#include <vector>

namespace runner {

struct Command {
    std::string name;
    std::string summary;   // one line for `./course --help`; `./course NAME --help` is CLI11's
    int (*run)(const Env& env, const std::vector<std::string>& args);
};

Command list_command();
Command check_command();
Command watch_command();
Command hint_command();
Command run_command();
Command demo_command();
Command grade_command();
Command reset_command();
Command test_command();
Command bench_command();

const std::vector<Command>& all_commands();
std::string overview();   // `./course --help`

}  // namespace runner
