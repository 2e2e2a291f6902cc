#include "server.hpp"

#include "names.hpp"
#include "session.hpp"

#include <wscourse/listen.hpp>

namespace lesson03 {

Server::Server(net::io_context& ioc, wscourse::ServerOptions options, Limits limits)
    : state_(std::move(options), limits)
    , front_(state_.options, server_name)
    , acceptor_(wscourse::listen_on(ioc.get_executor(), state_.options.host, state_.options.port))
    , port_(acceptor_.local_endpoint().port())
{
    front_.upgrade = [this](wscourse::Upgrade upgrade) { return run_session(std::move(upgrade)); };
    // Lesson 02's accept loop and HTTP connection, from shared/: each connection gets its own
    // strand, and an upgrade request for /ws comes to run_session on it.
    net::co_spawn(ioc,
                  wscourse::accept_connections(acceptor_,
                                               [this](tcp::socket socket, std::string label) {
                                                   return wscourse::serve_http_connection(
                                                       front_, std::move(socket), std::move(label));
                                               }),
                  net::detached);
}

net::awaitable<void> Server::run_session(wscourse::Upgrade upgrade)
{
    boost::system::error_code peer_error;
    auto peer = upgrade.stream.socket().remote_endpoint(peer_error);
    auto name = display_name(upgrade.request.target(), peer);
    auto request = std::move(upgrade.request);
    // The session takes the socket and the bytes the front read past the request (a frame
    // the client sent right behind it): Beast reads those first.
    auto session = std::make_shared<Session>(state_, std::move(upgrade), std::move(name));
    co_await session->run(std::move(request));
}

void Server::shutdown()
{
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    front_.connections.close_all();
    state_.sessions.close_all();
}

}  // namespace lesson03
