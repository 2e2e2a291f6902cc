// lesson02: the echo server. `lesson02 --help` for the options.
#include "server.hpp"

#include <wscourse/listen.hpp>
#include <wscourse/run_until_signal.hpp>

#include <iostream>

int main(int argc, char** argv)
{
    wscourse::ServerOptions defaults;
    defaults.web_dir = WSCOURSE_WEB_DIR;
    defaults.port = 8080;
    defaults.max_message_bytes = lesson02::default_max_message_bytes;
    std::string style_name = "coroutines";
    auto options = wscourse::parse_server_options(
        argc, argv, "lesson 02, a WebSocket echo server on Boost.Beast", defaults,
        {{"--style", "STYLE        coroutines (default) or callbacks: how the session is written",
          &style_name}});
    auto style = lesson02::parse_style(style_name);
    if (!style) {
        std::cerr << "lesson02: --style wants coroutines or callbacks, not '" << style_name
                  << "' (see --help)\n";
        return 2;
    }

    try {
        net::io_context ioc{1};  // one thread: every session runs on it, so no locks anywhere
        lesson02::Server server(ioc, options, *style);
        wscourse::print_listening("lesson 02 · echo with Beast", options.host, server.port(),
                                  options.show_qr);
        wscourse::run_until_signal(
            ioc, [&] { server.shutdown(); }, [&] { return server.session_count() == 0; });
    } catch (const wscourse::PortInUse& e) {
        std::cerr << "lesson02: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "lesson02: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
