// The listener needs Catch's external interfaces (TestEventListenerBase).
#define CATCH_CONFIG_EXTERNAL_INTERFACES
#include <wscourse/testkit.hpp>

#include <catch2/catch.hpp>

#include <cstdio>
#include <deque>
#include <iostream>
#include <mutex>
#include <sstream>

namespace wscourse::test {

// --- the server log of the running test case ---

namespace {
struct CapturedLog {
    static constexpr std::size_t max_lines = 500;  // a chatty test must not grow without bound
    std::mutex mutex;
    std::deque<std::string> lines;
    std::size_t dropped = 0;
};

CapturedLog& captured()
{
    static CapturedLog log;
    return log;
}

void clear_server_log()
{
    auto& log = captured();
    std::lock_guard lock(log.mutex);
    log.lines.clear();
    log.dropped = 0;
}

// At most `room` lines of a long log: every error line, and the last lines before the end.
std::vector<std::string> lines_worth_showing(const std::vector<std::string>& lines, std::size_t room)
{
    if (lines.size() <= room)
        return lines;
    std::vector<bool> keep(lines.size(), false);
    std::size_t kept = 0;
    for (std::size_t i = 0; i < lines.size() && kept < room / 2; ++i)
        if (lines[i].find("error") != std::string::npos || lines[i].find("1011") != std::string::npos) {
            keep[i] = true;
            ++kept;
        }
    for (std::size_t i = lines.size(); i-- > 0 && kept < room;)
        if (!keep[i]) {
            keep[i] = true;
            ++kept;
        }
    std::vector<std::string> shown;
    std::size_t skipped = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!keep[i]) {
            ++skipped;
            continue;
        }
        if (skipped)
            shown.push_back("... (" + std::to_string(skipped) + " lines)");
        skipped = 0;
        shown.push_back(lines[i]);
    }
    return shown;
}

void print_server_log(std::ostream& out, std::string_view why)
{
    auto lines = server_log();
    if (lines.empty())
        return;
    out << "\nthe server's log " << why << " (" << lines.size() << (lines.size() == 1 ? " line" : " lines")
        << "):\n";
    for (const auto& line : lines_worth_showing(lines, 30))
        out << "    " << line << "\n";
    out << std::flush;
}

// Prints the servers' log under every test case that failed, and only those.
class ServerLogListener : public Catch::TestEventListenerBase {
public:
    using TestEventListenerBase::TestEventListenerBase;

    void testCaseStarting(Catch::TestCaseInfo const& info) override
    {
        TestEventListenerBase::testCaseStarting(info);
        clear_server_log();
    }

    void testCaseEnded(Catch::TestCaseStats const& stats) override
    {
        if (stats.totals.assertions.failed > 0)
            print_server_log(Catch::cout(), "during this test");
        TestEventListenerBase::testCaseEnded(stats);
    }
};
}  // namespace

CATCH_REGISTER_LISTENER(ServerLogListener)

void detail::capture_server_log()
{
    set_log_sink([](std::string_view line) {
        auto& log = captured();
        std::lock_guard lock(log.mutex);
        if (log.lines.size() == CapturedLog::max_lines) {
            log.lines.pop_front();
            ++log.dropped;
        }
        log.lines.emplace_back(line);
    });
}

std::vector<std::string> server_log()
{
    auto& log = captured();
    std::lock_guard lock(log.mutex);
    std::vector<std::string> lines(log.lines.begin(), log.lines.end());
    if (log.dropped)
        lines.insert(lines.begin(), "... (" + std::to_string(log.dropped) + " earlier lines dropped)");
    return lines;
}

void abandon_stuck_server()
{
    std::cout << "\nFAILED: the server's thread did not stop within 2 s of being told to: one of its\n"
                 "handlers never returns (a mutex locked twice? a loop that never waits?).\n"
                 "The test program ends here, in the test \""
              << Catch::getResultCapture().getCurrentTestName() << "\".\n";
    print_server_log(std::cout, "so far");
    std::cout.flush();
    std::fflush(stdout);
    std::_Exit(3);
}

