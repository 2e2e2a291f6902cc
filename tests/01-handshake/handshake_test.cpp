// The HTTP side against the real server: the opening handshake, and every way to get it wrong.
// WsClient is Beast's client, an independent implementation that checks our Sec-WebSocket-Accept.
#include "server.hpp"

#include <wscourse/testkit.hpp>

#include <catch2/catch.hpp>

using namespace wscourse::test;
using Server = ServerThread<lesson01::Server>;

namespace {
// Sends a whole request and returns the whole response (the server closes after it).
std::string raw_exchange(unsigned short port, const std::string& request)
{
    RawClient client(port);
    client.send(request);
    return client.read_until_closed();
}

bool starts_with(const std::string& text, std::string_view prefix)
{
    return text.rfind(prefix, 0) == 0;
}
}  // namespace

TEST_CASE("Beast's client completes the handshake (it checks Sec-WebSocket-Accept)", "[task2]")
{
    Server server(loopback_options(WSCOURSE_WEB_DIR));
    WsClient client(server.port(), "/");
    CHECK(client.handshake_response().result_int() == 101);
    CHECK(server.call([](lesson01::Server& s) { return s.session_count(); }) == 1);
    client.drop();  // not close(): a close handshake needs frames, which are tasks 3 and 4
}

TEST_CASE("the RFC's sample key gets the RFC's accept value", "[task2]")
{
    Server server(loopback_options(WSCOURSE_WEB_DIR));
    RawClient client(server.port());
    std::string head = client.handshake("/");
    CHECK(starts_with(head, "HTTP/1.1 101 Switching Protocols\r\n"));
    CHECK_THAT(head, Catch::Contains("\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"));
    CHECK_THAT(head, Catch::Contains("\r\nUpgrade: websocket\r\n"));
    CHECK_THAT(head, Catch::Contains("\r\nConnection: Upgrade\r\n"));
}

TEST_CASE("the upgrade is accepted on any path", "[task2]")
{
    Server server(loopback_options(WSCOURSE_WEB_DIR));
    WsClient client(server.port(), "/any/path?x=1");
    CHECK(client.handshake_response().result_int() == 101);
    client.drop();
}

