// Lesson 02, the exercise: the echo loop. The session (lessons/02-echo/session.cpp) has
// accepted the connection and sent the welcome; this loop does the rest of the conversation.
#include "echo.hpp"
#include "messages.hpp"

namespace lesson02 {

net::awaitable<boost::system::error_code> echo_messages(websocket::stream<beast::tcp_stream>& ws)
{
    beast::flat_buffer buffer;
    for (;;) {
        // task1: read one whole message. as_tuple turns a failure into a value instead of an
        // exception: the end of a conversation is not exceptional.
        auto [read_error, bytes] =
            co_await ws.async_read(buffer, net::as_tuple(net::use_awaitable));

        // task3: closed (the close handshake is done: Beast has already answered the client's
        // close frame), EOF, a timeout, a message over read_message_max (Beast sent 1009)...
        // Whatever it is, the conversation is over: return it, never read again.
        if (read_error)
            co_return read_error;

        // task4: a JSON ping in a text message gets a pong instead of its echo.
        std::optional<std::string> pong;
        if (ws.got_text())
            pong = pong_for(beast::buffers_to_string(buffer.data()));

        boost::system::error_code write_error;
        if (pong) {
            ws.text(true);
            std::tie(write_error, std::ignore) = co_await ws.async_write(
                net::buffer(*pong), net::as_tuple(net::use_awaitable));
        } else {
            // task2: answer with the frame type the message came with.
            ws.text(ws.got_text());
            // task1: send it back.
            std::tie(write_error, std::ignore) = co_await ws.async_write(
                buffer.data(), net::as_tuple(net::use_awaitable));
        }
        if (write_error)
            co_return write_error;

        // async_read appends to the buffer: empty it, now that the write has finished with it.
        buffer.consume(buffer.size());
    }
}

}  // namespace lesson02
