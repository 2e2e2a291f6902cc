// lesson04: a chat server with a connection manager and a JSON protocol. `lesson04 --help`.
#include "server.hpp"

#include <wscourse/command_line.hpp>

int main(int argc, char** argv)
{
    wscourse::ServerCommandLine command_line(
        "lesson04", "lesson 04 · connection manager and a JSON protocol",
        {.web_dir = WSCOURSE_WEB_DIR, .max_message_bytes = lesson04::default_max_message_bytes, .http = {}});
    lesson04::SessionLimits limits;
    command_line.app()
        .add_option("--max-queue", limits.max_queued_messages,
                    "messages a slow client may fall behind before it is disconnected")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30))
        ->capture_default_str();
    auto options = command_line.parse(argc, argv);
    return wscourse::run_server<lesson04::Server>(command_line, options, limits);
}
