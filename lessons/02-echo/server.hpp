// The lesson 02 server: one port that serves the HTML client over HTTP and upgrades /ws to a
// WebSocket echo session (a coroutine, or with --style callbacks the same session written with
// callbacks).
#pragma once

#include <wscourse/net.hpp>
#include <wscourse/open_sessions.hpp>
#include <wscourse/server_options.hpp>
#include <wscourse/static_files.hpp>

#include <cstddef>
#include <optional>
#include <utility>
#include <string_view>

namespace lesson02 {

// What `lesson02` allows by default: a 1 MiB message round-trips, 4 MiB + 1 byte gets 1009.
inline constexpr std::size_t default_max_message_bytes = 4 * 1024 * 1024;

enum class Style { coroutines, callbacks };

// "coroutines" or "callbacks" (the value of --style).
std::optional<Style> parse_style(std::string_view name);

// What the server and its sessions share. Sessions keep a reference to it, so it must outlive
// every handler the io_context runs (it does: the Server lives until ioc.run() has returned).
struct ServerState {
    explicit ServerState(wscourse::ServerOptions options_)
        : options(std::move(options_)), files(options.web_dir)
    {
    }

    wscourse::ServerOptions options;
    wscourse::StaticFiles files;
    wscourse::OpenSessions sessions;     // WebSocket sessions: shutdown closes them with 1001
    wscourse::OpenSessions connections;  // plain HTTP connections: shutdown closes the socket
    unsigned next_id = 1;                // "#3" in the log
    std::size_t errors = 0;              // errors logged; a clean close or a drop is not one
};

// How a coroutine that ended with an exception (a bug: sessions return their errors) is
// reported: one log line, counted in error_count().
void report_failure(ServerState& state, std::exception_ptr failure);

class Server {
public:
    // Binds and listens at once, so port() is known before the first client connects.
    // Throws wscourse::PortInUse when options.port is taken.
    Server(net::io_context& ioc, wscourse::ServerOptions options, Style style = Style::coroutines);

    unsigned short port() const { return port_; }

    // Stops accepting, ends idle HTTP connections and closes every WebSocket session with
    // 1001 (going away). Call it on the io_context's thread.
    void shutdown();

    std::size_t session_count() const { return state_.sessions.size(); }
    std::size_t error_count() const { return state_.errors; }

private:
    net::awaitable<void> accept_connections();

    ServerState state_;
    Style style_;
    tcp::acceptor acceptor_;
    unsigned short port_ = 0;
};

}  // namespace lesson02