ServerOptions loopback_options(std::filesystem::path web_dir)
{
    ServerOptions options;
    options.host = "127.0.0.1";
    options.port = 0;
    options.web_dir = std::move(web_dir);
    return options;
}

namespace {
tcp::endpoint loopback(unsigned short port)
{
    return {net::ip::make_address("127.0.0.1"), port};
}
}  // namespace

// --- WsClient ---

WsClient::WsClient(unsigned short port, std::string target, std::chrono::milliseconds timeout)
    : timeout_(timeout)
{
    auto connected = beast::get_lowest_layer(ws_).async_connect(loopback(port), net::use_future);
    wait(connected, "connecting to 127.0.0.1:" + std::to_string(port));
    beast::get_lowest_layer(ws_).socket().set_option(tcp::no_delay(true));
    ws_.control_callback([this](websocket::frame_type kind, beast::string_view payload) {
        if (kind == websocket::frame_type::pong)
            pongs_.emplace_back(payload);
    });
    ws_.read_message_max(64 * 1024 * 1024);
    auto handshake = ws_.async_handshake(response_, "127.0.0.1:" + std::to_string(port), target,
                                         net::use_future);
    wait(handshake, "WebSocket handshake for " + target);
}

WsClient::~WsClient()
{
    boost::system::error_code ignored;
    beast::get_lowest_layer(ws_).socket().close(ignored);
}

void WsClient::send_text(std::string_view text)
{
    ws_.text(true);
    auto sent = ws_.async_write(net::buffer(text), net::use_future);
    wait(sent, "sending a text message");
}

void WsClient::send_binary(std::string_view bytes)
{
    ws_.binary(true);
    auto sent = ws_.async_write(net::buffer(bytes), net::use_future);
    wait(sent, "sending a binary message");
}

void WsClient::ping(std::string_view payload)
{
    auto sent = ws_.async_ping(websocket::ping_data(payload.data(), payload.data() + payload.size()),
                               net::use_future);
    wait(sent, "sending a ping");
}

Message WsClient::read()
{
    buffer_.clear();
    auto received = ws_.async_read(buffer_, net::use_future);
    wait(received, "reading a message");
    return Message{ws_.got_text(), beast::buffers_to_string(buffer_.data())};
}

std::string WsClient::read_text()
{
    auto message = read();
    if (!message.text)
        throw std::runtime_error("expected a text message, got a binary one");
    return message.data;
}

boost::system::error_code WsClient::read_until_closed()
{
    // One deadline for the whole wait: a server that keeps talking must not keep the test alive.
    const auto deadline = std::chrono::steady_clock::now() + timeout_;
    for (;;) {
        buffer_.clear();
        auto received = ws_.async_read(buffer_, net::use_future);
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        try {
            wait_for(ioc_, received, std::max(left, std::chrono::milliseconds(1)),
                     "waiting for the server to close",
                     [this] { beast::get_lowest_layer(ws_).close(); });
        } catch (const boost::system::system_error& e) {
            return e.code();
        }
    }
}

void WsClient::close(websocket::close_code code)
{
    auto closed = ws_.async_close(code, net::use_future);
    wait(closed, "closing");
}

void WsClient::drop()
{
    boost::system::error_code ignored;
    beast::get_lowest_layer(ws_).socket().shutdown(tcp::socket::shutdown_both, ignored);
    beast::get_lowest_layer(ws_).socket().close(ignored);
}

// --- HTTP ---

http::response<http::string_body> http_request(unsigned short port, http::verb method,
                                               std::string target, std::string body,
                                               std::vector<std::pair<std::string, std::string>> headers)
{
    net::io_context ioc{1};
    beast::tcp_stream stream(ioc);
    auto cancel = [&] { stream.close(); };
    auto connected = stream.async_connect(loopback(port), net::use_future);
    wait_for(ioc, connected, default_timeout, "connecting for HTTP", cancel);

    http::request<http::string_body> request{method, target, 11};
    request.set(http::field::host, "127.0.0.1:" + std::to_string(port));
    for (auto& [name, value] : headers)
        request.set(name, value);
    if (!body.empty() || method == http::verb::post) {
        request.body() = std::move(body);
        request.prepare_payload();
    }
    auto sent = http::async_write(stream, request, net::use_future);
    wait_for(ioc, sent, default_timeout, "sending " + target, cancel);

    beast::flat_buffer buffer;
    http::response<http::string_body> response;
    auto received = http::async_read(stream, buffer, response, net::use_future);
    wait_for(ioc, received, default_timeout, "reading the response to " + target, cancel);
    return response;
}

