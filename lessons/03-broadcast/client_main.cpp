// lesson03-client: a command-line chat client on Boost.Beast.
//
//   lesson03-client ws://127.0.0.1:8080/ws?name=ana
//
// Every line you type is sent; everything the room says is printed as it arrives, while you
// type. The same shape as lesson02-client: one io_context thread owns the WebSocket, a
// reader coroutine prints, a writer coroutine sends, and stdin gets a thread of its own
// (reading a terminal blocks) that hands each line over with net::post.
#include <wscourse/beast.hpp>
#include <wscourse/ws_client.hpp>

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
    "usage: lesson03-client ws://HOST:PORT/ws?name=NAME\n"
    "  each line of stdin is sent; every message of the room is printed as it arrives.\n"
    "  EOF (Ctrl-D) or Ctrl-C closes with 1000 normal, once your last lines have come back.\n";

// What the stdin thread hands over, and the writer waiting for it.
struct Outbox {
    explicit Outbox(const net::any_io_executor& executor) : wake(executor) {}
    std::deque<std::string> lines;    // typed, not sent yet
    std::deque<std::string> echoes;   // sent, not seen back from the room yet
    bool input_ended = false;         // stdin reached EOF, or Ctrl-C: close with 1000
    bool closing = false;             // our close frame is on its way
    bool connection_ended = false;    // the conversation is over: stop writing
    net::steady_timer wake;           // cancelled to wake the writer up
};

// After EOF, how long to wait for our last lines to come back before closing: once our close
// frame is out, Beast drops whatever messages arrive before the server's close frame.
constexpr auto echo_grace = std::chrono::seconds(2);

net::awaitable<void> write_lines(Stream& ws, Outbox& outbox)
{
    auto give_up_waiting = std::chrono::steady_clock::time_point::max();
    ws.text(true);
    for (;;) {
        while (!outbox.lines.empty() && !outbox.connection_ended) {
            std::string line = std::move(outbox.lines.front());
            outbox.lines.pop_front();
            auto [ec, n] = co_await ws.async_write(net::buffer(line), net::as_tuple(net::use_awaitable));
            if (ec)
                co_return;  // the reader reports why the connection ended
            outbox.echoes.push_back(std::move(line));
        }
        if (outbox.connection_ended)
            co_return;
        if (outbox.input_ended) {
            if (give_up_waiting == std::chrono::steady_clock::time_point::max())
                give_up_waiting = std::chrono::steady_clock::now() + echo_grace;
            if (outbox.echoes.empty() || std::chrono::steady_clock::now() >= give_up_waiting) {
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

// "ana: hello" is our "hello" coming back if it is the oldest line we are waiting for.
bool is_echo_of(std::string_view message, std::string_view line)
{
    return message.size() >= line.size() + 2 && message.ends_with(line)
        && message.substr(message.size() - line.size() - 2, 2) == ": ";
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
            std::cerr << "lesson03-client: connection lost: " << ec.message();
            if (ws.reason().code != websocket::close_code::none)  // a close frame did arrive
                std::cerr << " (the server had closed with " << wscourse::describe_close_reason(ws.reason()) << ")";
            std::cerr << "\n";
            status = 1;
            break;
        }
        std::string_view message(static_cast<const char*>(buffer.data().data()), buffer.size());
        std::cout << message << std::endl;
        if (!outbox.echoes.empty() && is_echo_of(message, outbox.echoes.front())) {
            outbox.echoes.pop_front();
            outbox.wake.cancel();  // the writer may be waiting for this to close
        }
        buffer.consume(buffer.size());
    }
    outbox.connection_ended = true;
    outbox.wake.cancel();
    co_return status;
}

int chat(net::io_context& ioc, Stream& ws)
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
    if (argc == 2 && (std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h")) {
        std::cout << "lesson03-client: a chat client for the broadcast server\n\n" << usage;
        return 0;
    }
    if (argc != 2) {
        std::cerr << "lesson03-client: expected one ws:// URL (see --help)\n";
        return 2;
    }
    auto url = wscourse::parse_ws_url(argv[1]);
    if (!url) {
        std::cerr << "lesson03-client: '" << argv[1]
                  << "' is not a ws:// URL like ws://127.0.0.1:8080/ws?name=ana\n";
        return 2;
    }

    net::io_context ioc{1};
    Stream ws(ioc);
    bool connected = false;
    net::co_spawn(ioc, wscourse::connect_client(ws, *url, "lesson03-client"),
                  [&](std::exception_ptr, bool ok) { connected = ok; });
    ioc.run();
    if (!connected)
        return 1;
    ioc.restart();

    std::cerr << "connected to " << argv[1] << "; type a line and press Enter, Ctrl-D to leave\n";
    int status = chat(ioc, ws);
    // The stdin thread may still be blocked in getline(), which nothing portable can cancel,
    // and it uses ioc: end the process here rather than destroy ioc under its feet.
    std::cout.flush();
    std::cerr.flush();
    std::_Exit(status);
}
