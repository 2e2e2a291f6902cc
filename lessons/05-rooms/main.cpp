// lesson05: chat rooms and private messages. `lesson05 --help`.
#include "server.hpp"

#include <wscourse/listen.hpp>
#include <wscourse/run_until_signal.hpp>

#include <charconv>
#include <iostream>

int main(int argc, char** argv)
{
    wscourse::ServerOptions defaults;
    defaults.web_dir = WSCOURSE_WEB_DIR;
    defaults.port = 8080;
    defaults.max_message_bytes = lesson05::default_max_message_bytes;
    lesson05::SessionLimits limits;
    std::string queue_limit = std::to_string(limits.max_queued_messages);
    auto options = wscourse::parse_server_options(
        argc, argv, "lesson 05, chat rooms and private messages", defaults,
        {{"--max-queue", "N            messages a slow client may fall behind before it is "
                         "disconnected (default 1024)",
          &queue_limit}});
    auto [end, ec] = std::from_chars(queue_limit.data(), queue_limit.data() + queue_limit.size(),
                                     limits.max_queued_messages);
    if (ec != std::errc{} || end != queue_limit.data() + queue_limit.size() || limits.max_queued_messages == 0) {
        std::cerr << "lesson05: --max-queue wants a positive number, not '" << queue_limit << "' (see --help)\n";
        return 2;
    }

    try {
        // One thread runs everything; each session still lives on its own strand, so the code
        // stays correct when you give the io_context more threads.
        net::io_context ioc{1};
        lesson05::Server server(ioc, options, limits);
        wscourse::print_listening("lesson 05 · rooms and private messages", options.host,
                                  server.port(), options.show_qr);
        wscourse::run_until_signal(
            ioc, [&] { server.shutdown(); }, [&] { return server.session_count() == 0; });
    } catch (const std::exception& e) {  // wscourse::PortInUse among them: one line
        std::cerr << "lesson05: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
