// A client that talks as fast as it can and reads as fast as it can is never "too slow": the
// writer sends every reply that waits in one system call (lesson 03's batched writer), so it
// keeps up with a reader that handles one message per turn of the event loop.
#include "helpers.hpp"

#include <wscourse/ws_client.hpp>

#include <future>

using namespace lesson04::test;

namespace {

struct PingStorm {
    std::size_t pongs = 0;
    std::size_t other = 0;  // presence and the like
    boost::system::error_code ended;  // the read that failed, if one did
    websocket::close_reason reason;
};

// Sends `count` pings back to back (each write as soon as the previous one is done) while
// another coroutine reads everything that comes back, until every pong is in or the
// connection ends.
PingStorm ping_storm(unsigned short port, std::size_t count)
{
    net::io_context ioc{1};
    websocket::stream<beast::tcp_stream> ws(ioc);
    beast::get_lowest_layer(ws).connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    ws.handshake("127.0.0.1", "/ws?user=storm");
    ws.text(true);

    PingStorm storm;
    auto writer = [&]() -> net::awaitable<void> {
        for (std::size_t i = 0; i < count; ++i) {
            const std::string ping = R"({"type":"ping","id":)" + std::to_string(i) + "}";
            auto [ec, n] = co_await ws.async_write(net::buffer(ping), net::as_tuple(net::use_awaitable));
            if (ec)
                co_return;  // the reader reports why
        }
    };
    auto reader = [&]() -> net::awaitable<void> {
        beast::flat_buffer buffer;
        while (storm.pongs < count) {
            auto [ec, n] = co_await ws.async_read(buffer, net::as_tuple(net::use_awaitable));
            if (ec) {
                storm.ended = ec;
                storm.reason = ws.reason();
                co_return;
            }
            const auto message = json::parse(beast::buffers_to_string(buffer.data()));
            if (message["type"] == "pong")
                ++storm.pongs;
            else
                ++storm.other;
            buffer.consume(buffer.size());
        }
    };
    net::co_spawn(ioc, writer(), net::detached);
    auto done = net::co_spawn(ioc, reader(), net::use_future);
    wscourse::test::wait_for(ioc, done, std::chrono::seconds(30), "5,000 pongs",
                             [&] { beast::get_lowest_layer(ws).close(); });
    return storm;
}

}  // namespace

TEST_CASE("a client that pings 5,000 times back to back and keeps reading is never too slow", "[task4]")
{
    ChatServer server(lesson_options());
    const auto storm = ping_storm(server.port(), 5000);
    INFO("the connection ended: " << storm.ended.message() << ", close "
                                  << wscourse::describe_close_reason(storm.reason));
    CHECK_FALSE(storm.ended);
    CHECK(storm.pongs == 5000);
}
