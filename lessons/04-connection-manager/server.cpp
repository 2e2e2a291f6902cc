#include "server.hpp"

#include "session.hpp"

#include <wscourse/listen.hpp>
#include <wscourse/log.hpp>
#include <wscourse/static_files.hpp>

namespace lesson04 {

Server::Server(net::io_context& ioc, wscourse::ServerOptions options, SessionLimits limits, std::string name)
    : state_(net::make_strand(ioc), std::move(options), limits)
    , front_(state_.options, name)
    , acceptor_(wscourse::listen_on(ioc.get_executor(), state_.options.host, state_.options.port))
    , port_(acceptor_.local_endpoint().port())
{
    state_.server_name = std::move(name);
    front_.routes = [this](const wscourse::HttpRequest& request, const tcp::endpoint&) {
        return route(request);
    };
    front_.upgrade = [this](wscourse::Upgrade upgrade) { return run_session(state_, std::move(upgrade)); };
    // Lesson 02's accept loop and HTTP front, from shared/: each connection on its own strand.
    net::co_spawn(ioc,
                  wscourse::accept_connections(acceptor_,
                                               [this](tcp::socket socket, std::string label) {
                                                   return wscourse::serve_http_connection(
                                                       front_, std::move(socket), std::move(label));
                                               }),
                  net::detached);
}

std::optional<wscourse::HttpResponse> Server::route(const wscourse::HttpRequest& request)
{
    if (request.method() != http::verb::get)
        return std::nullopt;  // HEAD, POST...: the front answers (405 for what it does not serve)
    const auto path = wscourse::path_of(request.target());
    if (path == "/health")
        return wscourse::json_response(request, http::status::ok, {{"status", "ok"}});
    if (path == "/api/stats") {
        // Straight from the manager, under its mutex: the figures the sessions live by.
        const auto stats = state_.manager.stats();
        return wscourse::json_response(request, http::status::ok,
                                       {{"connections", stats.connections},
                                        {"unique_users", stats.unique_users}});
    }
    return std::nullopt;
}

void Server::shutdown()
{
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    front_.connections.close_all();
    state_.sessions.close_all();
}

}  // namespace lesson04
