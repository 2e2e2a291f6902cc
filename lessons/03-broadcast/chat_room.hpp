// The shared state of the chat: who is in the room, and the fan-out that hands every message
// to every one of them. You write it in exercises/03-broadcast/chat_room.cpp (task 1).
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace lesson03 {

class Session;

// Every member may be called from any session's strand. One mutex guards the member list,
// and it is held while a message is handed out, so that every session's queue receives the
// messages in the same order: that is what makes all clients see one conversation. Handing
// out never writes to a socket (Session::send only queues), so the lock is held for
// microseconds, never for a slow client.
class ChatRoom {
public:
    // Adds the session, then tells everyone, the newcomer included, "* NAME joined (N online)".
    void join(const std::shared_ptr<Session>& session);

    // Removes the session (if it is a member) and tells those left "* NAME left (N online)".
    void leave(const std::shared_ptr<Session>& session);

    // Hands the message to every member's send(): serialized once, shared by all.
    void broadcast(std::shared_ptr<const std::string> message);

    // How many sessions are in the room.
    std::size_t size() const;

private:
    // Calls send(message) on every member. The caller holds mutex_.
    void hand_out(const std::shared_ptr<const std::string>& message);

    mutable std::mutex mutex_;
    // A vector, not a set: the broadcast loop walks it for every message, and contiguous
    // pointers are the fastest thing to walk. Removal swaps with the last one (order is not
    // needed here: each session's queue keeps the order).
    std::vector<std::shared_ptr<Session>> sessions_;
};

}  // namespace lesson03
