// Tasks 3 and 4: decoding a frame header, and unmasking a payload.
#include "frame_header.hpp"

namespace lesson01 {

// [task 3] ----
std::optional<FrameHeader> parse_frame_header(std::span<const std::uint8_t> bytes)
{
    if (bytes.size() < 2)
        return std::nullopt;

    FrameHeader header;
    const std::uint8_t b0 = bytes[0];
    const std::uint8_t b1 = bytes[1];
    header.fin = (b0 & 0x80) != 0;
    header.rsv1 = (b0 & 0x40) != 0;
    header.rsv2 = (b0 & 0x20) != 0;
    header.rsv3 = (b0 & 0x10) != 0;
    header.opcode = static_cast<Opcode>(b0 & 0x0f);
    header.masked = (b1 & 0x80) != 0;

    // The 7-bit length is the length itself, unless it is 126 (a 16-bit length follows)
    // or 127 (a 64-bit length follows). Extended lengths are big-endian ("network order").
    const std::uint8_t length7 = b1 & 0x7f;
    std::size_t extended_bytes = length7 == 126 ? 2 : length7 == 127 ? 8 : 0;
    std::size_t size = 2 + extended_bytes + (header.masked ? 4 : 0);
    if (bytes.size() < size)
        return std::nullopt;

    if (extended_bytes == 0) {
        header.payload_length = length7;
    } else {
        for (std::size_t i = 0; i < extended_bytes; ++i)
            header.payload_length = (header.payload_length << 8) | bytes[2 + i];
    }
    if (header.masked)
        for (std::size_t i = 0; i < 4; ++i)
            header.masking_key[i] = bytes[2 + extended_bytes + i];
    header.header_size = size;
    return header;
}
// [end task 3] ----

// [task 4] ----
void unmask(std::span<std::uint8_t> payload, std::array<std::uint8_t, 4> key, std::uint64_t offset)
{
    // Byte i of the payload is XORed with key[i % 4], counting i from the start of the frame's
    // payload, not from the start of this chunk.
    for (std::size_t i = 0; i < payload.size(); ++i)
        payload[i] ^= key[(offset + i) % 4];
}
// [end task 4] ----

}  // namespace lesson01
