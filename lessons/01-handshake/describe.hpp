// What the server answers each message with: the frames it decoded, byte by byte, so you see
// what your browser put on the wire. The first answer also shows the handshake.
#pragma once

#include "frame_header.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lesson01 {

// What we keep of one frame for its description: its header and the first bytes of payload.
struct FrameRecord {
    FrameHeader header;
    std::vector<std::uint8_t> header_bytes;   // the 2 to 14 header bytes as received
    std::vector<std::uint8_t> masked_head;    // the first payload bytes, as received
    std::vector<std::uint8_t> unmasked_head;  // the same bytes after unmask()
};

// How many frames of one message, and how many payload bytes of each, a description shows.
inline constexpr std::size_t described_frames = 8;
inline constexpr std::size_t described_bytes = 32;

// "48 65 6c 6c 6f", then "… (N more bytes)" after `limit` bytes; total = the real length.
std::string hex(std::span<const std::uint8_t> bytes, std::size_t total, std::size_t limit = described_bytes);

// "1000 0001"
std::string bits(std::uint8_t byte);

// The description of one frame, several lines, each indented by two spaces.
std::string describe_frame(const FrameRecord& frame, std::size_t number);

// The answer to a whole message: its type and size, each frame (up to described_frames of
// frame_count), and for text the text itself.
std::string describe_message(Opcode opcode, std::span<const std::uint8_t> message,
                             const std::vector<FrameRecord>& frames, std::size_t frame_count);

// The request head as the server received it, then Sec-WebSocket-Accept computed step by
// step with sha1() and base64_encode() from the exercise.
std::string describe_handshake(std::string_view request_head, std::string_view client_key);

}  // namespace lesson01
