// Tasks 1 and 2: base64 by hand, SHA-1 from OpenSSL, and the accept key built from both.
// Read lessons/01-handshake/README.md ("The exercise") first; check with ./course check 1.
#include "accept_key.hpp"

#include <openssl/sha.h>

namespace lesson01 {

// [task 1] ----
std::string base64_encode(std::span<const std::uint8_t> bytes)
{
    static constexpr char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;

    // TODO(student): task 1. Take the bytes three at a time: 3 bytes = 24 bits = four 6-bit
    // numbers, each an index into `alphabet`. When 1 or 2 bytes are left over, fill the group
    // with zero bits and end with "==" (1 byte left) or "=" (2 bytes left).
    (void)alphabet;
    (void)bytes;

    return out;
}
// [end task 1] ----

// [task 2] ----
std::array<std::uint8_t, 20> sha1(std::string_view text)
{
    std::array<std::uint8_t, 20> digest{};

    // TODO(student): task 2. OpenSSL's one-shot SHA1(data, length, digest) hashes text into
    // digest (it wants `const unsigned char*`: reinterpret_cast the chars).
    (void)text;

    return digest;
}

std::string accept_key(std::string_view client_key)
{
    // TODO(student): task 2. base64 of the SHA-1 of (client_key + websocket_guid).
    (void)client_key;
    return {};
}
// [end task 2] ----

}  // namespace lesson01
