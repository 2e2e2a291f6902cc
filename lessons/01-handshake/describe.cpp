#include "describe.hpp"

#include <algorithm>

#include "accept_key.hpp"
#include "frames.hpp"
#include "http_request.hpp"

namespace lesson01 {
namespace {

// A message's text, quoted on one line: control characters escaped, long text cut at a
// character boundary (the answer is a text frame, so it must stay valid UTF-8).
std::string quote_text(std::span<const std::uint8_t> text, std::size_t max_bytes = 200)
{
    std::size_t end = std::min(text.size(), max_bytes);
    while (end < text.size() && end > 0 && (text[end] & 0xc0) == 0x80)
        --end;  // don't split a multi-byte character
    std::string out = "\"";
    for (std::size_t i = 0; i < end; ++i) {
        char c = static_cast<char>(text[i]);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (text[i] < 0x20 || text[i] == 0x7f) {
            static constexpr char digits[] = "0123456789abcdef";
            out += "\\x";
            out += digits[text[i] >> 4];
            out += digits[text[i] & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
    if (end < text.size())
        out += " … (" + std::to_string(text.size() - end) + " more bytes)";
    return out;
}

std::string plural(std::uint64_t n, std::string_view word)
{
    return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

}  // namespace

std::string hex(std::span<const std::uint8_t> bytes, std::size_t total, std::size_t limit)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < bytes.size() && i < limit; ++i) {
        if (i > 0)
            out += ' ';
        out += digits[bytes[i] >> 4];
        out += digits[bytes[i] & 0xf];
    }
    std::size_t shown = std::min({bytes.size(), limit, total});
    if (total > shown)
        out += " … (" + plural(total - shown, "more byte") + ")";
    if (total == 0)
        out += "(none)";
    return out;
}

std::string bits(std::uint8_t byte)
{
    std::string out;
    for (int bit = 7; bit >= 0; --bit) {
        out += (byte >> bit) & 1 ? '1' : '0';
        if (bit == 4)
            out += ' ';
    }
    return out;
}

std::string describe_frame(const FrameRecord& frame, std::size_t number)
{
    const FrameHeader& h = frame.header;
    const auto& raw = frame.header_bytes;
    std::string out = "frame " + std::to_string(number) + ": " + std::to_string(h.header_size)
                      + "-byte header + " + plural(h.payload_length, "byte") + " of payload\n";
    if (raw.size() < 2)
        return out;

    out += "  byte 0     " + bits(raw[0]) + "  FIN=" + (h.fin ? "1" : "0")
           + " RSV1=" + (h.rsv1 ? "1" : "0") + " RSV2=" + (h.rsv2 ? "1" : "0")
           + " RSV3=" + (h.rsv3 ? "1" : "0") + " opcode=0x"
           + "0123456789abcdef"[static_cast<unsigned>(h.opcode) & 0xf] + " ("
           + std::string(opcode_name(h.opcode)) + ")\n";

    const unsigned length7 = raw[1] & 0x7f;
    out += "  byte 1     " + bits(raw[1]) + "  MASK=" + (h.masked ? "1" : "0");
    if (length7 < 126) {
        out += " length=" + std::to_string(h.payload_length) + " (7-bit length)\n";
    } else {
        std::size_t extended = length7 == 126 ? 2 : 8;
        out += " length field=" + std::to_string(length7) + ": a "
               + (extended == 2 ? "16" : "64") + "-bit length follows\n";
        if (raw.size() >= 2 + extended) {
            out += "  bytes 2-" + std::to_string(1 + extended) + "  "
                   + hex(std::span(raw).subspan(2, extended), extended) + "  length="
                   + std::to_string(h.payload_length) + " (" + (extended == 2 ? "16" : "64")
                   + "-bit length)\n";
        }
    }
    if (h.masked) {
        out += "  mask key   " + hex(h.masking_key, 4) + "\n";
        out += "  masked     " + hex(frame.masked_head, h.payload_length) + "\n";
        out += "  unmasked   " + hex(frame.unmasked_head, h.payload_length) + "\n";
    } else {
        out += "  payload    " + hex(frame.unmasked_head, h.payload_length) + "\n";
    }
    return out;
}

std::string describe_message(Opcode opcode, std::span<const std::uint8_t> message,
                             const std::vector<FrameRecord>& frames, std::size_t frame_count)
{
    std::string out = "Your " + std::string(opcode_name(opcode)) + " message of "
                       + plural(message.size(), "byte") + " came in " + plural(frame_count, "frame")
                       + ":\n";
    for (std::size_t i = 0; i < frames.size(); ++i)
        out += describe_frame(frames[i], i + 1);
    if (frame_count > frames.size())
        out += "… and " + plural(frame_count - frames.size(), "more frame") + " (not shown)\n";
    if (opcode == Opcode::text)
        out += "as text: " + quote_text(message) + "\n";
    return out;
}

std::string describe_handshake(std::string_view request_head, std::string_view client_key)
{
    std::string out = "The handshake that opened this connection, as the server received it:\n";
    std::string_view rest = request_head;
    while (!rest.empty()) {
        auto end = rest.find("\r\n");
        std::string_view line = rest.substr(0, end);
        if (line.empty())
            break;
        out += "  " + quote_safely(line, 200) + "\n";
        rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 2);
    }

    // The same steps as accept_key(), one at a time, with your sha1() and base64_encode().
    std::string keyed = std::string(client_key) + std::string(websocket_guid);
    auto digest = sha1(keyed);
    out += "\nHow the server computed Sec-WebSocket-Accept:\n";
    out += "  1. the client's key     " + quote_safely(client_key) + "\n";
    out += "  2. + the RFC's GUID     " + quote_safely(keyed, 200) + "\n";
    out += "  3. SHA-1 of that        " + hex(digest, digest.size()) + "\n";
    out += "  4. base64 of the hash   " + base64_encode(digest) + "\n";
    out += "  = Sec-WebSocket-Accept, sent back in the 101 response (your browser checked it)\n\n";
    return out;
}

}  // namespace lesson01
