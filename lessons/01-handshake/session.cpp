#include "session.hpp"

#include "accept_key.hpp"
#include "http_request.hpp"
#include "self_check.hpp"

#include <wscourse/log.hpp>

#include <algorithm>
#include <tuple>

namespace lesson01 {

Session::Ending Session::Ending::lost(std::string detail)
{
    Ending ending;
    ending.detail = std::move(detail);
    return ending;
}

Session::Ending Session::Ending::answer(std::optional<std::uint16_t> code, std::string detail)
{
    Ending ending;
    ending.code = code.value_or(1005);  // 1005 "no status code": only ever logged, never sent
    ending.detail = std::move(detail);
    ending.send_close = true;
    ending.close_payload = code ? close_frame_payload(*code, "") : std::string();
    return ending;
}

Session::Ending Session::Ending::close_with(std::uint16_t code, std::string reason, bool in_sync)
{
    Ending ending;
    ending.code = code;
    ending.send_close = true;
    ending.close_payload = close_frame_payload(code, reason);
    ending.detail = std::move(reason);
    ending.wait_for_client = true;
    ending.in_sync = in_sync;
    return ending;
}

Session::Session(tcp::socket socket, std::uint64_t id, SessionContext context)
    : socket_(std::move(socket)), watchdog_(socket_.get_executor()), context_(context)
{
    boost::system::error_code ec;
    auto peer = socket_.remote_endpoint(ec);
    name_ = "#" + std::to_string(id) + " "
            + (ec ? std::string("?") : peer.address().to_string() + ":" + std::to_string(peer.port()));
}

net::awaitable<void> Session::run(std::shared_ptr<Session> self,
                                  wscourse::OpenSessions::Registration registration)
{
    // Every connection gets a deadline before anything else happens: a client that connects
    // and sends nothing must not keep this socket open forever.
    self->arm_watchdog(self->context_.timeouts.handshake);
    if (co_await self->handshake()) {
        wscourse::log(self->name_, "  connected: WebSocket upgrade of ", self->what_);
        self->arm_watchdog(self->context_.timeouts.idle);
        Ending ending = co_await self->message_loop();
        co_await self->finish(ending);
        wscourse::log(self->name_, "  disconnected: ", wscourse::describe_close_code(ending.code),
                      ending.detail.empty() ? "" : " (" + ending.detail + ")");
    }
    self->close_socket();
    self->watchdog_.cancel();  // its handler holds `self`: let it go
    (void)registration;        // destroyed here: the session leaves the server's list
}

// ---- the HTTP part ----

net::awaitable<bool> Session::handshake()
{
    if (going_away_)
        co_return false;

    // Read up to the blank line that ends the request head, but never more than 8 KiB, and
    // stop as soon as the bytes cannot be the start of a request at all.
    std::string head;
    std::size_t head_size = 0;  // up to and including the blank line; 0 while not found
    boost::system::error_code ec;
    reading_ = true;
    for (;;) {
        if (auto end = head.find("\r\n\r\n"); end != std::string::npos) {
            head_size = end + 4;
            break;
        }
        if (!could_start_request(head) || head.size() >= max_request_bytes)
            break;
        char chunk[1024];
        std::size_t room = std::min(sizeof chunk, max_request_bytes - head.size());
        std::size_t n = 0;
        std::tie(ec, n) = co_await socket_.async_read_some(net::buffer(chunk, room),
                                                           net::as_tuple(net::use_awaitable));
        head.append(chunk, n);
        if (ec)
            break;
    }
    reading_ = false;

    HttpResponse response;
    bool upgrade = false;
    std::string what = "request";  // "GET /chat", for the log
    if (head_size == 0 && !could_start_request(head)) {
        response = error_response(400, "Bad Request", not_http_explanation(head));
    } else if (head_size == 0 && head.size() >= max_request_bytes) {
        response = error_response(431, "Request Header Fields Too Large",
                                  "the request head is longer than 8 KiB");
    } else if (head_size == 0) {
        // Browsers open spare connections that never send anything; only log real requests.
        if (!head.empty())
            wscourse::log(name_, "  closed before the end of its request",
                          timed_out_ ? " (timed out)" : "");
        co_return false;
    } else {
        // Bytes after the blank line are already WebSocket frames: keep them.
        inbox_.assign(head.begin() + static_cast<std::ptrdiff_t>(head_size), head.end());
        head.resize(head_size);

        auto parsed = parse_request(head);
        if (!parsed.request) {
            response = error_response(400, "Bad Request", parsed.error);
        } else {
            const HttpRequest& request = *parsed.request;
            what = quote_safely(request.method) + " " + quote_safely(request.target);
            if (request.method == "GET" && wants_upgrade(request)) {
                if (auto rejection = check_upgrade(request)) {
                    response = *rejection;
                } else {
                    upgrade = true;
                    request_head_ = head;
                    what_ = what;
                    client_key_ = *request.header("Sec-WebSocket-Key");
                    const std::string accept = accept_key(client_key_);
                    // The browser would only say "1006": say here what is wrong, and where.
                    if (auto mistake = check_accept_key(client_key_, accept))
                        wscourse::log(name_, "  ", what, ": ", *mistake);
                    response = switching_protocols(accept);
                }
            } else {
                response = answer_plain_request(request, context_.files);
            }
        }
    }

    if (!upgrade) {
        // An error's body says what was wrong, in one line: log that line.
        wscourse::log(name_, "  ", what, " -> ",
                      response.status >= 400
                          ? response.body.substr(0, response.body.find('\n'))
                          : std::to_string(response.status) + " " + response.reason);
    }
    bool written = co_await write(response.serialize());
    if (!upgrade && written) {
        // "Connection: close": we are done. Let the client read the response before the
        // connection goes: half-close, then wait (bounded) for the client to close too.
        boost::system::error_code ignored;
        socket_.shutdown(tcp::socket::shutdown_send, ignored);
        closing_ = true;
        arm_watchdog(context_.timeouts.closing);
        co_await wait_for_client_close(false);
    }
    co_return upgrade && written;
}

// ---- the WebSocket part ----

net::awaitable<Session::Ending> Session::message_loop()
{
    // The message being received, which may come in several frames (fragments).
    Opcode message_opcode = Opcode::text;
    std::vector<std::uint8_t> message;
    std::vector<FrameRecord> records;  // the first few frames, for the description
    std::size_t frame_count = 0;       // 0: no message in progress
    bool first_message = true;

    for (;;) {
        auto frame = co_await read_frame(frame_count > 0, message.size());
        if (!frame)
            co_return ending_after_failed_read();
        arm_watchdog(context_.timeouts.idle);  // the client is alive: restart the idle clock
        const FrameHeader header = frame->record.header;

        // Control frames: answered at once, even between the fragments of a message.
        if (header.opcode == Opcode::ping) {
            if (!co_await write(encode_frame(Opcode::pong, as_chars(frame->payload))))
                co_return Ending::lost("could not send a pong: " + read_error_.message());
            continue;
        }
        if (header.opcode == Opcode::pong)
            continue;  // a pong we did not ask for is allowed (a heartbeat); nothing to do
        if (header.opcode == Opcode::close) {
            auto parsed = parse_close_payload(frame->payload);
            if (parsed.violation)
                co_return Ending::close_with(parsed.violation->code, parsed.violation->reason, true);
            // Echo the code (§5.5.1), then we are done: the client closed, so it waits for us.
            const auto& close = *parsed.close;
            co_return Ending::answer(close.code, close.reason.empty()
                                                     ? ""
                                                     : "\"" + quote_safely(close.reason) + "\"");
        }

        // Data frames: text or binary starts a message, continuation frames add to it.
        if (header.opcode != Opcode::continuation)
            message_opcode = header.opcode;
        message.insert(message.end(), frame->payload.begin(), frame->payload.end());
        if (records.size() < described_frames)
            records.push_back(std::move(frame->record));
        ++frame_count;
        if (!header.fin)
            continue;  // more fragments to come

        // A whole message. Text must be UTF-8 (§8.1), checked once it is complete.
        if (message_opcode == Opcode::text && !is_valid_utf8(message)) {
            co_return Ending::close_with(1007, unmask_mistake_
                                                   ? "text is not valid UTF-8: unmask() is wrong, check task 4"
                                                   : "text message is not valid UTF-8",
                                         true);
        }
        std::string answer = first_message ? describe_handshake(request_head_, client_key_) : "";
        answer += describe_message(message_opcode, message, records, frame_count);
        if (!co_await write(encode_frame(Opcode::text, answer)))
            co_return Ending::lost("could not send: " + read_error_.message());

        first_message = false;
        message.clear();
        records.clear();
        frame_count = 0;
    }
}

Session::Ending Session::ending_after_failed_read() const
{
    if (violation_) {
        // The stream may be out of step now (we refused a header before reading its payload),
        // so after our close frame we only wait for the client to hang up.
        return Ending::close_with(violation_->code, violation_->reason, false);
    }
    if (going_away_)
        return Ending::close_with(1001, "server shutting down", true);
    if (timed_out_)
        return Ending::lost("timed out: no frame for "
                            + std::to_string(context_.timeouts.idle.count()) + " ms");
    if (read_error_ == net::error::eof)
        return Ending::lost("the client hung up without a close frame");
    return Ending::lost(read_error_.message());
}

net::awaitable<void> Session::finish(const Ending& ending)
{
    if (!ending.send_close)
        co_return;
    closing_ = true;
    arm_watchdog(context_.timeouts.closing);  // bounds both the write and the wait
    if (!co_await write(encode_frame(Opcode::close, ending.close_payload)))
        co_return;
    // The server closes TCP first (§7.1.1): nothing more from us (FIN), and if we started
    // the close, give the client a moment to answer it before the socket goes.
    boost::system::error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_send, ignored);
    if (ending.wait_for_client)
        co_await wait_for_client_close(ending.in_sync);
}

