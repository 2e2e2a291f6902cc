// Tasks 3 and 4: reading a frame header off the wire and unmasking its payload (RFC 6455 §5.2).
// Written in exercises/01-handshake/frame_header.cpp; the tests and the server include this.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-------+-+-------------+-------------------------------+
//  |F|R|R|R| opcode|M| Payload len |    Extended payload length    |
//  |I|S|S|S|  (4)  |A|     (7)     |             (16/64)           |
//  |N|V|V|V|       |S|             |   (if payload len==126/127)   |
//  | |1|2|3|       |K|             |                               |
//  +-+-+-+-+-------+-+-------------+ - - - - - - - - - - - - - - - +
//  |     Extended payload length continued, if payload len == 127  |
//  + - - - - - - - - - - - - - - - +-------------------------------+
//  |                               | Masking-key, if MASK set to 1 |
//  +-------------------------------+-------------------------------+
//  | Masking-key (continued)       |          Payload Data         |
//  +-------------------------------- - - - - - - - - - - - - - - - +
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

namespace lesson01 {

// The 4-bit opcode. Values not named here (3-7, 0xB-0xF) are reserved; a FrameHeader can
// still hold them, so that the server can see them and refuse them.
enum class Opcode : std::uint8_t {
    continuation = 0x0,
    text = 0x1,
    binary = 0x2,
    close = 0x8,
    ping = 0x9,
    pong = 0xA,
};

struct FrameHeader {
    bool fin = false;                  // last frame of its message
    bool rsv1 = false;                 // reserved for extensions (e.g. compression)
    bool rsv2 = false;
    bool rsv3 = false;
    Opcode opcode = Opcode::continuation;
    bool masked = false;               // MASK bit: a masking key follows the length
    std::uint64_t payload_length = 0;  // from the 7-bit, 16-bit or 64-bit length field
    std::array<std::uint8_t, 4> masking_key{};  // all zero when !masked
    std::size_t header_size = 0;       // 2 to 14: where the payload starts
};

// Task 3. The header at the start of bytes, or std::nullopt when bytes does not hold the whole
// header yet (the caller reads more and tries again). Only decodes; checking that the header
// is allowed (RSV bits, opcodes, masking) is the server's job, in frames.cpp.
std::optional<FrameHeader> parse_frame_header(std::span<const std::uint8_t> bytes);

// Task 4. XORs payload with the masking key, in place (masking and unmasking are the same
// operation). offset = how many bytes of this frame's payload came before `payload`, so a
// payload that arrives in chunks can be unmasked chunk by chunk.
void unmask(std::span<std::uint8_t> payload, std::array<std::uint8_t, 4> key,
            std::uint64_t offset = 0);

}  // namespace lesson01
