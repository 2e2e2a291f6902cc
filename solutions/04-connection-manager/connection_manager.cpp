// Lesson 04, the exercise (tasks 1 and 2): the ConnectionManager's bookkeeping and delivery.
#include "connection_manager.hpp"

#include <algorithm>

namespace lesson04 {

// [task 1] ----
// task1: the bookkeeping. Two maps that always agree: connections_ (id -> who and where)
// and by_user_ (user -> ids). A user is online exactly while by_user_ has an entry for them.

std::string ConnectionManager::add(std::string user, std::string remote, std::shared_ptr<Outbox> outbox)
{
    std::string id = new_connection_id();
    std::lock_guard lock(mutex_);
    by_user_[user].push_back(id);
    connections_.emplace(id, Connection{ConnectionInfo{id, std::move(user), std::move(remote)},
                                        std::move(outbox)});
    return id;
}

void ConnectionManager::remove(const std::string& connection_id)
{
    std::shared_ptr<Outbox> outbox;  // released after the lock: its destructor may do anything
    std::lock_guard lock(mutex_);
    auto found = connections_.find(connection_id);
    if (found == connections_.end())
        return;
    auto& ids = by_user_[found->second.info.user];
    ids.erase(std::find(ids.begin(), ids.end(), connection_id));
    if (ids.empty())
        by_user_.erase(found->second.info.user);  // the user's last connection: offline
    outbox = std::move(found->second.outbox);
    connections_.erase(found);
}

ConnectionManager::Stats ConnectionManager::stats() const
{
    std::lock_guard lock(mutex_);
    return Stats{connections_.size(), by_user_.size()};
}

std::vector<std::string> ConnectionManager::users() const
{
    std::lock_guard lock(mutex_);
    std::vector<std::string> users;
    users.reserve(by_user_.size());
    for (const auto& [user, ids] : by_user_)  // a std::map: already sorted, each user once
        users.push_back(user);
    return users;
}

std::vector<ConnectionInfo> ConnectionManager::connections_of(const std::string& user) const
{
    std::lock_guard lock(mutex_);
    std::vector<ConnectionInfo> result;
    if (auto found = by_user_.find(user); found != by_user_.end())
        for (const auto& id : found->second)
            result.push_back(connections_.at(id).info);
    return result;
}
// [end task 1] ----

// [task 2] ----
// task2: delivery. Copy the Outboxes under the lock, send after it: an Outbox is never called
// while the mutex is held. The message is one shared string that every queue points to.

bool ConnectionManager::send_to_connection(const std::string& connection_id,
                                           std::shared_ptr<const std::string> message)
{
    std::shared_ptr<Outbox> outbox;
    {
        std::lock_guard lock(mutex_);
        auto found = connections_.find(connection_id);
        if (found == connections_.end())
            return false;
        outbox = found->second.outbox;
    }
    outbox->send(std::move(message));
    return true;
}

std::size_t ConnectionManager::send_to_user(const std::string& user,
                                            std::shared_ptr<const std::string> message)
{
    std::vector<std::shared_ptr<Outbox>> outboxes;
    {
        std::lock_guard lock(mutex_);
        auto found = by_user_.find(user);
        if (found == by_user_.end())
            return 0;
        outboxes.reserve(found->second.size());
        for (const auto& id : found->second)
            outboxes.push_back(connections_.at(id).outbox);
    }
    for (auto& outbox : outboxes)
        outbox->send(message);  // a copy of the pointer, not of the text
    return outboxes.size();
}

std::size_t ConnectionManager::broadcast(std::shared_ptr<const std::string> message)
{
    std::vector<std::shared_ptr<Outbox>> outboxes;
    {
        std::lock_guard lock(mutex_);
        outboxes.reserve(connections_.size());
        for (const auto& [id, connection] : connections_)
            outboxes.push_back(connection.outbox);
    }
    for (auto& outbox : outboxes)
        outbox->send(message);
    return outboxes.size();
}
// [end task 2] ----

}  // namespace lesson04
