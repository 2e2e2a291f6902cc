// lesson03-client: a command-line chat client on Boost.Beast.
//
//   lesson03-client ws://127.0.0.1:8080/ws?name=ana
//
// Every line you type is sent; everything the room says is printed as it arrives, while you
// type. The same shape as lesson02-client: one io_context thread owns the WebSocket, a
// reader coroutine prints, a writer coroutine sends, and stdin gets a thread of its own
// (reading a terminal blocks) that hands each line over with net::post.
#include <wscourse/beast.hpp>
#include <wscourse/log.hpp>

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
    "usage: lesson03-client ws://HOST:PORT/ws?name=NAME\n"
    "  each line of stdin is sent; every message of the room is printed as it arrives.\n"
    "  EOF (Ctrl-D) or Ctrl-C closes with 1000 normal, once your last lines have come back.\n";

struct Url {
    std::string host;
    std::string port;
    std::string target;
};

// ws://host[:port][/path][?query]; plain ws:// only (TLS comes later in the course).
std::optional<Url> parse_url(std::string_view url)
{
    constexpr std::string_view scheme = "ws://";
    if (url.substr(0, scheme.size()) != scheme)
        return std::nullopt;
    url.remove_prefix(scheme.size());
    auto path = url.find_first_of("/?");
    std::string_view authority = url.substr(0, path);
    std::string target = path == std::string_view::npos ? "/" : std::string(url.substr(path));
    if (target.front() == '?')
        target.insert(0, "/");
    Url parsed{"", "80", target};
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
    std::string text = wscourse::describe_close_code(reason.code);
    if (!reason.reason.empty())
        text += " \"" + std::string(reason.reason.data(), reason.reason.size()) + "\"";
    return text;
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
        std::cerr << "lesson03-client: cannot resolve " << url.host << ": "
                  << resolve_error.message() << "\n";
        co_return 1;
    }
    beast::get_lowest_layer(ws).expires_after(std::chrono::seconds(10));
    auto [connect_error, endpoint] = co_await beast::get_lowest_layer(ws).async_connect(
        endpoints, net::as_tuple(net::use_awaitable));
    if (connect_error) {
        std::cerr << "lesson03-client: cannot connect to " << url.host << ":" << url.port << ": "
                  << connect_error.message() << "\n";
        co_return 1;
    }
    beast::get_lowest_layer(ws).expires_never();  // the websocket stream's timeouts from here
    beast::get_lowest_layer(ws).socket().set_option(tcp::no_delay(true));
    ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
    ws.read_message_max(16 * 1024 * 1024);

    std::string host = endpoint.address().is_v6() && url.host.find(':') != std::string::npos
                         ? "[" + url.host + "]" : url.host;
    auto [handshake_error] = co_await ws.async_handshake(host + ":" + url.port, url.target,
                                                         net::as_tuple(net::use_awaitable));
    if (handshake_error) {
        std::cerr << "lesson03-client: WebSocket handshake with " << original
                  << " failed: " << handshake_error.message() << "\n";
        co_return 1;
    }
    co_return std::nullopt;
}

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
            std::cerr << "closed: " << describe_close(ws.reason()) << "\n";
            break;
        }
        if (ec) {
            std::cerr << "lesson03-client: connection lost: " << ec.message();
            if (ws.reason().code != websocket::close_code::none)  // a close frame did arrive
                std::cerr << " (the server had closed with " << describe_close(ws.reason()) << ")";
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
    auto url = parse_url(argv[1]);
    if (!url) {
        std::cerr << "lesson03-client: '" << argv[1]
                  << "' is not a ws:// URL like ws://127.0.0.1:8080/ws?name=ana\n";
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

    std::cerr << "connected to " << argv[1] << "; type a line and press Enter, Ctrl-D to leave\n";
    int status = chat(ioc, ws);
    // The stdin thread may still be blocked in getline(), which nothing portable can cancel,
    // and it uses ioc: end the process here rather than destroy ioc under its feet.
    std::cout.flush();
    std::cerr.flush();
    std::_Exit(status);
}
