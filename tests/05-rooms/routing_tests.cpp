// The routing, without a socket: routing.hpp's functions with recording outboxes (tasks 3 and 4).
// Each returns to how many connections it handed a message, the answer to the sender included.
#include "helpers.hpp"

using namespace lesson05::test;

TEST_CASE("routing: join_room answers room_joined and tells the room's others", "[task3]")
{
    OfflineChat offline;
    auto ana = offline.connect("ana");
    auto ben = offline.connect("ben");

    CHECK(lesson05::join_room(offline.rooms, ana.connection, "lobby") == 1);
    auto joined = only(ana.take(), "room_joined");
    CHECK(joined["room"] == "lobby");
    CHECK(joined["members"] == json::array({"ana"}));
    CHECK(ben.take().empty());  // ben is in no room: he hears nothing

    CHECK(lesson05::join_room(offline.rooms, ben.connection, "lobby") == 2);  // ben, and ana told
    CHECK(only(ben.take(), "room_joined")["members"] == json::array({"ana", "ben"}));
    auto notice = only(ana.take(), "user_joined_room");
    CHECK(notice["room"] == "lobby");
    CHECK(notice["user"] == "ben");
}

TEST_CASE("routing: a room message reaches the room's connections, sender included, once", "[task3]")
{
    OfflineChat offline;
    auto ana = offline.connect("ana");
    auto ben = offline.connect("ben");
    auto cleo = offline.connect("cleo");
    lesson05::join_room(offline.rooms, ana.connection, "lobby");
    lesson05::join_room(offline.rooms, ben.connection, "lobby");
    lesson05::join_room(offline.rooms, cleo.connection, "kitchen");
    ana.take(), ben.take(), cleo.take();

    CHECK(lesson05::room_message(offline.rooms, ana.connection, "lobby", "hello lobby") == 2);
    for (auto* tab : {&ana, &ben}) {
        auto message = only(tab->take(), "message");
        CHECK(message["room"] == "lobby");
        CHECK(message["from"] == "ana");
        CHECK(message["text"] == "hello lobby");
        CHECK(message["timestamp"].get<std::string>().size() == 24);
    }
    CHECK(cleo.take().empty());
    // Serialized once: both outboxes hold the very same string.
    lesson05::room_message(offline.rooms, ben.connection, "lobby", "again");
    CHECK(ana.outbox->raw().at(0) == ben.outbox->raw().at(0));
}

TEST_CASE("routing: no message, no leave without joining first", "[task3]")
{
    OfflineChat offline;
    auto ana = offline.connect("ana");
    auto ben = offline.connect("ben");
    lesson05::join_room(offline.rooms, ben.connection, "lobby");
    ben.take();

    lesson05::room_message(offline.rooms, ana.connection, "lobby", "let me in");
    CHECK(only(ana.take(), "error")["code"] == "not_in_room");
    lesson05::leave_room(offline.rooms, ana.connection, "lobby");
    CHECK(only(ana.take(), "error")["code"] == "not_in_room");
    CHECK(ben.take().empty());
}

TEST_CASE("routing: leave_room answers room_left and tells the others once the user is gone", "[task3]")
{
    OfflineChat offline;
    auto ana1 = offline.connect("ana");
    auto ana2 = offline.connect("ana");
    auto ben = offline.connect("ben");
    for (auto* tab : {&ana1, &ana2, &ben})
        lesson05::join_room(offline.rooms, tab->connection, "lobby");
    ana1.take(), ana2.take(), ben.take();

    lesson05::leave_room(offline.rooms, ana1.connection, "lobby");
    CHECK(only(ana1.take(), "room_left")["room"] == "lobby");
    CHECK(of_type(ben.take(), "user_left_room").empty());  // ana is still there in her other tab

    lesson05::leave_room(offline.rooms, ana2.connection, "lobby");
    only(ana2.take(), "room_left");
    auto notice = only(ben.take(), "user_left_room");
    CHECK(notice["room"] == "lobby");
    CHECK(notice["user"] == "ana");

    lesson05::room_message(offline.rooms, ben.connection, "lobby", "anyone?");
    CHECK(ana1.take().empty());
    CHECK(ana2.take().empty());
}

TEST_CASE("routing: a connection may be in 16 rooms, not 17", "[task3]")
{
    OfflineChat offline;
    auto ana = offline.connect("ana");
    for (std::size_t i = 0; i < lesson05::max_rooms_per_connection; ++i)
        lesson05::join_room(offline.rooms, ana.connection, "room" + std::to_string(i));
    CHECK(of_type(ana.take(), "room_joined").size() == lesson05::max_rooms_per_connection);
    lesson05::join_room(offline.rooms, ana.connection, "one-too-many");
    CHECK(only(ana.take(), "error")["code"] == "too_many_rooms");
    lesson05::join_room(offline.rooms, ana.connection, "room0");  // already in: still fine
    only(ana.take(), "room_joined");
    CHECK(offline.rooms.rooms_of(ana.connection.info.id).size() == lesson05::max_rooms_per_connection);
}

TEST_CASE("routing: a private message reaches every connection of the user, and nobody else", "[task4]")
{
    OfflineChat offline;
    auto ana = offline.connect("ana");
    auto ben1 = offline.connect("ben");
    auto ben2 = offline.connect("ben");
    auto cleo = offline.connect("cleo");

    CHECK(lesson05::private_message(offline.manager, ana.connection, "ben", "psst") == 3);  // 2 tabs + receipt
    for (auto* tab : {&ben1, &ben2}) {
        auto message = only(tab->take(), "private_message");
        CHECK(message["from"] == "ana");
        CHECK(message["text"] == "psst");
    }
    auto receipt = only(ana.take(), "private_sent");
    CHECK(receipt["to"] == "ben");
    CHECK(receipt["text"] == "psst");
    CHECK(receipt["delivered"] == 2);
    CHECK(cleo.take().empty());
}

TEST_CASE("routing: a private message to nobody is an error, and goes nowhere", "[task4]")
{
    OfflineChat offline;
    auto ana = offline.connect("ana");
    auto ben = offline.connect("ben");
    CHECK(lesson05::private_message(offline.manager, ana.connection, "zoe", "hello?") == 1);  // the error
    auto messages = ana.take();
    CHECK(only(messages, "error")["code"] == "user_not_connected");
    CHECK(of_type(messages, "private_sent").empty());
    CHECK(ben.take().empty());
}
