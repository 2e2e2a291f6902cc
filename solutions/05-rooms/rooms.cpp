// Lesson 05, the exercise, part 1: the room registry (tasks 1 and 2).
#include "rooms.hpp"

namespace lesson05 {

// task1 -----------------------------------------------------------------------------------

// [task 1] ----
RoomRegistry::Joined RoomRegistry::join(const std::string& room, const std::string& connection_id,
                                        const std::string& user, std::shared_ptr<Outbox> outbox)
{
    std::lock_guard lock(mutex_);
    Room& members = rooms_[room];  // creates the room on its first join
    auto [member, inserted] = members.members.try_emplace(connection_id, Member{user, std::move(outbox)});
    if (!inserted)
        return Joined{};  // already in: joining twice changes nothing
    rooms_of_[connection_id].insert(room);
    std::size_t& tabs = members.users[user];
    ++tabs;
    return Joined{true, tabs == 1};
}

bool RoomRegistry::contains(const std::string& room, const std::string& connection_id) const
{
    std::lock_guard lock(mutex_);
    auto found = rooms_.find(room);
    return found != rooms_.end() && found->second.members.count(connection_id) != 0;
}

std::vector<std::string> RoomRegistry::users(const std::string& room) const
{
    std::lock_guard lock(mutex_);
    std::vector<std::string> names;
    if (auto found = rooms_.find(room); found != rooms_.end())
        for (const auto& [user, tabs] : found->second.users)  // a std::map: sorted already
            names.push_back(user);
    return names;
}

std::vector<RoomInfo> RoomRegistry::rooms() const
{
    std::lock_guard lock(mutex_);
    std::vector<RoomInfo> list;
    list.reserve(rooms_.size());
    for (const auto& [name, room] : rooms_)
        list.push_back(RoomInfo{name, room.users.size(), room.members.size()});
    return list;
}

std::vector<std::string> RoomRegistry::rooms_of(const std::string& connection_id) const
{
    std::lock_guard lock(mutex_);
    auto found = rooms_of_.find(connection_id);
    if (found == rooms_of_.end())
        return {};
    return {found->second.begin(), found->second.end()};
}

std::vector<std::shared_ptr<Outbox>> RoomRegistry::outboxes(const std::string& room,
                                                            std::string_view except_connection_id) const
{
    std::lock_guard lock(mutex_);
    std::vector<std::shared_ptr<Outbox>> list;
    auto found = rooms_.find(room);
    if (found == rooms_.end())
        return list;
    list.reserve(found->second.members.size());
    for (const auto& [id, member] : found->second.members)
        if (id != except_connection_id)
            list.push_back(member.outbox);
    return list;
}
// [end task 1] ----

// task2 -----------------------------------------------------------------------------------

// [task 2] ----
namespace {

// Takes one connection out of one room, under the caller's lock. Both leave() and leave_all()
// end here, so the two can never disagree about what "empty" means.
template <class Rooms>
RoomRegistry::Left remove_member(Rooms& rooms, typename Rooms::iterator room, const std::string& connection_id)
{
    RoomRegistry::Left left{room->first};
    auto member = room->second.members.find(connection_id);
    if (member == room->second.members.end())
        return left;
    left.left = true;
    auto tabs = room->second.users.find(member->second.user);
    if (--tabs->second == 0) {
        room->second.users.erase(tabs);
        left.last_of_user = true;
    }
    room->second.members.erase(member);
    if (room->second.members.empty())
        rooms.erase(room);  // an empty room disappears
    return left;
}

}  // namespace

RoomRegistry::Left RoomRegistry::leave(const std::string& room, const std::string& connection_id)
{
    std::lock_guard lock(mutex_);
    auto found = rooms_.find(room);
    if (found == rooms_.end())
        return Left{room};
    auto left = remove_member(rooms_, found, connection_id);
    if (left.left) {
        auto mine = rooms_of_.find(connection_id);
        mine->second.erase(room);
        if (mine->second.empty())
            rooms_of_.erase(mine);  // or every connection that ever joined a room stays here
    }
    return left;
}

std::vector<RoomRegistry::Left> RoomRegistry::leave_all(const std::string& connection_id)
{
    std::lock_guard lock(mutex_);
    std::vector<Left> left;
    auto mine = rooms_of_.find(connection_id);
    if (mine == rooms_of_.end())
        return left;
    for (const auto& name : mine->second)  // a std::set: in name order
        if (auto room = rooms_.find(name); room != rooms_.end())
            left.push_back(remove_member(rooms_, room, connection_id));
    rooms_of_.erase(mine);
    return left;
}
// [end task 2] ----

}  // namespace lesson05
