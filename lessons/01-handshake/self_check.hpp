// The server checks your exercise's answers as it uses them, so that a mistake shows up as a
// sentence in the log (and a close reason in the page) instead of a bare "1006" in the browser.
// The reference values come from Boost.Beast's own handshake code, not from the solution.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace lesson01 {

// Sec-WebSocket-Accept for client_key as Beast computes it (websocket/detail/hybi13.ipp).
std::string reference_accept_key(std::string_view client_key);

// Nothing if given (what accept_key() returned) is right for client_key; otherwise what is
// wrong and which task to look at, e.g. "your accept_key() gave X, expected Y: base64_encode()
// is wrong (task 1)".
std::optional<std::string> check_accept_key(std::string_view client_key, std::string_view given);

// Nothing if unmasked is masked XOR the key, starting at payload position offset; otherwise
// the first wrong byte and what it should have been (task 4).
std::optional<std::string> check_unmasked(std::span<const std::uint8_t> masked,
                                          std::span<const std::uint8_t> unmasked,
                                          std::array<std::uint8_t, 4> key, std::uint64_t offset);

}  // namespace lesson01
