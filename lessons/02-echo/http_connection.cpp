#include "http_connection.hpp"

#include "callback_session.hpp"
#include "session.hpp"

#include <wscourse/log.hpp>

namespace lesson02 {
namespace {

http::response<http::string_body> text_response(http::status status, std::string text,
                                                 unsigned version, bool keep_alive)
{
    http::response<http::string_body> response{status, version};
    response.set(http::field::server, server_name);
    response.set(http::field::content_type, "text/plain; charset=utf-8");
    response.keep_alive(keep_alive);
    response.body() = std::move(text) + "\n";
    response.prepare_payload();
    return response;
}

// What a request the parser refused gets: 431, 413 or 400, then the connection is closed.
http::response<http::string_body> refusal(const boost::system::error_code& ec)
{
    if (ec == http::error::header_limit)
        return text_response(http::status::request_header_fields_too_large,
                             "request header too large", 11, false);
    if (ec == http::error::body_limit)
        return text_response(http::status::payload_too_large, "request body too large", 11, false);
    return text_response(http::status::bad_request, "bad request: " + ec.message(), 11, false);
}

// Ends a connection after a refusal without losing the refusal: close our sending side, then
// read and drop what the client is still sending (for a bounded time and size). Closing with
// unread bytes would make the kernel send a reset, which can destroy the response in flight.
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

}  // namespace

http::response<http::string_body> respond(const wscourse::StaticFiles& files,
                                          const http::request<http::string_body>& request)
{
    const unsigned version = request.version();
    const bool keep_alive = request.keep_alive();
    const bool head = request.method() == http::verb::head;
    if (request.method() != http::verb::get && !head) {
        auto response = text_response(http::status::method_not_allowed,
                                      "method not allowed: only GET and HEAD", version, keep_alive);
        response.set(http::field::allow, "GET, HEAD");
        return response;
    }
    if (wscourse::path_of(request.target()) == "/ws") {
        auto response = text_response(http::status::upgrade_required,
                                      "this is the WebSocket endpoint: connect with a WebSocket client",
                                      version, keep_alive);
        response.set(http::field::upgrade, "websocket");
        return response;
    }
    // StaticFiles refuses "..", "%2e%2e" and anything else that would leave web/02-echo/.
    auto file = files.find(request.target());
    if (!file)
        return text_response(http::status::not_found, "not found", version, keep_alive);

    http::response<http::string_body> response{http::status::ok, version};
    response.set(http::field::server, server_name);
    response.set(http::field::content_type, file->content_type);
    response.set(http::field::cache_control, "no-cache");  // a student's edit shows on reload
    response.set("X-Content-Type-Options", "nosniff");
    response.keep_alive(keep_alive);
    response.content_length(file->body.size());
    if (!head)
        response.body() = std::move(file->body);
    return response;
}

net::awaitable<void> serve_connection(ServerState& state, Style style, tcp::socket socket,
                                      std::string label)
{
    beast::tcp_stream stream(std::move(socket));
    beast::flat_buffer buffer;

    // Shutdown ends an HTTP connection by closing its socket; the pending read or write then
    // fails with operation_aborted and this coroutine returns.
    auto registration = state.connections.add([&stream] { stream.close(); });

    for (int served = 0; served < max_requests_per_connection; ++served) {
        // A fresh parser per request, with limits: a client cannot make us buffer megabytes
        // of headers, nor hold the connection open forever.
        http::request_parser<http::string_body> parser;
        parser.header_limit(max_request_header_bytes);
        parser.body_limit(max_request_body_bytes);
        stream.expires_after(http_timeout);
        auto [read_error, bytes] =
            co_await http::async_read(stream, buffer, parser, net::as_tuple(net::use_awaitable));
        if (read_error == http::error::end_of_stream || read_error == beast::error::timeout
            || read_error == net::error::operation_aborted || read_error == net::error::eof
            || read_error == net::error::connection_reset)
            co_return;  // the browser is done with this connection (or we are shutting down)
        if (read_error) {
            wscourse::log(label, "  bad HTTP request: ", read_error.message());
            auto response = refusal(read_error);
            co_await http::async_write(stream, response, net::as_tuple(net::use_awaitable));
            co_await linger_close(stream);
            co_return;
        }
        http::request<http::string_body> request = parser.release();

        if (websocket::is_upgrade(request)) {
            if (wscourse::path_of(request.target()) != "/ws") {
                wscourse::log(label, "  upgrade to ", request.target(), " refused: 404");
                auto response = text_response(http::status::not_found,
                                              "no WebSocket endpoint here: use /ws", request.version(),
                                              false);
                co_await http::async_write(stream, response, net::as_tuple(net::use_awaitable));
                co_await linger_close(stream);
                co_return;
            }
            // The WebSocket session owns the connection from here, timeouts included.
            registration = {};
            stream.expires_never();
            if (style == Style::callbacks) {
                // The session keeps itself alive through its handlers; this coroutine ends.
                std::make_shared<CallbackSession>(state, std::move(stream), std::move(label))
                    ->run(std::move(request));
                co_return;
            }
            // A coroutine of its own, and this one ends: its frame and HTTP buffer would
            // otherwise stay in memory for as long as the session lasts.
            net::co_spawn(stream.get_executor(),
                          run_session(state, stream.release_socket(), std::move(request),
                                      std::move(label)),
                          [&state](std::exception_ptr failure) { report_failure(state, failure); });
            co_return;
        }

        auto response = respond(state.files, request);
        wscourse::log(label, "  ", request.method_string(), " ", request.target(), " -> ",
                      response.result_int());
        const bool keep_alive = response.keep_alive() && served + 1 < max_requests_per_connection;
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

}  // namespace lesson02
