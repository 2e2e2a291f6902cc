#include "presence.hpp"

#include "protocol.hpp"

namespace lesson05 {

Presence::Joined Presence::join(const std::string& user, const std::string& remote,
                                std::shared_ptr<Outbox> outbox)
{
    std::lock_guard lock(mutex_);
    // Announce before adding: the newcomer learns who is online from its welcome instead.
    if (manager_.connections_of(user).empty())
        manager_.broadcast(user_joined_message(user));
    Joined joined;
    joined.id = manager_.add(user, remote, std::move(outbox));
    if (joined.id.empty())
        return joined;
    joined.welcomed = manager_.send_to_connection(joined.id, welcome_message(joined.id, user, manager_.users()));
    manager_.send_to_user(user, connections_message(manager_.connections_of(user).size()));
    return joined;
}

void Presence::leave(const std::string& connection_id, const std::string& user)
{
    std::lock_guard lock(mutex_);
    manager_.remove(connection_id);
    if (auto left = manager_.connections_of(user).size(); left == 0)
        manager_.broadcast(user_left_message(user));
    else
        manager_.send_to_user(user, connections_message(left));
}

}  // namespace lesson05
