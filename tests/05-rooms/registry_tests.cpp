// The RoomRegistry on its own: no server, no sockets (tasks 1 and 2).
#include "helpers.hpp"

using namespace lesson05::test;
using lesson05::RoomRegistry;

namespace {
std::shared_ptr<lesson05::Outbox> outbox() { return std::make_shared<RecordingOutbox>(); }
}  // namespace

TEST_CASE("registry: joining creates the room and lists its users", "[task1]")
{
    RoomRegistry rooms;
    CHECK(rooms.rooms().empty());
    auto first = rooms.join("lobby", "c1", "ana", outbox());
    CHECK(first.joined);
    CHECK(first.first_of_user);
    CHECK(rooms.contains("lobby", "c1"));
    CHECK_FALSE(rooms.contains("lobby", "c2"));
    CHECK_FALSE(rooms.contains("kitchen", "c1"));
    CHECK(rooms.rooms().size() == 1);  // contains() on an unknown room did not create it

    rooms.join("lobby", "c2", "ben", outbox());
    CHECK(rooms.users("lobby") == std::vector<std::string>{"ana", "ben"});
    CHECK(rooms.users("kitchen").empty());
}

TEST_CASE("registry: a user's second connection is not a new user in the room", "[task1]")
{
    RoomRegistry rooms;
    rooms.join("lobby", "ana-tab1", "ana", outbox());
    auto second = rooms.join("lobby", "ana-tab2", "ana", outbox());
    CHECK(second.joined);
    CHECK_FALSE(second.first_of_user);
    CHECK(rooms.users("lobby") == std::vector<std::string>{"ana"});
    auto listed = rooms.rooms();
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].name == "lobby");
    CHECK(listed[0].users == 1);
    CHECK(listed[0].connections == 2);
}

TEST_CASE("registry: joining twice changes nothing", "[task1]")
{
    RoomRegistry rooms;
    rooms.join("lobby", "c1", "ana", outbox());
    auto again = rooms.join("lobby", "c1", "ana", outbox());
    CHECK_FALSE(again.joined);
    CHECK_FALSE(again.first_of_user);
    REQUIRE(rooms.rooms().size() == 1);
    CHECK(rooms.rooms()[0].connections == 1);
    CHECK(rooms.outboxes("lobby").size() == 1);
}

TEST_CASE("registry: rooms are listed by name, and per connection", "[task1]")
{
    RoomRegistry rooms;
    rooms.join("zebra", "c1", "ana", outbox());
    rooms.join("apple", "c1", "ana", outbox());
    rooms.join("mango", "c2", "ben", outbox());
    std::vector<std::string> names;
    for (const auto& room : rooms.rooms())
        names.push_back(room.name);
    CHECK(names == std::vector<std::string>{"apple", "mango", "zebra"});
    CHECK(rooms.rooms_of("c1") == std::vector<std::string>{"apple", "zebra"});
    CHECK(rooms.rooms_of("c2") == std::vector<std::string>{"mango"});
    CHECK(rooms.rooms_of("nobody").empty());
}

TEST_CASE("registry: outboxes are the room's members, minus the one left out", "[task1]")
{
    RoomRegistry rooms;
    auto ana = outbox(), ben = outbox(), cleo = outbox();
    rooms.join("lobby", "c-ana", "ana", ana);
    rooms.join("lobby", "c-ben", "ben", ben);
    rooms.join("kitchen", "c-cleo", "cleo", cleo);
    auto all = rooms.outboxes("lobby");
    CHECK(all.size() == 2);
    CHECK(std::count(all.begin(), all.end(), ana) == 1);
    CHECK(std::count(all.begin(), all.end(), ben) == 1);
    CHECK(std::count(all.begin(), all.end(), cleo) == 0);
    auto but_ana = rooms.outboxes("lobby", "c-ana");
    REQUIRE(but_ana.size() == 1);
    CHECK(but_ana[0] == ben);
    CHECK(rooms.outboxes("nowhere").empty());
}

