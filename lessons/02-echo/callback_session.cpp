#include "callback_session.hpp"

#include "messages.hpp"
#include "session.hpp"

#include <wscourse/log.hpp>
#include <wscourse/static_files.hpp>

namespace lesson02 {

CallbackSession::CallbackSession(ServerState& state, beast::tcp_stream stream, std::string label)
    : state_(state), ws_(std::move(stream)), label_(std::move(label))
{
}

void CallbackSession::run(http::request<http::string_body> upgrade)
{
    upgrade_ = std::move(upgrade);
    prepare_server_stream(ws_, state_.options.max_message_bytes);
    ws_.async_accept(upgrade_, beast::bind_front_handler(&CallbackSession::on_accept,
                                                         shared_from_this()));
}

void CallbackSession::on_accept(boost::system::error_code ec)
{
    if (ec) {
        wscourse::log(label_, "  handshake refused: ", ec.message());
        return;  // no handler pending any more: the session is destroyed
    }
    wscourse::log(label_, "  WebSocket connected (", wscourse::path_of(upgrade_.target()),
                  ", callback style)");

    // The hook holds the session weakly: the registry must not keep a session alive.
    registration_ = state_.sessions.add([weak = weak_from_this()] {
        if (auto self = weak.lock())
            self->close_going_away();
    });

    outgoing_ = welcome_message(state_.options.max_message_bytes);
    ws_.text(true);
    ws_.async_write(net::buffer(outgoing_), beast::bind_front_handler(&CallbackSession::on_welcome,
                                                                      shared_from_this()));
}

void CallbackSession::on_welcome(boost::system::error_code ec, std::size_t)
{
    if (ec)
        return finish(ec);
    do_read();
}

void CallbackSession::do_read()
{
    ws_.async_read(buffer_, beast::bind_front_handler(&CallbackSession::on_read, shared_from_this()));
}

void CallbackSession::on_read(boost::system::error_code ec, std::size_t)
{
    // closed (the close handshake is done), EOF, a timeout, a message too big...: the end.
    // Return without reading again; finish() logs which one it was.
    if (ec)
        return finish(ec);
    do_write();
}

void CallbackSession::do_write()
{
    auto write_done = beast::bind_front_handler(&CallbackSession::on_write, shared_from_this());
    if (ws_.got_text()) {
        if (auto pong = pong_for(beast::buffers_to_string(buffer_.data()))) {
            outgoing_ = std::move(*pong);
            ws_.text(true);
            return ws_.async_write(net::buffer(outgoing_), std::move(write_done));
        }
    }
    ws_.text(ws_.got_text());  // echo with the frame type it came with
    ws_.async_write(buffer_.data(), std::move(write_done));
}

void CallbackSession::on_write(boost::system::error_code ec, std::size_t)
{
    if (ec)
        return finish(ec);
    buffer_.consume(buffer_.size());  // only now: the write was reading from buffer_
    do_read();
}

void CallbackSession::close_going_away()
{
    if (closing_ || !ws_.is_open())
        return;
    closing_ = true;
    // The pending read ends with operation_aborted: Beast's close takes over the read and
    // reads the client's answer itself (websocket/impl/read.hpp, impl/close.hpp).
    ws_.async_close(websocket::close_code::going_away,
                    [self = shared_from_this()](boost::system::error_code) {});
}

void CallbackSession::finish(boost::system::error_code ec)
{
    registration_ = {};  // leave OpenSessions now, not when the last handler lets go of us
    log_session_end(state_, label_, ec, ws_.reason(), closing_);
}

}  // namespace lesson02
