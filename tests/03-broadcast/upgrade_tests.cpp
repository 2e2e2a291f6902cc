// The first frames may arrive in the same packet as the upgrade request: HTTP is read in
// chunks, so the front has read them already. They must reach the session, not vanish.
#include "helpers.hpp"

using namespace lesson03::test;
using wscourse::test::RawClient;

TEST_CASE("a message sent in the same write as the upgrade request is broadcast", "[task2]")
{
    ChatServer server(lesson_options());
    RawClient raw(server.port());
    raw.send(wscourse::test::upgrade_request("/ws?name=eager")
             + wscourse::test::client_frame(0x1, "first words"));
    REQUIRE(raw.read_http_head().rfind("HTTP/1.1 101", 0) == 0);

    auto frame = raw.read_frame();
    CHECK(frame.payload == "* eager joined (1 online)");
    frame = raw.read_frame();
    CHECK(frame.opcode == 0x1);
    CHECK(frame.payload == "eager: first words");
}
