// Lesson 01: a WebSocket server written on raw Boost.Asio, handshake and frames by hand.
//   lesson01 [--port 8080] [--lan] ...   then open the printed URL in a browser.
#include "server.hpp"

#include <wscourse/command_line.hpp>

int main(int argc, char** argv)
{
    // 64 KiB: this server keeps a whole message in memory to describe it, and 65536 bytes is
    // just enough to see the 64-bit length encoding.
    wscourse::ServerCommandLine command_line("lesson01", "lesson 01 · the handshake, by hand",
                                             {.web_dir = WSCOURSE_WEB_DIR, .max_message_bytes = 64 * 1024, .http = {}});
    auto options = command_line.parse(argc, argv);
    return wscourse::run_server<lesson01::Server>(command_line, options);
}
