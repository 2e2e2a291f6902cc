// Lesson 02, the exercise: the echo loop. The session (lessons/02-echo/session.cpp) has
// accepted the connection and sent the welcome; this loop does the rest of the conversation.
// Read "The exercise" in lessons/02-echo/README.md, then `./course check 2`.
#include "echo.hpp"
#include "messages.hpp"

namespace lesson02 {

net::awaitable<boost::system::error_code> echo_messages(websocket::stream<beast::tcp_stream>& ws)
{
    beast::flat_buffer buffer;  // async_read puts each message here

    // TODO(student) task1: in a loop, read one message and send it back:
    //     auto [read_error, bytes] = co_await ws.async_read(buffer, net::as_tuple(net::use_awaitable));
    //     ... co_await ws.async_write(buffer.data(), net::as_tuple(net::use_awaitable));
    //   then empty the buffer (buffer.consume(buffer.size())) before the next read.

    // TODO(student) task2: keep the frame type: a binary message goes back binary.
    //   ws.got_text() tells what the last read received; ws.text(bool) sets the next write's.

    // TODO(student) task3: stop cleanly. When a read or a write fails, return its error
    //   (websocket::error::closed after the client's close frame, EOF if it just vanished)
    //   and never read again. The session logs it and finishes the close handshake.

    // TODO(student) task4: a text message that is a JSON ping ({"type":"ping"}) gets
    //   pong_for()'s answer (messages.hpp) as a text message instead of its echo.

    (void)ws;
    co_return boost::system::error_code{};  // TODO(student): replace with the loop
}

}  // namespace lesson02
