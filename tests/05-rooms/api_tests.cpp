// The REST side: listings that agree with the WebSocket state, and announcements.
#include "helpers.hpp"

using namespace lesson05::test;
using wscourse::test::http_request;

namespace {

http::response<http::string_body> post_broadcast(unsigned short port, const std::string& body,
                                                 std::vector<std::pair<std::string, std::string>> headers =
                                                     {{"Content-Type", "application/json"}})
{
    return http_request(port, http::verb::post, "/api/broadcast", body, std::move(headers));
}

wscourse::HttpRequest broadcast_request(const std::string& body, const std::string& content_type = "application/json")
{
    wscourse::HttpRequest request{http::verb::post, "/api/broadcast", 11};
    request.set(http::field::host, "127.0.0.1:8080");
    request.set(http::field::content_type, content_type);
    request.body() = body;
    request.prepare_payload();
    return request;
}

tcp::endpoint from(const char* address) { return {net::ip::make_address(address), 50000}; }

}  // namespace

TEST_CASE("GET /api/rooms lists the rooms with their members, by name", "[task3]")
{
    RoomsServer server(lesson_options());
    CHECK(get_json(server.port(), "/api/rooms") == json::array());
    ChatClient ana1(server.port(), "ana"), ana2(server.port(), "ana"), ben(server.port(), "ben");
    ana1.join("lobby");
    ana2.join("lobby");
    ana2.join("dev");
    ben.join("lobby");
    auto rooms = get_json(server.port(), "/api/rooms");
    CHECK(rooms == json::parse(R"([{"name":"dev","members":1,"connections":1},
                                   {"name":"lobby","members":2,"connections":3}])"));
    auto stats = get_json(server.port(), "/api/stats");
    CHECK(stats["connections"] == 3);
    CHECK(stats["unique_users"] == 2);
    CHECK(stats["rooms"] == 2);
}

TEST_CASE("GET /api/rooms follows leaves: an emptied room is gone", "[task3]")
{
    RoomsServer server(lesson_options());
    ChatClient ana(server.port(), "ana"), ben(server.port(), "ben");
    ana.join("lobby");
    ana.join("quiet");
    ben.join("lobby");
    REQUIRE(get_json(server.port(), "/api/rooms").size() == 2);
    only(ana.leave("quiet"), "room_left");
    only(ana.leave("lobby"), "room_left");
    CHECK(get_json(server.port(), "/api/rooms")
          == json::parse(R"([{"name":"lobby","members":1,"connections":1}])"));
}

TEST_CASE("GET /api/users lists each user with their connections", "[task4]")
{
    RoomsServer server(lesson_options());
    CHECK(get_json(server.port(), "/api/users") == json::array());
    std::optional<ChatClient> ben1;
    ChatClient ana(server.port(), "ana");
    ben1.emplace(server.port(), "ben");
    ChatClient ben2(server.port(), "ben");
    CHECK(get_json(server.port(), "/api/users")
          == json::parse(R"([{"user":"ana","connections":1},{"user":"ben","connections":2}])"));
    // Agrees with what a private message finds.
    CHECK(only(ana.exchange({{"type", "private_message"}, {"to", "ben"}, {"text", "hi"}}),
               "private_sent")["delivered"] == 2);

    ben1->ws.close();
    ben1.reset();
    CHECK(eventually(server, [](lesson05::Server& s) { return s.manager().stats().connections == 2; }));
    CHECK(get_json(server.port(), "/api/users")
          == json::parse(R"([{"user":"ana","connections":1},{"user":"ben","connections":1}])"));
    CHECK(only(ana.exchange({{"type", "private_message"}, {"to", "ben"}, {"text", "hi"}}),
               "private_sent")["delivered"] == 1);
}

TEST_CASE("GET /health answers ok, and API paths only answer their method", "[task4]")
{
    RoomsServer server(lesson_options());
    CHECK(get_json(server.port(), "/health") == json{{"status", "ok"}});
    auto post = http_request(server.port(), http::verb::post, "/api/rooms", "{}");
    CHECK(post.result() == http::status::method_not_allowed);
    CHECK(post[http::field::allow] == "GET");
    auto get = wscourse::test::http_get(server.port(), "/api/broadcast");
    CHECK(get.result() == http::status::method_not_allowed);
    CHECK(get[http::field::allow] == "POST");
    CHECK(wscourse::test::http_get(server.port(), "/").result() == http::status::ok);
}

