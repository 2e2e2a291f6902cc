// The header of the frame that carries one text message from the server (RFC 6455 §5.2), the
// bytes lesson 01 wrote by hand. A server's frames are not masked, so this header depends on
// nothing but the payload's length: every client gets exactly the same bytes. That is what
// lets the batched writer (batch_writer.hpp) hand the kernel a batch of messages in one call
// (header, text, header, text, ...) while the text itself stays the one shared string.
// Lesson 01's encode_frame() encodes the same header, but into one string with a copy of the
// payload: one copy per receiver is what lesson 03 avoids, so here the header stands alone.
#pragma once

#include <array>
#include <cstddef>

namespace wscourse::chat {

struct FrameHeader {
    std::array<unsigned char, 10> bytes;  // 2, 4 or 10 of them are used
    std::size_t size;
};

// FIN + opcode 1 (text), no mask, and the payload length in the shortest form: 7 bits up to
// 125, 16 bits up to 65535, 64 bits beyond.
FrameHeader text_frame_header(std::size_t payload_size);

}  // namespace wscourse::chat
