#include "session.hpp"

#include "protocol.hpp"

#include <wscourse/log.hpp>

#include <algorithm>
#include <iterator>

namespace lesson04 {

net::awaitable<void> run_session(ServerState& state, wscourse::Upgrade upgrade)
{
    // On the heap and shared: the ConnectionManager holds the session (as its Outbox) while
    // it is registered, and every handler posted to its strand holds it too.
    auto request = std::move(upgrade.request);
    auto session = std::make_shared<Session>(state, std::move(upgrade));
    co_await session->run(std::move(request));
}

Session::Session(ServerState& state, wscourse::Upgrade&& upgrade)
    : state_(state)
    , ws_(std::move(upgrade.stream).release_socket(), std::move(upgrade.leftover))
    , label_(std::move(upgrade.label))
    , close_deadline_(ws_.get_executor())
{
}

net::awaitable<void> Session::run(http::request<http::string_body> upgrade)
{
    // As in lesson 03: no Nagle delay, Beast's suggested timeouts, a size limit on every read.
    // (What we send is text frames the batched writer builds: JSON, one frame per message.)
    boost::system::error_code peer_error;
    const auto remote = beast::get_lowest_layer(ws_).remote_endpoint(peer_error);
    beast::get_lowest_layer(ws_).set_option(tcp::no_delay(true), peer_error);
    ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
    ws_.set_option(websocket::stream_base::decorator(
        [name = state_.server_name](websocket::response_type& response) { response.set(http::field::server, name); }));
    ws_.read_message_max(state_.options.max_message_bytes);

    auto [accepted] = co_await ws_.async_accept(upgrade, net::as_tuple(net::use_awaitable));
    if (accepted) {
        wscourse::log(label_, "  handshake refused: ", accepted.message());
        co_return;
    }
    auto self = shared_from_this();

    // Who is this? The socket knows the address; the upgrade request has the query (?user=)
    // and the headers (Origin, User-Agent, cookies). New in this lesson: kept as a ClientInfo.
    const wscourse::ClientInfo client = wscourse::client_info_from(upgrade, remote);
    user_ = wscourse::user_name_for(client, new_connection_id());

    // Ctrl-C closes us with 1001 (lesson 03's hook, unchanged).
    auto registration = state_.sessions.add([weak = weak_from_this()] {
        if (auto session = weak.lock())
            net::post(session->ws_.get_executor(), [session] {
                session->close(websocket::close_code::going_away, "server shutting down");
            });
    });

    // The writer runs beside this reader, on the same strand: co_spawn, not co_await.
    net::co_spawn(ws_.get_executor(), write_queued(),
                  [self](std::exception_ptr failure, error_code ec) { self->writer_finished(failure, ec); });

    // Register with the manager (from now on anyone can reach us) and announce ourselves.
    const auto joined = state_.chat->join(user_, client.remote_address(), self);
    const ConnectionInfo me{joined.id, user_, client.remote_address()};
    wscourse::log(label_, "  connected: ", user_, " ", wscourse::describe_client(client), " id=", joined.id);
    if (joined.id.empty() || !joined.welcomed) {
        // Only an unfinished exercise gets here: say so in the log and to the client.
        ++state_.errors;
        const char* why = joined.id.empty() ? "ConnectionManager::add returned no id"
                                            : "the welcome was not delivered (send_to_connection)";
        wscourse::log(label_, "  error: ", why, "; closing with ", wscourse::describe_close_code(1011));
        close({websocket::close_code::internal_error, "connection manager not written yet"}, why);
    }

    beast::flat_buffer buffer;
    error_code ended;
    for (;;) {
        auto [read_error, bytes] = co_await ws_.async_read(buffer, net::as_tuple(net::use_awaitable));
        if (read_error) {
            ended = read_error;  // closed, EOF, too big...: the end, never read again
            break;
        }
        if (closing_) {
            // Our close frame is out: whatever still arrives is not answered.
        } else if (!ws_.got_text()) {
            // Lesson 03 closed with 1003 here; a protocol with error replies can say no and
            // keep the connection.
            state_.manager.send_to_connection(
                me.id, error_message(error_codes::unsupported,
                                     "binary frames are not part of this protocol: send JSON text"));
        } else {
            const std::string_view text(static_cast<const char*>(buffer.data().data()), buffer.size());
            std::size_t reached = 0;
            try {
                reached = state_.chat->handle(me, self, text);  // lesson 04: handle_inbound, the exercise
            } catch (const std::exception& e) {
                // A handler is meant never to throw: a bug. Report it, tell the client.
                ++state_.errors;
                wscourse::log(label_, "  error: the chat handler threw: ", e.what());
                reached = state_.manager.send_to_connection(
                    me.id, error_message(error_codes::internal_error, "the server failed on that message"));
            }
            if (reached == 0) {
                // Every message gets an answer to at least its sender: an unfinished exercise.
                ++state_.errors;
                wscourse::log(label_, "  error: the chat handler answered nobody; closing with ",
                              wscourse::describe_close_code(1011));
                close({websocket::close_code::internal_error, "the chat answered nobody: not written yet"},
                      "the chat handler answered nobody");
            }
        }
        buffer.consume(buffer.size());
    }

    if (!joined.id.empty())
        state_.chat->leave(me);  // nothing is handed to us any more; others are told
    stop_writer();
    log_end(ended);
}

void Session::wake_writer()
{
    net::post(ws_.get_executor(), [self = shared_from_this()] { self->writer_.wake(); });
}

void Session::send(std::shared_ptr<const std::string> message)
{
    bool wake = false;
    bool too_slow = false;
    std::size_t waiting = 0, waiting_bytes = 0;
    {
        std::lock_guard lock(queue_mutex_);
        if (stopped_)
            return;  // closing or gone: never queue for a session that will not write
        const auto& limits = state_.limits;
        if (queue_.size() + 1 > limits.max_queued_messages
            || queued_bytes_ + message->size() > limits.max_queued_bytes) {
            stopped_ = true;
            waiting = queue_.size();
            waiting_bytes = queued_bytes_;
            std::deque<std::shared_ptr<const std::string>>().swap(queue_);  // free it now
            queued_bytes_ = 0;
            too_slow = true;
        } else {
            queued_bytes_ += message->size();
            queue_.push_back(std::move(message));  // a pointer, not a copy of the text
            wake = std::exchange(writer_sleeping_, false);
        }
    }
    // Outside the lock: both only post to the session's strand.
    if (too_slow)
        close_too_slow(waiting, waiting_bytes);
    if (wake)
        wake_writer();
}

net::awaitable<Session::error_code> Session::write_queued()
{
    // Lesson 03's writer: everything that waits goes out in one write. One message per write
    // (a system call each) is what made a client that pings as fast as it reads fall behind.
    std::vector<std::shared_ptr<const std::string>> batch;  // keeps its capacity between rounds
    for (;;) {
        {
            std::lock_guard lock(queue_mutex_);
            if (stopped_)
                co_return error_code{};
            const std::size_t take = std::min(queue_.size(), wscourse::chat::BatchWriter::max_batch);
            for (std::size_t i = 0; i < take; ++i)
                queued_bytes_ -= queue_[i]->size();
            batch.assign(std::make_move_iterator(queue_.begin()), std::make_move_iterator(queue_.begin() + take));
            queue_.erase(queue_.begin(), queue_.begin() + take);
            if (batch.empty())
                writer_sleeping_ = true;  // from now on send() wakes us
        }
        if (batch.empty()) {
            co_await writer_.sleep([this] { return queued_messages(); });
            continue;  // woken, or stopped: look again
        }
        if (auto ec = co_await writer_.write(batch))
            co_return ec;
        batch.clear();
    }
}

void Session::close_too_slow(std::size_t queued_messages, std::size_t queued_bytes)
{
    net::post(ws_.get_executor(), [self = shared_from_this(), queued_messages, queued_bytes] {
        wscourse::log(self->label_, "  too slow: ", queued_messages, " messages (", queued_bytes,
                      " bytes) waiting; closing with ", wscourse::describe_close_code(slow_consumer_close_code));
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
    // The close frame waits behind the write in progress, which a client that does not read
    // may never let finish: bound it, then cut the TCP connection (lesson 03).
    close_deadline_.expires_after(state_.limits.close_timeout);
    close_deadline_.async_wait([self = shared_from_this()](error_code ec) {
        if (ec)
            return;  // cancelled: the close handshake finished in time
        self->close_timed_out_ = true;
        // Linger 0: a reset, and the kernel drops what it still holds for this client (lesson 03).
        error_code ignored;
        beast::get_lowest_layer(self->ws_).set_option(net::socket_base::linger(true, 0), ignored);
        beast::get_lowest_layer(self->ws_).close(ignored);
    });
    ws_.async_close(reason, [self = shared_from_this()](error_code) { self->close_deadline_.cancel(); });
}

void Session::stop_writer()
{
    {
        std::lock_guard lock(queue_mutex_);
        stopped_ = true;
        std::deque<std::shared_ptr<const std::string>>().swap(queue_);
        queued_bytes_ = 0;
        writer_sleeping_ = false;
    }
    writer_.wake();  // on the strand: callers are
}

bool Session::stopped()
{
    std::lock_guard lock(queue_mutex_);
    return stopped_;
}

std::size_t Session::queued_messages()
{
    std::lock_guard lock(queue_mutex_);
    return queue_.size();
}

void Session::writer_finished(std::exception_ptr failure, error_code ec)
{
    if (failure) {
        ++state_.errors;
        try {
            std::rethrow_exception(failure);
        } catch (const std::exception& e) {
            wscourse::log(label_, "  error: write_queued threw: ", e.what());
        }
        close({websocket::close_code::internal_error, "the writer failed"}, "the writer failed");
        return;
    }
    if (ec && !closing_) {
        // A dead connection: the reader sees it end too, and reports it.
        const bool disconnect = ec == net::error::eof || ec == net::error::connection_reset
                             || ec == net::error::broken_pipe || ec == websocket::error::closed
                             || ec == net::error::operation_aborted;
        if (!disconnect) {
            ++state_.errors;
            wscourse::log(label_, "  error: write failed: ", ec.message());
        }
        return;
    }
    if (!ec && !stopped()) {
        ++state_.errors;
        wscourse::log(label_, "  error: write_queued returned while the session was open");
        close({websocket::close_code::internal_error, "the writer ended"}, "the writer ended");
    }
}

void Session::log_end(const error_code& ec)
{
    const std::string who = label_ + "  " + user_;
    if (closing_) {
        // We closed: 1001 at shutdown, 1008 for a slow client, 1011 for an unfinished exercise.
        wscourse::log(who, " disconnected: ", wscourse::describe_close_code(close_code_), " (", close_why_,
                      close_timed_out_ ? "; no answer in time, TCP closed" : "", ")");
    } else if (ec == websocket::error::closed) {
        // The close handshake finished: the normal end. The code is what the client sent.
        wscourse::log(who, " disconnected: ", wscourse::describe_close_code(ws_.reason().code));
    } else if (ec == net::error::eof || ec == net::error::connection_reset || ec == net::error::broken_pipe) {
        wscourse::log(who, " disconnected: ", wscourse::describe_close_code(1006), " (", ec.message(), ")");
    } else if (ec == beast::error::timeout) {
        wscourse::log(who, " disconnected: timed out (no answer to the keep-alive pings)");
    } else if (ec.category() == make_error_code(websocket::error::closed).category()) {
        // The client broke the WebSocket protocol; Beast has already closed with the code.
        const unsigned code = ec == websocket::error::message_too_big   ? 1009
                            : ec == websocket::error::bad_frame_payload ? 1007
                                                                        : 1002;
        wscourse::log(who, " closed the connection: ", wscourse::describe_close_code(code), " (",
                      ec.message(), ")");
    } else {
        ++state_.errors;
        wscourse::log(who, " error: ", ec.message());
    }
}

}  // namespace lesson04
