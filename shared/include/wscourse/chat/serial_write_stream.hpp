// The TCP stream under a chat session's WebSocket stream (lesson 03 teaches it), with two
// jobs: whoever writes, Beast or our writer, the writes reach the socket one at a time, each one
// whole; and the first reads return the bytes the HTTP front read past the upgrade request.
//
// Why the writes take turns: the writer sends several queued messages in one system call, as
// frames it builds itself (BatchWriter::write), which Beast's one-message-per-call async_write
// cannot do. Beast still writes on its own: the 101 response, a pong for every ping, the close frame.
// Two writes in flight on one socket could interleave their pieces on the wire, so both kinds
// go through here and wait their turn. Beast sees an ordinary stream (async_read_some,
// async_write_some); everything runs on the session's strand, so a bool is the whole lock.
//
// Why the first reads may not touch the socket: HTTP is read in chunks, so a client that sends
// its first frame right behind the upgrade request (in the same packet) has that frame read
// by the front together with the request (wscourse::Upgrade::leftover). Beast must read those
// bytes before anything from the socket, or the frame is silently lost.
#pragma once

#include <wscourse/beast.hpp>

#include <cstddef>
#include <utility>

namespace wscourse::chat {

template <class NextLayer>
class SerialWriteStream {
public:
    using next_layer_type = NextLayer;
    using executor_type = typename NextLayer::executor_type;

    // already_read: bytes that came from `next` before (HttpFront's leftover); read first.
    explicit SerialWriteStream(NextLayer next, beast::flat_buffer already_read = {})
        : next_(std::move(next))
        , already_read_(std::move(already_read))
        , turn_(next_.get_executor())
    {
        turn_.expires_at(net::steady_timer::time_point::max());  // only ever cancelled
    }

    executor_type get_executor() noexcept { return next_.get_executor(); }
    NextLayer& next_layer() noexcept { return next_; }
    const NextLayer& next_layer() const noexcept { return next_; }

    // Reading is not shared: only Beast reads. The bytes already read first, then straight
    // through to the socket.
    template <class MutableBufferSequence, class ReadToken>
    auto async_read_some(const MutableBufferSequence& buffers, ReadToken&& token)
    {
        return net::async_initiate<ReadToken, void(boost::system::error_code, std::size_t)>(
            [this](auto handler, const MutableBufferSequence& into) {
                if (already_read_.size() == 0) {
                    next_.async_read_some(into, std::move(handler));
                    return;
                }
                const std::size_t n = net::buffer_copy(into, already_read_.data());
                already_read_.consume(n);
                if (already_read_.size() == 0)
                    already_read_ = beast::flat_buffer();  // its memory goes back now
                // Complete through the executor, never inside the initiating call.
                net::post(next_.get_executor(),
                          beast::bind_front_handler(std::move(handler), boost::system::error_code{}, n));
            },
            token, buffers);
    }

    // Beast's writes: whole, in turn. (Writing all of it is a valid "some": Beast's
    // async_write then finishes in one call, and nothing can slip between two pieces of it.)
    template <class ConstBufferSequence, class WriteToken>
    auto async_write_some(const ConstBufferSequence& buffers, WriteToken&& token)
    {
        return async_write(buffers, [] { return true; }, std::forward<WriteToken>(token));
    }

    // Our writes: waits for any write in flight, then asks `still_open()` whether it may
    // write at all (a close frame that went out first ends the conversation: nothing may
    // follow it), then writes all of `buffers`. Fails with websocket::error::closed if not.
    template <class ConstBufferSequence, class StillOpen, class WriteToken>
    auto async_write(const ConstBufferSequence& buffers, StillOpen still_open, WriteToken&& token)
    {
        return net::async_compose<WriteToken, void(boost::system::error_code, std::size_t)>(
            WriteInTurn<ConstBufferSequence, StillOpen>{*this, buffers, std::move(still_open)}, token, next_);
    }

private:
    template <class ConstBufferSequence, class StillOpen>
    struct WriteInTurn {
        SerialWriteStream& stream;
        ConstBufferSequence buffers;
        StillOpen still_open;
        bool writing = false;

        template <class Self>
        void operator()(Self& self, boost::system::error_code ec = {}, std::size_t written = 0)
        {
            if (writing) {  // our write has finished: pass the turn on
                stream.writing_ = false;
                stream.turn_.cancel_one();
                self.complete(ec, written);
                return;
            }
            if (stream.writing_) {
                // Someone else's write is in flight: sleep until it hands the turn on
                // (cancel_one wakes the oldest waiter), then look again.
                stream.turn_.async_wait(std::move(self));
                return;
            }
            if (!still_open()) {
                // Complete through the executor, never inside the initiating call.
                net::post(stream.next_.get_executor(),
                          [self = std::move(self)]() mutable {
                              self.complete(websocket::error::closed, 0);
                          });
                return;
            }
            stream.writing_ = true;
            writing = true;
            net::async_write(stream.next_, buffers, std::move(self));
        }
    };

    NextLayer next_;
    beast::flat_buffer already_read_;
    net::steady_timer turn_;  // its waiters are the writes waiting for their turn
    bool writing_ = false;    // a write is in flight
};

// Closing the WebSocket ends with a TCP teardown, which Beast finds by argument-dependent
// lookup: ours is the teardown of the stream underneath.
template <class NextLayer>
void teardown(beast::role_type role, SerialWriteStream<NextLayer>& stream, boost::system::error_code& ec)
{
    using beast::websocket::teardown;
    teardown(role, stream.next_layer(), ec);
}

template <class NextLayer, class TeardownHandler>
void async_teardown(beast::role_type role, SerialWriteStream<NextLayer>& stream, TeardownHandler&& handler)
{
    using beast::websocket::async_teardown;
    async_teardown(role, stream.next_layer(), std::forward<TeardownHandler>(handler));
}

}  // namespace wscourse::chat
