// Task 3: stop cleanly. A close handshake, a vanished client, a message over the limit and
// a server shutdown each end the session once, with the right close code and no error.
#include "helpers.hpp"

using namespace lesson02::test;

TEST_CASE("the client's close 1000 gets the close handshake and ends the session cleanly", "[task3]")
{
    EchoServer server(lesson_options());
    WsClient client(server.port());
    read_welcome(client);
    client.send_text("before closing");
    REQUIRE(client.read_text() == "before closing");
    CHECK(server.call([](lesson02::Server& s) { return s.session_count(); }) == 1);

    client.close(websocket::close_code::normal);  // sends 1000 and waits for the answer
    CHECK(client.close_reason().code == websocket::close_code::normal);
    CHECK(no_sessions_left(server));
    CHECK(errors_logged(server) == 0);  // a clean close is not an error
}

TEST_CASE("a client that vanishes without a close frame is a normal disconnect", "[task3]")
{
    EchoServer server(lesson_options());
    WsClient client(server.port());
    read_welcome(client);
    client.send_text("still there?");
    REQUIRE(client.read_text() == "still there?");

    client.drop();  // TCP goes away, no close frame: the server's read sees EOF
    CHECK(no_sessions_left(server));
    CHECK(errors_logged(server) == 0);
}

TEST_CASE("a message over read_message_max gets close 1009", "[task3]")
{
    auto options = lesson_options();
    options.max_message_bytes = 1024;
    EchoServer server(options);
    WsClient client(server.port());
    auto welcome = read_welcome(client);
    CHECK(welcome.value("max_message_bytes", 0u) == 1024u);

    client.send_text(text_of_size(1024));  // exactly the limit is fine
    CHECK(client.read_text().size() == 1024);

    client.send_text(text_of_size(1025));
    CHECK(client.read_until_closed() == websocket::error::closed);
    CHECK(client.close_reason().code == websocket::close_code::too_big);
    CHECK(no_sessions_left(server));
}

TEST_CASE("shutdown closes every session with 1001 going away", "[task3]")
{
    EchoServer server(lesson_options());
    WsClient ana(server.port());
    WsClient ben(server.port());
    read_welcome(ana);
    read_welcome(ben);
    ana.send_text("a");
    REQUIRE(ana.read_text() == "a");
    ben.send_binary("b");
    REQUIRE(ben.read().data == "b");

    server.shutdown();  // what Ctrl-C does
    CHECK(ana.read_until_closed() == websocket::error::closed);
    CHECK(ana.close_reason().code == websocket::close_code::going_away);
    CHECK(ben.read_until_closed() == websocket::error::closed);
    CHECK(ben.close_reason().code == websocket::close_code::going_away);
    // (The server's thread has nothing left to do and has returned: no more server.call().)
}

TEST_CASE("shutdown closes callback-style sessions with 1001 too", "[task3]")
{
    EchoServer server(lesson_options(), lesson02::Style::callbacks);
    WsClient client(server.port());
    read_welcome(client);
    server.shutdown();
    CHECK(client.read_until_closed() == websocket::error::closed);
    CHECK(client.close_reason().code == websocket::close_code::going_away);
}
