// lesson05: chat rooms and private messages. `lesson05 --help`.
#include "server.hpp"

#include <wscourse/command_line.hpp>

int main(int argc, char** argv)
{
    wscourse::ServerCommandLine command_line(
        "lesson05", "lesson 05 · rooms and private messages",
        {.web_dir = WSCOURSE_WEB_DIR, .max_message_bytes = lesson05::default_max_message_bytes, .http = {}});
    lesson05::SessionLimits limits;  // lesson 04's: the same session serves the rooms
    command_line.app()
        .add_option("--max-queue", limits.max_queued_messages,
                    "messages a slow client may fall behind before it is disconnected")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30))
        ->capture_default_str();
    auto options = command_line.parse(argc, argv);
    return wscourse::run_server<lesson05::Server>(command_line, options, limits);
}
