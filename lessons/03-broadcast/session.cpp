#include "session.hpp"

#include "chat_lines.hpp"

#include <wscourse/log.hpp>
#include <wscourse/static_files.hpp>

namespace lesson03 {
namespace {

// The peer went away without a close frame, or the connection ended because we ended it:
// normal ways for a connection to end, reported by the reader, not errors.
bool is_disconnect(const boost::system::error_code& ec)
{
    return ec == websocket::error::closed || ec == net::error::eof
        || ec == net::error::connection_reset || ec == net::error::broken_pipe
        || ec == net::error::operation_aborted || ec == beast::error::timeout;
}

std::string_view text_of(const beast::flat_buffer& buffer)
{
    return {static_cast<const char*>(buffer.data().data()), buffer.size()};
}

}  // namespace

Session::Session(ServerState& state, wscourse::Upgrade&& upgrade, std::string name)
    : state_(state)
    , ws_(std::move(upgrade.stream).release_socket(), std::move(upgrade.leftover))
    , name_(std::move(name))
    , label_(std::move(upgrade.label))
    , close_deadline_(ws_.get_executor())
    , queue_(state.limits)
{
}

net::awaitable<void> Session::run(http::request<http::string_body> upgrade)
{
    // Chat lines are small and must leave at once, not wait to be batched (Nagle).
    boost::system::error_code ignored;
    beast::get_lowest_layer(ws_).set_option(tcp::no_delay(true), ignored);
    ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
    ws_.set_option(websocket::stream_base::decorator(
        [](websocket::response_type& response) { response.set(http::field::server, server_name); }));
    ws_.read_message_max(state_.options.max_message_bytes);

    auto [accepted] = co_await ws_.async_accept(upgrade, net::as_tuple(net::use_awaitable));
    if (accepted) {
        wscourse::log(label_, "  handshake refused: ", accepted.message());
        co_return;
    }
    auto self = shared_from_this();

    // Ctrl-C closes us with 1001. close_all() runs on whatever thread called shutdown(), and
    // the stream may only be touched on our strand: post there. Weakly held, so the registry
    // never keeps a finished session alive.
    auto registration = state_.sessions.add([weak = weak_from_this()] {
        if (auto session = weak.lock())
            net::post(session->ws_.get_executor(), [session] {
                session->close(websocket::close_code::going_away, "server shutting down");
            });
    });

    // The writer runs beside this reader, on the same strand: co_spawn, not co_await.
    net::co_spawn(ws_.get_executor(), write_queued(),
                  [self](std::exception_ptr failure, boost::system::error_code ec) {
                      self->writer_finished(failure, ec);
                  });

    state_.room.join(self);
    const std::size_t online = state_.room.size();
    wscourse::log(label_, "  joined as ", name_, " (", online, " online)");
    if (online == 0) {
        // Only an unfinished exercise gets here: say so in the log and to the client.
        ++state_.errors;
        wscourse::log(label_, "  error: ChatRoom::join did not add the session; closing with ",
                      wscourse::describe_close_code(1011));
        close({websocket::close_code::internal_error, "ChatRoom::join is not written yet"},
              "ChatRoom::join is not written yet");
    }

    beast::flat_buffer buffer;
    boost::system::error_code ended;
    for (;;) {
        auto [read_error, bytes] = co_await ws_.async_read(buffer, net::as_tuple(net::use_awaitable));
        if (read_error) {
            ended = read_error;  // closed, EOF, too big...: the end, never read again
            break;
        }
        if (!ws_.got_text()) {
            // The chat is text; a binary message gets a polite refusal, not a crash.
            close({websocket::close_code::unknown_data, "binary messages are not supported: send text"},
                  "sent a binary message");
        } else if (!closing_) {
            // Serialized once, here; every member's queue shares this one string.
            state_.room.broadcast(std::make_shared<const std::string>(chat_line(name_, text_of(buffer))));
        }
        buffer.consume(buffer.size());
    }

    state_.room.leave(self);  // no more messages are handed to us, and the others are told
    stop_writer();
    log_end(ended);
}

void Session::send(const std::shared_ptr<const std::string>& message)
{
    const auto pushed = queue_.push(message);
    // After push has unlocked: both only post to the session's strand.
    if (pushed.too_slow)
        close_too_slow(pushed.dropped_messages, pushed.dropped_bytes);
    if (pushed.wake_writer)
        wake_writer();
}

net::awaitable<boost::system::error_code> Session::write_queued()
{
    std::vector<std::shared_ptr<const std::string>> batch;  // keeps its capacity between rounds
    for (;;) {
        if (!queue_.take(batch, max_batch))
            co_return boost::system::error_code{};  // stopped: the session is closing or over
        if (batch.empty()) {
            co_await wait_for_wake();
            continue;  // woken, or stopped: look again
        }
        // The one write outstanding. `batch` keeps the strings alive until it has finished;
        // the other sessions share the same strings.
        auto ec = co_await write_batch(batch);
        if (ec)
            co_return ec;
        batch.clear();
    }
}

net::awaitable<boost::system::error_code> Session::write_batch(
    const std::vector<std::shared_ptr<const std::string>>& batch)
{
    // Header, text, header, text...: one gather write, one system call (shared/src/chat/).
    co_return co_await writer_.write(batch);
}

void Session::wake_writer()
{
    net::post(ws_.get_executor(), [self = shared_from_this()] { self->writer_.wake(); });
}

net::awaitable<void> Session::wait_for_wake()
{
    // Then lets a batch form while messages keep arriving ("One write, many messages").
    co_await writer_.sleep([this] { return queued_messages(); });
}

void Session::close_too_slow(std::size_t queued_messages, std::size_t queued_bytes)
{
    net::post(ws_.get_executor(), [self = shared_from_this(), queued_messages, queued_bytes] {
        ++self->state_.slow_consumers;
        wscourse::log(self->label_, "  too slow: ", queued_messages, " messages (", queued_bytes,
                      " bytes) waiting; closing with ", wscourse::describe_close_code(1008));
        self->close({websocket::close_code::policy_error, "too slow: send queue full"},
                    "too slow: send queue full");
    });
}

void Session::close(websocket::close_reason reason, std::string_view why)
{
    stop_writer();
    if (closing_ || !ws_.is_open())
        return;  // at most one close per stream; none after the handshake has finished
    closing_ = true;
    close_code_ = reason.code;
    close_why_ = why;

    // async_close has to wait for the write in progress (one write at a time, close frames
    // included). A client that does not read never lets that write finish, so the close
    // would wait forever: bound it, then cut the TCP connection, which fails both operations.
    close_deadline_.expires_after(state_.limits.close_timeout);
    close_deadline_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
        if (ec)
            return;  // cancelled: the close handshake finished in time
        self->close_timed_out_ = true;
        // Linger 0: close() sends a reset and drops what the kernel still holds for this
        // client (megabytes, for one that stopped reading). A plain close would leave the
        // kernel pushing it to a reader that does not read, for minutes.
        boost::system::error_code ignored;
        beast::get_lowest_layer(self->ws_).set_option(net::socket_base::linger(true, 0), ignored);
        beast::get_lowest_layer(self->ws_).close(ignored);
    });
    ws_.async_close(reason, [self = shared_from_this()](boost::system::error_code) {
        self->close_deadline_.cancel();
    });
}

