// Tasks 3 and 4: decoding a frame header, and unmasking a payload.
// The bit diagram is in lessons/01-handshake/frame_header.hpp; check with ./course check 1.
#include "frame_header.hpp"

namespace lesson01 {

// [task 3] ----
std::optional<FrameHeader> parse_frame_header(std::span<const std::uint8_t> bytes)
{
    // TODO(student): task 3.
    //  1. Fewer than 2 bytes: return std::nullopt (the server reads more and calls again).
    //  2. Byte 0: FIN (0x80), RSV1-3 (0x40, 0x20, 0x10), opcode (low 4 bits).
    //     Byte 1: MASK (0x80) and a 7-bit length.
    //  3. A 7-bit length of 126 means a 16-bit length follows, 127 a 64-bit one; both big-endian.
    //  4. If MASK is set, 4 bytes of masking key follow the length.
    //  5. Not all of that here yet? std::nullopt. Otherwise fill in every field, header_size too.
    (void)bytes;
    return std::nullopt;
}
// [end task 3] ----

// [task 4] ----
void unmask(std::span<std::uint8_t> payload, std::array<std::uint8_t, 4> key, std::uint64_t offset)
{
    // TODO(student): task 4. XOR each payload byte with one byte of the key, cycling through
    // the key; remember that payload[0] is byte number `offset` of the frame's payload.
    (void)payload;
    (void)key;
    (void)offset;
}
// [end task 4] ----

}  // namespace lesson01