TEST_CASE("header names are case-insensitive and Connection is a token list", "[task2]")
{
    Server server(loopback_options(WSCOURSE_WEB_DIR));
    RawClient client(server.port());
    client.send("GET / HTTP/1.1\r\nhost: x\r\nUPGRADE:  WebSocket \r\n"
                "connection: keep-alive, Upgrade\r\nsec-websocket-key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                "Sec-Websocket-Version: 13\r\n\r\n");
    std::string head = client.read_http_head();
    CHECK(starts_with(head, "HTTP/1.1 101 "));
    CHECK_THAT(head, Catch::Contains("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
}

TEST_CASE("a wrong Sec-WebSocket-Version gets 426 naming version 13", "[task2]")
{
    Server server(loopback_options(WSCOURSE_WEB_DIR));
    auto response = raw_exchange(server.port(),
                                 upgrade_request("/", {{"Sec-WebSocket-Version", "12"}}));
    CHECK(starts_with(response, "HTTP/1.1 426 Upgrade Required\r\n"));
    CHECK_THAT(response, Catch::Contains("\r\nSec-WebSocket-Version: 13\r\n"));
    CHECK_THAT(response, Catch::Contains("Connection: close"));
    CHECK_THAT(response, Catch::Contains("version 13"));  // the body says why
}

TEST_CASE("a key that is not 16 bytes of base64 gets 400", "[task2]")
{
    Server server(loopback_options(WSCOURSE_WEB_DIR));
    for (std::string key : {"hello", "dGhlIHNhbXBsZSBub25jZQ", "dGhlIHNhbXBsZSBub25jZQ=!",
                            "dGhlIHNhbXBsZSBub25jZQ==dGhl", "dGhlIHNhbXBsZSBub25jZR=="}) {
        INFO("key " << key);
        auto response = raw_exchange(server.port(), upgrade_request("/", {{"Sec-WebSocket-Key", key}}));
        CHECK(starts_with(response, "HTTP/1.1 400 Bad Request\r\n"));
        CHECK_THAT(response, Catch::Contains("Sec-WebSocket-Key"));
    }
    auto missing = raw_exchange(server.port(), upgrade_request("/", {{"Sec-WebSocket-Key", ""}}));
    CHECK(starts_with(missing, "HTTP/1.1 400 Bad Request\r\n"));
}

TEST_CASE("missing Upgrade or Connection headers get 400 with a reason", "[task2]")
{
    Server server(loopback_options(WSCOURSE_WEB_DIR));
    auto no_upgrade = raw_exchange(server.port(), upgrade_request("/", {{"Upgrade", ""}}));
    CHECK(starts_with(no_upgrade, "HTTP/1.1 400 Bad Request\r\n"));
    CHECK_THAT(no_upgrade, Catch::Contains("Upgrade header must be 'websocket'"));

    auto wrong_upgrade = raw_exchange(server.port(), upgrade_request("/", {{"Upgrade", "h2c"}}));
    CHECK(starts_with(wrong_upgrade, "HTTP/1.1 400 Bad Request\r\n"));

    auto no_connection = raw_exchange(server.port(), upgrade_request("/", {{"Connection", "keep-alive"}}));
    CHECK(starts_with(no_connection, "HTTP/1.1 400 Bad Request\r\n"));
    CHECK_THAT(no_connection, Catch::Contains("Connection header must contain 'Upgrade'"));

    auto http10 = raw_exchange(server.port(),
                               "GET / HTTP/1.0\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                               "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    CHECK(starts_with(http10, "HTTP/1.1 400 Bad Request\r\n"));
}

TEST_CASE("a malformed request gets 400, an oversized one 431", "[task2]")
{
    Server server(loopback_options(WSCOURSE_WEB_DIR));
    CHECK(starts_with(raw_exchange(server.port(), "HELLO\r\n\r\n"), "HTTP/1.1 400 "));
    CHECK(starts_with(raw_exchange(server.port(), "GET / HTTP/1.1\r\nno colon here\r\n\r\n"),
                      "HTTP/1.1 400 "));
    std::string huge = "GET / HTTP/1.1\r\nX-Filler: " + std::string(10000, 'a') + "\r\n\r\n";
    CHECK(starts_with(raw_exchange(server.port(), huge), "HTTP/1.1 431 "));
}

TEST_CASE("bytes that cannot start a request get 400 at once, not at the deadline", "[task2]")
{
    // The server waits 10 s for a request head; these answers must come long before that.
    Server server(loopback_options(WSCOURSE_WEB_DIR));
    // The first bytes of a TLS ClientHello: what a browser sends to https://127.0.0.1:PORT/.
    // No blank line ever comes, so only the first byte can tell the server to stop waiting.
    RawClient tls(server.port(), std::chrono::seconds(3));
    tls.send(std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11));
    auto response = tls.read_until_closed();
    CHECK(starts_with(response, "HTTP/1.1 400 Bad Request\r\n"));
    CHECK_THAT(response, Catch::Contains("TLS") && Catch::Contains("http://"));

    RawClient binary(server.port(), std::chrono::seconds(3));
    binary.send(std::string("GE\0T", 4));
    response = binary.read_until_closed();
    CHECK(starts_with(response, "HTTP/1.1 400 Bad Request\r\n"));
    CHECK_THAT(response, Catch::Contains("byte 2 is 0x00"));

    // A method cut in the middle is still a request that may come: the server keeps reading.
    RawClient slow(server.port(), std::chrono::seconds(3));
    slow.send("GE");
    slow.send("T / HTTP/1.1\r\nHost: x\r\n\r\n");
    CHECK(starts_with(slow.read_until_closed(), "HTTP/1.1 200 OK\r\n"));
}

TEST_CASE("GET / serves the HTML client, other paths get 404, other methods 405", "[task2]")
{
    Server server(loopback_options(WSCOURSE_WEB_DIR));
    auto page = http_get(server.port(), "/");
    CHECK(page.result_int() == 200);
    CHECK(page[http::field::content_type] == "text/html; charset=utf-8");
    CHECK_THAT(page.body(), Catch::Contains("id=\"connect\""));

    auto script = http_get(server.port(), "/app.js");
    CHECK(script.result_int() == 200);
    CHECK_THAT(std::string(script[http::field::content_type]), Catch::Contains("javascript"));

    auto missing = http_get(server.port(), "/no-such-file");
    CHECK(missing.result_int() == 404);
    CHECK_THAT(missing.body(), Catch::Contains("no such file"));

    CHECK(http_get(server.port(), "/../CMakeLists.txt").result_int() == 404);

    auto post = http_request(server.port(), http::verb::post, "/", "x=1");
    CHECK(post.result_int() == 405);
    CHECK(post[http::field::allow] == "GET");
}

TEST_CASE("a client that sends no request is disconnected at the handshake deadline", "[task2]")
{
    lesson01::Timeouts timeouts;
    timeouts.handshake = std::chrono::milliseconds(200);
    Server server(loopback_options(WSCOURSE_WEB_DIR), timeouts);
    RawClient client(server.port());
    client.send("GET / HTTP/1.1\r\n");  // and nothing more
    CHECK(client.closed_by_server());
}

TEST_CASE("a WebSocket that stays silent is disconnected at the idle deadline", "[task2]")
{
    lesson01::Timeouts timeouts;
    timeouts.idle = std::chrono::milliseconds(200);
    Server server(loopback_options(WSCOURSE_WEB_DIR), timeouts);
    RawClient client(server.port());
    client.handshake("/");
    CHECK(client.closed_by_server());
}

TEST_CASE("shutdown closes every WebSocket with 1001 going away", "[task2]")
{
    Server server(loopback_options(WSCOURSE_WEB_DIR));
    WsClient first(server.port(), "/");
    WsClient second(server.port(), "/");
    server.shutdown();
    CHECK(first.read_until_closed() == websocket::error::closed);
    CHECK(first.close_reason().code == 1001);
    CHECK(second.read_until_closed() == websocket::error::closed);
    CHECK(second.close_reason().code == 1001);
}
