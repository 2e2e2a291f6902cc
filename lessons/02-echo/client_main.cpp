// lesson02-client: a command-line WebSocket client on Boost.Beast.
//
//   lesson02-client ws://127.0.0.1:8080/ws "hello"   send one message, print the reply, close
//   lesson02-client ws://127.0.0.1:8080/ws           interactive: each line you type is sent,
//                                                    everything that arrives is printed
//
// The client side of what the lesson's server does: resolve, connect, handshake (this time we
// send the upgrade request and check the 101), then read and write on one io_context thread.
// stdin gets a thread of its own, because reading a terminal, a file or a pipe blocks; it
// hands each line to the io_context with net::post, so the WebSocket is only ever used from
// the io_context's thread.
#include <wscourse/beast.hpp>

#include <nlohmann/json.hpp>

#include <charconv>
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

struct Url {
    std::string host;
    std::string port;
    std::string target;
};

// ws://host[:port][/path]; only plain ws:// (wss:// needs TLS, which this lesson leaves out).
std::optional<Url> parse_url(std::string_view url)
{
    constexpr std::string_view scheme = "ws://";
    if (url.substr(0, scheme.size()) != scheme)
        return std::nullopt;
    url.remove_prefix(scheme.size());
    auto slash = url.find('/');
    std::string_view authority = url.substr(0, slash);
    Url parsed{"", "80", slash == std::string_view::npos ? "/" : std::string(url.substr(slash))};
    std::string_view host = authority;
    if (!authority.empty() && authority.front() == '[') {  // [::1]:8080
        auto close = authority.find(']');
        if (close == std::string_view::npos)
            return std::nullopt;
        host = authority.substr(1, close - 1);
        authority.remove_prefix(close + 1);
        if (!authority.empty() && authority.front() != ':')
            return std::nullopt;
        if (!authority.empty())
            parsed.port = std::string(authority.substr(1));
    } else if (auto colon = authority.rfind(':'); colon != std::string_view::npos) {
        host = authority.substr(0, colon);
        parsed.port = std::string(authority.substr(colon + 1));
    }
    unsigned port = 0;
    auto [end, ec] = std::from_chars(parsed.port.data(), parsed.port.data() + parsed.port.size(), port);
    if (host.empty() || ec != std::errc{} || end != parsed.port.data() + parsed.port.size()
        || port == 0 || port > 65535)
        return std::nullopt;
    parsed.host = std::string(host);
    return parsed;
}

std::string describe_close(const websocket::close_reason& reason)
{
    std::string text = std::to_string(reason.code);
    switch (reason.code) {
    case 1000: text += " normal"; break;
    case 1001: text += " going away"; break;
    case 1002: text += " protocol error"; break;
    case 1007: text += " invalid payload data"; break;
    case 1008: text += " policy violation"; break;
    case 1009: text += " message too big"; break;
    case 1011: text += " internal error"; break;
    default: break;
    }
    if (!reason.reason.empty())
        text += " \"" + std::string(reason.reason.data(), reason.reason.size()) + "\"";
    return text;
}

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

// Connects and handshakes; a one-line error and the exit code on failure.
// (Parameters by value: a coroutine outlives the caller's temporaries.)
net::awaitable<std::optional<int>> connect(Stream& ws, Url url, std::string original)
{
    auto executor = co_await net::this_coro::executor;
    tcp::resolver resolver(executor);
    auto [resolve_error, endpoints] = co_await resolver.async_resolve(
        url.host, url.port, net::as_tuple(net::use_awaitable));
    if (resolve_error) {
        std::cerr << "lesson02-client: cannot resolve " << url.host << ": "
                  << resolve_error.message() << "\n";
        co_return 1;
    }
    beast::get_lowest_layer(ws).expires_after(std::chrono::seconds(10));
    auto [connect_error, endpoint] = co_await beast::get_lowest_layer(ws).async_connect(
        endpoints, net::as_tuple(net::use_awaitable));
    if (connect_error) {
        std::cerr << "lesson02-client: cannot connect to " << url.host << ":" << url.port << ": "
                  << connect_error.message() << "\n";
        co_return 1;
    }
    beast::get_lowest_layer(ws).expires_never();  // the websocket stream's timeouts from here
    beast::get_lowest_layer(ws).socket().set_option(tcp::no_delay(true));
    ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
    ws.read_message_max(64 * 1024 * 1024);

    // The Host header must name the port too, unless it is the default.
    std::string host = endpoint.address().is_v6() && url.host.find(':') != std::string::npos
                         ? "[" + url.host + "]" : url.host;
    auto [handshake_error] = co_await ws.async_handshake(host + ":" + url.port, url.target,
                                                         net::as_tuple(net::use_awaitable));
    if (handshake_error) {
        std::cerr << "lesson02-client: WebSocket handshake with " << original
                  << " failed: " << handshake_error.message() << "\n";
        co_return 1;
    }
    co_return std::nullopt;
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
                      << describe_close(ws.reason()) << "\n";
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
            std::cerr << "closed: " << describe_close(ws.reason()) << "\n";
            break;
        }
        if (ec) {
            std::cerr << "lesson02-client: connection lost: " << ec.message();
            if (ws.reason().code != websocket::close_code::none)  // a close frame did arrive
                std::cerr << " (the server had closed with " << describe_close(ws.reason()) << ")";
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
    auto url = parse_url(argv[1]);
    if (!url) {
        std::cerr << "lesson02-client: '" << argv[1]
                  << "' is not a ws:// URL like ws://127.0.0.1:8080/ws\n";
        return 2;
    }

    net::io_context ioc{1};
    Stream ws(ioc);
    std::optional<int> failed;
    net::co_spawn(ioc, connect(ws, *url, argv[1]),
                  [&](std::exception_ptr, std::optional<int> result) { failed = result; });
    ioc.run();
    if (failed)
        return *failed;
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