TEST_CASE("POST /api/broadcast from this machine reaches everyone, in a room or not", "[task4]")
{
    RoomsServer server(lesson_options());
    ChatClient ana(server.port(), "ana"), ben(server.port(), "ben"), cleo(server.port(), "cleo");
    ana.join("lobby");
    auto response = post_broadcast(server.port(), R"({"text":"class ends in 5 minutes"})");
    REQUIRE(response.result() == http::status::ok);
    CHECK(json::parse(response.body())["delivered"] == 3);
    for (auto* client : {&ana, &ben, &cleo}) {
        auto announcement = only(client->sync(), "announcement");
        CHECK(announcement["text"] == "class ends in 5 minutes");
        CHECK(announcement["timestamp"].get<std::string>().size() == 24);
    }
}

TEST_CASE("POST /api/broadcast refuses a bad body with 400 and sends nothing", "[task4]")
{
    RoomsServer server(lesson_options());
    ChatClient ana(server.port(), "ana");
    for (std::string body : std::vector<std::string>{"", "not json", "[1]", "{}", R"({"text":5})", R"({"text":""})",
                             R"({"text":")" + std::string(2001, 'x') + "\"}"}) {
        INFO(body.substr(0, 40));
        auto response = post_broadcast(server.port(), body);
        CHECK(response.result() == http::status::bad_request);
        CHECK(json::parse(response.body()).contains("error"));
    }
    auto text_plain = post_broadcast(server.port(), R"({"text":"hi"})", {{"Content-Type", "text/plain"}});
    CHECK(text_plain.result() == http::status::unsupported_media_type);
    auto foreign_page = post_broadcast(server.port(), R"({"text":"hi"})",
                                       {{"Content-Type", "application/json"}, {"Origin", "http://evil.example"}});
    CHECK(foreign_page.result() == http::status::forbidden);
    CHECK(of_type(ana.sync(), "announcement").empty());
}

TEST_CASE("POST /api/broadcast is for loopback only: 403 from any other address", "[task4]")
{
    OfflineChat offline;
    auto& chat = offline.chat;
    auto listener = offline.connect("ana").outbox;

    for (const char* address : {"192.168.1.20", "10.0.0.7", "8.8.8.8", "fe80::1", "::ffff:192.168.1.20"}) {
        INFO(address);
        auto response = lesson05::api_route(chat, broadcast_request(R"({"text":"hi"})"), from(address));
        REQUIRE(response);
        CHECK(response->result() == http::status::forbidden);
    }
    CHECK(listener->take().empty());

    for (const char* address : {"127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"}) {
        INFO(address);
        auto response = lesson05::api_route(chat, broadcast_request(R"({"text":"hi"})"), from(address));
        REQUIRE(response);
        CHECK(response->result() == http::status::ok);
    }
    CHECK(of_type(listener->take(), "announcement").size() == 4);

    // A page in a browser on this machine is on loopback too; its Origin gives it away.
    auto request = broadcast_request(R"({"text":"hi"})");
    request.set(http::field::origin, "http://attacker.example:8080");
    CHECK(lesson05::api_route(chat, request, from("127.0.0.1"))->result() == http::status::forbidden);
    request.set(http::field::origin, "http://127.0.0.1:8080");
    CHECK(lesson05::api_route(chat, request, from("127.0.0.1"))->result() == http::status::ok);
    request.set(http::field::origin, "http://localhost.attacker.example");
    CHECK(lesson05::api_route(chat, request, from("127.0.0.1"))->result() == http::status::forbidden);
}

TEST_CASE("other paths are not the API's: the front serves files", "[task4]")
{
    OfflineChat offline;
    auto& chat = offline.chat;
    wscourse::HttpRequest request{http::verb::get, "/index.html", 11};
    CHECK_FALSE(lesson05::api_route(chat, request, from("127.0.0.1")));
    request.target("/api/rooms?x=1");
    CHECK(lesson05::api_route(chat, request, from("127.0.0.1")));
}
