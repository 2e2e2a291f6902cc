#include "presence.hpp"

#include "protocol.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace lesson04 {

Presence::Presence(ConnectionManager& manager, net::any_io_executor executor, std::chrono::milliseconds interval)
    : manager_(manager)
    , interval_(interval)
    , timer_(std::move(executor))
{
}

Presence::Joined Presence::join(const std::string& user, const std::string& remote,
                                std::shared_ptr<Outbox> outbox)
{
    std::lock_guard lock(mutex_);
    const bool first = manager_.connections_of(user).empty();
    Joined joined;
    joined.id = manager_.add(user, remote, std::move(outbox));
    if (joined.id.empty())
        return joined;
    // Who was online at the last presence message: the next one brings the newcomer up to date.
    joined.welcomed = manager_.send_to_connection(joined.id, welcome_message(joined.id, user, roster_json_));
    manager_.send_to_user(user, connections_message(manager_.connections_of(user).size()));
    if (first)
        changed(user);
    return joined;
}

void Presence::leave(const std::string& connection_id, const std::string& user)
{
    std::lock_guard lock(mutex_);
    manager_.remove(connection_id);
    if (auto left = manager_.connections_of(user).size(); left == 0)
        changed(user);
    else
        manager_.send_to_user(user, connections_message(left));
}

void Presence::changed(const std::string& user)
{
    changed_.insert(user);
    if (announcing_)
        return;  // the message already on its way will carry this change too
    announcing_ = true;
    // Each presence message costs a send to every connection: with a crowd online, wait
    // longer, so that presence takes a bounded share of the CPU however many are online.
    const auto connections = manager_.stats().connections;
    timer_.expires_after(std::max<std::chrono::microseconds>(interval_, connections * per_connection));
    timer_.async_wait([this](boost::system::error_code ec) {
        if (!ec)
            announce();
    });
}

void Presence::announce()
{
    std::lock_guard lock(mutex_);
    announcing_ = false;
    // Compare each changed user with what the clients were told last: a user who joined and
    // left within one interval (or left and came back) is no news.
    std::vector<std::string> joined, left;
    for (const auto& user : changed_) {
        const bool online = !manager_.connections_of(user).empty();
        if (online && roster_.insert(user).second)
            joined.push_back(user);
        else if (!online && roster_.erase(user) > 0)
            left.push_back(user);
    }
    changed_.clear();
    if (joined.empty() && left.empty())
        return;
    roster_json_ = nlohmann::json(roster_).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    // Serialized once, one shared string in every queue.
    manager_.broadcast(presence_message(joined, left));
}

}  // namespace lesson04
