// Who is online, as the clients see it. A user is online while they have at least one
// connection: a second tab is not a new user, and closing one of two tabs is not leaving.
#pragma once

#include "connection_manager.hpp"

#include <memory>
#include <mutex>
#include <string>

namespace lesson05 {

class Presence {
public:
    explicit Presence(ConnectionManager& manager) : manager_(manager) {}

    struct Joined {
        std::string id;          // "" if the manager gave none (an unfinished exercise)
        bool welcomed = false;   // the welcome reached the connection's outbox
    };

    // Registers a connection and tells everybody what changed: user_joined to everyone
    // already connected if this is the user's first connection, the welcome to the new
    // connection (always its first message), connections{count} to all of the user's ones.
    Joined join(const std::string& user, const std::string& remote, std::shared_ptr<Outbox> outbox);

    // Forgets a connection: user_left to everyone if it was the user's last one, otherwise
    // connections{count} to the user's remaining ones.
    void leave(const std::string& connection_id, const std::string& user);

private:
    ConnectionManager& manager_;
    // One join or leave at a time: "is this the first connection?" and the add that makes it
    // so must not interleave with another tab's, or both (or neither) would announce the
    // user. Sending under it is fine: an Outbox never blocks.
    std::mutex mutex_;
};

}  // namespace lesson05
