#include "self_check.hpp"

#include "accept_key.hpp"

#include <boost/beast/core/detail/sha1.hpp>
#include <boost/beast/websocket/detail/hybi13.hpp>

#include <cstdio>

namespace lesson01 {
namespace {

std::string hex_byte(unsigned byte)
{
    char text[8];
    std::snprintf(text, sizeof text, "0x%02x", byte & 0xff);
    return text;
}

// SHA-1 of text, by Beast's own implementation (beast/core/detail/sha1.hpp).
std::array<std::uint8_t, 20> reference_sha1(std::string_view text)
{
    namespace detail = boost::beast::detail;
    detail::sha1_context context;
    detail::init(context);
    detail::update(context, text.data(), text.size());
    std::array<std::uint8_t, 20> digest{};
    static_assert(digest.size() == detail::sha1_context::digest_size);
    detail::finish(context, digest.data());
    return digest;
}

}  // namespace

std::string reference_accept_key(std::string_view client_key)
{
    namespace ws = boost::beast::websocket::detail;
    if (client_key.size() > ws::sec_ws_key_type::static_capacity)
        return {};  // check_upgrade() refuses such a key before anything is computed
    ws::sec_ws_accept_type accept;
    ws::make_sec_ws_accept(accept, client_key);
    return std::string(accept.data(), accept.size());
}

std::optional<std::string> check_accept_key(std::string_view client_key, std::string_view given)
{
    const std::string expected = reference_accept_key(client_key);
    if (given == expected)
        return std::nullopt;
    std::string what = "your accept_key() gave \"" + std::string(given) + "\", expected \""
                       + expected + "\" (the browser refuses the connection: 1006). ";
    // Which of the three functions is wrong? Feed each one a right input and compare.
    std::string keyed(client_key);
    keyed += websocket_guid;
    const auto digest = reference_sha1(keyed);
    if (base64_encode(digest) != expected)
        return what + "base64_encode() is wrong: check task 1 (./course check 1)";
    if (sha1(keyed) != digest)
        return what + "sha1() is wrong: check task 2 (./course check 1)";
    return what + "base64_encode() and sha1() are right, accept_key() combines them wrongly: "
                  "check task 2 (./course check 1)";
}

std::optional<std::string> check_unmasked(std::span<const std::uint8_t> masked,
                                          std::span<const std::uint8_t> unmasked,
                                          std::array<std::uint8_t, 4> key, std::uint64_t offset)
{
    for (std::size_t i = 0; i < masked.size() && i < unmasked.size(); ++i) {
        const std::uint64_t position = offset + i;  // in the frame's payload
        const auto want = static_cast<std::uint8_t>(masked[i] ^ key[position % 4]);
        if (unmasked[i] == want)
            continue;
        return "unmask() gave " + hex_byte(unmasked[i]) + " for payload byte "
               + std::to_string(position) + " (byte " + std::to_string(i) + " of a chunk that starts at offset "
               + std::to_string(offset) + "), expected " + hex_byte(want) + " = " + hex_byte(masked[i])
               + " XOR key[" + std::to_string(position % 4) + "]: check task 4 (./course check 1)";
    }
    return std::nullopt;
}

}  // namespace lesson01
