// The load generator's WebSocket clients: open many (a bounded number at a time), read
// everything a server sends, close them all. Every step has a timeout.
#pragma once

#include "url.hpp"

#include <wscourse/beast.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace wscourse::bench {

using WsStream = websocket::stream<beast::tcp_stream>;

struct ClientTimeouts {
    std::chrono::milliseconds connect{10'000};  // TCP connect, and the opening and closing handshakes
    // No data from the server for this long fails the pending read. Idle connections that are
    // held on purpose use websocket::stream_base::none().
    std::chrono::steady_clock::duration idle = std::chrono::seconds(30);
};

struct OpenedClients {
    std::vector<std::unique_ptr<WsStream>> streams;  // the connections that opened, in order
    std::size_t failed = 0;
    std::string first_error;                         // "connection 812: Connection refused"
};

// Opens `count` connections, `concurrency` handshakes at a time; target_for(i) is connection
// i's path and query. Stops starting new ones after the first failure. on_open, if set, is
// called with each connection as soon as its handshake is done (to start reading it at once:
// a server may close a connection that does not read while the others are still opening).
net::awaitable<OpenedClients> open_clients(const Url& url, std::size_t count,
                                           std::function<std::string(std::size_t)> target_for,
                                           ClientTimeouts timeouts, std::size_t concurrency = 64,
                                           std::function<void(WsStream&)> on_open = {});

// Reads and drops every message until the connection ends (Beast answers pings meanwhile).
net::awaitable<void> discard_messages(WsStream& ws);

// Sends a close frame (1000) on every open stream and waits for the answers, all at once;
// each bounded by the stream's handshake timeout.
net::awaitable<void> close_clients(std::vector<std::unique_ptr<WsStream>>& streams);

// A few hex digits, fresh each run, so a token from an earlier run never matches.
std::string make_run_id();

}  // namespace wscourse::bench