net::awaitable<void> Session::wait_for_client_close(bool in_sync)
{
    for (;;) {
        if (in_sync) {
            // Whole frames: stop at the client's close frame.
            auto frame = co_await read_frame(false, 0);
            if (!frame || frame->record.header.opcode == Opcode::close)
                co_return;
        } else {
            // Bytes we can no longer make sense of: drop them until the client hangs up.
            inbox_.clear();
            if (co_await read_more())
                co_return;
        }
    }
}

// ---- reading and writing ----

net::awaitable<std::optional<Session::Frame>> Session::read_frame(bool in_message,
                                                                  std::uint64_t message_so_far)
{
    // 1. The header: read until parse_frame_header() has all of it (2 to 14 bytes).
    std::optional<FrameHeader> header;
    while (!(header = parse_frame_header(inbox_))) {
        if (inbox_.size() >= 14) {
            violation_ = Violation{1011, "parse_frame_header() wants more than 14 bytes; no header is that long"};
            co_return std::nullopt;
        }
        if (co_await read_more())
            co_return std::nullopt;
    }
    if (header->header_size < 2 || header->header_size > 14) {
        violation_ = Violation{1011, "parse_frame_header() says the header has "
                                         + std::to_string(header->header_size) + " bytes"};
        co_return std::nullopt;
    }

    // 2. The rules, before we read (and buffer) the payload.
    violation_ = check_client_frame(*header, in_message);
    if (!violation_)
        violation_ = check_size(*header, is_control(header->opcode) ? 0 : message_so_far,
                                context_.options.max_message_bytes);
    if (violation_)
        co_return std::nullopt;

    // 3. The payload: it fits within max_message_bytes, so buffering it is bounded. It is
    //    unmasked as it arrives, chunk by chunk, each chunk with its offset in the payload.
    Frame frame;
    frame.record.header = *header;
    const std::size_t payload_size = static_cast<std::size_t>(header->payload_length);
    const std::size_t frame_size = header->header_size + payload_size;
    std::size_t unmasked = 0;  // payload bytes unmasked so far
    for (;;) {
        const std::size_t arrived = std::min(inbox_.size() - header->header_size, payload_size);
        if (arrived > unmasked) {
            std::span chunk(inbox_.data() + header->header_size + unmasked, arrived - unmasked);
            auto mistake = unmask_chunk(chunk, header->masking_key, unmasked, frame.record);
            if (mistake && !unmask_mistake_) {
                // Said once; the session goes on with your bytes, as it would without the check.
                wscourse::log(name_, "  ", *mistake);
                unmask_mistake_ = true;
            }
            unmasked = arrived;
        }
        if (unmasked == payload_size)
            break;
        if (co_await read_more())
            co_return std::nullopt;
    }

    auto begin = inbox_.begin();
    auto payload_begin = begin + static_cast<std::ptrdiff_t>(header->header_size);
    auto end = begin + static_cast<std::ptrdiff_t>(frame_size);
    frame.record.header_bytes.assign(begin, payload_begin);
    frame.payload.assign(payload_begin, end);
    inbox_.erase(begin, end);
    co_return frame;
}

