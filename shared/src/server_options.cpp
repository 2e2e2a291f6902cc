#include <wscourse/server_options.hpp>

#include <charconv>
#include <cstdlib>
#include <iostream>

namespace wscourse {
namespace {
[[noreturn]] void usage_error(std::string_view program, const std::string& message)
{
    std::cerr << program << ": " << message << " (see --help)\n";
    std::exit(2);
}

template <class Number>
Number parse_number(std::string_view program, std::string_view flag, std::string_view text,
                    Number max)
{
    Number value{};
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value > max)
        usage_error(program, std::string(flag) + " wants a number up to " + std::to_string(max)
                                 + ", not '" + std::string(text) + "'");
    return value;
}
}  // namespace

ServerOptions parse_server_options(int argc, char** argv, std::string_view summary,
                                   ServerOptions options, std::vector<ExtraOption> extra)
{
    std::string_view program = argc > 0 ? argv[0] : "server";
    if (auto slash = program.rfind('/'); slash != std::string_view::npos)
        program.remove_prefix(slash + 1);

    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        auto value = [&]() -> std::string_view {
            if (i + 1 >= argc)
                usage_error(program, std::string(arg) + " needs a value");
            return argv[++i];
        };
        if (arg == "--help" || arg == "-h") {
            std::cout << program << ": " << summary << "\n\n"
                      << "usage: " << program << " [options]\n"
                      << "  --host ADDRESS       address to listen on (default " << options.host << ")\n"
                      << "  --lan                listen on every interface (0.0.0.0) for a classroom\n"
                      << "  --port PORT          port to listen on, 0 = any free port (default "
                      << options.port << ")\n"
                      << "  --web DIR            folder of the HTML client (default " << options.web_dir.string() << ")\n"
                      << "  --qr                 print a QR code of the first LAN URL\n"
                      << "  --max-message BYTES  largest WebSocket message accepted (default "
                      << options.max_message_bytes << ")\n";
            for (const auto& option : extra)
                std::cout << "  " << option.flag << " " << option.value_help << "\n";
            std::exit(0);
        } else if (arg == "--host") {
            options.host = value();
        } else if (arg == "--lan") {
            options.host = "0.0.0.0";
        } else if (arg == "--port") {
            options.port = parse_number<unsigned short>(program, arg, value(), 65535);
        } else if (arg == "--web") {
            options.web_dir = std::string(value());
        } else if (arg == "--qr") {
            options.show_qr = true;
        } else if (arg == "--max-message") {
            options.max_message_bytes =
                parse_number<std::size_t>(program, arg, value(), std::size_t{1} << 30);
            if (options.max_message_bytes == 0)
                usage_error(program, "--max-message must be at least 1");
        } else {
            bool known = false;
            for (auto& option : extra) {
                if (arg == option.flag) {
                    *option.value = std::string(value());
                    known = true;
                }
            }
            if (!known)
                usage_error(program, "unknown option '" + std::string(arg) + "'");
        }
    }
    return options;
}

}  // namespace wscourse
