// The HTTP front under attack and under load: caps on connections, bounded request bodies,
// malformed handshakes, HEAD. A small server stands in for a lesson: GET /health, a POST route
// that takes a body, and a WebSocket endpoint that echoes.
#include <wscourse/http_front.hpp>
#include <wscourse/listen.hpp>
#include <wscourse/testkit.hpp>

#include <catch2/catch.hpp>

using namespace wscourse;
using namespace wscourse::test;

namespace {

class FrontServer {
public:
    FrontServer(net::io_context& ioc, ServerOptions options)
        : front_(options, "front-test")
        , acceptor_(listen_on(ioc.get_executor(), options.host, options.port))
        , port_(acceptor_.local_endpoint().port())
    {
        front_.routes = [](const HttpRequest& request, const tcp::endpoint&) -> std::optional<HttpResponse> {
            const auto path = path_of(request.target());
            if (request.method() == http::verb::get && path == "/health")
                return json_response(request, http::status::ok, {{"status", "ok"}});
            if (request.method() == http::verb::post && path == "/api/echo")
                return text_response(request, http::status::ok,
                                     "got " + std::to_string(request.body().size()) + " bytes");
            return std::nullopt;
        };
        front_.body_routes = {{http::verb::post, "/api/echo", 1024}};
        front_.upgrade = [this](Upgrade upgrade) { return echo(std::move(upgrade)); };
        net::co_spawn(ioc,
                      accept_connections(acceptor_,
                                         [this](tcp::socket socket, std::string label) {
                                             return serve_http_connection(front_, std::move(socket),
                                                                          std::move(label));
                                         }),
                      net::detached);
    }

    unsigned short port() const { return port_; }

    void shutdown()
    {
        boost::system::error_code ignored;
        acceptor_.close(ignored);
        front_.connections.close_all();
        sessions_.close_all();
    }

private:
    net::awaitable<void> echo(Upgrade upgrade)
    {
        websocket::stream<beast::tcp_stream> ws(std::move(upgrade.stream));
        auto registration = sessions_.add([&ws] { beast::get_lowest_layer(ws).close(); });
        auto [accept_error] = co_await ws.async_accept(upgrade.request, net::as_tuple(net::use_awaitable));
        beast::flat_buffer buffer;
        for (auto ec = accept_error; !ec;) {
            std::size_t n = 0;
            std::tie(ec, n) = co_await ws.async_read(buffer, net::as_tuple(net::use_awaitable));
            if (ec)
                break;
            ws.text(ws.got_text());
            std::tie(ec, n) = co_await ws.async_write(buffer.data(), net::as_tuple(net::use_awaitable));
            buffer.clear();
        }
    }

    HttpFront front_;
    OpenSessions sessions_;
    tcp::acceptor acceptor_;
    unsigned short port_;
};

// An HTTP/1.1 request with a Content-Length but not (yet) its body.
std::string post_head(std::string_view target, std::size_t length, bool expect_continue = false)
{
    return "POST " + std::string(target) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
         + "Content-Length: " + std::to_string(length) + "\r\n"
         + (expect_continue ? "Expect: 100-continue\r\n" : "") + "\r\n";
}

bool has_status(const std::string& head, int status)
{
    return head.starts_with("HTTP/1.1 " + std::to_string(status) + " ");
}

}  // namespace

TEST_CASE("over the total cap a connection gets 503 before the upgrade, half-open ones counted",
          "[caps]")
{
    auto options = loopback_options();
    options.http.max_connections = 2;
    ServerThread<FrontServer> server(options);

    WsClient session(server.port());  // a WebSocket session keeps its place
    RawClient idle(server.port());    // so does an HTTP connection between requests
    idle.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    REQUIRE(has_status(idle.read_http_head(), 200));

    RawClient third(server.port());
    third.send(upgrade_request("/ws"));
    const auto head = third.read_http_head();
    CHECK(has_status(head, 503));
    CHECK(third.read_until_closed().find("too many connections (2)") != std::string::npos);

    session.send_text("still here");
    CHECK(session.read_text() == "still here");
}

