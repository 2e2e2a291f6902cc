// lesson03: the broadcast chat. `lesson03 --help` for the options.
#include "server.hpp"

#include <wscourse/listen.hpp>
#include <wscourse/run_until_signal.hpp>

#include <charconv>
#include <iostream>

namespace {

// "--max-queue 64" -> 64; nothing for anything but a positive number.
std::optional<std::size_t> positive_number(const std::string& text)
{
    std::size_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value == 0)
        return std::nullopt;
    return value;
}

}  // namespace

int main(int argc, char** argv)
{
    wscourse::ServerOptions defaults;
    defaults.web_dir = WSCOURSE_WEB_DIR;
    defaults.port = 8080;
    defaults.max_message_bytes = lesson03::default_max_message_bytes;
    lesson03::Limits limits;
    std::string max_queue = std::to_string(limits.max_queued_messages);
    std::string max_queue_bytes = std::to_string(limits.max_queued_bytes);
    auto options = wscourse::parse_server_options(
        argc, argv, "lesson 03, a broadcast chat on Boost.Beast", defaults,
        {{"--max-queue", "N        messages a slow client may have waiting (default " + max_queue + ")",
          &max_queue},
         {"--max-queue-bytes", "N  bytes a slow client may have waiting (default "
                                   + max_queue_bytes + ")",
          &max_queue_bytes}});
    auto messages = positive_number(max_queue);
    auto bytes = positive_number(max_queue_bytes);
    if (!messages || !bytes) {
        std::cerr << "lesson03: --max-queue and --max-queue-bytes want a positive number (see --help)\n";
        return 2;
    }
    limits.max_queued_messages = *messages;
    limits.max_queued_bytes = *bytes;

    try {
        // One thread. Every session still runs on a strand of its own, so the same code is
        // correct with ioc.run() on several threads; on one, a strand costs next to nothing.
        net::io_context ioc{1};
        lesson03::Server server(ioc, options, limits);
        wscourse::print_listening("lesson 03 · broadcast chat", options.host, server.port(),
                                  options.show_qr);
        wscourse::run_until_signal(
            ioc, [&] { server.shutdown(); }, [&] { return server.session_count() == 0; });
    } catch (const wscourse::PortInUse& e) {
        std::cerr << "lesson03: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "lesson03: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
