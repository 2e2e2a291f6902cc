// Tasks 1 and 2: base64 by hand, SHA-1 from OpenSSL, and the accept key built from both.
#include "accept_key.hpp"

#include <openssl/sha.h>

namespace lesson01 {

// [task 1] ----
std::string base64_encode(std::span<const std::uint8_t> bytes)
{
    static constexpr char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);

    // Three bytes are 24 bits, which are four 6-bit indices into the alphabet.
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        std::uint32_t group = (std::uint32_t{bytes[i]} << 16) | (std::uint32_t{bytes[i + 1]} << 8)
                              | bytes[i + 2];
        out += alphabet[(group >> 18) & 0x3f];
        out += alphabet[(group >> 12) & 0x3f];
        out += alphabet[(group >> 6) & 0x3f];
        out += alphabet[group & 0x3f];
    }

    // One or two bytes left: pad them with zero bits, and say with '=' how many were missing.
    std::size_t left = bytes.size() - i;
    if (left == 1) {
        std::uint32_t group = std::uint32_t{bytes[i]} << 16;
        out += alphabet[(group >> 18) & 0x3f];
        out += alphabet[(group >> 12) & 0x3f];
        out += "==";
    } else if (left == 2) {
        std::uint32_t group = (std::uint32_t{bytes[i]} << 16) | (std::uint32_t{bytes[i + 1]} << 8);
        out += alphabet[(group >> 18) & 0x3f];
        out += alphabet[(group >> 12) & 0x3f];
        out += alphabet[(group >> 6) & 0x3f];
        out += '=';
    }
    return out;
}
// [end task 1] ----

// [task 2] ----
std::array<std::uint8_t, 20> sha1(std::string_view text)
{
    std::array<std::uint8_t, 20> digest{};
    static_assert(sizeof digest == SHA_DIGEST_LENGTH);
    SHA1(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest.data());
    return digest;
}

std::string accept_key(std::string_view client_key)
{
    std::string keyed(client_key);
    keyed += websocket_guid;
    return base64_encode(sha1(keyed));
}
// [end task 2] ----

}  // namespace lesson01
