// What the lesson 05 tests share: a server on a loopback port, chat clients that can wait for
// "everything the server has sent me so far" without sleeping, and a recording Outbox for the
// tests that need no socket at all.
#pragma once

#include "api.hpp"
#include "chat.hpp"
#include "server.hpp"

#include <wscourse/testkit.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace lesson05::test {

using json = nlohmann::json;
using RoomsServer = wscourse::test::ServerThread<lesson05::Server>;
using wscourse::test::WsClient;

inline wscourse::ServerOptions lesson_options()
{
    auto options = wscourse::test::loopback_options(WSCOURSE_WEB_DIR);
    options.max_message_bytes = lesson05::default_max_message_bytes;
    return options;
}

// The messages of one type, in the order they came.
inline std::vector<json> of_type(const std::vector<json>& messages, std::string_view type)
{
    std::vector<json> found;
    for (const auto& message : messages)
        if (message.value("type", "") == type)
            found.push_back(message);
    return found;
}

// A chat client, connected as a user, its welcome read.
class ChatClient {
public:
    ChatClient(unsigned short port, const std::string& user) : ws(port, "/ws?user=" + user)
    {
        welcome = read();
        REQUIRE(welcome.value("type", "") == "welcome");
    }

    void send(const json& message) { ws.send_text(message.dump()); }
    json read() { return json::parse(ws.read_text()); }

    // Everything the server sent this connection before it answered a ping sent now. The
    // server handles one connection's messages in order, so whatever an earlier message of
    // ours caused (and whatever other clients' messages caused before that) is in here.
    std::vector<json> sync()
    {
        const std::string id = "sync-" + std::to_string(++pings_);
        send({{"type", "ping"}, {"id", id}});
        std::vector<json> before;
        for (;;) {
            auto message = read();
            if (message.value("type", "") == "pong" && message.value("id", "") == id)
                return before;
            before.push_back(std::move(message));
        }
    }

    // Sends one message and returns what came back before the ping after it.
    std::vector<json> exchange(const json& message)
    {
        send(message);
        return sync();
    }

    std::vector<json> join(const std::string& room) { return exchange({{"type", "join_room"}, {"room", room}}); }
    std::vector<json> leave(const std::string& room) { return exchange({{"type", "leave_room"}, {"room", room}}); }
    std::vector<json> say(const std::string& room, const std::string& text)
    {
        return exchange({{"type", "message"}, {"room", room}, {"text", text}});
    }

    // Reads until a message of this type arrives (skipping others); fails after the deadline.
    json read_until(std::string_view type)
    {
        for (;;) {
            auto message = read();
            if (message.value("type", "") == type)
                return message;
        }
    }

    WsClient ws;
    json welcome;

private:
    int pings_ = 0;
};

// Reads until a presence message (lesson 04: at most one per presence interval) names `user`
// in its `list` ("joined" or "left"), skipping every other message.
inline json await_presence(ChatClient& client, const std::string& list, const std::string& user)
{
    for (;;) {
        auto message = client.read_until("presence");
        INFO(message.dump());
        REQUIRE(message[list].is_array());
        for (const auto& name : message[list])
            if (name == user)
                return message;
    }
}

// The one message of a type in a batch; fails the test if there is not exactly one.
inline json only(const std::vector<json>& messages, std::string_view type)
{
    auto found = of_type(messages, type);
    INFO("looking for exactly one " << type << " in " << json(messages).dump());
    REQUIRE(found.size() == 1);
    return found.front();
}

inline json get_json(unsigned short port, const std::string& target)
{
    auto response = wscourse::test::http_get(port, target);
    REQUIRE(response.result() == http::status::ok);
    REQUIRE(response[http::field::content_type] == "application/json");
    return json::parse(response.body());
}

// Waits until holds(server) is true on the server's own thread, without sleeping.
template <class Predicate>
bool eventually(RoomsServer& server, Predicate holds)
{
    auto deadline = std::chrono::steady_clock::now() + wscourse::test::default_timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (server.call([&](lesson05::Server& s) { return holds(s); }))
            return true;
        std::this_thread::yield();
    }
    return false;
}

// An Outbox that keeps what it was sent, parsed: the unit tests' stand-in for a session.
class RecordingOutbox final : public lesson05::Outbox {
public:
    void send(std::shared_ptr<const std::string> message) override
    {
        std::lock_guard lock(mutex_);
        raw_.push_back(message);
    }

    // Everything received since the last take(), parsed.
    std::vector<json> take()
    {
        std::lock_guard lock(mutex_);
        std::vector<json> messages;
        for (const auto& message : raw_)
            messages.push_back(json::parse(*message));
        raw_.clear();
        return messages;
    }

    std::vector<std::shared_ptr<const std::string>> raw() const
    {
        std::lock_guard lock(mutex_);
        return raw_;
    }

private:
    mutable std::mutex mutex_;
    std::vector<std::shared_ptr<const std::string>> raw_;
};

// A chat with no server: connections are recording outboxes.
struct OfflineChat {
    lesson05::ConnectionManager manager;
    net::io_context io;  // never run: presence messages are for the integration tests
    lesson04::Presence presence{manager, io.get_executor(), std::chrono::milliseconds(200)};
    lesson05::RoomRegistry rooms;
    lesson05::Chat chat{manager, presence, rooms};

    struct Tab {
        lesson05::Connection connection;
        std::shared_ptr<RecordingOutbox> outbox;
        std::vector<json> take() { return outbox->take(); }
    };

    // Connects and forgets the welcome and presence messages so far (of everyone).
    Tab connect(const std::string& user)
    {
        auto outbox = std::make_shared<RecordingOutbox>();
        const std::string remote = "10.0.0.1:4000";
        const auto joined = chat.join(user, remote, outbox);
        REQUIRE_FALSE(joined.id.empty());
        Tab tab{lesson05::Connection{lesson05::ConnectionInfo{joined.id, user, remote}, outbox}, outbox};
        tabs.push_back(tab);
        for (auto& other : tabs)
            other.outbox->take();
        return tab;
    }

    std::vector<Tab> tabs;
};

}  // namespace lesson05::test
