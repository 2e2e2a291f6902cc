// Task 1: the room. Everyone who joins is told, every message reaches every member (the
// sender included), and whoever leaves is removed, told to the others, and never written to.
#include "helpers.hpp"

#include "names.hpp"

using namespace lesson03::test;

TEST_CASE("a message reaches every client, the sender included, prefixed with its name", "[task1]")
{
    ChatServer server(lesson_options());
    auto ana = join(server, "ana", 1);
    auto ben = join(server, "ben", 2);
    auto cat = join(server, "cat", 3);

    ana->send_text("hello, room");
    CHECK(read_chat(*ana) == "ana: hello, room");
    CHECK(read_chat(*ben) == "ana: hello, room");
    CHECK(read_chat(*cat) == "ana: hello, room");

    cat->send_text("ünïcødé ✓");
    for (auto* client : {ana.get(), ben.get(), cat.get()})
        CHECK(read_chat(*client) == "cat: ünïcødé ✓");
    CHECK(room_size(server) == 3);
}

TEST_CASE("join and leave notices say who and how many are online", "[task1]")
{
    ChatServer server(lesson_options());
    auto ana = join(server, "ana", 1);  // a newcomer's first message is its own join notice
    auto ben = join(server, "ben", 2);
    CHECK(ana->read_text() == "* ben joined (2 online)");
    auto cat = join(server, "cat", 3);
    CHECK(ana->read_text() == "* cat joined (3 online)");
    CHECK(ben->read_text() == "* cat joined (3 online)");

    ben->close(websocket::close_code::normal);
    CHECK(ana->read_text() == "* ben left (2 online)");
    CHECK(cat->read_text() == "* ben left (2 online)");
    cat->drop();  // no close frame: a vanished client leaves too
    CHECK(ana->read_text() == "* cat left (1 online)");
    CHECK(room_size(server) == 1);
}

TEST_CASE("a closed client is removed from the room and never written to", "[task1]")
{
    ChatServer server(lesson_options());
    auto ana = join(server, "ana", 1);
    auto ben = join(server, "ben", 2);
    auto cat = join(server, "cat", 3);
    cat->close(websocket::close_code::normal);
    CHECK(cat->close_reason().code == websocket::close_code::normal);
    CHECK(read_until(*ana, "* cat left (2 online)"));
    CHECK(read_until(*ben, "* cat left (2 online)"));
    CHECK(room_size(server) == 2);
    CHECK(eventually(server, [](lesson03::Server& s) { return s.session_count() == 2; }));

    for (int i = 0; i < 20; ++i)
        ana->send_text("after cat left " + std::to_string(i));
    for (int i = 0; i < 20; ++i) {
        REQUIRE(read_chat(*ana) == "ana: after cat left " + std::to_string(i));
        REQUIRE(read_chat(*ben) == "ana: after cat left " + std::to_string(i));
    }
    // Had the server written to cat's closed stream, the write would have failed and counted.
    CHECK(write_errors(server) == 0);
    CHECK(errors_logged(server) == 0);
}

TEST_CASE("the name comes from ?name=, checked, or else from the client's address", "[task1]")
{
    ChatServer server(lesson_options());
    WsClient zoe(server.port(), "/ws?name=%20%20zo%C3%AB%20");  // trimmed, UTF-8
    CHECK(zoe.read_text() == "* zoë joined (1 online)");

    auto address_of = [](WsClient& client) {
        auto local = beast::get_lowest_layer(client.stream()).socket().local_endpoint();
        return "127.0.0.1:" + std::to_string(local.port());
    };
    WsClient anonymous(server.port(), "/ws");
    CHECK(anonymous.read_text() == "* " + address_of(anonymous) + " joined (2 online)");
    WsClient too_long(server.port(), "/ws?name=" + std::string(33, 'x'));
    CHECK(too_long.read_text() == "* " + address_of(too_long) + " joined (3 online)");
    WsClient control(server.port(), "/ws?name=a%0Ab");
    CHECK(control.read_text() == "* " + address_of(control) + " joined (4 online)");

    anonymous.send_text("hi");
    CHECK(read_chat(anonymous) == address_of(anonymous) + ": hi");
}

