// The first frames may arrive in the same packet as the upgrade request: HTTP is read in
// chunks, so the front has read them already. They must reach the session, not vanish.
#include "helpers.hpp"

using namespace lesson04::test;
using wscourse::test::RawClient;

TEST_CASE("a ping sent in the same write as the upgrade request is answered", "[task4]")
{
    const std::string request_then_ping = wscourse::test::upgrade_request("/ws?user=eager")
                                        + wscourse::test::client_frame(0x1, R"({"type":"ping","id":"first"})");
    ChatServer server(lesson_options());
    RawClient raw(server.port());
    raw.send(request_then_ping);  // one write: often one packet, read by the front in one go
    REQUIRE(raw.read_http_head().rfind("HTTP/1.1 101", 0) == 0);

    // The welcome comes first; then, among the presence messages, the pong.
    auto welcome = json::parse(raw.read_frame().payload);
    CHECK(welcome["type"] == "welcome");
    for (;;) {
        auto frame = raw.read_frame();  // throws on a timeout: the ping was lost
        REQUIRE(frame.opcode == 0x1);
        auto message = json::parse(frame.payload);
        if (message["type"] == "pong") {
            CHECK(message["id"] == "first");
            break;
        }
    }
}
