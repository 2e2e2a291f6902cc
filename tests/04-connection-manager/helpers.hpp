// What the lesson 04 tests share: a fake Outbox for the ConnectionManager's unit tests, and
// for the integration tests a server on a loopback port and JSON-speaking clients.
#pragma once

#include "connection_manager.hpp"
#include "protocol.hpp"
#include "server.hpp"

#include <wscourse/testkit.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace lesson04::test {

using json = nlohmann::json;
using ChatServer = wscourse::test::ServerThread<lesson04::Server>;
using wscourse::test::WsClient;

// An Outbox that remembers what it was sent (and the very pointers, to check that a
// broadcast shares one string instead of copying it).
class FakeOutbox : public Outbox {
public:
    void send(std::shared_ptr<const std::string> message) override
    {
        std::lock_guard lock(mutex_);
        received_.push_back(std::move(message));
    }
    std::vector<std::string> texts() const
    {
        std::lock_guard lock(mutex_);
        std::vector<std::string> texts;
        for (const auto& message : received_)
            texts.push_back(*message);
        return texts;
    }
    std::vector<json> messages() const
    {
        std::vector<json> parsed;
        for (const auto& text : texts())
            parsed.push_back(json::parse(text));
        return parsed;
    }
    std::vector<std::shared_ptr<const std::string>> pointers() const
    {
        std::lock_guard lock(mutex_);
        return received_;
    }
    std::size_t count() const
    {
        std::lock_guard lock(mutex_);
        return received_.size();
    }

private:
    mutable std::mutex mutex_;
    std::vector<std::shared_ptr<const std::string>> received_;
};

inline std::shared_ptr<const std::string> text_message(std::string text)
{
    return std::make_shared<const std::string>(std::move(text));
}

// The options `lesson04` runs with, on 127.0.0.1 and a port the OS picks.
inline wscourse::ServerOptions lesson_options()
{
    auto options = wscourse::test::loopback_options(WSCOURSE_WEB_DIR);
    options.max_message_bytes = lesson04::default_max_message_bytes;
    return options;
}

inline json read_json(WsClient& client)
{
    std::string text;
    try {
        text = client.read_text();
    } catch (const boost::system::system_error& e) {
        if (e.code() != websocket::error::closed)
            throw;
        const auto& reason = client.close_reason();
        FAIL("the server closed the connection: " << reason.code << " "
                                                  << std::string(reason.reason.data(), reason.reason.size()));
    }
    auto message = json::parse(text, nullptr, false);
    INFO(text);
    REQUIRE(message.is_object());
    return message;
}

// Reads one message and checks its type. Presence messages come on their own clock (at most
// one per presence interval), so unless the test wants one, they are passed over.
inline json expect(WsClient& client, const std::string& type)
{
    for (;;) {
        auto message = read_json(client);
        if (type != "presence" && message.value("type", "") == "presence")
            continue;
        INFO(message.dump());
        REQUIRE(message.value("type", "") == type);
        return message;
    }
}

// Reads presence messages until one names `user` in its `list` ("joined" or "left"); fails on
// any other message. Returns how many presence messages that took.
inline std::size_t await_presence(WsClient& client, const std::string& list, const std::string& user)
{
    for (std::size_t count = 1;; ++count) {
        auto message = expect(client, "presence");
        INFO(message.dump());
        REQUIRE(message[list].is_array());
        for (const auto& name : message[list])
            if (name == user)
                return count;
    }
}

// A connected user: the client, and what its welcome said. Reads what every new connection
// gets: the welcome, then connections{count} (count = the user's connections, this one included).
struct Chatter {
    Chatter(unsigned short port, const std::string& user, std::size_t tabs = 1)
        : client(port, "/ws?user=" + user)
    {
        welcome = expect(client, "welcome");
        CHECK(expect(client, "connections")["count"] == tabs);
    }
    WsClient client;
    json welcome;
    std::string id() const { return welcome["connection_id"]; }
};

// Waits until holds(server) is true on the server's own thread, without sleeping: each check
// is a round trip to that thread. False if it still is not after the test kit's deadline.
template <class Predicate>
bool eventually(ChatServer& server, Predicate holds)
{
    auto deadline = std::chrono::steady_clock::now() + wscourse::test::default_timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (server.call([&](lesson04::Server& s) { return holds(s); }))
            return true;
        std::this_thread::yield();
    }
    return false;
}

inline bool sessions_are(ChatServer& server, std::size_t count)
{
    return eventually(server, [count](lesson04::Server& s) { return s.session_count() == count; });
}

inline std::size_t errors_logged(ChatServer& server)
{
    return server.call([](lesson04::Server& s) { return s.error_count(); });
}

// GET /api/stats, parsed.
inline json api_stats(unsigned short port)
{
    auto response = wscourse::test::http_get(port, "/api/stats");
    REQUIRE(response.result() == http::status::ok);
    REQUIRE(response[http::field::content_type] == "application/json");
    return json::parse(response.body());
}

}  // namespace lesson04::test
