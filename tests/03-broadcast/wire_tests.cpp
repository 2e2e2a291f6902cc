// The frames the writer builds itself (Session::write_batch), read byte by byte as a client
// sees them: headers as RFC 6455 says, every frame whole, and Beast's own frames (a pong)
// never cut into ours, since both share one socket.
#include "helpers.hpp"

#include <wscourse/chat/frame_header.hpp>

using namespace lesson03::test;
using wscourse::test::RawClient;

namespace {

std::string header_bytes(std::size_t payload_size)
{
    auto header = wscourse::chat::text_frame_header(payload_size);
    return {reinterpret_cast<const char*>(header.bytes.data()), header.size};
}

// The next frame that is not a notice: a chat line or a control frame.
RawClient::Frame next_frame(RawClient& client)
{
    for (;;) {
        auto frame = client.read_frame();
        if (!(frame.opcode == 0x1 && is_notice(frame.payload)))
            return frame;
    }
}

}  // namespace

TEST_CASE("a text frame's header: FIN, opcode 1, no mask, the shortest length", "[task2]")
{
    CHECK(header_bytes(0) == std::string("\x81\x00", 2));
    CHECK(header_bytes(125) == "\x81\x7d");
    CHECK(header_bytes(126) == std::string("\x81\x7e\x00\x7e", 4));
    CHECK(header_bytes(65535) == "\x81\x7e\xff\xff");
    CHECK(header_bytes(65536) == std::string("\x81\x7f\x00\x00\x00\x00\x00\x01\x00\x00", 10));
}

TEST_CASE("a burst arrives as whole frames, and pings are answered in between", "[task2]")
{
    auto options = lesson_options();
    options.max_message_bytes = 128 * 1024;
    ChatServer server(options);
    RawClient raw(server.port());
    REQUIRE(raw.handshake("/ws?name=raw").rfind("HTTP/1.1 101", 0) == 0);
    auto ana = join(server, "ana", 2);

    // Every length form: 7-bit, 16-bit and 64-bit. Pings go out while the burst is being
    // written to us, so Beast's pongs and the writer's batches share the socket.
    auto text_for = [](int i) {
        const std::size_t sizes[] = {10, 200, 70000};
        return std::to_string(i) + ":" + std::string(sizes[i % 3], 'x');
    };
    constexpr int count = 60;
    for (int i = 0; i < count; ++i) {
        ana->send_text(text_for(i));
        if (i % 20 == 10)
            raw.send(wscourse::test::client_frame(0x9, "p" + std::to_string(i)));
    }

    std::vector<std::string> pongs;
    for (int next = 0; next < count;) {
        auto frame = next_frame(raw);
        REQUIRE(frame.fin);
        REQUIRE_FALSE(frame.masked);  // a server never masks
        if (frame.opcode == 0xA) {
            pongs.push_back(frame.payload);
            continue;
        }
        REQUIRE(frame.opcode == 0x1);
        REQUIRE(frame.payload == "ana: " + text_for(next));
        ++next;
    }
    // Any pong not read yet comes after the last message.
    while (pongs.size() < 3) {
        auto frame = next_frame(raw);
        REQUIRE(frame.opcode == 0xA);
        pongs.push_back(frame.payload);
    }
    CHECK(pongs == std::vector<std::string>{"p10", "p30", "p50"});
    CHECK(errors_logged(server) == 0);
}

TEST_CASE("a client that closes during a burst gets no frame after the close frame", "[task2]")
{
    ChatServer server(lesson_options());
    auto client = std::make_unique<RawClient>(server.port());
    auto& raw = *client;
    REQUIRE(raw.handshake("/ws?name=raw").rfind("HTTP/1.1 101", 0) == 0);
    auto ana = join(server, "ana", 2);

    // The burst is on its way to us (some in our socket, some in the server's queue, some
    // in a batch being written) when we close: Beast answers with its close frame, and the
    // writer's next batch must not follow it.
    auto line_for = [](int i) { return "line " + std::to_string(i) + std::string(200, '.'); };
    constexpr int count = 300;
    for (int i = 0; i < count; ++i)
        ana->send_text(line_for(i));
    REQUIRE(next_frame(raw).payload == "ana: " + line_for(0));  // the burst has started to arrive
    raw.send(wscourse::test::client_frame(0x8, wscourse::test::close_payload(1000)));

    // Whatever was on its way before the close frame arrives whole and in order; then the
    // close frame, then nothing.
    int lines_before_close = 1;
    for (;;) {
        auto frame = next_frame(raw);
        if (frame.opcode == 0x8) {
            CHECK(frame.close_code() == 1000);
            break;
        }
        REQUIRE(frame.opcode == 0x1);
        REQUIRE(frame.payload == "ana: " + line_for(lines_before_close));
        ++lines_before_close;
    }
    CHECK(raw.read_until_closed().empty());  // nothing after the close frame, then TCP closes
    CHECK(lines_before_close <= count);
    client.reset();  // our side of TCP: the server's teardown waits for it
    CHECK(eventually(server, [](lesson03::Server& s) { return s.session_count() == 1; }));
    CHECK(errors_logged(server) == 0);
}
