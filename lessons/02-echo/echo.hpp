// The exercise's interface: the session loop, written in exercises/02-echo/echo_loop.cpp.
#pragma once

#include <wscourse/beast.hpp>

namespace lesson02 {

// Echoes every message on an accepted WebSocket until the conversation ends, and returns why
// it ended: websocket::error::closed after a close handshake (ws.reason() has the code),
// net::error::eof or connection_reset when the peer vanished without a close frame, or any
// other error. The session that called it logs that reason; this loop never throws for a
// network error, never reads again once the stream is closed, and keeps one write at a time.
//
// - text stays text and binary stays binary (ws.got_text() after a read, ws.text() before a write)
// - a text message that is a JSON ping ({"type":"ping"}) gets pong_for()'s answer instead
net::awaitable<boost::system::error_code> echo_messages(websocket::stream<beast::tcp_stream>& ws);

}  // namespace lesson02
