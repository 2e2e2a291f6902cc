// What the server and its sessions share. Sessions keep a reference to it, so it must outlive
// every handler the io_context runs (it does: the Server lives until ioc.run() has returned).
#pragma once

#include "chat_room.hpp"
#include "limits.hpp"

#include <wscourse/open_sessions.hpp>
#include <wscourse/server_options.hpp>

#include <atomic>
#include <cstddef>

namespace lesson03 {

struct ServerState {
    ServerState(wscourse::ServerOptions options_, Limits limits_)
        : options(std::move(options_)), limits(limits_)
    {
    }

    const wscourse::ServerOptions options;
    const Limits limits;
    ChatRoom room;
    wscourse::OpenSessions sessions;  // shutdown closes each with 1001

    // Counted from several strands, hence atomic.
    std::atomic<std::size_t> errors{0};          // errors logged; a clean close or a drop is not one
    std::atomic<std::size_t> write_errors{0};    // writes that failed while the session was not closing
    std::atomic<std::size_t> slow_consumers{0};  // sessions disconnected for a full send queue
};

}  // namespace lesson03
