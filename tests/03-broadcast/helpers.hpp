// What the lesson 03 tests share: a chat server on a loopback port, clients that join it,
// and a way to read the conversation.
#pragma once

#include "server.hpp"

#include <wscourse/testkit.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace lesson03::test {

using ChatServer = wscourse::test::ServerThread<lesson03::Server>;
using wscourse::test::WsClient;

// The options `lesson03` runs with, on 127.0.0.1 and a port the OS picks.
inline wscourse::ServerOptions lesson_options()
{
    auto options = wscourse::test::loopback_options(WSCOURSE_WEB_DIR);
    options.max_message_bytes = lesson03::default_max_message_bytes;
    return options;
}

// The next text message. If the server closed the connection instead, the test fails with
// the close code and reason it sent (an unfinished exercise gets 1011 and says what is missing).
inline std::string read_line(WsClient& client)
{
    try {
        return client.read_text();
    } catch (const boost::system::system_error& e) {
        if (e.code() != websocket::error::closed)
            throw;
        auto reason = client.close_reason();
        throw std::runtime_error("the server closed the connection: "
                                 + wscourse::describe_close_code(reason.code) + " \""
                                 + std::string(reason.reason.data(), reason.reason.size()) + "\"");
    }
}

// Connects as `name` and checks that the first message is its own join notice.
inline std::unique_ptr<WsClient> join(ChatServer& server, const std::string& name, std::size_t online)
{
    auto client = std::make_unique<WsClient>(server.port(), "/ws?name=" + name);
    REQUIRE(read_line(*client) == "* " + name + " joined (" + std::to_string(online) + " online)");
    return client;
}

inline bool is_notice(const std::string& line) { return line.rfind("* ", 0) == 0; }

// The next chat line, skipping notices (or collecting them in `notices`).
inline std::string read_chat(WsClient& client, std::vector<std::string>* notices = nullptr)
{
    for (;;) {
        auto line = read_line(client);
        if (!is_notice(line))
            return line;
        if (notices)
            notices->push_back(line);
    }
}

// Reads until the message `wanted` arrives (throws if the connection ends or a read times out).
inline bool read_until(WsClient& client, const std::string& wanted)
{
    for (;;) {
        auto message = client.read();
        if (message.text && message.data == wanted)
            return true;
    }
}

// Waits until holds(server) is true on the server's own thread, without sleeping: each check
// is a round trip to that thread. False if it still is not after the test kit's deadline.
template <class Predicate>
bool eventually(ChatServer& server, Predicate holds)
{
    auto deadline = std::chrono::steady_clock::now() + wscourse::test::default_timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (server.call([&](lesson03::Server& s) { return holds(s); }))
            return true;
        std::this_thread::yield();
    }
    return false;
}

inline std::size_t room_size(ChatServer& server)
{
    return server.call([](lesson03::Server& s) { return s.room_size(); });
}

inline std::size_t errors_logged(ChatServer& server)
{
    return server.call([](lesson03::Server& s) { return s.error_count(); });
}

inline std::size_t write_errors(ChatServer& server)
{
    return server.call([](lesson03::Server& s) { return s.write_error_count(); });
}

}  // namespace lesson03::test
