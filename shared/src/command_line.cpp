#include <wscourse/command_line.hpp>

#include <chrono>
#include <cstdlib>

namespace wscourse {

ServerCommandLine::ServerCommandLine(std::string program, std::string title, ServerOptions defaults)
    : program_(std::move(program))
    , title_(std::move(title))
    , options_(std::move(defaults))
    , per_address_(options_.http.max_connections_per_address.value_or(0))
    , request_timeout_seconds_(std::chrono::duration<double>(options_.http.request_timeout).count())
    , app_(title_, program_)
{
    app_.get_formatter()->column_width(40);
    auto* host = app_.add_option("--host,--address", options_.host,
                                 "address to listen on; 0.0.0.0 for every interface")
                     ->capture_default_str();
    app_.add_flag_callback(
            "--lan", [this] { options_.host = "0.0.0.0"; },
            "listen on every interface (0.0.0.0), for a classroom")
        ->excludes(host);
    app_.add_option("--port", options_.port, "port to listen on; 0 lets the OS choose")
        ->capture_default_str();
    app_.add_option("--web", options_.web_dir, "folder of the HTML client")->capture_default_str();
    app_.add_flag("--qr", options_.show_qr, "print a QR code of the first LAN URL (with --lan)");
    app_.add_option("--max-message", options_.max_message_bytes,
                    "largest WebSocket message accepted, in bytes")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30))
        ->capture_default_str();

    const std::string limits = "Limits of the HTTP front";
    app_.add_option("--max-connections", options_.http.max_connections,
                    "connections open at once, HTTP and WebSocket; over it a client gets 503 "
                    "(never more than the open-file limit allows)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{10'000'000}))
        ->capture_default_str()
        ->group(limits);
    app_.add_option("--max-connections-per-address", per_address_,
                    "connections from one client address; 0 = no cap "
                    "[default: 256, none when listening on loopback only]")
        ->group(limits);
    app_.add_option("--request-timeout", request_timeout_seconds_,
                    "seconds a client has to send a whole request (a half-open connection "
                    "is closed after it)")
        ->check(CLI::Range(0.01, 3600.0))
        ->capture_default_str()
        ->group(limits);
    app_.add_option("--max-body-bytes-in-flight", options_.http.max_body_bytes_in_flight,
                    "request bodies in memory at once, all connections together; over it 503")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30))
        ->capture_default_str()
        ->group(limits);
}

ServerOptions ServerCommandLine::parse(int argc, char** argv)
{
    try {
        app_.parse(argc, argv);
    } catch (const CLI::CallForHelp& help) {
        std::exit(app_.exit(help));
    } catch (const CLI::ParseError& e) {
        std::cerr << program_ << ": " << e.what() << " (see --help)\n";
        std::exit(2);
    }
    if (app_.count("--max-connections-per-address") > 0)
        options_.http.max_connections_per_address = per_address_;
    options_.http.request_timeout = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::duration<double>(request_timeout_seconds_));
    return options_;
}

}  // namespace wscourse
