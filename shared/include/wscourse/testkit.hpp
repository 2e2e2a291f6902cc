// Test helpers: a lesson server on a background thread, bound to an OS-chosen loopback port,
// and clients whose every operation has a deadline, so a broken server fails a test instead
// of hanging it. Network tests only ever target 127.0.0.1.
#pragma once

#include <wscourse/beast.hpp>
#include <wscourse/log.hpp>
#include <wscourse/server_options.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <future>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace wscourse::test {

inline constexpr std::chrono::milliseconds default_timeout{5000};

// What the lesson servers of the running test case have logged ("#3 ... error: the welcome was
// not delivered; closing with 1011"), most recent last. ServerThread starts the capture; the test
// kit's Catch listener prints it under a test case that failed, so a failure shows the server's
// own reason next to the client's view of it.
std::vector<std::string> server_log();

// Ends the test process with a message and the server log: a server thread that does not stop
// cannot be joined, and waiting for it would only turn a failure into a hang.
[[noreturn]] void abandon_stuck_server();

namespace detail {
void capture_server_log();
}

// Options for a server under test: 127.0.0.1, port 0 (the OS picks), the given web folder.
ServerOptions loopback_options(std::filesystem::path web_dir = {});

// Runs ioc until `done` is ready or the deadline passes; on a timeout calls cancel(), drains
// the io_context and throws std::runtime_error("timed out: <what>").
template <class T>
T wait_for(net::io_context& ioc, std::future<T>& done, std::chrono::milliseconds timeout,
           std::string_view what, const std::function<void()>& cancel)
{
    ioc.restart();
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (done.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
        if (std::chrono::steady_clock::now() >= deadline) {
            cancel();
            ioc.restart();
            ioc.run();
            throw std::runtime_error("timed out: " + std::string(what));
        }
        ioc.run_one_until(deadline);
    }
    return done.get();
}

// A lesson server (any class constructible as Server(net::io_context&, ServerOptions, ...)
// with port() and shutdown()) running on its own thread.
template <class Server>
class ServerThread {
public:
    template <class... Args>
    explicit ServerThread(ServerOptions options, Args&&... args)
    {
        set_log_enabled(false);
        detail::capture_server_log();
        server_.emplace(ioc_, std::move(options), std::forward<Args>(args)...);
        port_ = server_->port();  // bound in the constructor: ready before the first client
        thread_ = std::thread([this] {
            ioc_.run();
            stopped_.set_value();
        });
    }

    ~ServerThread()
    {
        shutdown();
        // A test that ends with an exception has failed and dropped its clients: no close
        // handshake is worth waiting for.
        const auto grace = std::uncaught_exceptions() > 0 ? std::chrono::milliseconds(200)
                                                          : std::chrono::milliseconds(3000);
        if (stopped_future_.wait_for(grace) != std::future_status::ready) {
            ioc_.stop();  // a client that never answers the close handshake
            if (stopped_future_.wait_for(std::chrono::seconds(2)) != std::future_status::ready)
                abandon_stuck_server();  // a handler that never returns: a deadlock, or a busy loop
        }
        thread_.join();
        server_.reset();  // before the io_context: the server's sockets belong to it
    }

    ServerThread(const ServerThread&) = delete;
    ServerThread& operator=(const ServerThread&) = delete;

    unsigned short port() const { return port_; }

    // Server::shutdown() on the server's thread (what Ctrl-C does).
    void shutdown()
    {
        if (!shut_down_) {
            shut_down_ = true;
            net::post(ioc_, [this] { server_->shutdown(); });
        }
    }

    // Runs f(server) on the server's thread and returns its result.
    template <class F>
    auto call(F f) -> decltype(f(std::declval<Server&>()))
    {
        using Result = decltype(f(std::declval<Server&>()));
        std::packaged_task<Result()> task([&] { return f(*server_); });
        auto result = task.get_future();
        net::post(ioc_, [&task] { task(); });
        if (result.wait_for(default_timeout) != std::future_status::ready)
            throw std::runtime_error("timed out: the server's thread did not answer");
        return result.get();
    }

private:
    net::io_context ioc_{1};
    std::optional<Server> server_;
    std::promise<void> stopped_;
    std::future<void> stopped_future_ = stopped_.get_future();
    std::thread thread_;
    bool shut_down_ = false;
    unsigned short port_ = 0;
};

struct Message {
    bool text = true;
    std::string data;
};

// A Beast WebSocket client: an independent implementation to check the lessons against.
class WsClient {
public:
    explicit WsClient(unsigned short port, std::string target = "/ws",
                      std::chrono::milliseconds timeout = default_timeout);
    ~WsClient();

    void send_text(std::string_view text);
    void send_binary(std::string_view bytes);
    void ping(std::string_view payload);

    Message read();
    std::string read_text();  // read(), checking that it was a text frame

    // Reads until the connection ends and returns why: websocket::error::closed after a close
    // frame (see close_reason()), or the transport error.
    boost::system::error_code read_until_closed();

    // Starts and finishes the close handshake.
    void close(websocket::close_code code = websocket::close_code::normal);

