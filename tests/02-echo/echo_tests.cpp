// Tasks 1 and 2: messages come back as they were sent, text as text and binary as binary.
#include "helpers.hpp"

using namespace lesson02::test;

TEST_CASE("the server says welcome first, with its message size limit", "[task1]")
{
    EchoServer server(lesson_options());
    WsClient client(server.port());
    auto welcome = read_welcome(client);
    CHECK(welcome.value("max_message_bytes", 0u) == lesson02::default_max_message_bytes);
    CHECK_FALSE(welcome.value("text", "").empty());
    CHECK(std::string(client.handshake_response()[http::field::server]).find("lesson02")
          != std::string::npos);
}

TEST_CASE("a text message comes back as the same text", "[task1]")
{
    EchoServer server(lesson_options());
    WsClient client(server.port());
    read_welcome(client);

    client.send_text("hello, Beast");
    auto echo = client.read();
    CHECK(echo.text);
    CHECK(echo.data == "hello, Beast");

    client.send_text("ünïcødé ✓ 🦀");
    CHECK(client.read_text() == "ünïcødé ✓ 🦀");
}

TEST_CASE("many messages come back in order, one echo each", "[task1]")
{
    EchoServer server(lesson_options());
    WsClient client(server.port());
    read_welcome(client);
    for (int i = 0; i < 50; ++i)
        client.send_text("message " + std::to_string(i));
    for (int i = 0; i < 50; ++i)
        REQUIRE(client.read_text() == "message " + std::to_string(i));
    client.send_text("last");
    CHECK(client.read_text() == "last");  // nothing extra was queued in between
}

TEST_CASE("an empty text message comes back empty", "[task1]")
{
    EchoServer server(lesson_options());
    WsClient client(server.port());
    read_welcome(client);
    client.send_text("");
    auto echo = client.read();
    CHECK(echo.text);
    CHECK(echo.data.empty());
}

TEST_CASE("a 1 MiB text message round-trips", "[task1]")
{
    EchoServer server(lesson_options());
    WsClient client(server.port());
    read_welcome(client);
    const auto big = text_of_size(1024 * 1024);
    client.send_text(big);
    auto echo = client.read();
    CHECK(echo.text);
    CHECK(echo.data.size() == big.size());
    CHECK(echo.data == big);
}

TEST_CASE("two clients do not see each other's echoes", "[task1]")
{
    EchoServer server(lesson_options());
    WsClient ana(server.port());
    WsClient ben(server.port());
    read_welcome(ana);
    read_welcome(ben);

    ana.send_text("from ana");
    CHECK(ana.read_text() == "from ana");
    // Had the server sent ana's message to ben too, it would be the next thing ben reads:
    // the server wrote it before ana got her echo.
    ben.send_text("from ben");
    CHECK(ben.read_text() == "from ben");
    ana.send_text("ana again");
    CHECK(ana.read_text() == "ana again");
    CHECK(server.call([](lesson02::Server& s) { return s.session_count(); }) == 2);
}

TEST_CASE("a binary message comes back binary, byte for byte", "[task2]")
{
    EchoServer server(lesson_options());
    WsClient client(server.port());
    read_welcome(client);
    const auto bytes = binary_bytes(300);  // not UTF-8: as a text frame Beast would refuse it
    client.send_binary(bytes);
    auto echo = client.read();
    CHECK_FALSE(echo.text);
    CHECK(echo.data == bytes);
}

TEST_CASE("a 1 MiB binary message round-trips", "[task2]")
{
    EchoServer server(lesson_options());
    WsClient client(server.port());
    read_welcome(client);
    const auto bytes = binary_bytes(1024 * 1024);
    client.send_binary(bytes);
    auto echo = client.read();
    CHECK_FALSE(echo.text);
    CHECK(echo.data == bytes);
}

TEST_CASE("an empty binary message comes back empty and binary", "[task2]")
{
    EchoServer server(lesson_options());
    WsClient client(server.port());
    read_welcome(client);
    client.send_binary("");
    auto echo = client.read();
    CHECK_FALSE(echo.text);
    CHECK(echo.data.empty());
}

TEST_CASE("text and binary interleaved each keep their type", "[task2]")
{
    EchoServer server(lesson_options());
    WsClient client(server.port());
    read_welcome(client);
    client.send_text("one");
    client.send_binary(binary_bytes(10));
    client.send_text("three");
    client.send_binary("four");
    auto one = client.read(), two = client.read(), three = client.read(), four = client.read();
    CHECK((one.text && one.data == "one"));
    CHECK((!two.text && two.data == binary_bytes(10)));
    CHECK((three.text && three.data == "three"));
    CHECK((!four.text && four.data == "four"));
}

TEST_CASE("both session styles, coroutines and callbacks, echo the same way", "[task2]")
{
    for (auto style : {lesson02::Style::coroutines, lesson02::Style::callbacks}) {
        INFO("style: " << (style == lesson02::Style::coroutines ? "coroutines" : "callbacks"));
        EchoServer server(lesson_options(), style);
        WsClient client(server.port());
        read_welcome(client);

        client.send_text("text");
        auto text = client.read();
        CHECK((text.text && text.data == "text"));

        client.send_binary(binary_bytes(64));
        auto binary = client.read();
        CHECK((!binary.text && binary.data == binary_bytes(64)));

        client.send_text(R"({"type":"ping","id":1})");
        CHECK(nlohmann::json::parse(client.read_text()).value("type", "") == "pong");

        client.close();
        CHECK(client.close_reason().code == websocket::close_code::normal);
        CHECK(no_sessions_left(server));
        CHECK(errors_logged(server) == 0);
    }
}
