// Frames against the real server: what it decodes, what it answers, and how it fails a
// connection. RawClient sends frames no library would (unmasked, RSV bits...); it does not
// check Sec-WebSocket-Accept, so these tests need tasks 3 and 4 but not task 2.
#include "frame_header.hpp"
#include "printers.hpp"
#include "server.hpp"

#include <wscourse/testkit.hpp>

#include <catch2/catch.hpp>

using namespace wscourse::test;
using namespace std::string_literals;
using Server = ServerThread<lesson01::Server>;

namespace {
constexpr unsigned text = 0x1, binary = 0x2, continuation = 0x0, close_op = 0x8, ping = 0x9;

// The server's answer to one message: a text frame describing it.
std::string read_answer(RawClient& client)
{
    auto frame = client.read_frame();
    REQUIRE(frame.opcode == text);
    REQUIRE(frame.fin);
    CHECK_FALSE(frame.masked);  // servers never mask
    return frame.payload;
}

// The server fails the connection: a close frame with `code`, then the TCP connection ends.
void expect_close(RawClient& client, unsigned code)
{
    auto frame = client.read_frame();
    REQUIRE(frame.opcode == close_op);
    CHECK(frame.close_code() == code);
    CHECK(frame.payload.size() <= 125);
    CHECK(client.closed_by_server());
}

// The server reads frames with your parse_frame_header() and unmask(). If they get the RFC's
// own example wrong, stop at once with a pointer to the unit tests, instead of waiting for a
// server that cannot read a frame until the test's deadline.
void require_task3()
{
    const std::vector<std::uint8_t> hello = {0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d,
                                             0x7f, 0x9f, 0x4d, 0x51, 0x58};
    auto header = lesson01::parse_frame_header(hello);
    INFO("parse_frame_header() does not decode RFC 6455's 'Hello' frame yet: "
         "see the unit tests of task 3 first");
    REQUIRE(header);
    REQUIRE(header->payload_length == 5);
    REQUIRE(header->header_size == 6);
}

void require_task4()
{
    require_task3();
    std::vector<std::uint8_t> payload = {0x7f, 0x9f, 0x4d, 0x51, 0x58};
    lesson01::unmask(payload, {0x37, 0xfa, 0x21, 0x3d});
    INFO("unmask() does not unmask RFC 6455's 'Hello' yet: see the unit tests of task 4 first");
    REQUIRE_THAT(payload, BytesEqual("Hello"));
}

std::string bytes(std::size_t n)
{
    std::string out(n, '\0');
    for (std::size_t i = 0; i < n; ++i)
        out[i] = static_cast<char>(i);
    return out;
}
}  // namespace

// ---- task 3: the header is decoded ----

TEST_CASE("the answer shows each length encoding", "[task3]")
{
    require_task3();
    Server server(loopback_options(WSCOURSE_WEB_DIR));
    RawClient client(server.port());
    client.handshake("/");

    client.send(client_frame(binary, bytes(5)));
    auto answer = read_answer(client);
    CHECK_THAT(answer, Catch::Contains("binary message of 5 bytes came in 1 frame"));
    CHECK_THAT(answer, Catch::Contains("FIN=1 RSV1=0 RSV2=0 RSV3=0 opcode=0x2 (binary)"));
    CHECK_THAT(answer, Catch::Contains("MASK=1 length=5 (7-bit length)"));
    CHECK_THAT(answer, Catch::Contains("mask key   37 fa 21 3d"));

    client.send(client_frame(binary, bytes(0)));
    CHECK_THAT(read_answer(client), Catch::Contains("length=0 (7-bit length)"));

    client.send(client_frame(binary, bytes(125)));
    CHECK_THAT(read_answer(client), Catch::Contains("length=125 (7-bit length)"));

    client.send(client_frame(binary, bytes(126)));
    answer = read_answer(client);
    CHECK_THAT(answer, Catch::Contains("length field=126: a 16-bit length follows"));
    CHECK_THAT(answer, Catch::Contains("bytes 2-3  00 7e  length=126 (16-bit length)"));

    client.send(client_frame(binary, bytes(65535)));
    CHECK_THAT(read_answer(client), Catch::Contains("ff ff  length=65535 (16-bit length)"));

    client.send(client_frame(binary, bytes(65536)));
    answer = read_answer(client);
    CHECK_THAT(answer, Catch::Contains("length field=127: a 64-bit length follows"));
    CHECK_THAT(answer,
               Catch::Contains("bytes 2-9  00 00 00 00 00 01 00 00  length=65536 (64-bit length)"));
    CHECK_THAT(answer, Catch::Contains("… (65504 more bytes)"));  // long payloads are cut
}

