// Task 2: each session's queue and writer. One order for everybody, every message whole (one
// write at a time), and a crowd of 200 receiving a burst.
#include "helpers.hpp"

#include <functional>

using namespace lesson03::test;

TEST_CASE("three clients see the same messages in the same order", "[task2]")
{
    ChatServer server(lesson_options());
    auto ana = join(server, "ana", 1);
    auto ben = join(server, "ben", 2);
    auto cat = join(server, "cat", 3);

    // All three talk at once, without waiting for anything: the server decides the order,
    // and everyone must see the one it decided.
    constexpr int each = 40;
    for (int i = 0; i < each; ++i) {
        ana->send_text("a" + std::to_string(i));
        ben->send_text("b" + std::to_string(i));
        cat->send_text("c" + std::to_string(i));
    }
    std::vector<std::string> seen_by_ana, seen_by_ben, seen_by_cat;
    for (int i = 0; i < 3 * each; ++i) {
        seen_by_ana.push_back(read_chat(*ana));
        seen_by_ben.push_back(read_chat(*ben));
        seen_by_cat.push_back(read_chat(*cat));
    }
    CHECK(seen_by_ana == seen_by_ben);
    CHECK(seen_by_ana == seen_by_cat);

    // And each sender's messages in the order they were sent.
    int next_a = 0, next_b = 0, next_c = 0;
    for (const auto& line : seen_by_ana) {
        if (line.rfind("ana: ", 0) == 0)
            CHECK(line == "ana: a" + std::to_string(next_a++));
        else if (line.rfind("ben: ", 0) == 0)
            CHECK(line == "ben: b" + std::to_string(next_b++));
        else
            CHECK(line == "cat: c" + std::to_string(next_c++));
    }
    CHECK((next_a == each && next_b == each && next_c == each));
}

TEST_CASE("big messages in a burst arrive whole and in order", "[task2]")
{
    auto options = lesson_options();
    options.max_message_bytes = 1024 * 1024;
    ChatServer server(options);
    auto ana = join(server, "ana", 1);
    auto ben = join(server, "ben", 2);

    // Kernel buffers fill and writes take several rounds each: two writes in flight at once
    // would interleave frames (Beast asserts in a debug build), one at a time never does.
    constexpr int count = 30;  // 2 MB to each reader: under the 4 MiB bound even with no kernel buffer
    auto text_for = [](int i) { return std::to_string(i) + ":" + std::string(64 * 1024, char('a' + i % 26)); };
    for (int i = 0; i < count; ++i)
        ana->send_text(text_for(i));
    for (int i = 0; i < count; ++i) {
        REQUIRE(read_chat(*ben) == "ana: " + text_for(i));
        REQUIRE(read_chat(*ana) == "ana: " + text_for(i));
    }
    CHECK(errors_logged(server) == 0);
}

TEST_CASE("a writer that went to sleep wakes up for the next message", "[task2]")
{
    ChatServer server(lesson_options());
    auto ana = join(server, "ana", 1);
    for (int i = 0; i < 20; ++i) {  // each time the queue is empty again before the next
        ana->send_text("ping " + std::to_string(i));
        REQUIRE(read_chat(*ana) == "ana: ping " + std::to_string(i));
    }
}

namespace {

// Many WebSocket clients on one io_context, all reading at the same time: a crowd of 200
// takes milliseconds this way, where 200 WsClients would be read one after the other.
class Crowd {
public:
    Crowd(unsigned short port, std::size_t size) : received_(size)
    {
        for (std::size_t i = 0; i < size; ++i)
            clients_.push_back(std::make_unique<websocket::stream<beast::tcp_stream>>(ioc_));
        std::size_t connected = 0;
        for (std::size_t i = 0; i < size; ++i)
            net::co_spawn(ioc_, connect(*clients_[i], port, "/ws?name=crowd" + std::to_string(i)),
                          [&connected](std::exception_ptr failure) {
                              if (!failure)
                                  ++connected;
                          });
        run_until([&] { return connected == size; }, "connecting the crowd");
    }

    // Reads until every client has `count` messages starting with `prefix`; returns them.
    const std::vector<std::vector<std::string>>& receive(std::string prefix, std::size_t count)
    {
        std::size_t done = 0;
        for (std::size_t i = 0; i < clients_.size(); ++i)
            net::co_spawn(ioc_, read(*clients_[i], received_[i], prefix, count),
                          [&done](std::exception_ptr failure) {
                              if (!failure)
                                  ++done;
                          });
        run_until([&] { return done == clients_.size(); }, "the crowd reading its messages");
        return received_;
    }

private:
    static net::awaitable<void> connect(websocket::stream<beast::tcp_stream>& ws, unsigned short port,
                                        std::string target)
    {
        co_await beast::get_lowest_layer(ws).async_connect(
            tcp::endpoint(net::ip::make_address("127.0.0.1"), port), net::use_awaitable);
        co_await ws.async_handshake("127.0.0.1:" + std::to_string(port), target, net::use_awaitable);
    }

    static net::awaitable<void> read(websocket::stream<beast::tcp_stream>& ws,
                                     std::vector<std::string>& into, std::string prefix,
                                     std::size_t count)
    {
        beast::flat_buffer buffer;
        while (into.size() < count) {
            co_await ws.async_read(buffer, net::use_awaitable);  // throws on an error
            auto text = beast::buffers_to_string(buffer.data());
            buffer.consume(buffer.size());
            if (text.rfind(prefix, 0) == 0)
                into.push_back(std::move(text));
        }
    }

    // Runs the io_context until done() or the deadline; on a timeout closes every client.
    void run_until(const std::function<bool()>& done, const std::string& what)
    {
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        ioc_.restart();
        while (!done() && std::chrono::steady_clock::now() < deadline)
            if (ioc_.run_one_until(deadline) == 0)
                break;  // nothing left to run: some client failed
        if (!done()) {
            for (auto& client : clients_)
                beast::get_lowest_layer(*client).close();
            ioc_.restart();
            ioc_.run();
            FAIL("the crowd did not finish " << what);
        }
    }

    net::io_context ioc_{1};
    std::vector<std::unique_ptr<websocket::stream<beast::tcp_stream>>> clients_;
    std::vector<std::vector<std::string>> received_;
};

}  // namespace

TEST_CASE("200 clients each receive every message of a burst, in order", "[task2]")
{
    ChatServer server(lesson_options());
    auto boss = join(server, "boss", 1);
    constexpr std::size_t crowd_size = 200;
    Crowd crowd(server.port(), crowd_size);
    REQUIRE(eventually(server, [](lesson03::Server& s) { return s.room_size() == crowd_size + 1; }));
    constexpr std::size_t burst = 50;
    for (std::size_t i = 0; i < burst; ++i)
        boss->send_text("burst " + std::to_string(i));
    for (std::size_t i = 0; i < burst; ++i)
        REQUIRE(read_chat(*boss) == "boss: burst " + std::to_string(i));

    const auto& received = crowd.receive("boss: ", burst);
    std::size_t complete = 0;
    for (const auto& lines : received) {
        bool in_order = lines.size() == burst;
        for (std::size_t i = 0; in_order && i < burst; ++i)
            in_order = lines[i] == "boss: burst " + std::to_string(i);
        complete += in_order;
    }
    CHECK(complete == crowd_size);
    CHECK(errors_logged(server) == 0);
}