// --- RawClient ---

RawClient::RawClient(unsigned short port, std::chrono::milliseconds timeout) : timeout_(timeout)
{
    auto connected = socket_.async_connect(loopback(port), net::use_future);
    wait_for(ioc_, connected, timeout_, "connecting", [this] { socket_.close(); });
}

void RawClient::send(std::string_view bytes)
{
    auto sent = net::async_write(socket_, net::buffer(bytes), net::use_future);
    wait_for(ioc_, sent, timeout_, "sending raw bytes", [this] { socket_.close(); });
}

void RawClient::fill(std::size_t at_least)
{
    while (pending_.size() < at_least) {
        char chunk[16 * 1024];
        auto received = socket_.async_read_some(net::buffer(chunk), net::use_future);
        std::size_t n = wait_for(ioc_, received, timeout_, "reading from the server",
                                 [this] { socket_.close(); });
        pending_.append(chunk, n);
    }
}

std::string RawClient::handshake(std::string_view target)
{
    send(upgrade_request(target));
    std::string head = read_http_head();
    if (head.rfind("HTTP/1.1 101", 0) != 0)
        throw std::runtime_error("expected 101 Switching Protocols, got: " + head);
    return head;
}

std::string RawClient::read_http_head()
{
    std::size_t end;
    while ((end = pending_.find("\r\n\r\n")) == std::string::npos) {
        if (pending_.size() > 64 * 1024)
            throw std::runtime_error("no end of HTTP head in 64 KiB");
        fill(pending_.size() + 1);
    }
    std::string head = pending_.substr(0, end + 4);
    pending_.erase(0, end + 4);
    return head;
}

std::string RawClient::read_exactly(std::size_t n)
{
    fill(n);
    std::string bytes = pending_.substr(0, n);
    pending_.erase(0, n);
    return bytes;
}

std::string RawClient::read_until_closed()
{
    const auto deadline = std::chrono::steady_clock::now() + timeout_;
    try {
        for (;;) {
            fill(pending_.size() + 1);
            if (std::chrono::steady_clock::now() >= deadline)
                throw std::runtime_error("timed out: the server kept sending instead of closing");
        }
    } catch (const boost::system::system_error&) {
        // EOF or reset: the server closed, which is what we waited for.
    }
    return std::exchange(pending_, {});
}

bool RawClient::closed_by_server()
{
    if (!pending_.empty())
        return false;
    try {
        fill(1);
        return false;
    } catch (const boost::system::system_error&) {
        return true;
    }
}

RawClient::Frame RawClient::read_frame()
{
    auto header = read_exactly(2);
    Frame frame;
    auto b0 = static_cast<std::uint8_t>(header[0]), b1 = static_cast<std::uint8_t>(header[1]);
    frame.fin = (b0 & 0x80) != 0;
    frame.opcode = b0 & 0x0f;
    frame.masked = (b1 & 0x80) != 0;
    std::uint64_t length = b1 & 0x7f;
    if (length >= 126) {
        auto extended = read_exactly(length == 126 ? 2 : 8);
        length = 0;
        for (char c : extended)
            length = (length << 8) | static_cast<std::uint8_t>(c);
    }
    std::string mask = frame.masked ? read_exactly(4) : std::string();
    frame.payload = read_exactly(static_cast<std::size_t>(length));
    if (frame.masked)
        for (std::size_t i = 0; i < frame.payload.size(); ++i)
            frame.payload[i] = static_cast<char>(frame.payload[i] ^ mask[i % 4]);
    return frame;
}

unsigned RawClient::Frame::close_code() const
{
    if (payload.size() < 2)
        return 1005;
    return static_cast<std::uint8_t>(payload[0]) * 256u + static_cast<std::uint8_t>(payload[1]);
}

// --- readable values ---

