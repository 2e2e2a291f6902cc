// HTTP on the WebSocket's port: /health, /api/stats matching reality, the HTML client; and
// shutdown with 1001.
#include "helpers.hpp"

using namespace lesson04::test;
using wscourse::test::http_get;

TEST_CASE("GET /health says ok", "[task1]")
{
    ChatServer server(lesson_options());
    auto response = http_get(server.port(), "/health");
    CHECK(response.result() == http::status::ok);
    CHECK(response[http::field::content_type] == "application/json");
    CHECK(json::parse(response.body()) == json{{"status", "ok"}});
}

TEST_CASE("GET /api/stats counts connections and unique users as they come and go", "[task2]")
{
    ChatServer server(lesson_options());
    CHECK(api_stats(server.port()) == json{{"connections", 0}, {"unique_users", 0}});

    auto ana1 = std::make_unique<Chatter>(server.port(), "ana");
    CHECK(api_stats(server.port()) == json{{"connections", 1}, {"unique_users", 1}});
    auto ana2 = std::make_unique<Chatter>(server.port(), "ana", 2);
    CHECK(api_stats(server.port()) == json{{"connections", 2}, {"unique_users", 1}});
    auto ben = std::make_unique<Chatter>(server.port(), "ben");
    CHECK(api_stats(server.port()) == json{{"connections", 3}, {"unique_users", 2}});

    ana2->client.close();
    REQUIRE(sessions_are(server, 2));
    CHECK(api_stats(server.port()) == json{{"connections", 2}, {"unique_users", 2}});

    ben->client.drop();  // no close frame: the server notices the EOF
    REQUIRE(sessions_are(server, 1));
    CHECK(api_stats(server.port()) == json{{"connections", 1}, {"unique_users", 1}});

    ana1->client.close();
    REQUIRE(sessions_are(server, 0));
    CHECK(api_stats(server.port()) == json{{"connections", 0}, {"unique_users", 0}});
    CHECK(errors_logged(server) == 0);
}

TEST_CASE("the HTML client is served on the same port", "[task1]")
{
    ChatServer server(lesson_options());
    auto page = http_get(server.port(), "/");
    CHECK(page.result() == http::status::ok);
    CHECK(page.body().find("id=\"online\"") != std::string::npos);
    CHECK(http_get(server.port(), "/app.js").result() == http::status::ok);
    CHECK(http_get(server.port(), "/api/nothing").result() == http::status::not_found);
}

TEST_CASE("shutdown closes every connection with 1001 going away", "[task2]")
{
    ChatServer server(lesson_options());
    Chatter ana(server.port(), "ana");
    Chatter ben(server.port(), "ben");
    await_presence(ana.client, "joined", "ben");

    server.shutdown();  // what Ctrl-C does
    CHECK(ana.client.read_until_closed() == websocket::error::closed);
    CHECK(ana.client.close_reason().code == websocket::close_code::going_away);
    CHECK(ben.client.read_until_closed() == websocket::error::closed);
    CHECK(ben.client.close_reason().code == websocket::close_code::going_away);
}
