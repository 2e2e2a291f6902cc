// lesson03: the broadcast chat. `lesson03 --help` for the options.
#include "server.hpp"

#include <wscourse/command_line.hpp>

int main(int argc, char** argv)
{
    wscourse::ServerCommandLine command_line(
        "lesson03", "lesson 03 · broadcast chat",
        {.web_dir = WSCOURSE_WEB_DIR, .max_message_bytes = lesson03::default_max_message_bytes, .http = {}});
    lesson03::Limits limits;
    auto& app = command_line.app();
    app.add_option("--max-queue", limits.max_queued_messages, "messages a slow client may have waiting")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30))
        ->capture_default_str();
    app.add_option("--max-queue-bytes", limits.max_queued_bytes, "bytes a slow client may have waiting")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30))
        ->capture_default_str();
    auto options = command_line.parse(argc, argv);
    return wscourse::run_server<lesson03::Server>(command_line, options, limits);
}
