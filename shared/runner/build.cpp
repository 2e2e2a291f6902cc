#include "build.hpp"

#include "cli.hpp"
#include "term.hpp"
#include "text.hpp"

#include <fstream>
#include <regex>
#include <thread>
#include <unistd.h>

namespace runner {
namespace {
bool is_diagnostic_error(const std::string& line)
{
    if (line.rfind("collect2:", 0) == 0)
        return false;   // "ld returned 1 exit status": the linker's own line says more
    return line.find(": error:") != std::string::npos
           || line.find(": fatal error:") != std::string::npos;
}

bool is_build_tool_noise(const std::string& line)
{
    return line.rfind("[", 0) == 0 || line.rfind("FAILED:", 0) == 0
           || line.rfind("ninja:", 0) == 0 || line.rfind("make", 0) == 0
           || line.rfind("gmake", 0) == 0 || line.rfind("/usr/bin/c++", 0) == 0
           || line.rfind("/usr/bin/g++", 0) == 0 || line.rfind("collect2:", 0) == 0
           || line.find("Error 1") != std::string::npos;
}

// g++'s context after an error: the source line, the caret, and the notes that explain it
// (with the "In file included from" chain that leads to a note in a header).
bool is_context(const std::string& line)
{
    if (line.empty())
        return false;
    if (line[0] == ' ')
        return true;   // "   12 |     foo();", "      |     ^~~" and "                 from x.hpp:3"
    return line.find(": note:") != std::string::npos
           || line.rfind("In file included from", 0) == 0
           || line.find(": In instantiation of") != std::string::npos
           || line.find("   required from") != std::string::npos
           || line.find("   required by substitution") != std::string::npos;
}

// Lines that only say how a header was reached: the error's own location says enough.
bool is_include_chain(const std::string& line)
{
    return line.rfind("In file included from", 0) == 0
           || line.rfind("                 from ", 0) == 0;
}

// The student's own file and line in a diagnostic: "exercises/04-x/a.cpp:12:10".
std::string student_location(const std::string& line)
{
    static const std::regex location(R"((exercises/[^:\s]+):(\d+)(:\d+)?)");
    std::smatch match;
    if (std::regex_search(line, match, location))
        return match[0].str();
    return {};
}
}  // namespace

void Chatter::line(const std::string& text) const
{
    std::fputs((text + "\n").c_str(), stream);
    std::fflush(stream);
}

bool Chatter::live() const
{
    return ::isatty(::fileno(stream)) == 1;
}

int cpu_count()
{
    unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 2 : static_cast<int>(n);
}

std::string cache_value(const std::filesystem::path& build_dir, const std::string& name)
{
    std::ifstream in(build_dir / "CMakeCache.txt");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(name + ":", 0) == 0) {
            auto eq = line.find('=');
            return eq == std::string::npos ? "" : line.substr(eq + 1);
        }
    }
    return {};
}

std::string first_error(const std::string& log, const std::string& root)
{
    auto lines = split_lines(strip_ansi(log));
    std::size_t at = lines.size();
    for (std::size_t i = 0; i < lines.size() && at == lines.size(); ++i)
        if (is_diagnostic_error(lines[i]))
            at = i;
    for (std::size_t i = 0; i < lines.size() && at == lines.size(); ++i)
        if (lines[i].find("undefined reference to") != std::string::npos
            || lines[i].find("multiple definition of") != std::string::npos
            || lines[i].rfind("CMake Error", 0) == 0)
            at = i;
    for (std::size_t i = 0; i < lines.size() && at == lines.size(); ++i)
        if (lines[i].find("error") != std::string::npos && !is_build_tool_noise(lines[i]))
            at = i;

    std::vector<std::string> picked;
    if (at == lines.size()) {
        // Nothing looks like an error: the tail is the best we have.
        std::vector<std::string> tail;
        for (const auto& line : lines)
            if (!is_build_tool_noise(line))
                tail.push_back(line);
        if (tail.size() > 12)
            tail.erase(tail.begin(), tail.end() - 12);
        return relative_to(join_lines(tail), root);
    }
    const bool cmake = lines[at].rfind("CMake Error", 0) == 0;
    // Before the error: "file: In function 'f':" and, for a template, the "In instantiation
    // of" / "required from" lines that lead from the student's code to it.
    std::size_t from = at;
    while (from > 0 && !cmake
           && (is_include_chain(lines[from - 1])
               || lines[from - 1].find(": In ") != std::string::npos
               || lines[from - 1].find("   required from") != std::string::npos
               || lines[from - 1].find(": in function") != std::string::npos))
        --from;
    for (std::size_t i = from; i < at; ++i)
        if (!is_include_chain(lines[i]))
            picked.push_back(lines[i]);
    picked.push_back(lines[at]);
    // After it: its source line and caret, and every note until the next error.
    const std::size_t max_lines = cmake ? 8 : 30;
    std::size_t left_out = 0;
    for (std::size_t i = at + 1; i < lines.size(); ++i) {
        if (cmake ? (lines[i].rfind("CMake ", 0) == 0 || lines[i].rfind("-- ", 0) == 0)
                  : (!is_context(lines[i]) || is_diagnostic_error(lines[i])))
            break;
        if (is_include_chain(lines[i]))
            continue;
        if (picked.size() < max_lines)
            picked.push_back(lines[i]);
        else
            ++left_out;
    }
    while (!picked.empty() && trim(picked.back()).empty())
        picked.pop_back();
    if (left_out > 0)
        picked.push_back("... (" + std::to_string(left_out) + " more lines of notes in the full log)");

    // When the error is reported in a header or the standard library, the student's own line
    // (in a "required from here" or a note) comes first.
    auto relative = split_lines(relative_to(join_lines(picked), root));
    std::string error_line = relative_to(lines[at], root);
    if (student_location(error_line).empty()) {
        for (const auto& line : relative) {
            auto where = student_location(line);
            if (!where.empty()) {
                relative.insert(relative.begin(), where + ": your code, where it starts");
                break;
            }
        }
    }
    return join_lines(relative);
}

