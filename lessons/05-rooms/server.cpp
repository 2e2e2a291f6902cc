#include "server.hpp"

#include "api.hpp"
#include "session.hpp"

#include <wscourse/listen.hpp>

namespace lesson05 {

Server::Server(net::io_context& ioc, wscourse::ServerOptions options, SessionLimits limits)
    : state_(std::move(options), limits)
    , front_(state_.options.web_dir, server_name)
    , acceptor_(wscourse::listen_on(ioc.get_executor(), state_.options.host, state_.options.port))
    , port_(acceptor_.local_endpoint().port())
{
    // New in lesson 05: the routes see who asked (the peer's address), because one of them
    // (POST /api/broadcast) is only for this machine.
    front_.routes = [this](const wscourse::HttpRequest& request, const tcp::endpoint& peer) {
        return api_route(state_.chat, request, peer);
    };
    front_.body_routes = {{http::verb::post, "/api/broadcast", 64 * 1024}};  // the one body read
    front_.upgrade = [this](wscourse::Upgrade upgrade) {
        // upgrade.leftover (a frame sent right behind the request) is not read yet.
        return run_session(state_, std::move(upgrade.stream), std::move(upgrade.request), std::move(upgrade.label));
    };
    // Lesson 02's accept loop and HTTP front, from shared/: each connection on its own strand.
    net::co_spawn(ioc,
                  wscourse::accept_connections(acceptor_,
                                               [this](tcp::socket socket, std::string label) {
                                                   return wscourse::serve_http_connection(
                                                       front_, std::move(socket), std::move(label));
                                               }),
                  net::detached);
}

void Server::shutdown()
{
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    front_.connections.close_all();
    state_.sessions.close_all();
}

}  // namespace lesson05
