// Lesson 03's batched writer, the plumbing under every chat session's send queue from lesson 03
// on (lessons/03-broadcast/README.md, "One write, many messages", teaches it): the frames of
// many queued messages go to the kernel in one system call, and a writer that has just been
// woken lets a batch form while messages keep arriving. The send queue that feeds it (what a
// lesson teaches: its bound, its wake-ups) stays with the lesson's session.
#pragma once

#include <wscourse/beast.hpp>
#include <wscourse/chat/frame_header.hpp>
#include <wscourse/chat/serial_write_stream.hpp>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace wscourse::chat {

// One serialized message, shared by every queue it goes into.
using Message = std::shared_ptr<const std::string>;

// A chat session's WebSocket stream: Beast on SerialWriteStream on the socket. Built from what
// HttpFront hands over: ChatStream ws(std::move(upgrade.stream).release_socket(),
// std::move(upgrade.leftover)). A plain socket underneath, not beast::tcp_stream: the
// WebSocket stream has timeouts of its own, and tcp_stream's timer bookkeeping on every read
// and write is measurable at a thousand clients.
using ChatStream = websocket::stream<SerialWriteStream<tcp::socket>>;

// Every member runs on the session's strand (the stream's executor).
class BatchWriter {
public:
    // How many messages one write may carry. Asio hands the kernel at most 64 buffers per
    // system call, and each message is two: its frame header and its text.
    static constexpr std::size_t max_batch = 32;

    explicit BatchWriter(ChatStream& ws);

    // Writes the messages, in order, each as one text frame, all in one gather write (one
    // system call for all of them). The caller keeps `batch` alive until it completes and
    // awaits it before the next one. Fails with websocket::error::closed if a close frame has
    // gone out first (nothing may follow it).
    net::awaitable<boost::system::error_code> write(const std::vector<Message>& batch);

    // Sleeps until wake(), then lets the queue fill while messages keep arriving: gives the
    // event loop more turns while `queued()` grows, up to max_batch. May return early:
    // the caller looks at its queue again.
    net::awaitable<void> sleep(const std::function<std::size_t()>& queued);

    // Ends sleep(). Called for a new message (post it from other strands) and to stop.
    void wake();

private:
    ChatStream& ws_;
    net::steady_timer wake_;  // never expires: cancel() is the wake-up signal
    // write's scratch space, kept between writes so that a write allocates nothing.
    std::vector<FrameHeader> headers_;
    std::vector<net::const_buffer> gather_;
};

}  // namespace wscourse::chat
