// Tasks 2 and 3, without a socket: the SendQueue on its own, as the session uses it.
#include "send_queue.hpp"

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

using lesson03::SendQueue;

namespace {

SendQueue::Message text(std::string value)
{
    return std::make_shared<const std::string>(std::move(value));
}

lesson03::Limits limits(std::size_t messages, std::size_t bytes)
{
    lesson03::Limits limits;
    limits.max_queued_messages = messages;
    limits.max_queued_bytes = bytes;
    return limits;
}

}  // namespace

TEST_CASE("send queue: take hands out the oldest first, at most max, the same strings", "[task2]")
{
    SendQueue queue(limits(100, 1 << 20));
    std::vector<SendQueue::Message> sent;
    for (int i = 0; i < 5; ++i) {
        sent.push_back(text("m" + std::to_string(i)));
        queue.push(sent.back());
    }
    CHECK(queue.size() == 5);
    CHECK(queue.bytes() == 10);

    std::vector<SendQueue::Message> batch;
    REQUIRE(queue.take(batch, 3));
    REQUIRE(batch.size() == 3);
    for (std::size_t i = 0; i < 3; ++i)
        CHECK(batch[i] == sent[i]);  // the pointer itself: no copy of the text
    CHECK(queue.size() == 2);
    CHECK(queue.bytes() == 4);

    batch.clear();
    REQUIRE(queue.take(batch, 3));
    REQUIRE(batch.size() == 2);
    CHECK(batch[0] == sent[3]);
    CHECK(batch[1] == sent[4]);
    CHECK(queue.size() == 0);
    CHECK(queue.bytes() == 0);
}

TEST_CASE("send queue: a push wakes the writer only after take found nothing, and once", "[task2]")
{
    SendQueue queue(limits(100, 1 << 20));
    CHECK_FALSE(queue.push(text("a")).wake_writer);  // the writer has not gone to sleep

    std::vector<SendQueue::Message> batch;
    REQUIRE(queue.take(batch, 8));
    CHECK(batch.size() == 1);
    batch.clear();
    REQUIRE(queue.take(batch, 8));  // nothing: the writer goes to sleep
    CHECK(batch.empty());

    CHECK(queue.push(text("b")).wake_writer);
    CHECK_FALSE(queue.push(text("c")).wake_writer);  // already woken
    REQUIRE(queue.take(batch, 8));
    CHECK(batch.size() == 2);
}

TEST_CASE("send queue: once stopped, take returns false and push queues nothing", "[task2]")
{
    SendQueue queue(limits(100, 1 << 20));
    queue.push(text("a"));
    queue.stop();
    CHECK(queue.stopped());
    CHECK(queue.size() == 0);
    const auto pushed = queue.push(text("b"));
    CHECK_FALSE(pushed.wake_writer);
    CHECK_FALSE(pushed.too_slow);
    CHECK(queue.size() == 0);
    std::vector<SendQueue::Message> batch;
    CHECK_FALSE(queue.take(batch, 8));
    CHECK(batch.empty());
}

TEST_CASE("send queue: past the message bound the client is too slow and the queue is freed", "[task3]")
{
    SendQueue queue(limits(3, 1 << 20));
    for (int i = 0; i < 3; ++i)
        CHECK_FALSE(queue.push(text("abcd")).too_slow);
    const auto pushed = queue.push(text("abcd"));
    CHECK(pushed.too_slow);
    CHECK(pushed.dropped_messages == 3);
    CHECK(pushed.dropped_bytes == 12);
    CHECK(queue.stopped());
    CHECK(queue.size() == 0);
    CHECK(queue.bytes() == 0);
    CHECK_FALSE(queue.push(text("later")).too_slow);  // said once: the session is closing
}

TEST_CASE("send queue: the byte bound counts too", "[task3]")
{
    SendQueue queue(limits(100, 10));
    CHECK_FALSE(queue.push(text("123456")).too_slow);
    CHECK_FALSE(queue.push(text("7890")).too_slow);  // exactly 10 bytes: still fine
    const auto pushed = queue.push(text("x"));
    CHECK(pushed.too_slow);
    CHECK(pushed.dropped_messages == 2);
    CHECK(pushed.dropped_bytes == 10);
}
