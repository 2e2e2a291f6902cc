// The room registry: which connections are in which room. Rooms belong to connections, not
// users (ana's two tabs can sit in different rooms), and a room exists exactly as long as it
// has a member: the first join creates it, the last leave makes it disappear.
// Pure bookkeeping, no sockets. You write it in exercises/05-rooms/rooms.cpp (tasks 1 and 2).
#pragma once

#include "protocol.hpp"  // lesson04::Outbox, as lesson05::Outbox

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lesson05 {

// One line of GET /api/rooms.
struct RoomInfo {
    std::string name;
    std::size_t users = 0;        // distinct users: ana with two tabs in the room counts once
    std::size_t connections = 0;  // connections in the room
};

// Thread-safe like the ConnectionManager, and for the same reason: sessions on different
// strands join and leave at the same time. No method sends anything; outboxes() hands out a
// snapshot so that the caller sends after the registry has unlocked.
class RoomRegistry {
public:
    struct Joined {
        bool joined = false;         // false: the connection was already in the room
        bool first_of_user = false;  // no other connection of this user was in the room
    };
    struct Left {
        std::string room;
        bool left = false;          // false: the connection was not in the room
        bool last_of_user = false;  // no other connection of this user is left in the room
    };

    // task1: puts a connection in a room, creating the room if needed.
    Joined join(const std::string& room, const std::string& connection_id, const std::string& user,
                std::shared_ptr<Outbox> outbox);

    // task1: what is in the registry.
    bool contains(const std::string& room, const std::string& connection_id) const;
    std::vector<std::string> users(const std::string& room) const;  // sorted, each user once
    std::vector<RoomInfo> rooms() const;                            // sorted by name
    std::vector<std::string> rooms_of(const std::string& connection_id) const;  // sorted

    // task1: the outboxes of a room's connections, except one (usually the sender's, or none).
    std::vector<std::shared_ptr<Outbox>> outboxes(const std::string& room,
                                                  std::string_view except_connection_id = {}) const;

    // task2: takes a connection out of one room; an empty room disappears.
    Left leave(const std::string& room, const std::string& connection_id);

    // task2: takes a connection out of every room it is in (it disconnected), in name order.
    std::vector<Left> leave_all(const std::string& connection_id);

private:
    struct Member {
        std::string user;
        std::shared_ptr<Outbox> outbox;
    };
    struct Room {
        std::map<std::string, Member> members;      // connection id -> who and where to send
        std::map<std::string, std::size_t> users;   // user -> how many of its connections are here
    };

    mutable std::mutex mutex_;
    std::map<std::string, Room> rooms_;                                  // only non-empty rooms
    std::unordered_map<std::string, std::set<std::string>> rooms_of_;    // connection id -> rooms
};

}  // namespace lesson05
