// The HTTP side of the one port: the HTML client's files, and nothing else.
#include "helpers.hpp"

using namespace lesson02::test;
using wscourse::test::http_get;
using wscourse::test::RawClient;

TEST_CASE("GET / serves the HTML client as text/html", "[task1]")
{
    EchoServer server(lesson_options());
    auto page = http_get(server.port(), "/");
    CHECK(page.result() == http::status::ok);
    CHECK(page[http::field::content_type] == "text/html; charset=utf-8");
    CHECK(page.body().find("id=\"log\"") != std::string::npos);
    CHECK(http_get(server.port(), "/index.html").body() == page.body());
}

TEST_CASE("the client's script and style sheet have their MIME types", "[task1]")
{
    EchoServer server(lesson_options());
    auto script = http_get(server.port(), "/app.js");
    CHECK(script.result() == http::status::ok);
    CHECK(script[http::field::content_type] == "text/javascript; charset=utf-8");
    auto style = http_get(server.port(), "/style.css?v=2");
    CHECK(style.result() == http::status::ok);
    CHECK(style[http::field::content_type] == "text/css; charset=utf-8");
}

TEST_CASE("what every client shares comes from web/common: /common/... and /favicon.ico", "[task1]")
{
    EchoServer server(lesson_options());
    auto script = http_get(server.port(), "/common/client.js");
    CHECK(script.result() == http::status::ok);
    CHECK(script[http::field::content_type] == "text/javascript; charset=utf-8");
    CHECK(http_get(server.port(), "/common/client.css").result() == http::status::ok);
    auto icon = http_get(server.port(), "/favicon.ico");
    CHECK(icon.result() == http::status::ok);
    CHECK(icon[http::field::content_type] == "image/x-icon");
}

TEST_CASE("nothing outside web/02-echo and web/common can be fetched", "[task1]")
{
    EchoServer server(lesson_options());
    for (std::string target : {"/../CMakeLists.txt", "/%2e%2e/CMakeLists.txt", "/..%2fREADME.md",
                               "/../../../../etc/passwd", "/.hidden", "/nope.html", "//etc/passwd",
                               "/common/../../CMakeLists.txt", "/common/../02-echo/app.js",
                               "/common/.hidden", "/common/nope.js", "/common"}) {
        INFO(target);
        auto response = http_get(server.port(), target);
        CHECK(response.result() == http::status::not_found);
        CHECK(response.body() == "not found\n");
    }
}

TEST_CASE("other methods get 405 with Allow", "[task1]")
{
    EchoServer server(lesson_options());
    auto response = wscourse::test::http_request(server.port(), http::verb::post, "/", "x=1");
    CHECK(response.result() == http::status::method_not_allowed);
    CHECK(response[http::field::allow] == "GET, HEAD");
}

TEST_CASE("GET /ws without an upgrade gets 426, and the server carries on", "[task1]")
{
    EchoServer server(lesson_options());
    auto response = http_get(server.port(), "/ws");
    CHECK(response.result() == http::status::upgrade_required);
    CHECK(http_get(server.port(), "/").result() == http::status::ok);
}

TEST_CASE("an upgrade on another path gets 404", "[task1]")
{
    EchoServer server(lesson_options());
    RawClient raw(server.port());
    raw.send(wscourse::test::upgrade_request("/chat"));
    CHECK(raw.read_http_head().rfind("HTTP/1.1 404", 0) == 0);
    CHECK(raw.read_until_closed() == "no WebSocket endpoint here: use /ws\n");  // then closed
    CHECK(server.call([](lesson02::Server& s) { return s.session_count(); }) == 0);
}

TEST_CASE("a malformed upgrade gets 400 or 426 from Beast", "[task1]")
{
    EchoServer server(lesson_options());
    {
        RawClient raw(server.port());
        raw.send(wscourse::test::upgrade_request("/ws", {{"Sec-WebSocket-Version", "8"}}));
        auto head = raw.read_http_head();
        CHECK(head.rfind("HTTP/1.1 426", 0) == 0);
        CHECK(head.find("Sec-WebSocket-Version: 13") != std::string::npos);
    }
    {
        RawClient raw(server.port());
        raw.send(wscourse::test::upgrade_request("/ws", {{"Sec-WebSocket-Key", ""}}));  // none
        CHECK(raw.read_http_head().rfind("HTTP/1.1 400", 0) == 0);
    }
    // The server still works.
    WsClient client(server.port());
    read_welcome(client);
}

TEST_CASE("a request header over 8 KiB gets 431 and the connection is closed", "[task1]")
{
    EchoServer server(lesson_options());
    RawClient raw(server.port());
    raw.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + std::string(9000, 'a') + "\r\n\r\n");
    CHECK(raw.read_http_head().rfind("HTTP/1.1 431", 0) == 0);
    CHECK(raw.read_until_closed() == "request header too large\n");  // then closed
}