void Session::stop_writer()
{
    queue_.stop();   // frees its memory now
    writer_.wake();  // on the strand: callers are
}

std::size_t Session::queued_messages()
{
    return queue_.size();
}

bool Session::stopped()
{
    return queue_.stopped();
}

void Session::writer_finished(std::exception_ptr failure, boost::system::error_code ec)
{
    if (failure) {
        // The writer is meant to return its errors; an exception is a bug in it (often
        // net::use_awaitable where net::as_tuple(net::use_awaitable) was needed).
        ++state_.errors;
        try {
            std::rethrow_exception(failure);
        } catch (const std::exception& e) {
            wscourse::log(label_, "  error: write_queued threw: ", e.what());
        }
        close({websocket::close_code::internal_error, "the writer failed"}, "the writer failed");
        return;
    }
    if (ec) {
        if (closing_)
            return;  // we cut the connection ourselves
        ++state_.write_errors;
        if (!is_disconnect(ec)) {
            ++state_.errors;
            wscourse::log(label_, "  error: write failed: ", ec.message());
        }
        return;  // the reader sees the connection end and reports it
    }
    if (!stopped()) {
        // Only an unfinished exercise gets here: the writer gave up on an open session.
        ++state_.errors;
        wscourse::log(label_, "  error: write_queued returned while the session was open; "
                              "closing with ", wscourse::describe_close_code(1011));
        close({websocket::close_code::internal_error, "the writer ended"}, "the writer ended");
    }
}

void Session::log_end(const boost::system::error_code& ec)
{
    if (closing_) {
        // We closed: 1001 at shutdown, 1008 for a slow client, 1003 for binary.
        wscourse::log(label_, "  disconnected: ", wscourse::describe_close_code(close_code_), " (",
                      close_why_, close_timed_out_ ? "; no answer in time, TCP closed" : "", ")");
    } else if (ec == websocket::error::closed) {
        // The close handshake finished: the normal end. reason.code is what the client sent.
        auto reason = ws_.reason();
        std::string why;
        if (!reason.reason.empty())
            why = " \"" + std::string(reason.reason.data(), reason.reason.size()) + "\"";
        wscourse::log(label_, "  disconnected: ", wscourse::describe_close_code(reason.code), why);
    } else if (ec == net::error::eof || ec == net::error::connection_reset
               || ec == net::error::broken_pipe) {
        wscourse::log(label_, "  disconnected: ", wscourse::describe_close_code(1006), " (",
                      ec.message(), ")");
    } else if (ec == beast::error::timeout) {
        wscourse::log(label_, "  disconnected: timed out (no answer to the keep-alive pings)");
    } else if (ec.category() == make_error_code(websocket::error::closed).category()) {
        // The client broke the protocol; Beast has already closed with the matching code.
        unsigned code = ec == websocket::error::message_too_big   ? 1009
                      : ec == websocket::error::bad_frame_payload ? 1007
                                                                  : 1002;
        wscourse::log(label_, "  closed the connection: ", wscourse::describe_close_code(code), " (",
                      ec.message(), ")");
    } else {
        ++state_.errors;
        wscourse::log(label_, "  error: ", ec.message());
    }
}

}  // namespace lesson03