std::string hex_bytes(std::span<const std::uint8_t> bytes, std::size_t limit)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < bytes.size() && i < limit; ++i) {
        if (i)
            out += ' ';
        out += digits[bytes[i] >> 4];
        out += digits[bytes[i] & 0xf];
    }
    if (bytes.size() > limit)
        out += " ... (" + std::to_string(bytes.size()) + " bytes)";
    else if (bytes.empty())
        out = "(no bytes)";
    return out;
}

bool BytesEqual::match(std::span<const std::uint8_t> const& actual) const
{
    const std::size_t common = std::min(actual.size(), expected_.size());
    std::size_t at = 0;
    while (at < common && actual[at] == expected_[at])
        ++at;
    if (at == actual.size() && at == expected_.size()) {
        difference_.clear();
        return true;
    }
    // Both sides from a few bytes before the first difference.
    const std::size_t from = at < 4 ? 0 : at - 4;
    auto window = [from](std::span<const std::uint8_t> bytes) {
        return from >= bytes.size() ? std::string("(ends before)")
                                    : (from ? "... " : "") + hex_bytes(bytes.subspan(from), 16);
    };
    std::ostringstream why;
    why << "(" << expected_.size() << " bytes); ";
    if (at == common)
        why << "the " << (actual.size() < expected_.size() ? "actual bytes end" : "expected bytes end")
            << " at byte " << at << " (actual " << actual.size() << " bytes)";
    else
        why << "they first differ at byte " << at;
    why << "\n  from byte " << from << ", actual:   " << window(actual)
        << "\n  from byte " << from << ", expected: " << window(expected_);
    difference_ = why.str();
    return false;
}

std::string BytesEqual::describe() const
{
    return "equals " + hex_bytes(expected_) + (difference_.empty() ? "" : " " + difference_);
}

// --- frames and requests ---

std::string client_frame(unsigned opcode, std::string_view payload, bool fin, bool masked,
                         unsigned rsv_bits, std::array<std::uint8_t, 4> mask)
{
    std::string frame;
    frame += static_cast<char>((fin ? 0x80 : 0) | ((rsv_bits & 7) << 4) | (opcode & 0x0f));
    const char mask_bit = masked ? char(0x80) : char(0);
    if (payload.size() < 126) {
        frame += static_cast<char>(mask_bit | static_cast<char>(payload.size()));
    } else if (payload.size() <= 0xffff) {
        frame += static_cast<char>(mask_bit | 126);
        frame += static_cast<char>(payload.size() >> 8);
        frame += static_cast<char>(payload.size() & 0xff);
    } else {
        frame += static_cast<char>(mask_bit | 127);
        for (int shift = 56; shift >= 0; shift -= 8)
            frame += static_cast<char>((static_cast<std::uint64_t>(payload.size()) >> shift) & 0xff);
    }
    if (masked)
        frame.append(reinterpret_cast<const char*>(mask.data()), 4);
    for (std::size_t i = 0; i < payload.size(); ++i)
        frame += masked ? static_cast<char>(payload[i] ^ mask[i % 4]) : payload[i];
    return frame;
}

std::string close_payload(unsigned code, std::string_view reason)
{
    std::string payload;
    payload += static_cast<char>(code >> 8);
    payload += static_cast<char>(code & 0xff);
    payload += reason;
    return payload;
}

std::string upgrade_request(std::string_view target,
                            std::vector<std::pair<std::string, std::string>> overrides)
{
    std::vector<std::pair<std::string, std::string>> headers = {
        {"Host", "127.0.0.1"},
        {"Upgrade", "websocket"},
        {"Connection", "Upgrade"},
        {"Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="},
        {"Sec-WebSocket-Version", "13"},
    };
    for (auto& [name, value] : overrides) {
        bool replaced = false;
        for (auto& header : headers)
            if (beast::iequals(header.first, name)) {
                header.second = value;
                replaced = true;
            }
        if (!replaced)
            headers.emplace_back(name, value);
    }
    std::string request = "GET " + std::string(target) + " HTTP/1.1\r\n";
    for (auto& [name, value] : headers)
        if (!value.empty())
            request += name + ": " + value + "\r\n";
    return request + "\r\n";
}

}  // namespace wscourse::test
