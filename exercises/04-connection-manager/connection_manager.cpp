// Lesson 04, the exercise (tasks 1 and 2): the ConnectionManager's bookkeeping and delivery.
// The class and its two maps are declared in lessons/04-connection-manager/connection_manager.hpp.
// Read "The exercise" in lessons/04-connection-manager/README.md, then `./course check 4`.
#include "connection_manager.hpp"

#include <algorithm>

namespace lesson04 {

// [task 1] ----
// TODO(student) task1: the bookkeeping. Keep the two maps in step, always under mutex_
// (std::lock_guard lock(mutex_);):
//   connections_  id -> Connection{ConnectionInfo{id, user, remote}, outbox}
//   by_user_      user -> the user's connection ids, oldest first; a user with no
//                 connection left has no entry at all (that is what "offline" means).

std::string ConnectionManager::add(std::string user, std::string remote, std::shared_ptr<Outbox> outbox)
{
    // TODO(student) task1: a new id from new_connection_id(), an entry in both maps; return the id.
    (void)user, (void)remote, (void)outbox;
    return {};
}

void ConnectionManager::remove(const std::string& connection_id)
{
    // TODO(student) task1: forget the connection in both maps (an unknown id: do nothing);
    //   erase the user from by_user_ when their last connection goes.
    (void)connection_id;
}

ConnectionManager::Stats ConnectionManager::stats() const
{
    // TODO(student) task1: how many connections, how many different users.
    return {};
}

std::vector<std::string> ConnectionManager::users() const
{
    // TODO(student) task1: every online user once, sorted (a std::map iterates in order).
    return {};
}

std::vector<ConnectionInfo> ConnectionManager::connections_of(const std::string& user) const
{
    // TODO(student) task1: the ConnectionInfo of each of the user's connections, oldest first.
    (void)user;
    return {};
}
// [end task 1] ----

// [task 2] ----
// TODO(student) task2: delivery. Never call outbox->send() while holding mutex_: copy the
// shared_ptr<Outbox>es you need under the lock, release it, then send. Every connection gets
// the same shared_ptr<const std::string>: a pointer copy, not a copy of the text.

bool ConnectionManager::send_to_connection(const std::string& connection_id,
                                           std::shared_ptr<const std::string> message)
{
    // TODO(student) task2: false for an unknown id.
    (void)connection_id, (void)message;
    return false;
}

std::size_t ConnectionManager::send_to_user(const std::string& user,
                                            std::shared_ptr<const std::string> message)
{
    // TODO(student) task2: every connection of the user; return how many.
    (void)user, (void)message;
    return 0;
}

std::size_t ConnectionManager::broadcast(std::shared_ptr<const std::string> message)
{
    // TODO(student) task2: every connection; return how many.
    (void)message;
    return 0;
}
// [end task 2] ----

}  // namespace lesson04