std::optional<std::string> Session::unmask_chunk(std::span<std::uint8_t> chunk,
                                                 std::array<std::uint8_t, 4> key,
                                                 std::uint64_t offset, FrameRecord& record)
{
    // Keep the first bytes as they came and as unmasked, for the description; and the whole
    // chunk as it came, to check unmask() against the XOR it should have done.
    const std::vector<std::uint8_t> masked(chunk.begin(), chunk.end());
    const std::size_t described = offset < described_bytes
                                      ? std::min<std::size_t>(chunk.size(), described_bytes - offset)
                                      : 0;
    record.masked_head.insert(record.masked_head.end(), masked.begin(),
                              masked.begin() + static_cast<std::ptrdiff_t>(described));
    unmask(chunk, key, offset);
    record.unmasked_head.insert(record.unmasked_head.end(), chunk.begin(),
                                chunk.begin() + static_cast<std::ptrdiff_t>(described));
    if (!record.header.masked)
        return std::nullopt;  // refused before this point; nothing to check
    return check_unmasked(masked, chunk, key, offset);
}

net::awaitable<boost::system::error_code> Session::read_more()
{
    if (going_away_ && !closing_)
        co_return net::error::operation_aborted;
    constexpr std::size_t chunk = 16 * 1024;
    const std::size_t old_size = inbox_.size();
    inbox_.resize(old_size + chunk);
    reading_ = true;
    auto [ec, n] = co_await socket_.async_read_some(net::buffer(inbox_.data() + old_size, chunk),
                                                    net::as_tuple(net::use_awaitable));
    reading_ = false;
    inbox_.resize(old_size + n);
    read_error_ = ec;
    co_return ec;
}

