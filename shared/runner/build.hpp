// Configuring and building with CMake, and finding the one compiler error worth showing first.
#pragma once

#include "env.hpp"
#include "process.hpp"

#include <cstdio>
#include <string>
#include <vector>

namespace runner {

// Where progress chatter goes: stdout for the student's commands, stderr for `grade` (whose
// report may be on stdout).
struct Chatter {
    std::FILE* stream = stdout;
    void line(const std::string& text) const;
    bool live() const;   // a terminal: progress may be redrawn in place
};

// Configures build/dev (`cmake --preset dev -G GENERATOR`) if it has no CMakeCache.txt, and
// keeps WSCOURSE_BUILD_SOLUTIONS in step with solutions/ being there: a copy handed out without
// solutions/ must still build, and `want_solutions` turns them on for `run --solution`.
void ensure_dev(const Env& env, const Chatter& chatter, bool want_solutions = false);

// `cmake --preset NAME -G GENERATOR extra...` unless build/NAME is configured already.
void ensure_preset(const Env& env, const std::string& preset, const Chatter& chatter,
                   const std::vector<std::string>& extra = {});

// Runs a configure command; Failure (exit 1 material) with the first CMake error if it fails.
void configure(const Env& env, const std::vector<std::string>& command, const std::string& what,
               const Chatter& chatter);

// `cmake --build DIR --parallel N [--target T...]`, output to `log`, live progress when a terminal.
ProcessResult build(const Env& env, const std::filesystem::path& dir,
                    const std::vector<std::string>& targets, const std::filesystem::path& log,
                    const Chatter& chatter);

// The first compiler (or linker, or CMake) error of a build log with a few lines of context,
// paths shown relative to `root`; never more than ~15 lines. Falls back to the log's tail.
std::string first_error(const std::string& log, const std::string& root);

bool configured(const std::filesystem::path& build_dir);
std::string cache_value(const std::filesystem::path& build_dir, const std::string& name);
int cpu_count();

}  // namespace runner
