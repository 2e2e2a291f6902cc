// Bad input over a real connection: every kind of malformed message gets an error reply, and
// the connection stays open and keeps working.
#include "helpers.hpp"

using namespace lesson04::test;

TEST_CASE("each kind of malformed message is answered with error, and the connection stays open", "[task4]")
{
    ChatServer server(lesson_options());
    Chatter ana(server.port(), "ana");
    Chatter ben(server.port(), "ben");
    await_presence(ana.client, "joined", "ben");

    const std::pair<std::string, std::string> cases[] = {
        {"hello", "invalid_json"},
        {R"({"type":"message","text":"unterminated)", "invalid_json"},
        {R"(["message","hi"])", "not_an_object"},
        {R"("ping")", "not_an_object"},
        {R"({"text":"no type"})", "missing_field"},
        {R"({"type":"message"})", "missing_field"},
        {R"({"type":7})", "wrong_type"},
        {R"({"type":"message","text":["a"]})", "wrong_type"},
        {R"({"type":"ping","id":{"x":1}})", "wrong_type"},
        {R"({"type":"shout","text":"HI"})", "unknown_type"},
        {R"({"type":"message","text":"   "})", "empty_text"},
        {json{{"type", "message"}, {"text", std::string(2001, 'x')}}.dump(), "text_too_long"},
    };
    for (const auto& [text, code] : cases) {
        INFO(text);
        ana.client.send_text(text);
        auto reply = expect(ana.client, "error");
        CHECK(reply["code"] == code);
        CHECK_FALSE(reply["text"].get<std::string>().empty());
    }

    // Still connected, still working, and ben never saw any of it.
    ana.client.send_text(R"({"type":"message","text":"all good"})");
    CHECK(expect(ana.client, "message")["text"] == "all good");
    CHECK(expect(ben.client, "message")["text"] == "all good");
    CHECK(server.call([](lesson04::Server& s) { return s.session_count(); }) == 2);
    CHECK(errors_logged(server) == 0);  // the client's mistakes are not server errors
}

TEST_CASE("a binary frame is answered with error unsupported, and the connection stays open", "[task4]")
{
    ChatServer server(lesson_options());
    Chatter ana(server.port(), "ana");
    ana.client.send_binary(R"({"type":"ping"})");
    CHECK(expect(ana.client, "error")["code"] == "unsupported");
    ana.client.send_text(R"({"type":"ping","id":1})");
    CHECK(expect(ana.client, "pong")["id"] == 1);
}

TEST_CASE("a frame over the size limit gets close 1009 while the others stay", "[task2]")
{
    ChatServer server(lesson_options());
    Chatter ana(server.port(), "ana");
    Chatter ben(server.port(), "ben");
    await_presence(ana.client, "joined", "ben");
    ben.client.send_text(std::string(lesson04::default_max_message_bytes + 1, 'x'));
    CHECK(ben.client.read_until_closed() == websocket::error::closed);
    CHECK(ben.client.close_reason().code == websocket::close_code::too_big);
    await_presence(ana.client, "left", "ben");
}
