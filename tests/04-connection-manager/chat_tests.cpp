// The server over loopback with real WebSocket clients: the welcome, who is online, join and
// leave notices, a user with two connections, chat messages and pings.
#include "helpers.hpp"

#include <algorithm>
#include <regex>

using namespace lesson04::test;

TEST_CASE("the welcome names the connection, its user and who is online", "[task2]")
{
    ChatServer server(lesson_options());
    Chatter ana(server.port(), "ana");
    CHECK(std::regex_match(ana.id(), std::regex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
    CHECK(ana.welcome["user"] == "ana");
    // Who was online at the last presence message: nobody yet. The next one names ana.
    CHECK(ana.welcome["users"] == json::array());
    CHECK(await_presence(ana.client, "joined", "ana") == 1);

    Chatter ben(server.port(), "ben");
    CHECK(ben.welcome["user"] == "ben");
    CHECK(ben.welcome["users"] == json::array({"ana"}));
    CHECK(ben.id() != ana.id());
    CHECK(errors_logged(server) == 0);
}

TEST_CASE("the user name comes from ?user=, trimmed, or is a guest name", "[task2]")
{
    ChatServer server(lesson_options());
    {
        WsClient client(server.port(), "/ws?user=%20%20Ana%20Lima%20");
        CHECK(expect(client, "welcome")["user"] == "Ana Lima");
    }
    {
        WsClient client(server.port(), "/ws?user=Jos%C3%A9");  // UTF-8, percent-encoded
        CHECK(expect(client, "welcome")["user"] == "José");
    }
    for (std::string target : std::vector<std::string>{"/ws", "/ws?user=", "/ws?user=%20%20", "/ws?user=" + std::string(33, 'a'),
                               "/ws?user=ana%0Aben", "/ws?user=%FF%FE"}) {
        INFO(target);
        WsClient client(server.port(), target);
        auto user = expect(client, "welcome")["user"].get<std::string>();
        CHECK(std::regex_match(user, std::regex("guest-[0-9a-f]{6}")));
    }
    WsClient longest(server.port(), "/ws?user=" + std::string(32, 'a'));
    CHECK(expect(longest, "welcome")["user"] == std::string(32, 'a'));
}

TEST_CASE("a new user is announced to everyone already online, and leaving too", "[task2]")
{
    ChatServer server(lesson_options());
    Chatter ana(server.port(), "ana");
    {
        Chatter ben(server.port(), "ben");
        await_presence(ana.client, "joined", "ben");
        ben.client.close();
    }
    await_presence(ana.client, "left", "ben");
}

TEST_CASE("a second tab is not a new user: no join, no leave, a connections count on both", "[task2]")
{
    ChatServer server(lesson_options());
    Chatter ben(server.port(), "ben");
    Chatter ana1(server.port(), "ana");
    await_presence(ben.client, "joined", "ana");

    // The second tab: its welcome, then "you are connected from 2 tabs", sent to the user
    // (send_to_user) so that both of ana's connections get it.
    Chatter ana2(server.port(), "ana", 2);
    CHECK(ana2.welcome["users"] == json::array({"ana", "ben"}));
    CHECK(expect(ana1.client, "connections")["count"] == 2);

    // Closing one tab: ana is still online, so she is not "left"; her other tab hears the count.
    ana2.client.close();
    CHECK(expect(ana1.client, "connections")["count"] == 1);

    // ben heard nothing of it: no presence names ana again before the next user's arrival.
    Chatter cy(server.port(), "cy");
    for (;;) {
        auto message = expect(ben.client, "presence");
        INFO(message.dump());
        CHECK(message["left"] == json::array());
        CHECK(std::find(message["joined"].begin(), message["joined"].end(), "ana") == message["joined"].end());
        if (std::find(message["joined"].begin(), message["joined"].end(), "cy") != message["joined"].end())
            break;
    }

    ana1.client.close();
    await_presence(ben.client, "left", "ana");
}

TEST_CASE("a user with two connections gets a personal message on both", "[task2]")
{
    ChatServer server(lesson_options());
    Chatter tab1(server.port(), "ana");
    Chatter tab2(server.port(), "ana", 2);
    CHECK(expect(tab1.client, "connections")["count"] == 2);
    Chatter tab3(server.port(), "ana", 3);
    CHECK(expect(tab1.client, "connections")["count"] == 3);
    CHECK(expect(tab2.client, "connections")["count"] == 3);
    tab3.client.drop();  // even without a close frame
    CHECK(expect(tab1.client, "connections")["count"] == 2);
    CHECK(expect(tab2.client, "connections")["count"] == 2);
}

TEST_CASE("a chat message reaches everybody, the sender too, in one order", "[task4]")
{
    ChatServer server(lesson_options());
    Chatter ana(server.port(), "ana");
    Chatter ben(server.port(), "ben");
    await_presence(ana.client, "joined", "ben");

    ana.client.send_text(R"({"type":"message","text":"hello, ben"})");
    ben.client.send_text(R"({"type":"message","text":"hi, ana"})");
    std::vector<std::string> seen_by_ana, seen_by_ben;
    for (int i = 0; i < 2; ++i) {
        auto a = expect(ana.client, "message");
        auto b = expect(ben.client, "message");
        CHECK(std::regex_match(a["timestamp"].get<std::string>(),
                               std::regex("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z")));
        seen_by_ana.push_back(a["from"].get<std::string>() + ": " + a["text"].get<std::string>());
        seen_by_ben.push_back(b["from"].get<std::string>() + ": " + b["text"].get<std::string>());
    }
    CHECK(seen_by_ana == seen_by_ben);
    CHECK(std::count(seen_by_ana.begin(), seen_by_ana.end(), "ana: hello, ben") == 1);
    CHECK(std::count(seen_by_ana.begin(), seen_by_ana.end(), "ben: hi, ana") == 1);
}

TEST_CASE("a ping gets a pong with its id, to the sender only", "[task4]")
{
    ChatServer server(lesson_options());
    Chatter ana(server.port(), "ana");
    Chatter ben(server.port(), "ben");
    await_presence(ana.client, "joined", "ben");

    ben.client.send_text(R"({"type":"ping","id":"p1"})");
    auto pong = expect(ben.client, "pong");
    CHECK(pong["id"] == "p1");
    CHECK(pong["timestamp"].is_string());

    // ana got nothing: her next message is the one ben sends now.
    ben.client.send_text(R"({"type":"message","text":"after the ping"})");
    CHECK(expect(ana.client, "message")["text"] == "after the ping");
}

TEST_CASE("a burst of messages arrives complete and in order", "[task4]")
{
    ChatServer server(lesson_options());
    Chatter ana(server.port(), "ana");
    Chatter ben(server.port(), "ben");
    await_presence(ana.client, "joined", "ben");
    constexpr int count = 300;
    for (int i = 0; i < count; ++i)
        ana.client.send_text(json{{"type", "message"}, {"text", "m" + std::to_string(i)}}.dump());
    for (int i = 0; i < count; ++i) {
        CHECK(expect(ben.client, "message")["text"] == "m" + std::to_string(i));
        CHECK(expect(ana.client, "message")["text"] == "m" + std::to_string(i));
    }
}
