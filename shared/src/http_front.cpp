#include <wscourse/http_front.hpp>
#include <wscourse/fd_limit.hpp>
#include <wscourse/log.hpp>

#include <algorithm>

namespace wscourse {
namespace {

// Descriptors kept free of connections: the listening socket, the log, and the ones each
// refusal needs for the moment it takes to say 503.
constexpr std::size_t spare_files = 64;

bool is_disconnect(const boost::system::error_code& ec)
{
    return ec == http::error::end_of_stream || ec == beast::error::timeout
        || ec == net::error::operation_aborted || ec == net::error::eof
        || ec == net::error::connection_reset;
}

HttpResponse closing_text(http::status status, std::string text)
{
    HttpRequest request{http::verb::get, "/", 11};
    request.keep_alive(false);
    return text_response(request, status, std::move(text));
}

HttpResponse refusal(const boost::system::error_code& ec)
{
    if (ec == http::error::header_limit)
        return closing_text(http::status::request_header_fields_too_large, "request header too large");
    if (ec == http::error::body_limit)
        return closing_text(http::status::payload_too_large, "request body too large");
    return closing_text(http::status::bad_request, "bad request: " + ec.message());
}

// Closes after a refusal without losing it: stop sending, then drain what the client still
// sends, since closing with unread bytes makes the kernel reset the connection. Bounded in
// bytes and, as a whole, in time: a client trickling bytes cannot keep it open.
net::awaitable<void> linger_close(beast::tcp_stream& stream)
{
    boost::system::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream.expires_after(std::chrono::seconds(2));
    char discard[4096];
    for (std::size_t drained = 0; !ec && drained < 64 * 1024;) {
        std::size_t n = 0;
        std::tie(ec, n) = co_await stream.async_read_some(net::buffer(discard),
                                                          net::as_tuple(net::use_awaitable));
        drained += n;
    }
}

// Writes a response that ends the connection, then closes it without losing the response.
net::awaitable<void> refuse(HttpFront& front, beast::tcp_stream& stream, HttpResponse response)
{
    response.keep_alive(false);
    response.set(http::field::server, front.server_name);
    stream.expires_after(front.response_timeout);
    co_await http::async_write(stream, response, net::as_tuple(net::use_awaitable));
    co_await linger_close(stream);
}

// Sessions return their errors; an exception escaping a coroutine is a bug: say so, keep serving.
void report_failure(std::exception_ptr failure)
{
    if (!failure)
        return;
    try {
        std::rethrow_exception(failure);
    } catch (const std::exception& e) {
        log("error: a connection failed: ", e.what());
    }
}

// Runs a WebSocket session while it holds its connection's place under the caps.
net::awaitable<void> holding(ConnectionCaps::Place, net::awaitable<void> session)
{
    co_await std::move(session);
}

// A HEAD request is answered as the GET it mirrors, minus the body.
std::optional<HttpResponse> route(HttpFront& front, const HttpRequest& request, const tcp::endpoint& peer)
{
    if (!front.routes)
        return std::nullopt;
    if (request.method() != http::verb::head)
        return front.routes(request, peer);
    HttpRequest get = request;
    get.method(http::verb::get);
    auto response = front.routes(get, peer);
    if (response) {
        response->content_length(response->body().size());
        response->body().clear();
    }
    return response;
}

HttpResponse answer(HttpFront& front, const HttpRequest& request, const tcp::endpoint& peer)
{
    if (auto response = route(front, request, peer))
        return std::move(*response);
    const bool head = request.method() == http::verb::head;
    if (request.method() != http::verb::get && !head) {
        auto response = text_response(request, http::status::method_not_allowed,
                                      "method not allowed: only GET and HEAD");
        response.set(http::field::allow, "GET, HEAD");
        return response;
    }
    if (path_of(request.target()) == front.websocket_path) {
        auto response = text_response(request, http::status::upgrade_required,
                                      "this is the WebSocket endpoint: connect with a WebSocket client");
        response.set(http::field::upgrade, "websocket");
        if (head)
            response.body().clear();
        return response;
    }
    auto file = front.files.find(request.target());
    if (!file) {
        auto response = text_response(request, http::status::not_found, "not found");
        if (head)
            response.body().clear();
        return response;
    }
    HttpResponse response{http::status::ok, request.version()};
    response.set(http::field::content_type, file->content_type);
    response.set(http::field::cache_control, "no-cache");
    response.set("X-Content-Type-Options", "nosniff");
    response.keep_alive(request.keep_alive());
    response.content_length(file->body.size());
    if (!head)
        response.body() = std::move(file->body);
    return response;
}

const BodyRoute* body_route(const HttpFront& front, const http::request_header<>& header)
{
    for (const auto& route : front.body_routes)
        if (route.method == header.method() && route.path == path_of(header.target()))
            return &route;
    return nullptr;
}

// Why an upgrade request cannot go to Beast's handshake, or nothing when it can.
std::optional<std::string> bad_upgrade(const http::request_parser<http::string_body>& parser)
{
    const auto& request = parser.get();
    if (!parser.is_done())
        return "a WebSocket handshake has no body";
    if (request.count(http::field::sec_websocket_key) != 1)
        return "send Sec-WebSocket-Key exactly once";
    if (!is_valid_websocket_key(request[http::field::sec_websocket_key]))
        return "Sec-WebSocket-Key must be 16 random bytes in base64 (24 characters ending in '==')";
    return std::nullopt;
}

std::size_t connection_cap(const HttpLimits& limits)
{
    const std::size_t files = open_file_limit();
    return std::min(limits.max_connections, files > 2 * spare_files ? files - spare_files : files / 2);
}

ServerOptions default_options(std::filesystem::path web_dir)
{
    ServerOptions options;
    options.web_dir = std::move(web_dir);
    return options;
}

}  // namespace

HttpFront::HttpFront(const ServerOptions& options, std::string name)
    : files(options.web_dir)
    , server_name(std::move(name))
    , caps(connection_cap(options.http), max_connections_per_address(options))
    , body_budget(options.http.max_body_bytes_in_flight)
    , request_timeout(options.http.request_timeout)
{
}

HttpFront::HttpFront(std::filesystem::path web_dir, std::string name)
    : HttpFront(default_options(std::move(web_dir)), std::move(name))
{
}

bool is_valid_websocket_key(std::string_view key)
{
    auto sextet = [](char c) -> int {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '+') return 62;
        if (c == '/') return 63;
        return -1;
    };
    if (key.size() != 24 || !key.ends_with("=="))
        return false;
    for (char c : key.substr(0, 22))
        if (sextet(c) < 0)
            return false;
    // 16 bytes are 128 bits; 22 characters carry 132: the last one's low 4 bits are padding.
    return (sextet(key[21]) & 0x0f) == 0;
}

