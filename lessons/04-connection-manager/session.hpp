// One WebSocket connection. The send queue and its writer are lesson 03's design (a bounded
// queue under its own mutex, exactly one write outstanding, 1008 for a client that falls too
// far behind), and the writes are lesson 03's batched writer (wscourse::chat::BatchWriter in
// shared/): every message that waits goes out in one system call, so a client that reads as
// fast as it can keeps up however fast it talks. What is new is that the session is an Outbox,
// so that the ConnectionManager can reach it, and that every text message goes to the server's
// ChatHandler (chat_handler.hpp; lesson 04's calls handle_inbound()).
#pragma once

#include <wscourse/client_info.hpp>
#include "connection_manager.hpp"
#include "server.hpp"

#include <wscourse/beast.hpp>
#include <wscourse/chat/batch_writer.hpp>
#include <wscourse/http_front.hpp>

#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace lesson04 {

// Runs a session on a connection whose upgrade request has been read (HttpFront::upgrade).
net::awaitable<void> run_session(ServerState& state, wscourse::Upgrade upgrade);

// Everything that touches the WebSocket stream runs on the session's strand (the executor
// accept_connections gave the connection). The send queue is the one part that other strands
// touch (whoever broadcasts calls send()), so it has a mutex of its own.
class Session final : public Outbox, public std::enable_shared_from_this<Session> {
public:
    // Takes over the connection HttpFront upgraded: its socket, and the bytes it read past the
    // request (the client's first frames, which Beast reads before the socket).
    Session(ServerState& state, wscourse::Upgrade&& upgrade);

    // Accepts the upgrade, joins (Presence), starts the writer, then reads messages until the
    // conversation ends; leaves and logs how it ended. Runs on the session's strand.
    net::awaitable<void> run(http::request<http::string_body> upgrade);

    // Outbox, lesson 03's Session::send: queues the message from any thread, never writes and
    // never waits; past the bound, the client is too slow and is closed with 1008 instead.
    void send(std::shared_ptr<const std::string> message) override;

private:
    using error_code = boost::system::error_code;

    // The writer: a coroutine beside the reader, on the same strand; one write at a time, each
    // carrying every message that waits (up to BatchWriter::max_batch).
    net::awaitable<error_code> write_queued();
    void wake_writer();                      // any thread: posts the wake-up to the strand
    void close_too_slow(std::size_t queued_messages, std::size_t queued_bytes);  // any thread

    // On the strand, once: stops the writer, sends a close frame, and cuts TCP if the close
    // handshake has not finished within limits.close_timeout.
    void close(websocket::close_reason reason, std::string_view why);
    void stop_writer();
    bool stopped();
    std::size_t queued_messages();
    void writer_finished(std::exception_ptr failure, error_code ec);
    void log_end(const error_code& ec);

    ServerState& state_;
    wscourse::chat::ChatStream ws_;        // Beast over lesson 03's SerialWriteStream
    wscourse::chat::BatchWriter writer_{ws_};
    const std::string label_;  // "#3 127.0.0.1:51234", for the log
    std::string user_;         // "ana", once the handshake is done
    net::steady_timer close_deadline_;

    // The send queue, guarded by queue_mutex_.
    std::mutex queue_mutex_;
    std::deque<std::shared_ptr<const std::string>> queue_;  // oldest first
    std::size_t queued_bytes_ = 0;
    bool writer_sleeping_ = false;  // the writer waits in wait_for_wake(): send() must wake it
    bool stopped_ = false;          // no more queueing or writing: the session is closing or over

    // On the strand only.
    bool closing_ = false;  // close() has sent (or is sending) our close frame
    unsigned close_code_ = 0;
    std::string close_why_;
    bool close_timed_out_ = false;
};

}  // namespace lesson04
