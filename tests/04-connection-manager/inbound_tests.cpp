// Tasks 3 and 4: validating a client's message (parse_inbound) and acting on it
// (handle_inbound), with a real ConnectionManager and fake Outboxes: no sockets.
#include "helpers.hpp"

#include <regex>

using namespace lesson04::test;
using lesson04::ChatText;
using lesson04::Inbound;
using lesson04::Ping;
using lesson04::ProtocolError;

namespace {

std::string error_code_of(std::string_view text)
{
    auto parsed = lesson04::parse_inbound(text);
    auto* problem = std::get_if<ProtocolError>(&parsed);
    if (!problem)
        return "(accepted)";
    CHECK_FALSE(problem->text.empty());  // every error says what was wrong
    return problem->code;
}

Inbound accepted(std::string_view text)
{
    auto parsed = lesson04::parse_inbound(text);
    INFO(text);
    if (auto* problem = std::get_if<ProtocolError>(&parsed))
        FAIL("refused with " << problem->code << ": " << problem->text);
    return std::get<Inbound>(parsed);
}

}  // namespace

TEST_CASE("a chat message is accepted with its text", "[task3]")
{
    auto inbound = accepted(R"({"type":"message","text":"hello, ben"})");
    REQUIRE(std::holds_alternative<ChatText>(inbound));
    CHECK(std::get<ChatText>(inbound).text == "hello, ben");

    // Unknown extra fields are ignored; escapes and any Unicode are fine.
    inbound = accepted(R"({"text":"ol\u00e1 \"ana\" 👋","type":"message","extra":[1,2]})");
    CHECK(std::get<ChatText>(inbound).text == "olá \"ana\" 👋");
}

TEST_CASE("a ping is accepted, with or without an id", "[task3]")
{
    auto inbound = accepted(R"({"type":"ping"})");
    REQUIRE(std::holds_alternative<Ping>(inbound));
    CHECK(std::get<Ping>(inbound).id.is_null());

    CHECK(std::get<Ping>(accepted(R"({"type":"ping","id":7})")).id == 7);
    CHECK(std::get<Ping>(accepted(R"({"type":"ping","id":"abc"})")).id == "abc");
}

TEST_CASE("text that is not JSON is invalid_json", "[task3]")
{
    for (std::string_view text : {"hello", "{\"type\":\"message\"", "", "{'type':'ping'}", "[1,2,",
                                  "{\"type\":\"ping\"} trailing"}) {
        INFO(text);
        CHECK(error_code_of(text) == "invalid_json");
    }
}

TEST_CASE("JSON that is not an object is not_an_object", "[task3]")
{
    for (std::string_view text : {"[]", "[{\"type\":\"ping\"}]", "\"ping\"", "42", "null", "true"}) {
        INFO(text);
        CHECK(error_code_of(text) == "not_an_object");
    }
}

TEST_CASE("a missing type or text is missing_field", "[task3]")
{
    CHECK(error_code_of("{}") == "missing_field");
    CHECK(error_code_of(R"({"text":"hi"})") == "missing_field");
    CHECK(error_code_of(R"({"type":"message"})") == "missing_field");
    CHECK(error_code_of(R"({"type":"message","txt":"hi"})") == "missing_field");
}

TEST_CASE("a field of the wrong JSON type is wrong_type", "[task3]")
{
    CHECK(error_code_of(R"({"type":5})") == "wrong_type");
    CHECK(error_code_of(R"({"type":null})") == "wrong_type");
    CHECK(error_code_of(R"({"type":["message"]})") == "wrong_type");
    CHECK(error_code_of(R"({"type":"message","text":42})") == "wrong_type");
    CHECK(error_code_of(R"({"type":"message","text":{"a":1}})") == "wrong_type");
    CHECK(error_code_of(R"({"type":"message","text":null})") == "wrong_type");
    CHECK(error_code_of(R"({"type":"ping","id":{"a":1}})") == "wrong_type");
    CHECK(error_code_of(R"({"type":"ping","id":[1]})") == "wrong_type");
}

TEST_CASE("a type the server does not know is unknown_type", "[task3]")
{
    CHECK(error_code_of(R"({"type":"dance"})") == "unknown_type");
    CHECK(error_code_of(R"({"type":""})") == "unknown_type");
    CHECK(error_code_of(R"({"type":"MESSAGE","text":"hi"})") == "unknown_type");  // case matters
    CHECK(error_code_of(R"({"type":"welcome"})") == "unknown_type");  // a server message
}

TEST_CASE("an empty text is empty_text", "[task3]")
{
    CHECK(error_code_of(R"({"type":"message","text":""})") == "empty_text");
    CHECK(error_code_of(R"({"type":"message","text":"  \n\t "})") == "empty_text");
}

TEST_CASE("text longer than 2000 characters is text_too_long, counting characters, not bytes", "[task3]")
{
    auto message = [](const std::string& text) { return json{{"type", "message"}, {"text", text}}.dump(); };
    CHECK(error_code_of(message(std::string(2000, 'a'))) == "(accepted)");
    CHECK(error_code_of(message(std::string(2001, 'a'))) == "text_too_long");

    std::string accents;  // 2000 two-byte characters: 4000 bytes, still 2000 characters
    for (int i = 0; i < 2000; ++i)
        accents += "é";
    CHECK(error_code_of(message(accents)) == "(accepted)");
    CHECK(error_code_of(message(accents + "é")) == "text_too_long");
}

