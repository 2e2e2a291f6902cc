// The command line of every lesson server, on CLI11 (Debian's libcli11-dev), and the start-up
// they share: a lesson's main() is its defaults, its own options, and one call to run_server.
//
//   wscourse::ServerCommandLine command_line("lesson03", "lesson 03 · broadcast chat", defaults);
//   command_line.app().add_option("--max-queue", limits.max_queued_messages, "...");
//   auto options = command_line.parse(argc, argv);
//   return wscourse::run_server<lesson03::Server>(command_line, options, limits);
#pragma once

#include <wscourse/fd_limit.hpp>
#include <wscourse/listen.hpp>
#include <wscourse/run_until_signal.hpp>
#include <wscourse/server_options.hpp>

#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>
#include <string>
#include <utility>

namespace wscourse {

// Typed options every server takes: --host/--address or --lan, --port, --web, --qr,
// --max-message, and the HTTP front's caps and limits. `--help` lists them with their defaults,
// and the lesson's own after them.
class ServerCommandLine {
public:
    // program names it in errors ("lesson03: ..."); title is the first line it prints.
    ServerCommandLine(std::string program, std::string title, ServerOptions defaults);

    // Where a lesson adds its own options, before parse().
    CLI::App& app() { return app_; }

    // The options from argv. --help prints every option and exits 0; a bad argument prints one
    // line naming it and exits 2.
    ServerOptions parse(int argc, char** argv);

    const std::string& program() const { return program_; }
    const std::string& title() const { return title_; }

private:
    std::string program_;
    std::string title_;
    ServerOptions options_;
    std::size_t per_address_ = 0;
    double request_timeout_seconds_ = 0;
    CLI::App app_;
};

// Raises the open-file limit, starts Server(ioc, options, args...) on one thread, prints where
// to connect, and serves until Ctrl-C, which closes every session with 1001 (going away).
// Server has port(), shutdown() and session_count(). Returns main()'s exit status: 0, or 1
// with one line on stderr when the server cannot start (the port is taken, say).
template <class Server, class... Args>
int run_server(const ServerCommandLine& command_line, const ServerOptions& options, Args&&... args)
{
    raise_open_file_limit();  // before the server sizes its connection cap on it
    try {
        // One thread runs everything; each connection still lives on its own strand, so the
        // code stays correct when you give the io_context more threads.
        net::io_context ioc{1};
        Server server(ioc, options, std::forward<Args>(args)...);
        print_listening(command_line.title(), options.host, server.port(), options.show_qr);
        run_until_signal(
            ioc, [&] { server.shutdown(); }, [&] { return server.session_count() == 0; });
    } catch (const std::exception& e) {  // wscourse::PortInUse among them: one line
        std::cerr << command_line.program() << ": " << e.what() << "\n";
        return 1;
    }
    return 0;
}

}  // namespace wscourse
