// Tasks 1 and 2: the Sec-WebSocket-Accept value a server sends back in its 101 response.
// Written in exercises/01-handshake/accept_key.cpp; the tests and the server include this.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace lesson01 {

// RFC 6455 §1.3: the fixed GUID every server appends to the client's key before hashing.
inline constexpr std::string_view websocket_guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

// Task 1. Standard base64 (RFC 4648 §4): every 3 bytes become 4 characters from
// "A-Z a-z 0-9 + /"; the output is padded with '=' to a multiple of 4 characters.
std::string base64_encode(std::span<const std::uint8_t> bytes);

// Task 2. The 20-byte SHA-1 digest of text (OpenSSL's SHA1() does the hashing).
std::array<std::uint8_t, 20> sha1(std::string_view text);

// Task 2. base64(SHA-1(client_key + websocket_guid)): the Sec-WebSocket-Accept value.
std::string accept_key(std::string_view client_key);

}  // namespace lesson01