TEST_CASE("valid_name trims, and refuses what would be unsafe to show", "[task1]")
{
    using lesson03::valid_name;
    CHECK(valid_name("ana") == "ana");
    CHECK(valid_name("  ana smith ") == "ana smith");
    CHECK(valid_name("zoë") == "zoë");
    CHECK(valid_name(std::string(32, 'x')) == std::string(32, 'x'));
    CHECK(valid_name("日本語の名前") == "日本語の名前");   // characters, not bytes, are counted
    CHECK_FALSE(valid_name(std::string(33, 'x')));
    CHECK_FALSE(valid_name(""));
    CHECK_FALSE(valid_name("   "));
    CHECK_FALSE(valid_name("a\tb"));
    CHECK_FALSE(valid_name("a\x7f"));
    CHECK_FALSE(valid_name("a\xc2\x85"));          // U+0085, a C1 control
    CHECK_FALSE(valid_name("bad \xff utf-8"));
    CHECK_FALSE(valid_name("\xc0\xaf"));           // an overlong '/'
    CHECK_FALSE(valid_name("\xed\xa0\x80"));       // a surrogate
    CHECK_FALSE(valid_name("ana: hi"));            // would look like a chat line
    CHECK_FALSE(valid_name("* ben joined"));       // would look like a notice

    CHECK(lesson03::endpoint_name({net::ip::make_address("127.0.0.1"), 51234}) == "127.0.0.1:51234");
    CHECK(lesson03::endpoint_name({net::ip::make_address("::1"), 8080}) == "[::1]:8080");
}

TEST_CASE("a binary message gets close 1003, and the room carries on", "[task1]")
{
    ChatServer server(lesson_options());
    auto ana = join(server, "ana", 1);
    auto ben = join(server, "ben", 2);
    ben->send_binary("\x01\x02\x03");
    CHECK(ben->read_until_closed() == websocket::error::closed);
    CHECK(ben->close_reason().code == websocket::close_code::unknown_data);

    CHECK(ana->read_text() == "* ben joined (2 online)");
    CHECK(ana->read_text() == "* ben left (1 online)");
    ana->send_text("still here");
    CHECK(read_chat(*ana) == "ana: still here");
    CHECK(errors_logged(server) == 0);
}

TEST_CASE("a message over the size limit gets close 1009", "[task1]")
{
    auto options = lesson_options();
    options.max_message_bytes = 16;
    ChatServer server(options);
    auto ana = join(server, "ana", 1);
    ana->send_text("sixteen bytes ok");
    CHECK(read_chat(*ana) == "ana: sixteen bytes ok");
    ana->send_text("seventeen bytes !");
    CHECK(ana->read_until_closed() == websocket::error::closed);
    CHECK(ana->close_reason().code == websocket::close_code::too_big);
}

TEST_CASE("shutdown closes every client with 1001 going away", "[task1]")
{
    ChatServer server(lesson_options());
    auto ana = join(server, "ana", 1);
    auto ben = join(server, "ben", 2);
    auto cat = join(server, "cat", 3);
    ana->send_text("good night");
    CHECK(read_chat(*cat) == "ana: good night");

    server.shutdown();  // what Ctrl-C does
    for (auto* client : {ana.get(), ben.get(), cat.get()}) {
        CHECK(client->read_until_closed() == websocket::error::closed);
        CHECK(client->close_reason().code == websocket::close_code::going_away);
    }
}

TEST_CASE("GET / serves the chat page, and GET /ws without an upgrade gets 426", "[task1]")
{
    ChatServer server(lesson_options());
    auto page = wscourse::test::http_get(server.port(), "/");
    CHECK(page.result() == http::status::ok);
    CHECK(page[http::field::content_type] == "text/html; charset=utf-8");
    CHECK(page.body().find("id=\"online\"") != std::string::npos);
    CHECK(wscourse::test::http_get(server.port(), "/app.js").result() == http::status::ok);
    CHECK(wscourse::test::http_get(server.port(), "/ws").result() == http::status::upgrade_required);
}
