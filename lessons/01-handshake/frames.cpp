#include "frames.hpp"

#include <algorithm>

namespace lesson01 {

std::string_view opcode_name(Opcode opcode)
{
    switch (opcode) {
    case Opcode::continuation: return "continuation";
    case Opcode::text: return "text";
    case Opcode::binary: return "binary";
    case Opcode::close: return "close";
    case Opcode::ping: return "ping";
    case Opcode::pong: return "pong";
    }
    return "reserved";
}

std::optional<Violation> check_client_frame(const FrameHeader& header, bool in_message)
{
    // RSV bits mean an extension (such as permessage-deflate) is in use; we agreed on none.
    if (header.rsv1 || header.rsv2 || header.rsv3)
        return Violation{1002, "RSV bit set, but no extension was negotiated"};
    if (opcode_name(header.opcode) == "reserved")
        return Violation{1002, "reserved opcode " + std::to_string(static_cast<unsigned>(header.opcode))};
    // §5.1: "a server MUST close the connection upon receiving a frame that is not masked".
    if (!header.masked)
        return Violation{1002, "client frame not masked"};
    // A 64-bit length must fit in 63 bits, and every length must use its shortest encoding.
    if (header.payload_length >> 63)
        return Violation{1002, "64-bit length with the top bit set"};
    std::size_t length_bytes = header.header_size - 2 - 4;
    if ((length_bytes == 2 && header.payload_length < 126)
        || (length_bytes == 8 && header.payload_length <= 0xffff))
        return Violation{1002, "length not in its shortest encoding"};

    if (is_control(header.opcode)) {
        // Control frames may arrive between the fragments of a message, so they must be
        // short and whole (§5.5).
        if (!header.fin)
            return Violation{1002, "fragmented control frame"};
        if (header.payload_length > 125)
            return Violation{1002, "control frame longer than 125 bytes"};
        return std::nullopt;
    }
    if (header.opcode == Opcode::continuation && !in_message)
        return Violation{1002, "continuation frame with no message to continue"};
    if (header.opcode != Opcode::continuation && in_message)
        return Violation{1002, "new message started before the previous one was finished"};
    return std::nullopt;
}

std::optional<Violation> check_size(const FrameHeader& header, std::uint64_t message_so_far,
                                    std::uint64_t max_message_bytes)
{
    if (header.payload_length > max_message_bytes - std::min(message_so_far, max_message_bytes))
        return Violation{1009, "message longer than " + std::to_string(max_message_bytes) + " bytes"};
    return std::nullopt;
}

bool is_valid_close_code(unsigned code)
{
    return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014)
           || (code >= 3000 && code <= 4999);
}

ParsedClose parse_close_payload(std::span<const std::uint8_t> payload)
{
    if (payload.empty())
        return {ClosePayload{}, std::nullopt};
    if (payload.size() == 1)
        return {std::nullopt, Violation{1002, "close payload of 1 byte (a code needs 2)"}};
    unsigned code = payload[0] * 256u + payload[1];
    if (!is_valid_close_code(code))
        return {std::nullopt, Violation{1002, "invalid close code " + std::to_string(code)}};
    auto reason = payload.subspan(2);
    if (!is_valid_utf8(reason))
        return {std::nullopt, Violation{1007, "close reason is not valid UTF-8"}};
    return {ClosePayload{static_cast<std::uint16_t>(code),
                         std::string(reason.begin(), reason.end())},
            std::nullopt};
}

bool is_valid_utf8(std::span<const std::uint8_t> bytes)
{
    std::size_t i = 0;
    while (i < bytes.size()) {
        const std::uint8_t lead = bytes[i];
        std::size_t length;
        std::uint32_t code_point;
        if (lead < 0x80) {
            ++i;
            continue;
        } else if ((lead & 0xe0) == 0xc0) {
            length = 2;
            code_point = lead & 0x1f;
        } else if ((lead & 0xf0) == 0xe0) {
            length = 3;
            code_point = lead & 0x0f;
        } else if ((lead & 0xf8) == 0xf0) {
            length = 4;
            code_point = lead & 0x07;
        } else {
            return false;  // a continuation byte where a character should start, or 0xf8-0xff
        }
        if (bytes.size() - i < length)
            return false;  // cut off
        for (std::size_t k = 1; k < length; ++k) {
            if ((bytes[i + k] & 0xc0) != 0x80)
                return false;
            code_point = (code_point << 6) | (bytes[i + k] & 0x3f);
        }
        static constexpr std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (code_point < smallest[length]                          // overlong
            || (code_point >= 0xd800 && code_point <= 0xdfff)      // UTF-16 surrogate
            || code_point > 0x10ffff)
            return false;
        i += length;
    }
    return true;
}

bool is_valid_utf8(std::string_view text)
{
    return is_valid_utf8(std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

std::string encode_frame(Opcode opcode, std::string_view payload)
{
    std::string frame;
    frame += static_cast<char>(0x80 | static_cast<unsigned>(opcode));  // FIN + opcode
    const std::uint64_t length = payload.size();
    if (length < 126) {
        frame += static_cast<char>(length);  // MASK bit 0: servers never mask
    } else if (length <= 0xffff) {
        frame += static_cast<char>(126);
        frame += static_cast<char>(length >> 8);
        frame += static_cast<char>(length & 0xff);
    } else {
        frame += static_cast<char>(127);
        for (int shift = 56; shift >= 0; shift -= 8)
            frame += static_cast<char>((length >> shift) & 0xff);
    }
    frame += payload;
    return frame;
}

std::string close_frame_payload(std::uint16_t code, std::string_view reason)
{
    std::string payload;
    payload += static_cast<char>(code >> 8);
    payload += static_cast<char>(code & 0xff);
    payload += reason.substr(0, 123);  // a control frame's payload is at most 125 bytes
    return payload;
}

}  // namespace lesson01
