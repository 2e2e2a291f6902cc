// course-runner: the subcommands of ./course (the script only installs, configures and builds
// this program, then hands it the command line).
#include "cli.hpp"
#include "commands.hpp"
#include "process.hpp"

#include <iostream>

using namespace runner;

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    install_interrupt_handler();   // Ctrl-C also ends the build or test we are running
    try {
        if (args.empty() || args[0] == "--help" || args[0] == "-h") {
            std::cout << overview();
            return 0;
        }
        std::string name = args[0];
        args.erase(args.begin());
        if (name == "help") {
            if (args.empty()) {
                std::cout << overview();
                return 0;
            }
            if (args.size() > 1)
                throw UsageError("help takes one command name; see ./course --help");
            name = args[0];
            args = {"--help"};
        }
        for (const auto& command : all_commands())
            if (command.name == name)
                return command.run(load_env(), args);
        throw UsageError("unknown command '" + name + "'; see ./course --help");
    } catch (const UsageError& e) {
        std::cerr << e.what() << "\n";
        return 2;
    } catch (const Failure& e) {
        std::cerr << "course: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "course: unexpected error: " << e.what() << "\n";
        return 1;
    }
}
