// Lesson 01: a WebSocket server written on raw Boost.Asio, handshake and frames by hand.
//   lesson01 [--port 8080] [--lan] ...   then open the printed URL in a browser.
#include "server.hpp"

#include <wscourse/listen.hpp>
#include <wscourse/run_until_signal.hpp>
#include <wscourse/server_options.hpp>

#include <iostream>

int main(int argc, char** argv)
{
    wscourse::ServerOptions defaults;
    defaults.web_dir = WSCOURSE_WEB_DIR;
    // 64 KiB: this server keeps a whole message in memory to describe it, and 65536 bytes is
    // just enough to see the 64-bit length encoding.
    defaults.max_message_bytes = 64 * 1024;
    auto options = wscourse::parse_server_options(
        argc, argv, "lesson 01, the WebSocket handshake and frames by hand", defaults);

    try {
        net::io_context ioc{1};
        lesson01::Server server(ioc, options);
        wscourse::print_listening("lesson 01 · the handshake, by hand", options.host, server.port(),
                                  options.show_qr);
        wscourse::run_until_signal(
            ioc, [&] { server.shutdown(); }, [&] { return server.session_count() == 0; });
    } catch (const wscourse::PortInUse& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    return 0;
}
