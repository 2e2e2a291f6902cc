#include "server.hpp"

#include "api.hpp"

namespace lesson05 {

Server::Server(net::io_context& ioc, wscourse::ServerOptions options, SessionLimits limits)
    : core_(ioc, std::move(options), limits, server_name)
{
    // Both before the first client: nothing runs until ioc.run().
    core_.state().chat = &chat_;
    // New in lesson 05: the routes see who asked (the peer's address), because one of them
    // (POST /api/broadcast) is only for this machine.
    core_.front().routes = [this](const wscourse::HttpRequest& request, const tcp::endpoint& peer) {
        return api_route(chat_, request, peer);
    };
    core_.front().body_routes = {{http::verb::post, "/api/broadcast", 64 * 1024}};  // the one body read
}

}  // namespace lesson05
