// What the lesson 02 tests share: a lesson server on a loopback port and a client that has
// read its welcome.
#pragma once

#include "server.hpp"

#include <wscourse/testkit.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <string>
#include <thread>

namespace lesson02::test {

using EchoServer = wscourse::test::ServerThread<lesson02::Server>;
using wscourse::test::WsClient;

// The options `lesson02` runs with, on 127.0.0.1 and a port the OS picks.
inline wscourse::ServerOptions lesson_options()
{
    auto options = wscourse::test::loopback_options(WSCOURSE_WEB_DIR);
    options.max_message_bytes = lesson02::default_max_message_bytes;
    return options;
}

// Reads the first message of a session and checks that it is the welcome.
inline nlohmann::json read_welcome(WsClient& client)
{
    auto welcome = nlohmann::json::parse(client.read_text());
    REQUIRE(welcome.value("type", "") == "welcome");
    return welcome;
}

// Waits until holds(server) is true on the server's own thread, without sleeping: each check
// is a round trip to that thread. False if it still is not after the test kit's deadline.
template <class Predicate>
bool eventually(EchoServer& server, Predicate holds)
{
    auto deadline = std::chrono::steady_clock::now() + wscourse::test::default_timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (server.call([&](lesson02::Server& s) { return holds(s); }))
            return true;
        std::this_thread::yield();
    }
    return false;
}

inline bool no_sessions_left(EchoServer& server)
{
    return eventually(server, [](lesson02::Server& s) { return s.session_count() == 0; });
}

inline std::size_t errors_logged(EchoServer& server)
{
    return server.call([](lesson02::Server& s) { return s.error_count(); });
}

// Bytes that are not UTF-8 (a text frame could not carry them), every value once, repeated.
inline std::string binary_bytes(std::size_t size)
{
    std::string bytes(size, '\0');
    for (std::size_t i = 0; i < size; ++i)
        bytes[i] = static_cast<char>((i * 7 + 0xff) & 0xff);
    return bytes;
}

inline std::string text_of_size(std::size_t size)
{
    std::string text(size, ' ');
    for (std::size_t i = 0; i < size; ++i)
        text[i] = static_cast<char>('a' + i % 26);
    return text;
}

}  // namespace lesson02::test
