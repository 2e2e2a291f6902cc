// One port for the HTML client, a lesson's JSON API and the WebSocket upgrade. Lesson 02 teaches
// this in full (lessons/02-echo/http_connection.cpp); from lesson 03 on, lessons reuse it from here.
#pragma once

#include <wscourse/beast.hpp>
#include <wscourse/open_sessions.hpp>
#include <wscourse/static_files.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace wscourse {

using HttpRequest = http::request<http::string_body>;
using HttpResponse = http::response<http::string_body>;

struct HttpFront {
    HttpFront(std::filesystem::path web_dir, std::string server_name);

    StaticFiles files;
    std::string server_name;           // the Server header of every response
    std::string websocket_path = "/ws";

    // The lesson's own routes (GET /api/stats, POST /api/broadcast, ...), tried before the
    // files; nothing means "not one of mine". peer is who asked.
    std::function<std::optional<HttpResponse>(const HttpRequest&, const tcp::endpoint& peer)> routes;

    // Takes over the connection of an upgrade request for websocket_path (timeouts included).
    std::function<net::awaitable<void>(beast::tcp_stream, HttpRequest, std::string label)> upgrade;

    OpenSessions connections;  // plain HTTP connections: shutdown closes their sockets

    std::size_t max_header_bytes = 8 * 1024;
    std::size_t max_body_bytes = 64 * 1024;
    std::chrono::seconds timeout{30};
    int max_requests_per_connection = 100;
};

// Serves requests on one connection (each with size limits and a timeout, keep-alive bounded)
// until it closes or an upgrade hands it to front.upgrade.
net::awaitable<void> serve_http_connection(HttpFront& front, tcp::socket socket, std::string label);

HttpResponse text_response(const HttpRequest& request, http::status status, std::string text);
HttpResponse json_response(const HttpRequest& request, http::status status, const nlohmann::json& body);

// The accept loop: one coroutine per connection, each on its own strand, labelled "#7 1.2.3.4:5"
// for the log. Returns when the acceptor is closed.
net::awaitable<void> accept_connections(
    tcp::acceptor& acceptor,
    std::function<net::awaitable<void>(tcp::socket, std::string label)> serve);

}  // namespace wscourse
