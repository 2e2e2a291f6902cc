// Private messages over real WebSockets (task 4).
#include "helpers.hpp"

using namespace lesson05::test;

TEST_CASE("a private message reaches every connection of the user and nobody else", "[task4]")
{
    RoomsServer server(lesson_options());
    ChatClient ana(server.port(), "ana");
    ChatClient ben1(server.port(), "ben"), ben2(server.port(), "ben");
    ChatClient cleo(server.port(), "cleo");
    ChatClient ana2(server.port(), "ana");  // the sender's other tab gets nothing either
    for (auto* client : {&ana, &ben1, &ben2, &cleo, &ana2})
        client->join("lobby");  // sharing a room changes nothing for private messages

    auto sent = ana.exchange({{"type", "private_message"}, {"to", "ben"}, {"text", "psst, ben"}});
    auto receipt = only(sent, "private_sent");
    CHECK(receipt["to"] == "ben");
    CHECK(receipt["text"] == "psst, ben");
    CHECK(receipt["delivered"] == 2);
    CHECK(of_type(sent, "private_message").empty());

    for (auto* ben : {&ben1, &ben2}) {
        auto message = only(ben->sync(), "private_message");
        CHECK(message["from"] == "ana");
        CHECK(message["text"] == "psst, ben");
        CHECK(message["timestamp"] == receipt["timestamp"]);
    }
    for (auto* other : {&cleo, &ana2}) {
        auto messages = other->sync();
        CHECK(of_type(messages, "private_message").empty());
        CHECK(of_type(messages, "private_sent").empty());
        CHECK(of_type(messages, "message").empty());
    }
}

TEST_CASE("a private message to a user who is not connected is an error", "[task4]")
{
    RoomsServer server(lesson_options());
    ChatClient ana(server.port(), "ana");
    {
        ChatClient ben(server.port(), "ben");
        // Presence is coalesced (lesson 04): a ben who came and went within one interval
        // would never be announced as gone. So ana sees him arrive first.
        await_presence(ana, "joined", "ben");
        CHECK(only(ana.exchange({{"type", "private_message"}, {"to", "ben"}, {"text", "hi"}}),
                   "private_sent")["delivered"] == 1);
        ben.ws.close();
    }
    await_presence(ana, "left", "ben");
    auto answer = ana.exchange({{"type", "private_message"}, {"to", "ben"}, {"text", "still there?"}});
    auto error = only(answer, "error");
    CHECK(error["code"] == "user_not_connected");
    CHECK(of_type(answer, "private_sent").empty());
    // The connection stays open.
    CHECK(ana.sync().empty());
}

TEST_CASE("a private message to oneself reaches all of one's own tabs", "[task4]")
{
    RoomsServer server(lesson_options());
    ChatClient tab1(server.port(), "ana"), tab2(server.port(), "ana");
    auto answer = tab1.exchange({{"type", "private_message"}, {"to", "ana"}, {"text", "note to self"}});
    CHECK(only(answer, "private_message")["text"] == "note to self");
    CHECK(only(answer, "private_sent")["delivered"] == 2);
    CHECK(only(tab2.sync(), "private_message")["from"] == "ana");
}
