// The WebSocket session, coroutine style: accept the upgrade, say welcome, run the echo loop
// (the exercise), log how it ended. Also the set-up and the end-of-session log line that the
// callback-style session (callback_session.hpp) shares.
#pragma once

#include "server.hpp"

#include <wscourse/beast.hpp>

#include <string>
#include <string_view>

namespace lesson02 {

// Runs one WebSocket session on a connection whose upgrade request has been read. The
// coroutine frame owns the stream: when this returns, the connection is gone.
net::awaitable<void> run_session(ServerState& state, tcp::socket socket,
                                 http::request<http::string_body> upgrade, std::string label);

// Timeouts, message size limit, Server header, TCP_NODELAY: before async_accept.
void prepare_server_stream(websocket::stream<beast::tcp_stream>& ws, std::size_t max_message_bytes);

// One log line for the end of a session: "disconnected: 1000 normal" for a close handshake,
// "disconnected: 1006 ..." for a peer that vanished, "closed the connection: 1009 ..." when
// Beast failed it for a protocol violation, "error: ..." (counted) for anything else.
// closed_by_server: the session's OpenSessions hook started a close with 1001.
void log_session_end(ServerState& state, std::string_view label, const boost::system::error_code& ec,
                     const websocket::close_reason& reason, bool closed_by_server);

// The Server header of every response: the handshake's 101 and the HTTP files.
inline constexpr const char* server_name = "wscourse-lesson02 (Boost.Beast)";

}  // namespace lesson02
