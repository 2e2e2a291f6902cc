// One port for the HTML client, a lesson's JSON API and the WebSocket upgrade. Lesson 02 teaches
// this in full (lessons/02-echo/http_connection.cpp); from lesson 03 on, lessons reuse it from here.
#pragma once

#include <wscourse/beast.hpp>
#include <wscourse/connection_caps.hpp>
#include <wscourse/open_sessions.hpp>
#include <wscourse/server_options.hpp>
#include <wscourse/static_files.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wscourse {

using HttpRequest = http::request<http::string_body>;
using HttpResponse = http::response<http::string_body>;

// What HttpFront hands over when a request upgrades to WebSocket.
struct Upgrade {
    beast::tcp_stream stream;     // timeouts off: the session sets its own
    HttpRequest request;          // the upgrade request
    beast::flat_buffer leftover;  // bytes that arrived right behind the request (the client's
                                  // first frames): the session must read these before the socket
    std::string label;            // "#7 127.0.0.1:51234", for the log
    std::shared_ptr<void> hold;   // kept alive for as long as the connection lasts
};

// An endpoint that takes a request body, e.g. {http::verb::post, "/api/broadcast"}. Only these
// have their body read (Content-Length up to max_bytes, within the front's body budget); any
// other request is answered without reading its body, and its connection closed after.
struct BodyRoute {
    http::verb method;
    std::string path;
    std::size_t max_bytes = 64 * 1024;
};

struct HttpFront {
    HttpFront(const ServerOptions& options, std::string server_name);  // limits from options.http
    HttpFront(std::filesystem::path web_dir, std::string server_name);  // the default limits

    StaticFiles files;
    std::string server_name;           // the Server header of every response
    std::string websocket_path = "/ws";

    // The lesson's own routes (GET /api/stats, POST /api/broadcast, ...), tried before the
    // files; nothing means "not one of mine". peer is who asked. A HEAD request comes here as
    // the GET it mirrors, and its answer goes out without the body.
    std::function<std::optional<HttpResponse>(const HttpRequest&, const tcp::endpoint& peer)> routes;

    // The routes whose requests carry a body the route reads; every other body is left unread.
    std::vector<BodyRoute> body_routes;

    // Decides an upgrade request for websocket_path before the handshake: nothing means go
    // ahead, a response refuses the upgrade with it (401, 403, 429...). Unset: every one goes ahead.
    std::function<std::optional<HttpResponse>(const HttpRequest&, const tcp::endpoint& peer)> admit;

    // Takes over the connection of an upgrade request for websocket_path (timeouts included).
    std::function<net::awaitable<void>(Upgrade)> upgrade;

    OpenSessions connections;  // plain HTTP connections: shutdown closes their sockets
    ConnectionCaps caps;       // every connection, from accept to the end of its WebSocket session
    ByteBudget body_budget;    // request bodies being read, over all connections

    std::size_t max_header_bytes = 8 * 1024;
    std::chrono::milliseconds request_timeout{10'000};  // see HttpLimits::request_timeout
    std::chrono::seconds response_timeout{30};           // writing one response
    int max_requests_per_connection = 100;
};

// RFC 6455 section 4.2.1: the key is 16 bytes in base64, 24 characters ending in "==".
// Beast does not check it; the front refuses any other with 400.
bool is_valid_websocket_key(std::string_view key);

// Serves requests on one connection (each with size limits and a timeout, keep-alive bounded)
// until it closes or an upgrade hands it to front.upgrade. Over a cap of front.caps it answers
// 503 at once, without reading the request.
net::awaitable<void> serve_http_connection(HttpFront& front, tcp::socket socket, std::string label);

HttpResponse text_response(const HttpRequest& request, http::status status, std::string text);
HttpResponse json_response(const HttpRequest& request, http::status status, const nlohmann::json& body);

// The accept loop: one coroutine per connection, each on its own strand, labelled "#7 1.2.3.4:5"
// for the log. Returns when the acceptor is closed.
net::awaitable<void> accept_connections(
    tcp::acceptor& acceptor,
    std::function<net::awaitable<void>(tcp::socket, std::string label)> serve);

}  // namespace wscourse