TEST_CASE("parse_inbound never throws, whatever the bytes", "[task3]")
{
    const std::string nasty[] = {
        std::string("\xff\xfe\x00\x01", 4), std::string(100000, '['), "{\"type\":\"message\",\"text\":\"\xc3\x28\"}",
        "{\"type\":\"\\ud800\"}", "{\"type\":\"message\",\"text\":\"a\",\"type\":\"ping\"}", "1e999999"};
    for (const auto& text : nasty)
        CHECK_NOTHROW(lesson04::parse_inbound(text));
}

namespace {

// Two users, ana with two tabs, each connection with a fake outbox.
struct Room {
    lesson04::ConnectionManager manager;
    std::shared_ptr<FakeOutbox> ana1 = std::make_shared<FakeOutbox>();
    std::shared_ptr<FakeOutbox> ana2 = std::make_shared<FakeOutbox>();
    std::shared_ptr<FakeOutbox> ben = std::make_shared<FakeOutbox>();
    lesson04::ConnectionInfo ana1_info{manager.add("ana", "127.0.0.1:5001", ana1), "ana", "127.0.0.1:5001"};
    lesson04::ConnectionInfo ana2_info{manager.add("ana", "127.0.0.1:5002", ana2), "ana", "127.0.0.1:5002"};
    lesson04::ConnectionInfo ben_info{manager.add("ben", "127.0.0.1:5003", ben), "ben", "127.0.0.1:5003"};
};

bool is_timestamp(const json& value)
{
    static const std::regex iso("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    return value.is_string() && std::regex_match(value.get<std::string>(), iso);
}

}  // namespace

TEST_CASE("a chat message goes to every connection, the sender's included", "[task4]")
{
    Room room;
    CHECK(lesson04::handle_inbound(room.manager, room.ben_info, R"({"type":"message","text":"hi all"})") == 3);
    for (auto* outbox : {room.ana1.get(), room.ana2.get(), room.ben.get()}) {
        auto messages = outbox->messages();
        REQUIRE(messages.size() == 1);
        CHECK(messages[0]["type"] == "message");
        CHECK(messages[0]["from"] == "ben");  // from the connection's user, not from the JSON
        CHECK(messages[0]["text"] == "hi all");
        CHECK(is_timestamp(messages[0]["timestamp"]));
    }
    CHECK(room.ana1->pointers()[0] == room.ben->pointers()[0]);  // serialized once
}

TEST_CASE("a client cannot choose the sender's name", "[task4]")
{
    Room room;
    lesson04::handle_inbound(room.manager, room.ben_info, R"({"type":"message","text":"hi","from":"ana"})");
    auto messages = room.ana1->messages();
    REQUIRE(messages.size() == 1);
    CHECK(messages[0]["from"] == "ben");
}

TEST_CASE("a ping is answered with a pong to that connection only", "[task4]")
{
    Room room;
    CHECK(lesson04::handle_inbound(room.manager, room.ana2_info, R"({"type":"ping","id":41})") == 1);
    auto messages = room.ana2->messages();
    REQUIRE(messages.size() == 1);
    CHECK(messages[0]["type"] == "pong");
    CHECK(messages[0]["id"] == 41);
    CHECK(is_timestamp(messages[0]["timestamp"]));
    CHECK(room.ana1->count() == 0);  // not even the same user's other tab
    CHECK(room.ben->count() == 0);

    lesson04::handle_inbound(room.manager, room.ben_info, R"({"type":"ping"})");
    auto pongs = room.ben->messages();
    REQUIRE(pongs.size() == 1);
    auto pong = pongs[0];
    CHECK(pong["type"] == "pong");
    CHECK_FALSE(pong.contains("id"));
}

TEST_CASE("a bad message is answered with an error to the sender only", "[task4]")
{
    Room room;
    const std::pair<std::string, std::string> cases[] = {
        {"not json", "invalid_json"},
        {"[1]", "not_an_object"},
        {R"({"type":"message"})", "missing_field"},
        {R"({"type":"message","text":1})", "wrong_type"},
        {R"({"type":"dance"})", "unknown_type"},
        {json{{"type", "message"}, {"text", std::string(2001, 'x')}}.dump(), "text_too_long"},
    };
    for (const auto& [text, code] : cases) {
        INFO(text);
        CHECK(lesson04::handle_inbound(room.manager, room.ana1_info, text) == 1);
        auto replies = room.ana1->messages();
        REQUIRE_FALSE(replies.empty());
        auto reply = replies.back();
        CHECK(reply["type"] == "error");
        CHECK(reply["code"] == code);
        CHECK(reply["text"].is_string());
    }
    CHECK(room.ana1->count() == std::size(cases));
    CHECK(room.ana2->count() == 0);
    CHECK(room.ben->count() == 0);
}