void configure(const Env& env, const std::vector<std::string>& command, const std::string& what,
               const Chatter& chatter)
{
    chatter.line(dim("configuring " + what + "..."));
    std::string name = what;
    for (char& c : name)
        if (c == '/')
            c = '-';
    auto log = env.log_file("configure-" + name + ".log");
    RunOptions options;
    options.log_file = log;
    options.cwd = env.root;
    auto result = run_process(command, options);
    if (!result.ok()) {
        std::string error = first_error(result.output, env.root.string());
        throw Failure("could not configure " + what + " (" + result.describe() + "):\n"
                      + error + "full log: " + env.show(log) + "\ncommand: "
                      + shell_quote(command));
    }
}

bool configured(const std::filesystem::path& dir)
{
    // A cache alone may be left over from a configure that failed: the generated files say it
    // finished.
    return std::filesystem::exists(dir / "CMakeCache.txt")
           && (std::filesystem::exists(dir / "build.ninja")
               || std::filesystem::exists(dir / "Makefile"));
}

void ensure_preset(const Env& env, const std::string& preset, const Chatter& chatter,
                   const std::vector<std::string>& extra)
{
    auto dir = env.build_dir(preset);
    if (configured(dir) && extra.empty())
        return;
    std::vector<std::string> command{"cmake", "--preset", preset};
    if (!std::filesystem::exists(dir / "CMakeCache.txt"))
        command.insert(command.end(), {"-G", env.generator});
    command.insert(command.end(), extra.begin(), extra.end());
    configure(env, command, "build/" + preset, chatter);
}

void ensure_dev(const Env& env, const Chatter& chatter, bool want_solutions)
{
    auto dir = env.build_dir("dev");
    std::vector<std::string> extra;
    if (std::filesystem::exists(dir / "CMakeCache.txt")) {
        auto solutions = cache_value(dir, "WSCOURSE_BUILD_SOLUTIONS");
        bool on = solutions == "ON" || solutions == "TRUE" || solutions == "1";
        if (on && !env.has_solutions())
            extra.push_back("-DWSCOURSE_BUILD_SOLUTIONS=OFF");
        else if (!on && want_solutions && env.has_solutions())
            extra.push_back("-DWSCOURSE_BUILD_SOLUTIONS=ON");
    }
    ensure_preset(env, "dev", chatter, extra);
}

ProcessResult build(const Env& env, const std::filesystem::path& dir,
                    const std::vector<std::string>& targets, const std::filesystem::path& log,
                    const Chatter& chatter)
{
    std::vector<std::string> command{"cmake", "--build", dir.string(), "--parallel",
                                     std::to_string(cpu_count())};
    std::string names;
    if (!targets.empty()) {
        command.push_back("--target");
        for (const auto& target : targets) {
            command.push_back(target);
            names += (names.empty() ? "" : ", ") + target;
        }
    } else {
        names = "everything in " + env.show(dir);
    }
    RunOptions options;
    options.log_file = log;
    options.cwd = env.root;
    std::string label = "building " + names + "...";
    bool live = chatter.live();
    std::string pending;
    if (live) {
        // Redraw one status line with ninja's "[12/40]" counter as it moves.
        options.on_output = [&](std::string_view chunk) {
            pending.append(chunk);
            std::size_t newline;
            while ((newline = pending.find('\n')) != std::string::npos) {
                std::string line = pending.substr(0, newline);
                pending.erase(0, newline + 1);
                if (line.rfind("[", 0) == 0) {
                    auto close = line.find(']');
                    std::string counter = line.substr(0, close + 1);
                    std::fputs(("\r\x1b[K" + dim(label + " " + counter)).c_str(), chatter.stream);
                    std::fflush(chatter.stream);
                }
            }
        };
        std::fputs(dim(label).c_str(), chatter.stream);
        std::fflush(chatter.stream);
    } else {
        chatter.line(label);
    }
    auto result = run_process(command, options);
    if (live) {
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%.1f s", result.seconds);
        std::fputs(("\r\x1b[K" + dim(label + " " + (result.ok() ? "done" : "failed") + ", "
                                     + seconds) + "\n").c_str(),
                   chatter.stream);
        std::fflush(chatter.stream);
    }
    return result;
}

}  // namespace runner
