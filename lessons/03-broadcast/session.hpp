// One chat client: a WebSocket session that reads the client's messages and hands them to the
// room, and a send queue with a writer that delivers what the room hands it, one write at a
// time, each write carrying every message that waits (up to max_batch). The queue itself is
// yours (SendQueue, send_queue.hpp: tasks 2 and 3); the session around it is written out in
// session.cpp.
#pragma once

#include "send_queue.hpp"
#include "server_state.hpp"

#include <wscourse/beast.hpp>
#include <wscourse/chat/batch_writer.hpp>
#include <wscourse/http_front.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lesson03 {

// Everything that touches the WebSocket stream runs on the session's strand (the executor
// accept_connections gave the connection). The send queue is the one part that other strands
// touch (the room calls send() from whoever is broadcasting), so it has a mutex of its own.
// A shared_ptr owns the session: the room and every pending handler hold one.
class Session : public std::enable_shared_from_this<Session> {
public:
    // Takes over the connection HttpFront upgraded (its socket, and the bytes it read past the
    // request: the client's first frames, which Beast reads before the socket).
    Session(ServerState& state, wscourse::Upgrade&& upgrade, std::string name);

    // Accepts the upgrade, joins the room, starts the writer, then reads messages until the
    // conversation ends; leaves the room and logs how it ended. Runs on the session's strand.
    net::awaitable<void> run(http::request<http::string_body> upgrade);

    const std::string& name() const { return name_; }

    // Queues a message for this client (SendQueue::push). Any thread may call it; it never
    // writes to the socket and never waits for the client, so a slow client cannot slow down
    // whoever broadcasts. Wakes the writer if it sleeps; closes a client that is too slow.
    void send(const std::shared_ptr<const std::string>& message);

private:
    // The writer, a coroutine on the session's strand started once the session has joined:
    // keeps exactly one write outstanding. Takes the oldest messages from the queue, up to
    // max_batch of them (SendQueue::take), and writes them with write_batch(); with nothing
    // to take, sleeps in wait_for_wake(). Returns {} once the queue has stopped, or the error
    // of a failed write.
    net::awaitable<boost::system::error_code> write_queued();

    // How many messages one write may carry. Asio hands the kernel at most 64 buffers per
    // system call, and each message is two: its frame header and its text.
    static constexpr std::size_t max_batch = wscourse::chat::BatchWriter::max_batch;

    // --- Given: session.cpp, on the batched writer in shared/ (wscourse/chat/) ---

    // On the strand: writes the messages, in order, each as one text frame, all in one gather
    // write (one system call for all of them, however many). The only write in flight: the
    // writer awaits it before taking the next batch. Fails with websocket::error::closed if
    // a close frame has gone out first.
    net::awaitable<boost::system::error_code> write_batch(const std::vector<std::shared_ptr<const std::string>>& batch);

    // Any thread: wakes the writer from wait_for_wake() (posts to the strand).
    void wake_writer();
    // On the strand: sleeps until wake_writer() or a close, then lets the queue fill while
    // messages keep arriving (see "One write, many messages" in the README). May return
    // early: check again.
    net::awaitable<void> wait_for_wake();
    // Any thread: logs, counts, and closes with 1008 "too slow: send queue full" (on the strand).
    void close_too_slow(std::size_t queued_messages, std::size_t queued_bytes);

    // On the strand, once: sends a close frame (stopping the writer first), and if the close
    // handshake has not finished within limits.close_timeout, closes the TCP connection.
    void close(websocket::close_reason reason, std::string_view why);
    // Stops the queue (it frees itself) and wakes the writer so that it returns.
    void stop_writer();
    bool stopped();
    std::size_t queued_messages();
    void writer_finished(std::exception_ptr failure, boost::system::error_code ec);
    void log_end(const boost::system::error_code& ec);

    ServerState& state_;
    // Beast reads, does the handshake and the control frames; write_batch writes the chat.
    // Both write through SerialWriteStream (wscourse/chat/), one write at a time.
    wscourse::chat::ChatStream ws_;
    wscourse::chat::BatchWriter writer_{ws_};
    const std::string name_;   // "ana", or "127.0.0.1:51234"
    const std::string label_;  // "#3 127.0.0.1:51234", for the log
    net::steady_timer close_deadline_;

    SendQueue queue_;  // the one part other strands touch: thread-safe

    // On the strand only.
    bool closing_ = false;  // close() has sent (or is sending) our close frame
    unsigned close_code_ = 0;
    std::string close_why_;
    bool close_timed_out_ = false;
};

// The Server header of every response: the handshake's 101 and the HTTP files.
inline constexpr const char* server_name = "wscourse-lesson03 (Boost.Beast)";

}  // namespace lesson03
