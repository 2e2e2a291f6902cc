// Command-line parsing shared by every subcommand. A bad argument throws UsageError: main()
// prints its one line on stderr and exits 2.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
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

struct OptionSpec {
    std::string name;          // "--port"
    bool takes_value = false;
};

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> values;   // options with a value
    std::set<std::string> flags;                 // options without one
    bool help = false;

    bool has(const std::string& flag) const { return flags.count(flag) > 0; }
    std::optional<std::string> value(const std::string& option) const;
};

// `command` names the subcommand in error messages. Accepts "--opt value" and "--opt=value";
// "-h"/"--help" anywhere sets `help` (and nothing else is checked then).
Args parse_args(const std::string& command, const std::vector<std::string>& args,
                const std::vector<OptionSpec>& options, std::size_t min_positional,
                std::size_t max_positional);

// 0..65535 (0 lets the OS choose), else UsageError.
unsigned short parse_port(const std::string& text);

// "1", "task1" -> "task1"; anything else -> nullopt.
std::optional<std::string> normalise_task(const std::string& text);

}  // namespace runner
