// lesson02-client: a command-line WebSocket client on Boost.Beast.
//
//   lesson02-client ws://127.0.0.1:8080/ws "hello"   send one message, print the reply, close
//   lesson02-client ws://127.0.0.1:8080/ws           interactive: each line you type is sent,
//                                                    everything that arrives is printed
//
// The client side of what the lesson's server does: resolve, connect, handshake (this time we
// send the upgrade request and check the 101: wscourse::connect_client in
// shared/src/ws_client.cpp, which the later lessons' clients use too), then read and write on
// one io_context thread.
// stdin gets a thread of its own, because reading a terminal, a file or a pipe blocks; it
// hands each line to the io_context with net::post, so the WebSocket is only ever used from
// the io_context's thread.
#include <wscourse/beast.hpp>
#include <wscourse/ws_client.hpp>

#include <nlohmann/json.hpp>

#include <csignal>
#include <deque>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

namespace {

using error_code = boost::system::error_code;
using Stream = websocket::stream<beast::tcp_stream>;

constexpr const char* usage =
    "usage: lesson02-client ws://HOST:PORT/PATH [TEXT]\n"
    "  with TEXT: send it, print the reply, close with 1000 normal\n"
    "  without:   send each line of stdin, print everything that arrives; EOF (Ctrl-D) closes\n";

// The server's welcome is for people; scripts want only the reply on stdout.
bool is_welcome(std::string_view text)
{
    auto json = nlohmann::json::parse(text, nullptr, false);
    return json.is_object() && json.value("type", "") == "welcome";
}

// "[binary, 3 bytes: 41 42 43]"
std::string describe_binary(std::string_view bytes)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string text = "[binary, " + std::to_string(bytes.size()) + " bytes";
    for (std::size_t i = 0; i < bytes.size() && i < 32; ++i) {
        text += i == 0 ? ": " : " ";
        text += digits[static_cast<unsigned char>(bytes[i]) >> 4];
        text += digits[static_cast<unsigned char>(bytes[i]) & 15];
    }
    return text + (bytes.size() > 32 ? " ...]" : "]");
}

// One message out, its reply printed, then a clean close.
net::awaitable<int> send_one(Stream& ws, std::string text)
{
    ws.text(true);
    if (auto [ec, n] = co_await ws.async_write(net::buffer(text), net::as_tuple(net::use_awaitable)); ec) {
        std::cerr << "lesson02-client: sending failed: " << ec.message() << "\n";
        co_return 1;
    }
    beast::flat_buffer buffer;
    for (;;) {
        auto [ec, n] = co_await ws.async_read(buffer, net::as_tuple(net::use_awaitable));
        if (ec == websocket::error::closed) {
            std::cerr << "lesson02-client: the server closed the connection before replying: "
                      << wscourse::describe_close_reason(ws.reason()) << "\n";
            co_return 1;
        }
        if (ec) {
            std::cerr << "lesson02-client: reading failed: " << ec.message() << "\n";
            co_return 1;
        }
        std::string message = beast::buffers_to_string(buffer.data());
        buffer.consume(buffer.size());
        if (ws.got_text() && is_welcome(message)) {
            std::cerr << "(welcome: " << message << ")\n";
            continue;
        }
        std::cout << (ws.got_text() ? message : describe_binary(message)) << std::endl;
        break;
    }
    auto [close_error] = co_await ws.async_close(websocket::close_code::normal,
                                                 net::as_tuple(net::use_awaitable));
    co_return close_error ? 1 : 0;
}

// What the stdin thread hands over, and the writer waiting for it.
struct Outbox {
    explicit Outbox(const net::any_io_executor& executor) : wake(executor) {}
    std::deque<std::string> lines;
    bool input_ended = false;       // stdin reached EOF, or Ctrl-C: close with 1000
    bool closing = false;           // our close frame is on its way
    bool connection_ended = false;  // the conversation is over: stop writing
    std::size_t sent = 0;           // lines sent, and replies received: an echo server
    std::size_t replies = 0;        // answers each line once
    net::steady_timer wake;         // cancelled to wake the writer up
};

// After EOF, how long to wait for the replies still on their way before closing: once our
// close frame is out, Beast drops whatever messages arrive before the server's close frame.
constexpr auto reply_grace = std::chrono::seconds(2);

