// Rooms over real WebSockets: join, talk, leave, disconnect (tasks 2 and 3).
#include "helpers.hpp"

using namespace lesson05::test;

TEST_CASE("a message to room A never reaches room B", "[task3]")
{
    RoomsServer server(lesson_options());
    ChatClient ana(server.port(), "ana"), ben(server.port(), "ben"), cleo(server.port(), "cleo");
    only(ana.join("a"), "room_joined");
    only(ben.join("a"), "room_joined");
    only(cleo.join("b"), "room_joined");

    auto echoed = only(ana.say("a", "for room a"), "message");
    CHECK(echoed["room"] == "a");
    CHECK(echoed["from"] == "ana");
    CHECK(echoed["text"] == "for room a");

    auto received = only(ben.sync(), "message");
    CHECK(received == echoed);  // the same message, byte for byte
    CHECK(of_type(cleo.sync(), "message").empty());

    only(cleo.say("b", "for room b"), "message");
    CHECK(of_type(ana.sync(), "message").empty());
    CHECK(of_type(ben.sync(), "message").empty());
}

TEST_CASE("room_joined lists the members, and the others hear user_joined_room", "[task3]")
{
    RoomsServer server(lesson_options());
    ChatClient ana(server.port(), "ana"), ben(server.port(), "ben");
    auto first = only(ana.join("lobby"), "room_joined");
    CHECK(first["members"] == json::array({"ana"}));
    auto second = only(ben.join("lobby"), "room_joined");
    CHECK(second["room"] == "lobby");
    CHECK(second["members"] == json::array({"ana", "ben"}));
    auto notice = only(ana.sync(), "user_joined_room");
    CHECK(notice["room"] == "lobby");
    CHECK(notice["user"] == "ben");
    CHECK(of_type(ben.sync(), "user_joined_room").empty());  // not about himself
}

TEST_CASE("rooms belong to connections: one user's two tabs in two rooms", "[task3]")
{
    RoomsServer server(lesson_options());
    ChatClient tab1(server.port(), "ana"), tab2(server.port(), "ana"), ben(server.port(), "ben");
    tab1.join("work");
    tab2.join("games");
    ben.join("games");
    only(ben.say("games", "gg"), "message");
    CHECK(of_type(tab2.sync(), "message").size() == 1);
    CHECK(of_type(tab1.sync(), "message").empty());
}

TEST_CASE("after leave_room nothing more arrives from the room", "[task3]")
{
    RoomsServer server(lesson_options());
    ChatClient ana(server.port(), "ana"), ben(server.port(), "ben");
    ana.join("lobby");
    ben.join("lobby");
    ana.sync();

    only(ben.say("lobby", "before"), "message");
    CHECK(of_type(ana.sync(), "message").size() == 1);

    CHECK(only(ana.leave("lobby"), "room_left")["room"] == "lobby");
    auto notice = only(ben.sync(), "user_left_room");
    CHECK(notice["user"] == "ana");

    only(ben.say("lobby", "after"), "message");
    CHECK(of_type(ana.sync(), "message").empty());
    // And she may no longer write there.
    CHECK(only(ana.say("lobby", "hello?"), "error")["code"] == "not_in_room");
}

TEST_CASE("writing to a room one has not joined is answered with not_in_room", "[task3]")
{
    RoomsServer server(lesson_options());
    ChatClient ana(server.port(), "ana"), ben(server.port(), "ben");
    ben.join("lobby");
    auto error = only(ana.say("lobby", "let me in"), "error");
    CHECK(error["code"] == "not_in_room");
    CHECK_FALSE(error.value("text", "").empty());
    CHECK(of_type(ben.sync(), "message").empty());
    CHECK(only(ana.leave("lobby"), "error")["code"] == "not_in_room");
    // The connection is still open and works.
    only(ana.join("lobby"), "room_joined");
}

