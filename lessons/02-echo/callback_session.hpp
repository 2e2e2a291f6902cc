// The same echo session as session.cpp, written with completion handlers instead of a
// coroutine: the style of Boost.Beast's examples, and of most Beast code you will read.
// Selected with `lesson02 --style callbacks`. Shown once, in this lesson; every later lesson
// uses coroutines.
#pragma once

#include "server.hpp"

#include <wscourse/beast.hpp>
#include <wscourse/open_sessions.hpp>

#include <memory>
#include <string>

namespace lesson02 {

// Owned by the handlers of its pending operations: each one holds a shared_ptr to the session
// (shared_from_this()), and when the last handler has run without starting another operation,
// the session is destroyed and its connection closed.
class CallbackSession : public std::enable_shared_from_this<CallbackSession> {
public:
    CallbackSession(ServerState& state, beast::tcp_stream stream, std::string label);

    // Accepts the upgrade and starts the echo. Not in the constructor: shared_from_this()
    // only works once a shared_ptr owns the object.
    void run(http::request<http::string_body> upgrade);

private:
    void on_accept(boost::system::error_code ec);
    void on_welcome(boost::system::error_code ec, std::size_t bytes);
    void do_read();
    void on_read(boost::system::error_code ec, std::size_t bytes);
    void do_write();
    void on_write(boost::system::error_code ec, std::size_t bytes);
    void close_going_away();
    void finish(boost::system::error_code ec);

    ServerState& state_;
    websocket::stream<beast::tcp_stream> ws_;
    beast::flat_buffer buffer_;
    std::string outgoing_;  // the welcome or a pong: must live until its write completes
    http::request<http::string_body> upgrade_;
    std::string label_;
    wscourse::OpenSessions::Registration registration_;
    bool closing_ = false;
};

}  // namespace lesson02
