// Lesson 05, the exercise, part 1: the room registry (tasks 1 and 2).
// Read "The exercise" in lessons/05-rooms/README.md and the comments in rooms.hpp, then
// `./course check 5`. The data members are declared in rooms.hpp:
//     rooms_     room name -> Room { members: connection id -> Member{user, outbox},
//                                    users:   user -> how many of its connections are here }
//     rooms_of_  connection id -> the names of the rooms it is in
// Every method locks mutex_ first (std::lock_guard lock(mutex_);): sessions on different
// strands call the registry at the same time.
#include "rooms.hpp"

namespace lesson05 {

// task1 -----------------------------------------------------------------------------------

// [task 1] ----
RoomRegistry::Joined RoomRegistry::join(const std::string& room, const std::string& connection_id,
                                        const std::string& user, std::shared_ptr<Outbox> outbox)
{
    // TODO(student) task1: put the connection in the room (rooms_[room] creates it), remember
    //   the room in rooms_of_, count the user's connections in Room::users.
    //   Return {joined, first_of_user}: {false, false} if it was already a member (change
    //   nothing then), first_of_user when no other connection of this user was in the room.
    (void)room, (void)connection_id, (void)user, (void)outbox;
    return Joined{};
}

bool RoomRegistry::contains(const std::string& room, const std::string& connection_id) const
{
    // TODO(student) task1: is this connection in this room? (find, never rooms_[room]: that
    //   would create the room.)
    (void)room, (void)connection_id;
    return false;
}

std::vector<std::string> RoomRegistry::users(const std::string& room) const
{
    // TODO(student) task1: the users in the room, sorted, each once (Room::users is a map).
    (void)room;
    return {};
}

std::vector<RoomInfo> RoomRegistry::rooms() const
{
    // TODO(student) task1: one RoomInfo{name, users, connections} per room, sorted by name.
    return {};
}

std::vector<std::string> RoomRegistry::rooms_of(const std::string& connection_id) const
{
    // TODO(student) task1: the rooms this connection is in, sorted (rooms_of_ holds a set).
    (void)connection_id;
    return {};
}

std::vector<std::shared_ptr<Outbox>> RoomRegistry::outboxes(const std::string& room,
                                                            std::string_view except_connection_id) const
{
    // TODO(student) task1: the outboxes of every connection in the room except
    //   except_connection_id. Copy them into the vector (under the lock); the caller sends
    //   after the registry has unlocked.
    (void)room, (void)except_connection_id;
    return {};
}
// [end task 1] ----

// task2 -----------------------------------------------------------------------------------

// [task 2] ----
RoomRegistry::Left RoomRegistry::leave(const std::string& room, const std::string& connection_id)
{
    // TODO(student) task2: take the connection out of the room. Return Left{room, left,
    //   last_of_user}: left is false if it was not in the room. Decrement the user's count in
    //   Room::users (last_of_user when it reaches 0: erase the user); erase the room when it
    //   has no members left; take the room out of rooms_of_ (and erase an empty set there).
    (void)connection_id;
    return Left{room};
}

std::vector<RoomRegistry::Left> RoomRegistry::leave_all(const std::string& connection_id)
{
    // TODO(student) task2: leave every room in rooms_of_[connection_id], in name order, and
    //   return what each leave did. Careful: leave() locks mutex_ too, and a std::mutex
    //   locked twice by one thread deadlocks. Share a private helper that expects the lock
    //   to be held (a function in an anonymous namespace here is fine).
    (void)connection_id;
    return {};
}
// [end task 2] ----

}  // namespace lesson05