HttpResponse text_response(const HttpRequest& request, http::status status, std::string text)
{
    HttpResponse response{status, request.version()};
    response.set(http::field::content_type, "text/plain; charset=utf-8");
    response.keep_alive(request.keep_alive());
    response.body() = std::move(text) + "\n";
    response.prepare_payload();
    return response;
}

HttpResponse json_response(const HttpRequest& request, http::status status, const nlohmann::json& body)
{
    HttpResponse response{status, request.version()};
    response.set(http::field::content_type, "application/json");
    response.set(http::field::cache_control, "no-store");
    response.keep_alive(request.keep_alive());
    // Replace, not throw, on invalid UTF-8: a peer's bytes must never take the server down.
    response.body() = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    response.prepare_payload();
    return response;
}

net::awaitable<void> serve_http_connection(HttpFront& front, tcp::socket socket, std::string label)
{
    boost::system::error_code peer_error;
    const tcp::endpoint peer = socket.remote_endpoint(peer_error);
    beast::tcp_stream stream(std::move(socket));

    // Counted from accept to the end of the WebSocket session: a half-open connection counts too.
    std::string cap_refusal;
    auto place = front.caps.take(peer.address(), cap_refusal);
    if (!place) {
        log(label, "  refused: 503 ", cap_refusal);
        auto response = closing_text(http::status::service_unavailable,
                                     "the server is full: " + cap_refusal + "; try again later");
        response.set(http::field::retry_after, "5");
        co_await refuse(front, stream, std::move(response));
        co_return;
    }

    // Bounded: the header limit plus what may arrive behind a request (the client's first frames).
    beast::flat_buffer buffer(front.max_header_bytes + 8 * 1024);
    auto registration = front.connections.add([&stream] { stream.close(); });

    for (int served = 0; served < front.max_requests_per_connection; ++served) {
        http::request_parser<http::string_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(front.max_header_bytes));
        stream.expires_after(front.request_timeout);  // for the whole request, body included
        auto [read_error, bytes] =
            co_await http::async_read_header(stream, buffer, parser, net::as_tuple(net::use_awaitable));
        if (is_disconnect(read_error))
            co_return;
        if (read_error) {
            log(label, "  bad HTTP request: ", read_error.message());
            co_await refuse(front, stream, refusal(read_error));
            co_return;
        }

        if (websocket::is_upgrade(parser.get())) {
            const auto target = parser.get().target();
            if (path_of(target) != front.websocket_path || !front.upgrade) {
                log(label, "  upgrade to ", target, " refused: 404");
                co_await refuse(front, stream,
                                closing_text(http::status::not_found,
                                             "no WebSocket endpoint here: use " + front.websocket_path));
                co_return;
            }
            if (auto why = bad_upgrade(parser)) {
                log(label, "  upgrade refused: 400 ", *why);
                co_await refuse(front, stream, closing_text(http::status::bad_request, *why));
                co_return;
            }
            HttpRequest request = parser.release();
            if (front.admit) {
                if (auto refusal = front.admit(request, peer)) {
                    log(label, "  upgrade refused: ", refusal->result_int(), " ", refusal->reason());
                    co_await refuse(front, stream, std::move(*refusal));
                    co_return;
                }
            }
            registration = {};  // the session registers itself with its own close hook
            stream.expires_never();
            // A coroutine of its own, and this one ends: its frame and HTTP buffer would
            // otherwise stay in memory for as long as the session lasts.
            auto executor = stream.get_executor();
            Upgrade upgrade{std::move(stream), std::move(request), std::move(buffer), std::move(label), {}};
            net::co_spawn(executor, holding(std::move(place), front.upgrade(std::move(upgrade))),
                          report_failure);
            co_return;
        }

        // A body is read only for a route that takes one, within its cap and the front's
        // budget; any other is left unread and the connection closed after the answer.
        const bool has_body = !parser.is_done();
        const BodyRoute* takes_body = has_body ? body_route(front, parser.get()) : nullptr;
        ByteBudget::Reservation reservation;
        if (takes_body) {
            const auto length = parser.content_length();  // nothing when chunked
            if (length && *length > takes_body->max_bytes) {
                log(label, "  ", parser.get().method_string(), " ", parser.get().target(), " -> 413");
                co_await refuse(front, stream, closing_text(http::status::payload_too_large,
                                                            "request body too large: at most "
                                                                + std::to_string(takes_body->max_bytes)
                                                                + " bytes"));
                co_return;
            }
            reservation = front.body_budget.reserve(length ? static_cast<std::size_t>(*length)
                                                           : takes_body->max_bytes);
            if (!reservation) {
                log(label, "  ", parser.get().method_string(), " ", parser.get().target(),
                    " -> 503 too many request bodies in flight");
                auto response = closing_text(http::status::service_unavailable,
                                             "the server is reading too many request bodies; try again");
                response.set(http::field::retry_after, "1");
                co_await refuse(front, stream, std::move(response));
                co_return;
            }
            if (beast::iequals(parser.get()[http::field::expect], "100-continue")) {
                http::response<http::empty_body> go_on{http::status::continue_, 11};
                co_await http::async_write(stream, go_on, net::as_tuple(net::use_awaitable));
            }
            parser.body_limit(takes_body->max_bytes);
            std::tie(read_error, bytes) =
                co_await http::async_read(stream, buffer, parser, net::as_tuple(net::use_awaitable));
            if (is_disconnect(read_error))
                co_return;
            if (read_error) {
                log(label, "  bad HTTP request body: ", read_error.message());
                co_await refuse(front, stream, refusal(read_error));
                co_return;
            }
        }
        HttpRequest request = parser.release();
        const bool body_unread = has_body && !takes_body;

        auto response = answer(front, request, peer);
        reservation = {};
        response.set(http::field::server, front.server_name);
        log(label, "  ", request.method_string(), " ", request.target(), " -> ", response.result_int());
        if (body_unread) {
            co_await refuse(front, stream, std::move(response));
            co_return;
        }
        const bool keep_alive = response.keep_alive() && served + 1 < front.max_requests_per_connection;
        response.keep_alive(keep_alive);
        stream.expires_after(front.response_timeout);
        auto [write_error, written] =
            co_await http::async_write(stream, response, net::as_tuple(net::use_awaitable));
        if (write_error || !keep_alive) {
            boost::system::error_code ignored;
            stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
            co_return;
        }
    }
}