TEST_CASE("over the per-address cap a client gets 503 and says from where", "[caps]")
{
    auto options = loopback_options();
    options.http.max_connections_per_address = 1;
    ServerThread<FrontServer> server(options);

    WsClient first(server.port());
    RawClient second(server.port());
    second.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    CHECK(has_status(second.read_http_head(), 503));
    CHECK(second.read_until_closed().find("from 127.0.0.1") != std::string::npos);
}

TEST_CASE("a connection that does not send a whole request is closed after the request timeout",
          "[caps]")
{
    auto options = loopback_options();
    options.http.request_timeout = std::chrono::milliseconds(200);
    ServerThread<FrontServer> server(options);

    RawClient half_open(server.port());  // waits up to 5 s: far more than 200 ms
    half_open.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n");  // no blank line: never complete
    CHECK(half_open.closed_by_server());
}

TEST_CASE("a body sent to a route that takes none is not read: the answer comes at once", "[body]")
{
    ServerThread<FrontServer> server(loopback_options());

    RawClient client(server.port());
    client.send(post_head("/health", 64 * 1024));  // the 64 KiB never follow
    const auto head = client.read_http_head();
    CHECK(has_status(head, 405));
    CHECK(head.find("Connection: close") != std::string::npos);

    RawClient get_with_body(server.port());
    get_with_body.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n");
    CHECK(has_status(get_with_body.read_http_head(), 200));
}

TEST_CASE("a body larger than its route takes gets 413 before it is sent", "[body]")
{
    ServerThread<FrontServer> server(loopback_options());

    RawClient client(server.port());
    client.send(post_head("/api/echo", 2048));
    CHECK(has_status(client.read_http_head(), 413));
}

TEST_CASE("bodies in flight share one budget: over it 503, and it comes back after a body is read",
          "[body]")
{
    auto options = loopback_options();
    options.http.max_body_bytes_in_flight = 1000;
    ServerThread<FrontServer> server(options);

    RawClient first(server.port());
    first.send(post_head("/api/echo", 800, true));
    REQUIRE(has_status(first.read_http_head(), 100));  // its 800 bytes are reserved

    RawClient second(server.port());
    second.send(post_head("/api/echo", 800, true));
    CHECK(has_status(second.read_http_head(), 503));

    first.send(std::string(800, 'x'));
    REQUIRE(has_status(first.read_http_head(), 200));
    CHECK(first.read_exactly(std::string("got 800 bytes\n").size()) == "got 800 bytes\n");

    RawClient third(server.port());
    third.send(post_head("/api/echo", 800, true));
    CHECK(has_status(third.read_http_head(), 100));
}

TEST_CASE("a malformed Sec-WebSocket-Key gets 400 before any handshake", "[handshake]")
{
    ServerThread<FrontServer> server(loopback_options());

    auto refused = [&](const std::string& request) {
        RawClient client(server.port());
        client.send(request);
        return has_status(client.read_http_head(), 400);
    };
    CHECK(refused(upgrade_request("/ws", {{"Sec-WebSocket-Key", "short"}})));
    CHECK(refused(upgrade_request("/ws", {{"Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=!"}})));
    // 24 characters of base64, but the last one carries bits past the 16 bytes.
    CHECK(refused(upgrade_request("/ws", {{"Sec-WebSocket-Key", "AAAAAAAAAAAAAAAAAAAAAB=="}})));
    CHECK(refused(upgrade_request("/ws", {{"Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==AAAA"}})));

    auto twice = upgrade_request("/ws");
    twice.insert(twice.size() - 2, "Sec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAAAA==\r\n");
    CHECK(refused(twice));

    RawClient valid(server.port());
    valid.send(upgrade_request("/ws", {{"Sec-WebSocket-Key", "AAAAAAAAAAAAAAAAAAAAAA=="}}));
    CHECK(has_status(valid.read_http_head(), 101));
}

TEST_CASE("HEAD is answered wherever GET is, with the length and without the body", "[http]")
{
    ServerThread<FrontServer> server(loopback_options());

    RawClient client(server.port());
    client.send("HEAD /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    const auto head = client.read_http_head();
    CHECK(has_status(head, 200));
    CHECK(head.find("Content-Length: 16") != std::string::npos);  // {"status":"ok"}\n

    // Had a body followed, it would stand where the next response's status line must.
    client.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    CHECK(has_status(client.read_http_head(), 200));
    CHECK(client.read_until_closed() == "{\"status\":\"ok\"}\n");
}
