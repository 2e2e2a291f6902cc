#include "session.hpp"

#include "echo.hpp"
#include "messages.hpp"

#include <wscourse/log.hpp>
#include <wscourse/static_files.hpp>

namespace lesson02 {

void prepare_server_stream(websocket::stream<beast::tcp_stream>& ws, std::size_t max_message_bytes)
{
    // Echoes are small and interactive: turn off Nagle's algorithm (RFC 1122 §4.2.3.4), which
    // holds a small segment until the previous one is ACKed, and the peer may delay that ACK.
    boost::system::error_code ignored;  // a socket the peer already closed: the read will say so
    beast::get_lowest_layer(ws).socket().set_option(tcp::no_delay(true), ignored);
    // 30 s for the handshake and for the close handshake; after 150 s of silence Beast pings,
    // and a peer that has not answered by 300 s is dropped. From here on the websocket stream
    // owns the timeouts: never mix them with tcp_stream::expires_after().
    ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
    ws.set_option(websocket::stream_base::decorator(
        [](websocket::response_type& response) { response.set(http::field::server, server_name); }));
    // A bigger message fails the read with websocket::error::message_too_big, and Beast closes
    // the connection with 1009 (message too big). Without this the limit would be 16 MiB.
    ws.read_message_max(max_message_bytes);
    // One frame per message: an echo goes back framed as most clients send it. With Beast's
    // default (auto_fragment on) a message over write_buffer_bytes (4096) leaves as 4 KiB
    // frames, each its own write (websocket/stream.hpp, impl/write.hpp "do_nomask_frag").
    ws.auto_fragment(false);
}

void log_session_end(ServerState& state, std::string_view label, const boost::system::error_code& ec,
                     const websocket::close_reason& reason, bool closed_by_server)
{
    if (closed_by_server
        && (ec == websocket::error::closed || ec == net::error::operation_aborted)) {
        // Our close was pending: the read ends with operation_aborted, because Beast's close
        // takes over the read and reads the answer itself (websocket/impl/read.hpp,
        // impl/close.hpp); with closed only if the client's close crossed ours.
        wscourse::log(label, "  disconnected: ", wscourse::describe_close_code(1001),
                      " (server shutting down)");
    } else if (ec == websocket::error::closed) {
        // The close handshake finished: the normal end. reason.code is what the peer sent.
        std::string why;
        if (!reason.reason.empty())
            why = " \"" + std::string(reason.reason.data(), reason.reason.size()) + "\"";
        wscourse::log(label, "  disconnected: ", wscourse::describe_close_code(reason.code), why);
    } else if (ec == net::error::eof || ec == net::error::connection_reset
               || ec == net::error::broken_pipe) {
        // The peer vanished without a close frame (a closed laptop lid, a killed tab): a normal
        // way for a connection to end on the Internet, so not an error.
        wscourse::log(label, "  disconnected: ", wscourse::describe_close_code(1006), " (",
                      ec.message(), ")");
    } else if (ec == beast::error::timeout) {
        wscourse::log(label, "  disconnected: timed out (no answer to the keep-alive pings)");
    } else if (ec.category() == make_error_code(websocket::error::closed).category()) {
        // The client broke the protocol and Beast has already failed the connection with
        // the matching close code: the client's mistake, not the server's.
        unsigned code = ec == websocket::error::message_too_big   ? 1009
                      : ec == websocket::error::bad_frame_payload ? 1007
                                                                  : 1002;
        wscourse::log(label, "  closed the connection: ", wscourse::describe_close_code(code),
                      " (", ec.message(), ")");
    } else {
        ++state.errors;
        wscourse::log(label, "  error: ", ec.message());
    }
}

net::awaitable<void> run_session(ServerState& state, tcp::socket socket,
                                 http::request<http::string_body> upgrade, std::string label)
{
    websocket::stream<beast::tcp_stream> ws(std::move(socket));
    prepare_server_stream(ws, state.options.max_message_bytes);

    // Beast checks the upgrade request (version 13, a key of at most 24 characters...) and
    // answers 101 with the Sec-WebSocket-Accept you computed by hand in lesson 01, or answers
    // 400/426 itself and fails here. A bad request is the client's mistake: logged, not counted.
    auto [accepted] = co_await ws.async_accept(upgrade, net::as_tuple(net::use_awaitable));
    if (accepted) {
        wscourse::log(label, "  handshake refused: ", accepted.message());
        co_return;
    }
    wscourse::log(label, "  WebSocket connected (", wscourse::path_of(upgrade.target()), ")");
    upgrade = {};  // its headers would otherwise stay in memory as long as the connection

    boost::system::error_code ended;
    bool closing = false;
    {
        // Ctrl-C closes us with 1001. The hook runs on the io_context's only thread, so it
        // may touch ws directly; with several threads it would have to post to the session's
        // strand. The pending read in echo_messages then ends with operation_aborted: Beast's
        // close reads the client's answer itself (websocket/impl/read.hpp, impl/close.hpp).
        // At most one close per stream: hence the flag.
        auto registration = state.sessions.add([&ws, &closing] {
            if (closing || !ws.is_open())
                return;
            closing = true;
            ws.async_close(websocket::close_code::going_away, [](boost::system::error_code) {});
        });

        ws.text(true);
        auto [welcome_error, sent] = co_await ws.async_write(
            net::buffer(welcome_message(state.options.max_message_bytes)),
            net::as_tuple(net::use_awaitable));
        try {
            ended = welcome_error ? welcome_error : co_await echo_messages(ws);
        } catch (const std::exception& e) {
            // The loop is meant to return its errors; an exception here is a bug in it
            // (often net::use_awaitable where net::as_tuple(net::use_awaitable) was needed).
            ++state.errors;
            wscourse::log(label, "  error: echo_messages threw: ", e.what());
            co_return;
        }
    }  // the session has left OpenSessions: shutdown no longer waits for it

    if (!ended && (closing || !ws.is_open()))
        ended = websocket::error::closed;  // the loop saw a close and returned "no error"
    if (!ended) {
        // Only an unfinished exercise gets here: the loop returned while the client was
        // still connected. Say so in the log and to the client (1011 internal error).
        // (Not if the hook has started a close: a second one at once is not allowed.)
        ++state.errors;
        wscourse::log(label, "  error: echo_messages returned while the connection was open; "
                             "closing with ", wscourse::describe_close_code(1011));
        co_await ws.async_close(
            websocket::close_reason(websocket::close_code::internal_error, "echo loop ended"),
            net::as_tuple(net::use_awaitable));
        co_return;
    }
    log_session_end(state, label, ended, ws.reason(), closing);
}

}  // namespace lesson02
