// The welcome and the lesson 04 protocol still work, with lesson 05's changes (task 3).
#include "helpers.hpp"

using namespace lesson05::test;

TEST_CASE("welcome, presence, ping and errors carry over from lesson 04", "[task3]")
{
    RoomsServer server(lesson_options());
    ChatClient ana(server.port(), "ana");
    CHECK(ana.welcome["user"] == "ana");
    CHECK(ana.welcome["connection_id"].get<std::string>().size() == 36);
    // Who was online at lesson 04's last presence message: nobody yet; the next one names ana.
    CHECK(ana.welcome["users"] == json::array());
    await_presence(ana, "joined", "ana");
    CHECK(std::string(ana.ws.handshake_response()[http::field::server]).find("lesson05") != std::string::npos);

    ChatClient ben(server.port(), "ben");
    CHECK(ben.welcome["users"] == json::array({"ana"}));
    await_presence(ana, "joined", "ben");

    ana.send({{"type", "ping"}, {"id", 42}});
    auto pong = ana.read_until("pong");
    CHECK(pong["id"] == 42);
    CHECK(only(ana.exchange(json::parse("[1,2]")), "error")["code"] == "not_an_object");
    ana.ws.send_text("{not json");
    CHECK(ana.read_until("error")["code"] == "invalid_json");
    ana.ws.send_binary("\x01\x02");
    CHECK(ana.read_until("error")["code"] == "unsupported");
    CHECK(only(ana.say("nowhere", "hi"), "error")["code"] == "not_in_room");
}

TEST_CASE("valid_room_name accepts 1 to 32 of A-Za-z0-9_- and nothing else", "[task3]")
{
    CHECK(lesson05::valid_room_name("a"));
    CHECK(lesson05::valid_room_name("Lobby_2-b"));
    CHECK(lesson05::valid_room_name(std::string(32, 'z')));
    CHECK_FALSE(lesson05::valid_room_name(""));
    CHECK_FALSE(lesson05::valid_room_name(std::string(33, 'z')));
    for (std::string bad : {"a b", "a/b", "a.b", "é", "a\nb", "<b>", "a?b"})
        CHECK_FALSE(lesson05::valid_room_name(bad));
}