net::awaitable<bool> Session::write(std::string bytes)
{
    // Only this coroutine writes, so there is never more than one write at a time.
    auto [ec, n] = co_await net::async_write(socket_, net::buffer(bytes),
                                             net::as_tuple(net::use_awaitable));
    (void)n;
    if (ec)
        read_error_ = ec;
    co_return !ec;
}

// ---- timeouts and shutdown ----

void Session::arm_watchdog(std::chrono::milliseconds timeout)
{
    // expires_after() cancels the previous wait: its handler runs with operation_aborted.
    watchdog_.expires_after(timeout);
    watchdog_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
        if (ec || self->watchdog_.expiry() > std::chrono::steady_clock::now())
            return;  // re-armed or cancelled: the connection is alive
        self->timed_out_ = true;
        self->close_socket();  // the pending read or write ends with an error
    });
}

void Session::go_away()
{
    going_away_ = true;
    // Cancel a pending read so the session notices now; never a write, which would leave
    // half a frame on the wire. A session that is writing sees going_away_ before its next read.
    if (reading_ && !closing_) {
        boost::system::error_code ignored;
        socket_.cancel(ignored);
    }
}

void Session::close_socket()
{
    boost::system::error_code ignored;
    socket_.close(ignored);
}

}  // namespace lesson01
