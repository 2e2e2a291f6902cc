// One connection, from its first byte to its close: the HTTP handshake, then frames.
// Written as one C++20 coroutine (Session::run) that reads like the steps of the protocol.
#pragma once

#include "describe.hpp"
#include "frames.hpp"
#include "server.hpp"

#include <wscourse/net.hpp>
#include <wscourse/open_sessions.hpp>

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace lesson01 {

// What a session needs from its server; the server outlives every session it runs.
struct SessionContext {
    const wscourse::ServerOptions& options;
    const Timeouts& timeouts;
    const wscourse::StaticFiles& files;
};

class Session : public std::enable_shared_from_this<Session> {
public:
    Session(tcp::socket socket, std::uint64_t id, SessionContext context);

    // The whole life of the connection. self keeps the session alive while it runs; the
    // registration keeps it in the server's list of open sessions until it ends.
    static net::awaitable<void> run(std::shared_ptr<Session> self,
                                    wscourse::OpenSessions::Registration registration);

    // The server is shutting down: finish with close 1001. Call on executor().
    void go_away();

    net::any_io_executor executor() { return socket_.get_executor(); }

private:
    // A frame as read: its record (for the description) and its unmasked payload.
    struct Frame {
        FrameRecord record;
        std::vector<std::uint8_t> payload;
    };

    // How the WebSocket part ended, for the log and for the close frame we still owe.
    struct Ending {
        unsigned code = 1006;          // logged: 1000, 1002, ..., 1006 for "no close frame"
        std::string detail;            // logged after the code
        bool send_close = false;       // send a close frame with close_payload
        std::string close_payload;
        bool wait_for_client = false;  // we started the close: let the client answer it
        bool in_sync = true;           // what follows in the stream is still whole frames

        // The connection is gone (or must go) without a close frame from us.
        static Ending lost(std::string detail);
        // The client closed: echo its code (none if it sent none).
        static Ending answer(std::optional<std::uint16_t> code, std::string detail);
        // We close: with `code` and `reason`, then wait (bounded) for the client's answer.
        static Ending close_with(std::uint16_t code, std::string reason, bool in_sync);
    };

    net::awaitable<bool> handshake();
    net::awaitable<Ending> message_loop();
    net::awaitable<void> finish(const Ending& ending);
    net::awaitable<std::optional<Frame>> read_frame(bool in_message, std::uint64_t message_so_far);
    net::awaitable<boost::system::error_code> read_more();
    // Unmasks the chunk of payload that starts at offset with your unmask(), keeps its first
    // bytes for the description, and says what is wrong if unmask() got it wrong.
    static std::optional<std::string> unmask_chunk(std::span<std::uint8_t> chunk,
                                                   std::array<std::uint8_t, 4> key,
                                                   std::uint64_t offset, FrameRecord& record);
    net::awaitable<bool> write(std::string bytes);
    net::awaitable<void> wait_for_client_close(bool in_sync);
    Ending ending_after_failed_read() const;
    void arm_watchdog(std::chrono::milliseconds timeout);
    void close_socket();

    tcp::socket socket_;
    net::steady_timer watchdog_;
    SessionContext context_;
    std::string name_;                 // "#3 127.0.0.1:51234", for the log
    std::string what_;                 // "GET /", for the log
    std::string request_head_;         // the upgrade request, as received
    std::string client_key_;           // its Sec-WebSocket-Key
    std::vector<std::uint8_t> inbox_;  // bytes received and not yet parsed
    boost::system::error_code read_error_;
    std::optional<Violation> violation_;  // why read_frame() refused a frame
    bool reading_ = false;     // a read is pending (go_away() may cancel it)
    bool going_away_ = false;  // the server is shutting down
    bool closing_ = false;     // we sent our close frame
    bool timed_out_ = false;   // the watchdog closed the socket
    bool unmask_mistake_ = false;  // your unmask() got a chunk wrong (logged once)
};

}  // namespace lesson01
