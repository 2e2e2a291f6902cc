// Task 4: a JSON ping in a text message gets a pong; anything else, valid JSON or not, is
// echoed.
#include "helpers.hpp"

#include "messages.hpp"

using namespace lesson02::test;

TEST_CASE("a JSON ping gets a pong with the same id", "[task4]")
{
    EchoServer server(lesson_options());
    WsClient client(server.port());
    read_welcome(client);

    client.send_text(R"({"type":"ping","id":7})");
    auto pong = nlohmann::json::parse(client.read_text());
    CHECK(pong.value("type", "") == "pong");
    CHECK(pong.value("id", 0) == 7);
    CHECK(pong.contains("server_time_ms"));

    client.send_text(R"( { "type" : "ping" } )");
    CHECK(nlohmann::json::parse(client.read_text()).value("type", "") == "pong");
}

TEST_CASE("invalid JSON is echoed as text and the session goes on", "[task4]")
{
    EchoServer server(lesson_options());
    WsClient client(server.port());
    read_welcome(client);

    for (std::string text : {R"({"type":"ping")", "not json at all", "{", R"({"type":)", "[1,2"}) {
        client.send_text(text);
        auto echo = client.read();
        CHECK(echo.text);
        CHECK(echo.data == text);
    }
    client.send_text(R"({"type":"ping"})");
    CHECK(nlohmann::json::parse(client.read_text()).value("type", "") == "pong");
    CHECK(errors_logged(server) == 0);
}

TEST_CASE("JSON that is not a ping is echoed unchanged", "[task4]")
{
    EchoServer server(lesson_options());
    WsClient client(server.port());
    read_welcome(client);
    for (std::string text : {R"({"type":"hello"})", R"(["ping"])", R"("ping")", R"({"type":"PING"})"}) {
        client.send_text(text);
        CHECK(client.read_text() == text);
    }
}

TEST_CASE("a ping sent as a binary message is echoed, binary", "[task4]")
{
    EchoServer server(lesson_options());
    WsClient client(server.port());
    read_welcome(client);
    client.send_binary(R"({"type":"ping"})");
    auto echo = client.read();
    CHECK_FALSE(echo.text);
    CHECK(echo.data == R"({"type":"ping"})");
}

TEST_CASE("pong_for answers pings only and never throws", "[task4]")
{
    using lesson02::pong_for;
    CHECK(pong_for(R"({"type":"ping"})"));
    CHECK(pong_for(R"({"type":"ping","id":"abc"})"));
    CHECK(nlohmann::json::parse(*pong_for(R"({"type":"ping","id":"abc"})")).value("id", "") == "abc");
    CHECK_FALSE(pong_for(""));
    CHECK_FALSE(pong_for("null"));
    CHECK_FALSE(pong_for(R"({"type":"pong"})"));
    CHECK_FALSE(pong_for(R"({"type":["ping"]})"));
    CHECK_FALSE(pong_for("{\"type\":\"ping\"\xff}"));
    CHECK_FALSE(pong_for(std::string(500, '[') + std::string(500, ']')));  // deep, not an object
    CHECK_FALSE(pong_for(std::string(2000, ' ') + R"({"type":"ping"})"));  // too long to parse
}
