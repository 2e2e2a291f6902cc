// Where the course is and how to build it: WSCOURSE_ROOT and WSCOURSE_GENERATOR, which the
// `course` script sets (defaults: the source tree this runner was built from, Ninja if found).
#pragma once

#include <filesystem>
#include <string>

namespace runner {

struct Env {
    std::filesystem::path root;
    std::string generator;

    std::filesystem::path build_dir(const std::string& name) const { return root / "build" / name; }
    std::filesystem::path log_file(const std::string& name) const
    {
        return root / "build" / "logs" / name;
    }
    bool has_solutions() const { return std::filesystem::is_directory(root / "solutions"); }
    // A path as the user should see it: relative to the course root when inside it.
    std::string show(const std::filesystem::path& path) const;
};

Env load_env();

}  // namespace runner
