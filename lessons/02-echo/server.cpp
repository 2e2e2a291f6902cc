#include "server.hpp"

#include "http_connection.hpp"

#include <wscourse/listen.hpp>
#include <wscourse/log.hpp>

namespace lesson02 {

std::optional<Style> parse_style(std::string_view name)
{
    if (name == "coroutines")
        return Style::coroutines;
    if (name == "callbacks")
        return Style::callbacks;
    return std::nullopt;
}

void report_failure(ServerState& state, std::exception_ptr failure)
{
    if (!failure)
        return;
    // Sessions return their errors; an exception is a bug. Report it and keep serving
    // everybody else.
    ++state.errors;
    try {
        std::rethrow_exception(failure);
    } catch (const std::exception& e) {
        wscourse::log("error: a connection failed: ", e.what());
    }
}

Server::Server(net::io_context& ioc, wscourse::ServerOptions options, Style style)
    : state_(std::move(options))
    , style_(style)
    , acceptor_(wscourse::listen_on(ioc.get_executor(), state_.options.host, state_.options.port))
    , port_(acceptor_.local_endpoint().port())
{
    net::co_spawn(ioc, accept_connections(), net::detached);
}

net::awaitable<void> Server::accept_connections()
{
    for (;;) {
        auto [ec, socket] = co_await acceptor_.async_accept(net::as_tuple(net::use_awaitable));
        if (ec == net::error::operation_aborted || !acceptor_.is_open())
            co_return;  // shutdown() closed the acceptor
        if (ec) {
            // Out of file descriptors, say: keep serving the connections we have, and pause
            // rather than spin on the same error.
            ++state_.errors;
            wscourse::log("accept failed: ", ec.message());
            net::steady_timer pause(acceptor_.get_executor(), std::chrono::milliseconds(100));
            co_await pause.async_wait(net::as_tuple(net::use_awaitable));
            continue;
        }
        boost::system::error_code peer_error;
        auto peer = socket.remote_endpoint(peer_error);
        std::string label = "#" + std::to_string(state_.next_id++) + " ";
        label += peer_error ? std::string("?")
                            : peer.address().to_string() + ":" + std::to_string(peer.port());
        // One coroutine per connection. Its frame owns the socket; detached, because nobody
        // waits for a connection to finish: it reports its own end in the log.
        net::co_spawn(acceptor_.get_executor(),
                      serve_connection(state_, style_, std::move(socket), std::move(label)),
                      [this](std::exception_ptr failure) { report_failure(state_, failure); });
    }
}

void Server::shutdown()
{
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    state_.connections.close_all();
    state_.sessions.close_all();
}

}  // namespace lesson02
