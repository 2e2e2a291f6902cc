// Tasks 1 and 2: the ConnectionManager on its own, with fake Outboxes: no sockets, no server.
#include "helpers.hpp"

#include <algorithm>
#include <regex>
#include <set>
#include <thread>

using namespace lesson04::test;
using lesson04::ConnectionManager;

namespace {

bool is_uuid_v4(const std::string& id)
{
    static const std::regex uuid_v4("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    return std::regex_match(id, uuid_v4);
}

std::vector<std::string> ids_of(const std::vector<lesson04::ConnectionInfo>& connections)
{
    std::vector<std::string> ids;
    for (const auto& connection : connections)
        ids.push_back(connection.id);
    return ids;
}

}  // namespace

TEST_CASE("add gives every connection a new UUID v4 and counts it", "[task1]")
{
    ConnectionManager manager;
    CHECK(manager.stats().connections == 0);
    CHECK(manager.stats().unique_users == 0);

    auto first = manager.add("ana", "127.0.0.1:5001", std::make_shared<FakeOutbox>());
    auto second = manager.add("ben", "127.0.0.1:5002", std::make_shared<FakeOutbox>());
    CHECK(is_uuid_v4(first));
    CHECK(is_uuid_v4(second));
    CHECK(first != second);
    CHECK(manager.stats().connections == 2);
    CHECK(manager.stats().unique_users == 2);
}

TEST_CASE("a user with two connections is one user", "[task1]")
{
    ConnectionManager manager;
    auto tab1 = manager.add("ana", "127.0.0.1:5001", std::make_shared<FakeOutbox>());
    auto tab2 = manager.add("ana", "127.0.0.1:5002", std::make_shared<FakeOutbox>());
    manager.add("ben", "127.0.0.1:5003", std::make_shared<FakeOutbox>());

    CHECK(manager.stats().connections == 3);
    CHECK(manager.stats().unique_users == 2);
    CHECK(manager.users() == std::vector<std::string>{"ana", "ben"});

    auto anas = manager.connections_of("ana");
    REQUIRE(anas.size() == 2);
    CHECK(ids_of(anas) == std::vector<std::string>{tab1, tab2});  // oldest first
    CHECK(anas[0].user == "ana");
    CHECK(anas[0].remote == "127.0.0.1:5001");
    CHECK(anas[1].remote == "127.0.0.1:5002");
    CHECK(manager.connections_of("nobody").empty());
}

TEST_CASE("users() is sorted and lists each user once", "[task1]")
{
    ConnectionManager manager;
    for (const char* user : {"zoe", "ana", "mia", "ana", "ben", "zoe"})
        manager.add(user, "127.0.0.1:1", std::make_shared<FakeOutbox>());
    CHECK(manager.users() == std::vector<std::string>{"ana", "ben", "mia", "zoe"});
}

TEST_CASE("remove forgets a connection, and the user goes with their last one", "[task1]")
{
    ConnectionManager manager;
    auto tab1 = manager.add("ana", "127.0.0.1:5001", std::make_shared<FakeOutbox>());
    auto tab2 = manager.add("ana", "127.0.0.1:5002", std::make_shared<FakeOutbox>());
    auto ben = manager.add("ben", "127.0.0.1:5003", std::make_shared<FakeOutbox>());

    manager.remove(tab1);
    CHECK(manager.stats().connections == 2);
    CHECK(manager.stats().unique_users == 2);  // ana still has a tab open
    CHECK(ids_of(manager.connections_of("ana")) == std::vector<std::string>{tab2});

    manager.remove(tab2);
    CHECK(manager.stats().connections == 1);
    CHECK(manager.stats().unique_users == 1);
    CHECK(manager.users() == std::vector<std::string>{"ben"});
    CHECK(manager.connections_of("ana").empty());

    manager.remove(ben);
    CHECK(manager.stats().connections == 0);
    CHECK(manager.stats().unique_users == 0);
    CHECK(manager.users().empty());
}

TEST_CASE("removing an unknown or already removed id changes nothing", "[task1]")
{
    ConnectionManager manager;
    auto ana = manager.add("ana", "127.0.0.1:5001", std::make_shared<FakeOutbox>());
    manager.remove("not-an-id");
    manager.remove("");
    CHECK(manager.stats().connections == 1);
    manager.remove(ana);
    manager.remove(ana);
    CHECK(manager.stats().connections == 0);
    CHECK(manager.users().empty());
}

TEST_CASE("remove releases the connection's outbox", "[task1]")
{
    ConnectionManager manager;
    auto outbox = std::make_shared<FakeOutbox>();
    auto id = manager.add("ana", "127.0.0.1:5001", outbox);
    CHECK(outbox.use_count() > 1);
    manager.remove(id);
    CHECK(outbox.use_count() == 1);  // a closed session must not be kept alive by the manager
}

TEST_CASE("send_to_connection reaches that connection only", "[task2]")
{
    ConnectionManager manager;
    auto tab1 = std::make_shared<FakeOutbox>();
    auto tab2 = std::make_shared<FakeOutbox>();
    auto id1 = manager.add("ana", "127.0.0.1:5001", tab1);
    manager.add("ana", "127.0.0.1:5002", tab2);

    CHECK(manager.send_to_connection(id1, text_message("just you")));
    CHECK(tab1->texts() == std::vector<std::string>{"just you"});
    CHECK(tab2->count() == 0);

    CHECK_FALSE(manager.send_to_connection("not-an-id", text_message("lost")));
    manager.remove(id1);
    CHECK_FALSE(manager.send_to_connection(id1, text_message("too late")));
    CHECK(tab1->count() == 1);  // a removed connection is never written to
}

TEST_CASE("send_to_user reaches every connection of that user and nobody else", "[task2]")
{
    ConnectionManager manager;
    auto ana1 = std::make_shared<FakeOutbox>();
    auto ana2 = std::make_shared<FakeOutbox>();
    auto ben = std::make_shared<FakeOutbox>();
    manager.add("ana", "127.0.0.1:5001", ana1);
    manager.add("ana", "127.0.0.1:5002", ana2);
    manager.add("ben", "127.0.0.1:5003", ben);

    CHECK(manager.send_to_user("ana", text_message("you have 2 tabs")) == 2);
    CHECK(ana1->texts() == std::vector<std::string>{"you have 2 tabs"});
    CHECK(ana2->texts() == std::vector<std::string>{"you have 2 tabs"});
    CHECK(ben->count() == 0);
    CHECK(manager.send_to_user("nobody", text_message("?")) == 0);
}

TEST_CASE("broadcast reaches every connection, sharing one string", "[task2]")
{
    ConnectionManager manager;
    std::vector<std::shared_ptr<FakeOutbox>> outboxes;
    for (const char* user : {"ana", "ana", "ben", "mia"}) {
        outboxes.push_back(std::make_shared<FakeOutbox>());
        manager.add(user, "127.0.0.1:1", outboxes.back());
    }
    auto message = text_message("to everybody");
    CHECK(manager.broadcast(message) == 4);
    for (const auto& outbox : outboxes) {
        REQUIRE(outbox->count() == 1);
        CHECK(outbox->pointers()[0] == message);  // the same string, not a copy
    }
    CHECK(ConnectionManager{}.broadcast(message) == 0);
}

TEST_CASE("broadcast skips removed connections", "[task2]")
{
    ConnectionManager manager;
    auto stays = std::make_shared<FakeOutbox>();
    auto leaves = std::make_shared<FakeOutbox>();
    manager.add("ana", "127.0.0.1:5001", stays);
    auto id = manager.add("ben", "127.0.0.1:5002", leaves);
    manager.remove(id);
    CHECK(manager.broadcast(text_message("after ben left")) == 1);
    CHECK(stays->count() == 1);
    CHECK(leaves->count() == 0);
}

namespace {

// An Outbox that uses the manager from inside send(): a manager that sends while holding
// its mutex deadlocks here (std::mutex is not recursive), so the test would time out.
class ReentrantOutbox : public lesson04::Outbox {
public:
    explicit ReentrantOutbox(ConnectionManager& manager) : manager_(manager) {}
    void send(std::shared_ptr<const std::string>) override { seen = manager_.stats().connections; }
    std::size_t seen = 0;

private:
    ConnectionManager& manager_;
};

}  // namespace

TEST_CASE("outboxes are called without the manager's lock held", "[task2]")
{
    ConnectionManager manager;
    auto outbox = std::make_shared<ReentrantOutbox>(manager);
    auto id = manager.add("ana", "127.0.0.1:5001", outbox);
    manager.add("ben", "127.0.0.1:5002", std::make_shared<FakeOutbox>());

    // Run on a thread we can give up on: a deadlock must fail the test, not hang it.
    auto done = std::async(std::launch::async, [&] {
        manager.send_to_connection(id, text_message("1"));
        manager.send_to_user("ana", text_message("2"));
        manager.broadcast(text_message("3"));
    });
    REQUIRE(done.wait_for(std::chrono::seconds(5)) == std::future_status::ready);
    CHECK(outbox->seen == 2);
}

TEST_CASE("the manager is safe to use from several threads at once", "[task2]")
{
    ConnectionManager manager;
    auto listener = std::make_shared<FakeOutbox>();
    manager.add("listener", "127.0.0.1:1", listener);
    constexpr int threads = 4;
    constexpr int rounds = 200;
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t)
        workers.emplace_back([&manager, t] {
            for (int i = 0; i < rounds; ++i) {
                auto id = manager.add("user" + std::to_string(t), "127.0.0.1:2", std::make_shared<FakeOutbox>());
                manager.broadcast(text_message("x"));
                manager.users();
                manager.remove(id);
            }
        });
    for (auto& worker : workers)
        worker.join();
    CHECK(listener->count() == threads * rounds);
    CHECK(manager.stats().connections == 1);
    CHECK(manager.users() == std::vector<std::string>{"listener"});
}
