// Task 3: the bound. A client that stops reading fills its queue; past the limit it is
// disconnected with 1008 and its queue freed, while everybody else keeps receiving at full
// speed.
#include "helpers.hpp"

#include <algorithm>

using namespace lesson03::test;

namespace {

// A client that stops reading: the server's kernel buffers for it fill (up to a few MiB
// on loopback: tcp_wmem), then its queue, then the bound.
std::unique_ptr<WsClient> join_slow(ChatServer& server, std::size_t online)
{
    return join(server, "slow", online);
}

std::string big_message(int i, std::size_t size)
{
    auto text = "#" + std::to_string(i) + " ";
    return text + std::string(size - text.size(), char('a' + i % 26));
}

// ana sends `size`-byte messages, and ana and the others read each one before the next
// (so their queues stay short), until the server has dropped the slow client, and then
// `after` more. Then ana sends "over" and everyone reads up to it. Returns the notices each
// reader saw on the way (ana's last).
std::vector<std::vector<std::string>> talk_until_slow_is_dropped(
    ChatServer& server, WsClient& ana, std::vector<WsClient*> readers, std::size_t size, int after)
{
    readers.push_back(&ana);
    const int max_messages = static_cast<int>(20 * 1024 * 1024 / size);
    std::vector<std::vector<std::string>> notices(readers.size());
    int dropped_at = -1;
    for (int sent = 0; sent < max_messages && (dropped_at < 0 || sent < dropped_at + after); ++sent) {
        auto text = big_message(sent, size);
        ana.send_text(text);
        for (std::size_t r = 0; r < readers.size(); ++r)  // nobody waits for the slow one
            REQUIRE(read_chat(*readers[r], &notices[r]) == "ana: " + text);
        if (dropped_at < 0 && server.call([](lesson03::Server& s) { return s.slow_consumer_count(); }) == 1)
            dropped_at = sent;
    }
    REQUIRE(dropped_at >= 0);  // 20 MiB went by and the slow client is still there
    return notices;
}

bool contains(const std::vector<std::string>& lines, const std::string& line)
{
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

}  // namespace

TEST_CASE("a client that stops reading is disconnected at the bound while the others keep receiving", "[task3]")
{
    lesson03::Limits limits;
    limits.max_queued_bytes = 256 * 1024;
    limits.close_timeout = std::chrono::milliseconds(200);
    auto options = lesson_options();
    options.max_message_bytes = 64 * 1024;
    ChatServer server(options, limits);
    auto ana = join(server, "ana", 1);
    auto ben = join(server, "ben", 2);
    auto slow = join_slow(server, 3);
    REQUIRE(ana->read_text() == "* ben joined (2 online)");
    REQUIRE(ana->read_text() == "* slow joined (3 online)");
    REQUIRE(ben->read_text() == "* slow joined (3 online)");

    auto notices = talk_until_slow_is_dropped(server, *ana, {ben.get()}, 32 * 1024, 20);

    // The close frame is stuck behind a write the slow client never lets finish: after
    // close_timeout the server cuts TCP, the session ends, and the others are told.
    CHECK(eventually(server, [](lesson03::Server& s) { return s.room_size() == 2 && s.session_count() == 2; }));
    ana->send_text("over");
    CHECK(read_chat(*ben, &notices[0]) == "ana: over");
    CHECK(read_chat(*ana, &notices[1]) == "ana: over");
    CHECK(contains(notices[0], "* slow left (2 online)"));
    CHECK(contains(notices[1], "* slow left (2 online)"));
    CHECK(errors_logged(server) == 0);

    // Reading now, the slow client gets what its own kernel buffer held, then the reset
    // (the close frame never made it out). Either way it ends, at once.
    auto ended = slow->read_until_closed();
    INFO(ended.message());
    CHECK((ended != websocket::error::closed
           || slow->close_reason().code == websocket::close_code::policy_error));

    ana->send_text("the room still works");
    CHECK(read_chat(*ben) == "ana: the room still works");
}

TEST_CASE("the slow client gets close 1008 \"too slow: send queue full\" when it reads again", "[task3]")
{
    lesson03::Limits limits;
    limits.max_queued_bytes = 256 * 1024;
    limits.close_timeout = std::chrono::seconds(10);  // time for the client to read again
    ChatServer server(lesson_options(), limits);
    auto ana = join(server, "ana", 1);
    auto slow = join_slow(server, 2);
    REQUIRE(ana->read_text() == "* slow joined (2 online)");

    talk_until_slow_is_dropped(server, *ana, {}, 32 * 1024, 5);
    CHECK(room_size(server) == 2);  // still closing: it leaves once the handshake is done

    // It reads what was already on its way (the queue itself is gone), then the close frame.
    CHECK(slow->read_until_closed() == websocket::error::closed);
    CHECK(slow->close_reason().code == websocket::close_code::policy_error);
    CHECK(std::string(slow->close_reason().reason.c_str()) == "too slow: send queue full");
    CHECK(read_until(*ana, "* slow left (1 online)"));
    CHECK(errors_logged(server) == 0);
}

TEST_CASE("the bound counts messages too", "[task3]")
{
    lesson03::Limits limits;
    limits.max_queued_messages = 8;
    limits.close_timeout = std::chrono::milliseconds(200);
    ChatServer server(lesson_options(), limits);
    auto ana = join(server, "ana", 1);
    auto slow = join_slow(server, 2);
    REQUIRE(ana->read_text() == "* slow joined (2 online)");

    auto notices = talk_until_slow_is_dropped(server, *ana, {}, 16 * 1024, 3);
    CHECK((contains(notices[0], "* slow left (1 online)") || read_until(*ana, "* slow left (1 online)")));
    CHECK(server.call([](lesson03::Server& s) { return s.slow_consumer_count(); }) == 1);
}
