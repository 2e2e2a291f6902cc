// The rules a frame must follow (RFC 6455 §5), and writing the server's own frames.
// Pure functions (no sockets): the session calls them, the tests can too.
#pragma once

#include "frame_header.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace lesson01 {

// "text", "ping", ... or "reserved" for the opcodes RFC 6455 leaves unassigned.
std::string_view opcode_name(Opcode opcode);

inline bool is_control(Opcode opcode) { return (static_cast<unsigned>(opcode) & 0x8) != 0; }

// A reason to fail the connection (RFC 6455 §7.1.7): the close code we send and a short
// explanation that goes into the close frame's reason and the log.
struct Violation {
    std::uint16_t code;  // 1002 protocol error, 1007 invalid data, 1009 too big
    std::string reason;
};

// Checks a header from a client. in_message = a fragmented message has been started and not
// finished. Length limits are checked separately (check_size), since they need the message.
std::optional<Violation> check_client_frame(const FrameHeader& header, bool in_message);

// 1009 if a frame of this header, added to the message_so_far bytes already received, would
// take the message over max_message_bytes.
std::optional<Violation> check_size(const FrameHeader& header, std::uint64_t message_so_far,
                                    std::uint64_t max_message_bytes);

// A close frame's payload is empty, or a 2-byte status code plus a UTF-8 reason (§5.5.1).
struct ClosePayload {
    std::optional<std::uint16_t> code;  // nothing = no status code (logged as 1005)
    std::string reason;
};
// The parsed payload, or the violation (1002 for a bad length or code, 1007 for a bad reason).
struct ParsedClose {
    std::optional<ClosePayload> close;
    std::optional<Violation> violation;
};
ParsedClose parse_close_payload(std::span<const std::uint8_t> payload);

// Codes a peer may send (§7.4): 1000-1003, 1007-1014 (IANA registry), 3000-4999.
bool is_valid_close_code(unsigned code);

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
bool is_valid_utf8(std::span<const std::uint8_t> bytes);
bool is_valid_utf8(std::string_view text);

// Bytes seen as chars, for a std::string payload.
inline std::string_view as_chars(std::span<const std::uint8_t> bytes)
{
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

// A frame as a server sends it: FIN set, never masked (§5.1), 7/16/64-bit length as needed.
std::string encode_frame(Opcode opcode, std::string_view payload);

// A close frame's payload: the code in network byte order, then the reason.
std::string close_frame_payload(std::uint16_t code, std::string_view reason);

}  // namespace lesson01
