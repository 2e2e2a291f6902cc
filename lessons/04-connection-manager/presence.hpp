// Who is online, as the clients see it. A user is online while they have at least one
// connection: a second tab is not a new user, and closing one of two tabs is not leaving.
//
// Changes to who is online are not sent one by one: they are collected and sent as one
// presence message, {"type":"presence","joined":[...],"left":[...]}, at most once per
// `interval` (README, "Presence in a crowd"). Telling everybody about every join costs O(N) per
// join, O(N²) for a classroom arriving at once; coalesced, a burst of joins costs one message
// per connection per interval.
#pragma once

#include "connection_manager.hpp"

#include <wscourse/net.hpp>

#include <chrono>
#include <memory>
#include <mutex>
#include <set>
#include <string>

namespace lesson04 {

class Presence {
public:
    // interval: how long changes are collected before one presence message tells everybody
    // (longer with more than 2 000 online: 0.1 ms per connection).
    Presence(ConnectionManager& manager, net::any_io_executor executor, std::chrono::milliseconds interval);

    struct Joined {
        std::string id;          // "" if the manager gave none (an unfinished exercise)
        bool welcomed = false;   // the welcome reached the connection's outbox
    };

    // Registers a connection: the welcome to it (always its first message, with who was online
    // at the last presence message), connections{count} to all of the user's ones, and, if this
    // is the user's first connection, their name in the next presence message's "joined".
    Joined join(const std::string& user, const std::string& remote, std::shared_ptr<Outbox> outbox);

    // Forgets a connection: the user in the next presence message's "left" if it was their last
    // one, otherwise connections{count} to their remaining ones.
    void leave(const std::string& connection_id, const std::string& user);

private:
    // The caller holds mutex_. Notes that the user's online state may have changed, and makes
    // sure a presence message goes out within `interval_`.
    void changed(const std::string& user);
    // At the end of an interval: one presence message with every change since the last one.
    void announce();

    // The interval grows by this much per connection online (10 000 online: 1 s), so that a
    // presence message, one send per connection, costs a bounded share of the CPU.
    static constexpr std::chrono::microseconds per_connection{100};

    ConnectionManager& manager_;
    const std::chrono::milliseconds interval_;
    // One join, leave or announcement at a time: "is this the first connection?" and the add
    // that makes it so must not interleave with another tab's, or both (or neither) would
    // announce the user; and a newcomer's welcome must not fall between an announcement's
    // roster and its message. Sending under it is fine: an Outbox never blocks.
    std::mutex mutex_;
    net::steady_timer timer_;               // touched only under mutex_
    bool announcing_ = false;               // timer_ is running: changes wait for it
    std::set<std::string> roster_;          // who was online at the last presence message
    std::string roster_json_ = "[]";        // roster_ as a JSON array, serialized once per message
    std::set<std::string> changed_;         // users whose first connection opened or last closed since
};

}  // namespace lesson04