TEST_CASE("the first answer shows the handshake and the accept computation", "[task3]")
{
    require_task3();
    Server server(loopback_options(WSCOURSE_WEB_DIR));
    RawClient client(server.port());
    client.handshake("/chat");

    client.send(client_frame(binary, "x"));
    auto first = read_answer(client);
    CHECK_THAT(first, Catch::Contains("GET /chat HTTP/1.1"));
    CHECK_THAT(first, Catch::Contains("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="));
    CHECK_THAT(first, Catch::Contains("dGhlIHNhbXBsZSBub25jZQ==258EAFA5-E914-47DA-95CA-C5AB0DC85B11"));
    CHECK_THAT(first, Catch::Contains("b3 7a 4f 2c c0 62 4f 16 90 f6 46 06 cf 38 59 45 b2 be c4 ea"));
    CHECK_THAT(first, Catch::Contains("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));

    client.send(client_frame(binary, "y"));
    auto second = read_answer(client);
    CHECK_THAT(second, !Catch::Contains("Sec-WebSocket-Key"));
    CHECK_THAT(second, Catch::Contains("binary message of 1 byte"));
}

TEST_CASE("protocol violations close with 1002", "[task3]")
{
    require_task3();
    Server server(loopback_options(WSCOURSE_WEB_DIR));
    struct Case {
        const char* what;
        std::string bytes;
    };
    const Case cases[] = {
        {"an unmasked frame", client_frame(text, "hi", true, false)},
        {"RSV1 set", client_frame(text, "hi", true, true, 4)},
        {"RSV3 set", client_frame(binary, "hi", true, true, 1)},
        {"reserved data opcode 3", client_frame(3, "hi")},
        {"reserved control opcode 0xB", client_frame(0xb, "hi")},
        {"a ping of 126 bytes", client_frame(ping, std::string(126, 'p'))},
        {"a fragmented ping", client_frame(ping, "p", false)},
        {"a continuation with nothing to continue", client_frame(continuation, "hi")},
        {"a new message inside a fragmented one",
         client_frame(text, "a", false) + client_frame(text, "b")},
        {"a close payload of 1 byte", client_frame(close_op, "x")},
        {"a 16-bit length for 5 bytes", "\x82\xfe\x00\x05" "abcd" "hello"s},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        RawClient client(server.port());
        client.handshake("/");
        client.send(c.bytes);
        expect_close(client, 1002);
    }
}

TEST_CASE("a message over the size limit closes with 1009", "[task3]")
{
    require_task3();
    auto options = loopback_options(WSCOURSE_WEB_DIR);
    options.max_message_bytes = 1000;
    Server server(options);
    {
        RawClient client(server.port());
        client.handshake("/");
        client.send(client_frame(binary, bytes(1000)));  // exactly the limit: fine
        CHECK_THAT(read_answer(client), Catch::Contains("length=1000"));
        client.send(client_frame(binary, bytes(1001)));
        expect_close(client, 1009);
    }
    {
        // In fragments, it is the whole message that counts.
        RawClient client(server.port());
        client.handshake("/");
        client.send(client_frame(binary, bytes(600), false));
        client.send(client_frame(continuation, bytes(600)));
        expect_close(client, 1009);
    }
}

// ---- task 4: payloads are unmasked ----

TEST_CASE("a text message is answered with its decoded frame", "[task4]")
{
    require_task4();
    Server server(loopback_options(WSCOURSE_WEB_DIR));
    WsClient client(server.port(), "/");
    client.send_text("Hello");
    auto answer = client.read_text();
    CHECK_THAT(answer, Catch::Contains("The handshake that opened this connection"));
    CHECK_THAT(answer, Catch::Contains("text message of 5 bytes came in 1 frame"));
    CHECK_THAT(answer, Catch::Contains("opcode=0x1 (text)"));
    CHECK_THAT(answer, Catch::Contains("MASK=1 length=5 (7-bit length)"));
    CHECK_THAT(answer, Catch::Contains("unmasked   48 65 6c 6c 6f"));
    CHECK_THAT(answer, Catch::Contains("as text: \"Hello\""));

    client.send_text("Grüße, 世界");  // UTF-8: 15 bytes
    answer = client.read_text();
    CHECK_THAT(answer, !Catch::Contains("The handshake"));
    CHECK_THAT(answer, Catch::Contains("text message of 15 bytes"));
    CHECK_THAT(answer, Catch::Contains("as text: \"Grüße, 世界\""));
    client.close();
}

TEST_CASE("the masked bytes are the unmasked ones XOR the key", "[task4]")
{
    require_task4();
    Server server(loopback_options(WSCOURSE_WEB_DIR));
    RawClient client(server.port());
    client.handshake("/");
    client.send(client_frame(text, "Hello", true, true, 0, {0x37, 0xfa, 0x21, 0x3d}));
    auto answer = read_answer(client);
    // RFC 6455 §5.7's example frame.
    CHECK_THAT(answer, Catch::Contains("masked     7f 9f 4d 51 58"));
    CHECK_THAT(answer, Catch::Contains("unmasked   48 65 6c 6c 6f"));
}

TEST_CASE("a ping is answered with a pong carrying the same payload", "[task4]")
{
    require_task4();
    Server server(loopback_options(WSCOURSE_WEB_DIR));
    WsClient client(server.port(), "/");
    client.ping("are you there?");
    client.send_text("after the ping");
    client.read_text();  // the pong came before this answer, and Beast recorded it
    CHECK(client.pongs() == std::vector<std::string>{"are you there?"});
    client.close();
}

TEST_CASE("a binary message is answered with a description too", "[task4]")
{
    require_task4();
    Server server(loopback_options(WSCOURSE_WEB_DIR));
    WsClient client(server.port(), "/");
    client.send_binary(bytes(10));
    auto answer = client.read_text();
    CHECK_THAT(answer, Catch::Contains("binary message of 10 bytes"));
    CHECK_THAT(answer, Catch::Contains("unmasked   00 01 02 03 04 05 06 07 08 09"));
    CHECK_THAT(answer, !Catch::Contains("as text"));
    client.close();
}

TEST_CASE("a fragmented message is reassembled, with a ping between fragments", "[task4]")
{
    require_task4();
    Server server(loopback_options(WSCOURSE_WEB_DIR));
    RawClient client(server.port());
    client.handshake("/");
    client.send(client_frame(text, "Hel", false));
    client.send(client_frame(ping, "beat"));
    client.send(client_frame(continuation, "l", false));
    client.send(client_frame(continuation, "o", true));

    auto pong = client.read_frame();  // answered at once, in the middle of the message
    CHECK(pong.opcode == 0xa);
    CHECK(pong.payload == "beat");

    auto answer = read_answer(client);
    CHECK_THAT(answer, Catch::Contains("text message of 5 bytes came in 3 frames"));
    CHECK_THAT(answer, Catch::Contains("FIN=0 RSV1=0 RSV2=0 RSV3=0 opcode=0x1 (text)"));
    CHECK_THAT(answer, Catch::Contains("FIN=1 RSV1=0 RSV2=0 RSV3=0 opcode=0x0 (continuation)"));
    CHECK_THAT(answer, Catch::Contains("as text: \"Hello\""));
}

TEST_CASE("a close is echoed with the same code, then the server hangs up", "[task4]")
{
    require_task4();
    Server server(loopback_options(WSCOURSE_WEB_DIR));
    {
        WsClient client(server.port(), "/");
        client.close(websocket::close_code::normal);
        CHECK(client.close_reason().code == 1000);
    }
    {
        RawClient client(server.port());
        client.handshake("/");
        client.send(client_frame(close_op, close_payload(4000, "bye")));
        expect_close(client, 4000);
    }
    {
        RawClient client(server.port());
        client.handshake("/");
        client.send(client_frame(close_op, ""));  // no code at all: echo an empty close
        auto frame = client.read_frame();
        CHECK(frame.opcode == close_op);
        CHECK(frame.payload.empty());
        CHECK(client.closed_by_server());
    }
}

TEST_CASE("an invalid close code closes with 1002", "[task4]")
{
    require_task4();
    Server server(loopback_options(WSCOURSE_WEB_DIR));
    for (unsigned code : {999u, 1004u, 1005u, 1006u, 2999u, 5000u}) {
        INFO("close code " << code);
        RawClient client(server.port());
        client.handshake("/");
        client.send(client_frame(close_op, close_payload(code)));
        expect_close(client, 1002);
    }
}

TEST_CASE("invalid UTF-8 closes with 1007", "[task4]")
{
    require_task4();
    Server server(loopback_options(WSCOURSE_WEB_DIR));
    for (std::string bad : {std::string("\xff"), std::string("caf\xc3"), std::string("\xc0\xaf"),
                            std::string("\xed\xa0\x80")}) {
        RawClient client(server.port());
        client.handshake("/");
        client.send(client_frame(text, bad));
        expect_close(client, 1007);
    }
    {
        // Split between fragments: each fragment alone is not whole UTF-8, the message is.
        RawClient client(server.port());
        client.handshake("/");
        client.send(client_frame(text, "caf\xc3", false));
        client.send(client_frame(continuation, "\xa9"));
        CHECK_THAT(read_answer(client), Catch::Contains("as text: \"café\""));
    }
    {
        RawClient client(server.port());
        client.handshake("/");
        client.send(client_frame(close_op, close_payload(1000, "\xff")));
        expect_close(client, 1007);
    }
}