    websocket::close_reason close_reason() const { return ws_.reason(); }
    std::vector<std::string> pongs() const { return pongs_; }  // payloads, in order
    websocket::response_type const& handshake_response() const { return response_; }
    websocket::stream<beast::tcp_stream>& stream() { return ws_; }

    // Cuts the TCP connection with no close frame.
    void drop();

private:
    template <class T>
    T wait(std::future<T>& done, std::string_view what)
    {
        return wait_for(ioc_, done, timeout_, what, [this] { beast::get_lowest_layer(ws_).close(); });
    }

    net::io_context ioc_{1};
    websocket::stream<beast::tcp_stream> ws_{ioc_};
    websocket::response_type response_;
    beast::flat_buffer buffer_;
    std::chrono::milliseconds timeout_;
    std::vector<std::string> pongs_;
};

// HTTP over Beast, one request per connection.
http::response<http::string_body> http_request(unsigned short port, http::verb method,
                                               std::string target, std::string body = {},
                                               std::vector<std::pair<std::string, std::string>> headers = {});
inline http::response<http::string_body> http_get(unsigned short port, std::string target)
{
    return http_request(port, http::verb::get, std::move(target));
}

// A plain TCP client for what a WebSocket library would refuse to send: malformed handshakes,
// unmasked frames, reserved bits.
class RawClient {
public:
    explicit RawClient(unsigned short port, std::chrono::milliseconds timeout = default_timeout);

    void send(std::string_view bytes);

    // Sends a valid upgrade request for target and reads the 101 response head.
    std::string handshake(std::string_view target = "/");

    std::string read_http_head();  // up to and including the blank line
    std::string read_exactly(std::size_t n);
    std::string read_until_closed();  // everything until the server closes the connection

    struct Frame {
        bool fin = true;
        unsigned opcode = 0;
        bool masked = false;
        std::string payload;
        unsigned close_code() const;  // for a close frame: its status code, 1005 if none
    };
    Frame read_frame();

    // True when the server has closed the connection (reads EOF, nothing more).
    bool closed_by_server();

private:
    void fill(std::size_t at_least);

    net::io_context ioc_{1};
    tcp::socket socket_{ioc_};
    std::string pending_;
    std::chrono::milliseconds timeout_;
};

// A frame as a client must send it: masked (unless told otherwise), FIN and RSV bits as given.
std::string client_frame(unsigned opcode, std::string_view payload, bool fin = true,
                         bool masked = true, unsigned rsv_bits = 0,
                         std::array<std::uint8_t, 4> mask = {0x37, 0xfa, 0x21, 0x3d});

// A close frame's payload: the 2-byte status code, then the reason.
std::string close_payload(unsigned code, std::string_view reason = {});

// An upgrade request; override any header by name (an empty value leaves it out).
std::string upgrade_request(std::string_view target = "/",
                            std::vector<std::pair<std::string, std::string>> overrides = {});

// --- readable values in failed checks ---

// Bytes as the wire carries them: "7f 9f 4d 51 58" (at most `limit` bytes, then "... (N bytes)").
std::string hex_bytes(std::span<const std::uint8_t> bytes, std::size_t limit = 48);
inline std::string hex_bytes(std::string_view bytes, std::size_t limit = 48)
{
    return hex_bytes(std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()), limit);
}

// CHECK_THAT(actual, BytesEqual(expected)): on a mismatch it says where the bytes first differ
// and shows both around that place, in hex, instead of two long lists.
class BytesEqual : public Catch::MatcherBase<std::span<const std::uint8_t>> {
public:
    explicit BytesEqual(std::vector<std::uint8_t> expected) : expected_(std::move(expected)) {}
    explicit BytesEqual(std::string_view expected) : expected_(expected.begin(), expected.end()) {}

    bool match(std::span<const std::uint8_t> const& actual) const override;
    std::string describe() const override;

private:
    std::vector<std::uint8_t> expected_;
    mutable std::string difference_;  // what match() found, for describe()
};

}  // namespace wscourse::test

// Catch prints these in hex rather than as characters (0x7f and 0x9f are invisible) or as a mix
// of numbers and '\t'.
template <>
struct Catch::StringMaker<std::vector<std::uint8_t>> {
    static std::string convert(const std::vector<std::uint8_t>& bytes)
    {
        return "{ " + wscourse::test::hex_bytes(bytes) + " }";
    }
};
// Arrays one by one: a partial specialization would be as good a match as Catch's own for ranges.
template <>
struct Catch::StringMaker<std::array<std::uint8_t, 4>> {  // a masking key
    static std::string convert(const std::array<std::uint8_t, 4>& bytes)
    {
        return "{ " + wscourse::test::hex_bytes(bytes) + " }";
    }
};
template <>
struct Catch::StringMaker<std::array<std::uint8_t, 20>> {  // a SHA-1 digest
    static std::string convert(const std::array<std::uint8_t, 20>& bytes)
    {
        return "{ " + wscourse::test::hex_bytes(bytes) + " }";
    }
};
template <>
struct Catch::StringMaker<std::span<const std::uint8_t>> {
    static std::string convert(std::span<const std::uint8_t> bytes)
    {
        return "{ " + wscourse::test::hex_bytes(bytes) + " }";
    }
};