net::awaitable<void> write_lines(Stream& ws, Outbox& outbox)
{
    auto give_up_waiting = std::chrono::steady_clock::time_point::max();
    for (;;) {
        while (!outbox.lines.empty() && !outbox.connection_ended) {
            std::string line = std::move(outbox.lines.front());
            outbox.lines.pop_front();
            ws.text(true);
            auto [ec, n] = co_await ws.async_write(net::buffer(line), net::as_tuple(net::use_awaitable));
            if (ec)
                co_return;  // the reader reports why the connection ended
            ++outbox.sent;
        }
        if (outbox.connection_ended)
            co_return;
        if (outbox.input_ended) {
            if (give_up_waiting == std::chrono::steady_clock::time_point::max())
                give_up_waiting = std::chrono::steady_clock::now() + reply_grace;
            if (outbox.replies >= outbox.sent || std::chrono::steady_clock::now() >= give_up_waiting) {
                outbox.closing = true;
                co_await ws.async_close(websocket::close_code::normal,
                                        net::as_tuple(net::use_awaitable));
                co_return;
            }
        }
        outbox.wake.expires_at(give_up_waiting);
        co_await outbox.wake.async_wait(net::as_tuple(net::use_awaitable));
    }
}

net::awaitable<int> print_incoming(Stream& ws, Outbox& outbox)
{
    beast::flat_buffer buffer;
    int status = 0;
    for (;;) {
        auto [ec, n] = co_await ws.async_read(buffer, net::as_tuple(net::use_awaitable));
        // A read that starts after our close frame went out ends with operation_aborted:
        // Beast's close reads the server's answer itself.
        if (ec == websocket::error::closed || (ec == net::error::operation_aborted && outbox.closing)) {
            std::cerr << "closed: " << wscourse::describe_close_reason(ws.reason()) << "\n";
            break;
        }
        if (ec) {
            std::cerr << "lesson02-client: connection lost: " << ec.message();
            if (ws.reason().code != websocket::close_code::none)  // a close frame did arrive
                std::cerr << " (the server had closed with " << wscourse::describe_close_reason(ws.reason()) << ")";
            std::cerr << "\n";
            status = 1;
            break;
        }
        std::string message = beast::buffers_to_string(buffer.data());
        buffer.consume(buffer.size());
        if (!(ws.got_text() && is_welcome(message)))
            ++outbox.replies;
        outbox.wake.cancel();  // the writer may be waiting for this reply to close
        std::cout << "< " << (ws.got_text() ? message : describe_binary(message)) << std::endl;
    }
    outbox.connection_ended = true;
    outbox.wake.cancel();
    co_return status;
}

int interactive(net::io_context& ioc, Stream& ws)
{
    Outbox outbox(ioc.get_executor());
    int status = 0;
    net::signal_set signals(ioc, SIGINT, SIGTERM);
    net::co_spawn(ioc, write_lines(ws, outbox), net::detached);
    net::co_spawn(ioc, print_incoming(ws, outbox), [&](std::exception_ptr, int code) {
        status = code;
        signals.cancel();  // the conversation is over: let ioc.run() return
    });

    // Ctrl-C says goodbye with a close frame instead of dropping the connection.
    auto end_input = [&outbox] {
        outbox.input_ended = true;
        outbox.wake.cancel();
    };
    signals.async_wait([&](error_code ec, int) {
        if (!ec)
            end_input();
    });

    // Blocking reads on a thread of their own; every line is posted to the io_context.
    std::thread([&ioc, &outbox, end_input] {
        for (std::string line; std::getline(std::cin, line);)
            net::post(ioc, [&outbox, line = std::move(line)]() mutable {
                outbox.lines.push_back(std::move(line));
                outbox.wake.cancel();
            });
        net::post(ioc, end_input);
    }).detach();

    ioc.run();
    return status;
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc >= 2 && (std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h")) {
        std::cout << "lesson02-client: a WebSocket client for the echo server\n\n" << usage;
        return 0;
    }
    if (argc < 2 || argc > 3) {
        std::cerr << "lesson02-client: expected a ws:// URL and an optional text (see --help)\n";
        return 2;
    }
    auto url = wscourse::parse_ws_url(argv[1]);
    if (!url) {
        std::cerr << "lesson02-client: '" << argv[1]
                  << "' is not a ws:// URL like ws://127.0.0.1:8080/ws\n";
        return 2;
    }

    net::io_context ioc{1};
    Stream ws(ioc);
    bool connected = false;
    net::co_spawn(ioc, wscourse::connect_client(ws, *url, "lesson02-client"),
                  [&](std::exception_ptr, bool ok) { connected = ok; });
    ioc.run();
    if (!connected)
        return 1;
    ioc.restart();

    if (argc == 3) {
        int status = 1;
        net::co_spawn(ioc, send_one(ws, argv[2]), [&](std::exception_ptr, int code) { status = code; });
        ioc.run();
        return status;
    }
    std::cerr << "connected to " << argv[1] << "; type a line and press Enter, Ctrl-D to close\n";
    int status = interactive(ioc, ws);
    // The stdin thread may still be blocked in getline(), which nothing portable can cancel,
    // and it uses ioc: end the process here rather than destroy ioc under its feet.
    std::cout.flush();
    std::cerr.flush();
    std::_Exit(status);
}
