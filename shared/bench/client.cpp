#include "client.hpp"

#include "waiting.hpp"

#include <random>

namespace wscourse::bench {
namespace {

net::awaitable<boost::system::error_code> open_client(WsStream& ws, const Url& url,
                                                      const std::string& target,
                                                      const ClientTimeouts& timeouts)
{
    auto& tcp_layer = beast::get_lowest_layer(ws);
    tcp_layer.expires_after(timeouts.connect);
    auto [connect_error] = co_await tcp_layer.async_connect(tcp::endpoint(url.address, url.port),
                                                            net::as_tuple(net::use_awaitable));
    if (connect_error)
        co_return connect_error;
    tcp_layer.expires_never();  // from here the websocket stream owns the timeouts
    // Our side must not batch either, or we would measure Nagle's delay instead of the server.
    boost::system::error_code ignored;
    tcp_layer.socket().set_option(tcp::no_delay(true), ignored);

    websocket::stream_base::timeout timeout;
    timeout.handshake_timeout = timeouts.connect;
    timeout.idle_timeout = timeouts.idle;
    timeout.keep_alive_pings = false;
    ws.set_option(timeout);
    // The mask of each client frame: a cheap generator is enough for a benchmark, and the
    // default (a cryptographic one) would spend our CPU instead of the server's.
    ws.secure_prng(false);
    ws.read_message_max(16 * 1024 * 1024);
    auto [handshake_error] = co_await ws.async_handshake(url.host_header(), target,
                                                         net::as_tuple(net::use_awaitable));
    co_return handshake_error;
}

}  // namespace

net::awaitable<OpenedClients> open_clients(const Url& url, std::size_t count,
                                           std::function<std::string(std::size_t)> target_for,
                                           ClientTimeouts timeouts, std::size_t concurrency,
                                           std::function<void(WsStream&)> on_open)
{
    auto executor = co_await net::this_coro::executor;
    OpenedClients opened;
    std::vector<std::unique_ptr<WsStream>> slots(count);
    std::size_t next = 0;

    // `concurrency` workers, each opening the next connection until none are left.
    auto worker = [&]() -> net::awaitable<void> {
        while (next < count && opened.failed == 0) {
            std::size_t index = next++;
            auto ws = std::make_unique<WsStream>(executor);
            auto ec = co_await open_client(*ws, url, target_for(index), timeouts);
            if (ec) {
                if (opened.failed++ == 0)
                    opened.first_error = "connection " + std::to_string(index + 1) + ": " + ec.message();
                co_return;
            }
            if (on_open)
                on_open(*ws);  // the stream stays where it is: the unique_ptr only moves
            slots[index] = std::move(ws);
        }
    };
    std::size_t workers = std::min(concurrency, count);
    WaitGroup all_done(executor, workers);
    for (std::size_t i = 0; i < workers; ++i)
        net::co_spawn(executor, worker(), [&](std::exception_ptr) { all_done.done(); });
    co_await all_done.wait();

    for (auto& slot : slots)
        if (slot)
            opened.streams.push_back(std::move(slot));
    co_return opened;
}

net::awaitable<void> discard_messages(WsStream& ws)
{
    beast::flat_buffer buffer;
    for (;;) {
        auto [ec, bytes] = co_await ws.async_read(buffer, net::as_tuple(net::use_awaitable));
        if (ec)
            co_return;
        buffer.clear();
    }
}

net::awaitable<void> close_clients(std::vector<std::unique_ptr<WsStream>>& streams)
{
    auto executor = co_await net::this_coro::executor;
    WaitGroup all_closed(executor, streams.size());
    auto close = [](WsStream& stream) -> net::awaitable<void> {
        if (stream.is_open())
            co_await stream.async_close(websocket::close_code::normal,
                                        net::as_tuple(net::use_awaitable));
    };
    for (auto& ws : streams)
        net::co_spawn(executor, close(*ws), [&](std::exception_ptr) { all_closed.done(); });
    co_await all_closed.wait();
}

std::string make_run_id()
{
    std::random_device random;
    char text[8];
    std::snprintf(text, sizeof text, "%06x", static_cast<unsigned>(random() & 0xffffff));
    return text;
}

}  // namespace wscourse::bench
