// lesson02: the echo server. `lesson02 --help` for the options.
#include "server.hpp"

#include <wscourse/command_line.hpp>

int main(int argc, char** argv)
{
    wscourse::ServerCommandLine command_line(
        "lesson02", "lesson 02 · echo with Beast",
        {.web_dir = WSCOURSE_WEB_DIR, .max_message_bytes = lesson02::default_max_message_bytes, .http = {}});
    std::string style = "coroutines";
    command_line.app()
        .add_option("--style", style, "how the session is written: coroutines or callbacks")
        ->check(CLI::IsMember({"coroutines", "callbacks"}))
        ->capture_default_str();
    auto options = command_line.parse(argc, argv);
    return wscourse::run_server<lesson02::Server>(command_line, options, *lesson02::parse_style(style));
}
