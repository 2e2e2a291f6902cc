#include <wscourse/http_front.hpp>
#include <wscourse/log.hpp>

namespace wscourse {
namespace {

bool is_disconnect(const boost::system::error_code& ec)
{
    return ec == http::error::end_of_stream || ec == beast::error::timeout
        || ec == net::error::operation_aborted || ec == net::error::eof
        || ec == net::error::connection_reset;
}

HttpResponse refusal(const boost::system::error_code& ec)
{
    HttpRequest request{http::verb::get, "/", 11};
    request.keep_alive(false);
    if (ec == http::error::header_limit)
        return text_response(request, http::status::request_header_fields_too_large,
                             "request header too large");
    if (ec == http::error::body_limit)
        return text_response(request, http::status::payload_too_large, "request body too large");
    return text_response(request, http::status::bad_request, "bad request: " + ec.message());
}

// Closes after a refusal without losing it: stop sending, then drain (bounded) what the client
// still sends, since closing with unread bytes makes the kernel reset the connection.
net::awaitable<void> linger_close(beast::tcp_stream& stream)
{
    boost::system::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    char discard[4096];
    for (std::size_t drained = 0; !ec && drained < 64 * 1024;) {
        stream.expires_after(std::chrono::seconds(2));
        std::size_t n = 0;
        std::tie(ec, n) = co_await stream.async_read_some(net::buffer(discard),
                                                          net::as_tuple(net::use_awaitable));
        drained += n;
    }
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

HttpResponse answer(HttpFront& front, const HttpRequest& request, const tcp::endpoint& peer)
{
    if (front.routes)
        if (auto response = front.routes(request, peer))
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
        return response;
    }
    auto file = front.files.find(request.target());
    if (!file)
        return text_response(request, http::status::not_found, "not found");
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

}  // namespace

HttpFront::HttpFront(std::filesystem::path web_dir, std::string name)
    : files(std::move(web_dir)), server_name(std::move(name))
{
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
    beast::flat_buffer buffer;
    auto registration = front.connections.add([&stream] { stream.close(); });

    for (int served = 0; served < front.max_requests_per_connection; ++served) {
        http::request_parser<http::string_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(front.max_header_bytes));
        parser.body_limit(front.max_body_bytes);
        stream.expires_after(front.timeout);
        auto [read_error, bytes] =
            co_await http::async_read(stream, buffer, parser, net::as_tuple(net::use_awaitable));
        if (is_disconnect(read_error))
            co_return;
        if (read_error) {
            log(label, "  bad HTTP request: ", read_error.message());
            auto response = refusal(read_error);
            response.set(http::field::server, front.server_name);
            co_await http::async_write(stream, response, net::as_tuple(net::use_awaitable));
            co_await linger_close(stream);
            co_return;
        }
        HttpRequest request = parser.release();

        if (websocket::is_upgrade(request)) {
            if (path_of(request.target()) != front.websocket_path || !front.upgrade) {
                log(label, "  upgrade to ", request.target(), " refused: 404");
                request.keep_alive(false);
                auto response = text_response(request, http::status::not_found,
                                              "no WebSocket endpoint here: use " + front.websocket_path);
                response.set(http::field::server, front.server_name);
                co_await http::async_write(stream, response, net::as_tuple(net::use_awaitable));
                co_await linger_close(stream);
                co_return;
            }
            if (front.admit) {
                if (auto refusal = front.admit(request, peer)) {
                    log(label, "  upgrade refused: ", refusal->result_int(), " ", refusal->reason());
                    refusal->keep_alive(false);
                    refusal->set(http::field::server, front.server_name);
                    co_await http::async_write(stream, *refusal, net::as_tuple(net::use_awaitable));
                    co_await linger_close(stream);
                    co_return;
                }
            }
            registration = {};  // the session registers itself with its own close hook
            stream.expires_never();
            // A coroutine of its own, and this one ends: its frame and HTTP buffer would
            // otherwise stay in memory for as long as the session lasts.
            auto executor = stream.get_executor();
            Upgrade upgrade{std::move(stream), std::move(request), std::move(buffer), std::move(label), {}};
            net::co_spawn(executor, front.upgrade(std::move(upgrade)), report_failure);
            co_return;
        }

        auto response = answer(front, request, peer);
        response.set(http::field::server, front.server_name);
        log(label, "  ", request.method_string(), " ", request.target(), " -> ", response.result_int());
        const bool keep_alive = response.keep_alive() && served + 1 < front.max_requests_per_connection;
        response.keep_alive(keep_alive);
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
