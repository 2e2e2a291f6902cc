#include "term.hpp"

#include <cstdlib>
#include <unistd.h>

namespace runner {
namespace {
bool detect()
{
    const char* no_colour = std::getenv("NO_COLOR");
    if (no_colour && *no_colour)
        return false;
    return ::isatty(STDOUT_FILENO) == 1;
}

bool& state()
{
    static bool on = detect();
    return on;
}

std::string wrap(std::string_view code, std::string_view text)
{
    if (!state())
        return std::string(text);
    return "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m";
}
}  // namespace

bool colour_enabled() { return state(); }
void set_colour(bool on) { state() = on; }

std::string green(std::string_view text) { return wrap("32", text); }
std::string red(std::string_view text) { return wrap("31", text); }
std::string yellow(std::string_view text) { return wrap("33", text); }
std::string bold(std::string_view text) { return wrap("1", text); }
std::string dim(std::string_view text) { return wrap("2", text); }

}  // namespace runner