TEST_CASE("bad room messages get an error and the connection stays open", "[task3]")
{
    RoomsServer server(lesson_options());
    ChatClient ana(server.port(), "ana");
    const std::vector<std::pair<json, std::string>> cases = {
        {{{"type", "join_room"}}, "missing_field"},
        {{{"type", "join_room"}, {"room", 7}}, "wrong_type"},
        {{{"type", "join_room"}, {"room", ""}}, "invalid_room"},
        {{{"type", "join_room"}, {"room", "has space"}}, "invalid_room"},
        {{{"type", "join_room"}, {"room", "<script>"}}, "invalid_room"},
        {{{"type", "join_room"}, {"room", std::string(33, 'a')}}, "invalid_room"},
        {{{"type", "leave_room"}, {"room", "ü"}}, "invalid_room"},
        {{{"type", "message"}, {"text", "no room"}}, "missing_field"},
        {{{"type", "message"}, {"room", "lobby"}}, "missing_field"},
        {{{"type", "message"}, {"room", "lobby"}, {"text", "   "}}, "empty_text"},
        {{{"type", "message"}, {"room", "lobby"}, {"text", std::string(2001, 'x')}}, "text_too_long"},
        {{{"type", "private_message"}, {"text", "to nobody"}}, "missing_field"},
        {{{"type", "private_message"}, {"to", true}, {"text", "x"}}, "wrong_type"},
        {{{"type", "shout"}}, "unknown_type"},
    };
    for (const auto& [message, code] : cases) {
        INFO(message.dump().substr(0, 80));
        CHECK(only(ana.exchange(message), "error")["code"] == code);
    }
    CHECK(only(ana.join(std::string(32, 'a')), "room_joined")["room"] == std::string(32, 'a'));
    CHECK(only(ana.join("Ok_name-1"), "room_joined")["room"] == "Ok_name-1");
}

TEST_CASE("a disconnect takes the connection out of every room, and empty rooms disappear", "[task3]")
{
    RoomsServer server(lesson_options());
    ChatClient ben(server.port(), "ben");
    ben.join("a");
    std::string ana_id;
    {
        ChatClient ana(server.port(), "ana");
        await_presence(ben, "joined", "ana");  // coalesced presence: see her arrive before she goes
        ana_id = ana.welcome.value("connection_id", "");
        for (std::string room : {"a", "b", "c"})
            only(ana.join(room), "room_joined");
        REQUIRE(get_json(server.port(), "/api/rooms").size() == 3);
        ana.ws.close();
    }
    auto notice = ben.read_until("user_left_room");
    CHECK(notice["room"] == "a");
    CHECK(notice["user"] == "ana");
    await_presence(ben, "left", "ana");

    auto rooms = get_json(server.port(), "/api/rooms");
    REQUIRE(rooms.size() == 1);  // b and c had only ana: gone
    CHECK(rooms[0]["name"] == "a");
    CHECK(rooms[0]["members"] == 1);
    CHECK(server.call([&](lesson05::Server& s) { return s.rooms().rooms_of(ana_id).empty(); }));
    only(ben.say("a", "still here"), "message");
}

TEST_CASE("a dropped connection (no close frame) is cleaned up too", "[task3]")
{
    RoomsServer server(lesson_options());
    ChatClient ben(server.port(), "ben");
    ben.join("a");
    {
        ChatClient ana(server.port(), "ana");
        only(ana.join("a"), "room_joined");
        only(ana.join("solo"), "room_joined");
        ana.ws.drop();
    }
    CHECK(ben.read_until("user_left_room")["user"] == "ana");
    CHECK(eventually(server, [](lesson05::Server& s) { return s.rooms().rooms().size() == 1; }));
    CHECK(eventually(server, [](lesson05::Server& s) { return s.manager().stats().connections == 1; }));
}

TEST_CASE("shutdown closes every connection in every room with 1001", "[task3]")
{
    RoomsServer server(lesson_options());
    ChatClient ana(server.port(), "ana"), ben(server.port(), "ben");
    ana.join("lobby");
    ben.join("lobby");
    server.shutdown();
    for (auto* client : {&ana, &ben}) {
        CHECK(client->ws.read_until_closed() == websocket::error::closed);
        CHECK(client->ws.close_reason().code == websocket::close_code::going_away);
    }
}