net::awaitable<void> accept_connections(
    tcp::acceptor& acceptor, std::function<net::awaitable<void>(tcp::socket, std::string)> serve)
{
    net::steady_timer backoff(acceptor.get_executor());
    for (unsigned long next_id = 1;;) {
        auto [ec, socket] = co_await acceptor.async_accept(net::make_strand(acceptor.get_executor()),
                                                           net::as_tuple(net::use_awaitable));
        if (ec == net::error::operation_aborted || !acceptor.is_open())
            co_return;  // shutdown closed the acceptor
        if (ec) {
            // Out of file descriptors, say. Pause instead of spinning on the same error, and
            // keep serving the connections we have.
            log("accept failed: ", ec.message());
            backoff.expires_after(std::chrono::milliseconds(100));
            co_await backoff.async_wait(net::as_tuple(net::use_awaitable));
            continue;
        }
        boost::system::error_code peer_error;
        auto peer = socket.remote_endpoint(peer_error);
        std::string label = "#" + std::to_string(next_id++) + " "
                          + (peer_error ? std::string("?")
                                        : peer.address().to_string() + ":" + std::to_string(peer.port()));
        auto executor = socket.get_executor();  // the connection's strand
        net::co_spawn(executor, serve(std::move(socket), std::move(label)), report_failure);
    }
}

}  // namespace wscourse
