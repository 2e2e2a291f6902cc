#include <wscourse/chat/batch_writer.hpp>

#include <span>

namespace wscourse::chat {

BatchWriter::BatchWriter(ChatStream& ws)
    : ws_(ws)
    , wake_(ws.get_executor())
{
}

net::awaitable<boost::system::error_code> BatchWriter::write(const std::vector<Message>& batch)
{
    // Beast's async_write sends one message per system call, and a system call costs far
    // more than building a frame header: with 32 messages waiting that is 32 calls where one
    // will do. So the frames are built here, by hand, and handed to the kernel together:
    // header, text, header, text... The text is the shared string, never copied.
    headers_.clear();
    headers_.reserve(batch.size());  // gather_ points into headers_: it must not move
    gather_.clear();
    for (const auto& message : batch) {
        const auto& header = headers_.emplace_back(text_frame_header(message->size()));
        gather_.push_back(net::buffer(header.bytes.data(), header.size));
        gather_.push_back(net::buffer(*message));
    }
    // Not while Beast writes (a pong, the close frame), and never after a close frame.
    auto [ec, written] = co_await ws_.next_layer().async_write(
        std::span<const net::const_buffer>(gather_), [this] { return ws_.is_open(); },
        net::as_tuple(net::use_awaitable));
    co_return ec;
}

void BatchWriter::wake()
{
    wake_.cancel();
}

net::awaitable<void> BatchWriter::sleep(const std::function<std::size_t()>& queued)
{
    wake_.expires_at(net::steady_timer::time_point::max());
    co_await wake_.async_wait(net::as_tuple(net::use_awaitable));  // ends with operation_aborted
    // Woken for one message. If the senders are busy (a fast sender, a burst), more are on
    // their way: give the event loop more turns while they keep coming, so that one write
    // carries them all. Two quiet turns in a row end the wait, because a message still in a
    // socket takes two: one for the reactor to read it, one for its reader to hand it out. A
    // quiet server costs two turns (microseconds); no timer, so nothing waits for a clock.
    std::size_t waiting = queued();
    int quiet_turns = 0;
    while (waiting > 0 && waiting < max_batch && quiet_turns < 2) {
        co_await net::post(ws_.get_executor(), net::use_awaitable);
        const std::size_t now = queued();
        quiet_turns = now == waiting ? quiet_turns + 1 : 0;
        waiting = now;
    }
}

}  // namespace wscourse::chat
