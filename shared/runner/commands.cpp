#include "commands.hpp"

namespace runner {

const std::vector<Command>& all_commands()
{
    static const std::vector<Command> commands{
        list_command(),  check_command(), watch_command(), hint_command(), run_command(),
        demo_command(),  grade_command(), reset_command(), test_command(), bench_command()};
    return commands;
}

std::string overview()
{
    std::string text =
        "wscourse: WebSockets in C++, lesson by lesson\n\n"
        "usage: ./course COMMAND [ARGS]\n\n"
        "students:\n";
    auto line = [&](const std::string& name) {
        for (const auto& command : all_commands())
            if (command.name == name)
                text += "  " + name + std::string(8 - name.size(), ' ') + command.summary + "\n";
    };
    for (const char* name : {"list", "check", "watch", "hint", "run", "reset"})
        line(name);
    text += "\ninstructors:\n";
    for (const char* name : {"demo", "grade", "test", "bench"})
        line(name);
    text += "\n./course help COMMAND (or ./course COMMAND --help) tells more about one.\n"
            "Lessons are named by number (1, 01) or slug (01-handshake).\n";
    return text;
}

}  // namespace runner
