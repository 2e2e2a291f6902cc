// Command-line parsing shared by every subcommand: CLI11 (Debian's libcli11-dev), one CLI::App
// per subcommand with typed options. A bad argument throws UsageError: main() prints its one
// line on stderr and exits 2.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace runner {

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Something went wrong that is not the user's typing (a build could not be configured, git is
// missing): main() prints the line and exits 1.
struct Failure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A subcommand's parser: `./course NAME` in its usage line, DESCRIPTION above the options and
// FOOTER below them in --help.
void describe(CLI::App& app, const std::string& description, const std::string& footer = "");

// Parses `args` (without the subcommand's name) into what `app` binds. Returns false after
// printing --help (the command then exits 0); any other problem is one line of UsageError:
// "check: --task: Value x could not be converted; see ./course check --help".
bool parse(CLI::App& app, const std::vector<std::string>& args);

// "run 4 --lan -- --rate 5" -> {"run 4 --lan", "--rate 5"}: what follows "--" goes to another
// program untouched.
std::pair<std::vector<std::string>, std::vector<std::string>>
split_at_dashes(const std::vector<std::string>& args);

// "1", "task1" -> "task1"; anything else -> nullopt.
std::optional<std::string> normalise_task(const std::string& text);

}  // namespace runner