TEST_CASE("registry: leaving the last connection makes the room disappear", "[task2]")
{
    RoomRegistry rooms;
    rooms.join("lobby", "c1", "ana", outbox());
    rooms.join("lobby", "c2", "ben", outbox());
    REQUIRE(rooms.rooms().size() == 1);

    auto left = rooms.leave("lobby", "c1");
    CHECK(left.room == "lobby");
    CHECK(left.left);
    CHECK(left.last_of_user);
    CHECK_FALSE(rooms.contains("lobby", "c1"));
    CHECK(rooms.users("lobby") == std::vector<std::string>{"ben"});
    CHECK(rooms.rooms_of("c1").empty());

    rooms.leave("lobby", "c2");
    CHECK(rooms.rooms().empty());
    CHECK(rooms.outboxes("lobby").empty());
}

TEST_CASE("registry: leaving a room one is not in is reported and harmless", "[task2]")
{
    RoomRegistry rooms;
    rooms.join("lobby", "c1", "ana", outbox());
    auto not_member = rooms.leave("lobby", "c2");
    CHECK_FALSE(not_member.left);
    CHECK_FALSE(not_member.last_of_user);
    auto no_room = rooms.leave("kitchen", "c1");
    CHECK_FALSE(no_room.left);
    CHECK(rooms.rooms().size() == 1);  // leave() on an unknown room did not create it
    CHECK(rooms.contains("lobby", "c1"));
}

TEST_CASE("registry: a user stays in the room until their last connection leaves", "[task2]")
{
    RoomRegistry rooms;
    rooms.join("lobby", "ana-tab1", "ana", outbox());
    rooms.join("lobby", "ana-tab2", "ana", outbox());
    auto first = rooms.leave("lobby", "ana-tab1");
    CHECK(first.left);
    CHECK_FALSE(first.last_of_user);
    CHECK(rooms.users("lobby") == std::vector<std::string>{"ana"});
    auto second = rooms.leave("lobby", "ana-tab2");
    CHECK(second.last_of_user);
    CHECK(rooms.rooms().empty());
    // ...and can come back: the count starts again from zero.
    CHECK(rooms.join("lobby", "ana-tab1", "ana", outbox()).first_of_user);
}

TEST_CASE("registry: leave_all takes a connection out of every room, in name order", "[task2]")
{
    RoomRegistry rooms;
    for (std::string room : {"c", "a", "b"})
        rooms.join(room, "ana-tab", "ana", outbox());
    rooms.join("b", "ben-tab", "ben", outbox());
    rooms.join("c", "ana-other-tab", "ana", outbox());

    auto left = rooms.leave_all("ana-tab");
    REQUIRE(left.size() == 3);
    CHECK(left[0].room == "a");
    CHECK(left[1].room == "b");
    CHECK(left[2].room == "c");
    for (const auto& room : left)
        CHECK(room.left);
    CHECK(left[0].last_of_user);
    CHECK(left[1].last_of_user);
    CHECK_FALSE(left[2].last_of_user);  // ana's other tab is still in c

    std::vector<std::string> names;
    for (const auto& room : rooms.rooms())
        names.push_back(room.name);
    CHECK(names == std::vector<std::string>{"b", "c"});  // "a" is gone
    CHECK(rooms.rooms_of("ana-tab").empty());
    CHECK(rooms.leave_all("ana-tab").empty());
    CHECK(rooms.leave_all("never-joined").empty());
}

TEST_CASE("registry: many threads joining and leaving at once keep it consistent", "[task2]")
{
    RoomRegistry rooms;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&rooms, t] {
            for (int i = 0; i < 500; ++i) {
                const std::string id = "c" + std::to_string(t) + "-" + std::to_string(i);
                const std::string room = "room" + std::to_string(i % 7);
                rooms.join(room, id, "user" + std::to_string(t), outbox());
                rooms.join("shared", id, "user" + std::to_string(t), outbox());
                if (i % 2 == 0)
                    rooms.leave(room, id);
                rooms.leave_all(id);
            }
        });
    }
    for (auto& thread : threads)
        thread.join();
    CHECK(rooms.rooms().empty());
}
