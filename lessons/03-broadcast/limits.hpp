// How much a slow client may cost the server before it is disconnected. Server's third
// constructor argument; `lesson03 --max-queue N --max-queue-bytes N` on the command line.
#pragma once

#include <chrono>
#include <cstddef>

namespace lesson03 {

struct Limits {
    // A client whose send queue would hold more than this many messages, or more than this
    // many bytes, is too slow: it is disconnected with 1008 and its queue is freed.
    // (The message being written is not counted: it is already in Beast's hands.)
    std::size_t max_queued_messages = 1024;
    std::size_t max_queued_bytes = 4 * 1024 * 1024;

    // How long a close handshake the server started may take: the close frame waits behind a
    // write that a client who does not read may never let finish. After this, TCP is closed.
    std::chrono::milliseconds close_timeout{2000};
};

}  // namespace lesson03
