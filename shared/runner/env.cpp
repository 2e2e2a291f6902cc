#include "env.hpp"

#include <cstdlib>
#include <unistd.h>

#ifndef WSCOURSE_SOURCE_DIR
#define WSCOURSE_SOURCE_DIR "."
#endif

namespace runner {
namespace {
bool on_path(const std::string& program)
{
    const char* path = std::getenv("PATH");
    if (!path)
        return false;
    std::string dirs = path;
    std::size_t start = 0;
    while (start <= dirs.size()) {
        auto end = dirs.find(':', start);
        if (end == std::string::npos)
            end = dirs.size();
        auto candidate = std::filesystem::path(dirs.substr(start, end - start)) / program;
        if (::access(candidate.c_str(), X_OK) == 0)
            return true;
        start = end + 1;
    }
    return false;
}
}  // namespace

std::string Env::show(const std::filesystem::path& path) const
{
    auto relative = path.lexically_relative(root);
    if (relative.empty() || *relative.begin() == "..")
        return path.string();
    return relative.string();
}

Env load_env()
{
    Env env;
    const char* root = std::getenv("WSCOURSE_ROOT");
    env.root = std::filesystem::absolute(root && *root ? root : WSCOURSE_SOURCE_DIR)
                   .lexically_normal();
    if (env.root.has_filename() == false)
        env.root = env.root.parent_path();
    const char* generator = std::getenv("WSCOURSE_GENERATOR");
    if (generator && *generator)
        env.generator = generator;
    else
        env.generator = on_path("ninja") ? "Ninja" : "Unix Makefiles";
    return env;
}

}  // namespace runner
