// Tasks 3 and 4 on their own: frame headers byte by byte, and masking.
#include "frame_header.hpp"
#include "printers.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace lesson01;
using Bytes = std::vector<std::uint8_t>;
using wscourse::test::BytesEqual;

namespace {
// A masked client header for a payload of `length` bytes, in the shortest length encoding.
Bytes masked_header(std::uint8_t first_byte, std::uint64_t length,
                    std::array<std::uint8_t, 4> key = {0x37, 0xfa, 0x21, 0x3d})
{
    Bytes out = {first_byte};
    if (length < 126) {
        out.push_back(static_cast<std::uint8_t>(0x80 | length));
    } else if (length <= 0xffff) {
        out.push_back(0x80 | 126);
        out.push_back(static_cast<std::uint8_t>(length >> 8));
        out.push_back(static_cast<std::uint8_t>(length));
    } else {
        out.push_back(0x80 | 127);
        for (int shift = 56; shift >= 0; shift -= 8)
            out.push_back(static_cast<std::uint8_t>(length >> shift));
    }
    out.insert(out.end(), key.begin(), key.end());
    return out;
}
}  // namespace

TEST_CASE("a masked text frame: 'Hello' from RFC 6455 §5.7", "[task3]")
{
    Bytes frame = {0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58};
    auto header = parse_frame_header(frame);
    REQUIRE(header);
    CHECK(header->fin);
    CHECK_FALSE(header->rsv1);
    CHECK_FALSE(header->rsv2);
    CHECK_FALSE(header->rsv3);
    CHECK(header->opcode == Opcode::text);
    CHECK(header->masked);
    CHECK(header->payload_length == 5);
    CHECK(header->masking_key == std::array<std::uint8_t, 4>{0x37, 0xfa, 0x21, 0x3d});
    CHECK(header->header_size == 6);
}

TEST_CASE("an unmasked frame has a 2-byte header and no key", "[task3]")
{
    Bytes frame = {0x01, 0x03, 'H', 'e', 'l'};  // text, not final, unmasked (§5.7 fragment)
    auto header = parse_frame_header(frame);
    REQUIRE(header);
    CHECK_FALSE(header->fin);
    CHECK(header->opcode == Opcode::text);
    CHECK_FALSE(header->masked);
    CHECK(header->payload_length == 3);
    CHECK(header->header_size == 2);
    CHECK(header->masking_key == std::array<std::uint8_t, 4>{0, 0, 0, 0});
}

TEST_CASE("RSV bits and every opcode are decoded, reserved ones too", "[task3]")
{
    Bytes frame = {0x70 | 0x0b, 0x80, 1, 2, 3, 4};  // RSV1-3 set, opcode 0xB (reserved)
    auto header = parse_frame_header(frame);
    REQUIRE(header);
    CHECK_FALSE(header->fin);
    CHECK(header->rsv1);
    CHECK(header->rsv2);
    CHECK(header->rsv3);
    CHECK(static_cast<unsigned>(header->opcode) == 0xb);

    for (unsigned opcode : {0x0u, 0x1u, 0x2u, 0x8u, 0x9u, 0xau}) {
        Bytes f = {static_cast<std::uint8_t>(0x80 | opcode), 0x80, 0, 0, 0, 0};
        auto h = parse_frame_header(f);
        REQUIRE(h);
        CHECK(static_cast<unsigned>(h->opcode) == opcode);
        CHECK_FALSE(h->rsv1);
    }
}

TEST_CASE("7-bit lengths: 0 and 125", "[task3]")
{
    for (std::uint64_t length : {0u, 1u, 125u}) {
        auto header = parse_frame_header(masked_header(0x82, length));
        REQUIRE(header);
        CHECK(header->payload_length == length);
        CHECK(header->header_size == 6);
    }
}

TEST_CASE("16-bit lengths: 126 and 65535", "[task3]")
{
    for (std::uint64_t length : {126u, 300u, 65535u}) {
        auto header = parse_frame_header(masked_header(0x82, length));
        REQUIRE(header);
        CHECK(header->payload_length == length);
        CHECK(header->header_size == 8);
    }
}

TEST_CASE("64-bit lengths: 65536 and beyond 32 bits", "[task3]")
{
    for (std::uint64_t length : {std::uint64_t{65536}, std::uint64_t{70000},
                                 std::uint64_t{0x0102030405060708}}) {
        auto header = parse_frame_header(masked_header(0x82, length, {9, 8, 7, 6}));
        REQUIRE(header);
        CHECK(header->payload_length == length);
        CHECK(header->header_size == 14);
        CHECK(header->masking_key == std::array<std::uint8_t, 4>{9, 8, 7, 6});
    }
}

TEST_CASE("need more bytes: every prefix of a header is too short", "[task3]")
{
    for (std::uint64_t length : {5u, 300u, 70000u}) {
        Bytes header = masked_header(0x81, length);
        for (std::size_t n = 0; n < header.size(); ++n) {
            INFO("length " << length << ", first " << n << " of " << header.size() << " bytes");
            CHECK_FALSE(parse_frame_header(std::span(header).first(n)));
        }
        CHECK(parse_frame_header(header));
    }
}

TEST_CASE("the header does not depend on payload bytes after it", "[task3]")
{
    Bytes frame = masked_header(0x81, 300);
    frame.resize(frame.size() + 300, 0xff);
    auto header = parse_frame_header(frame);
    REQUIRE(header);
    CHECK(header->payload_length == 300);
    CHECK(header->header_size == 8);
}

TEST_CASE("unmask 'Hello' from RFC 6455 §5.7", "[task4]")
{
    Bytes payload = {0x7f, 0x9f, 0x4d, 0x51, 0x58};
    unmask(payload, {0x37, 0xfa, 0x21, 0x3d});
    CHECK_THAT(payload, BytesEqual(Bytes{'H', 'e', 'l', 'l', 'o'}));
}

TEST_CASE("masking twice gives back the original", "[task4]")
{
    Bytes original;
    for (int i = 0; i < 1000; ++i)
        original.push_back(static_cast<std::uint8_t>(i * 7));
    Bytes data = original;
    unmask(data, {0xde, 0xad, 0xbe, 0xef});
    CHECK(data != original);
    CHECK(unsigned{data[0]} == (original[0] ^ 0xdeu));  // unsigned: a byte prints as a number
    CHECK(unsigned{data[5]} == (original[5] ^ 0xadu));
    unmask(data, {0xde, 0xad, 0xbe, 0xef});
    CHECK_THAT(data, BytesEqual(original));
}

TEST_CASE("unmask in chunks, with an offset, equals unmasking at once", "[task4]")
{
    Bytes whole(37);
    for (std::size_t i = 0; i < whole.size(); ++i)
        whole[i] = static_cast<std::uint8_t>(i);
    Bytes chunked = whole;
    std::array<std::uint8_t, 4> key = {1, 2, 4, 8};
    unmask(whole, key);
    // Chunks of 3, 5, 7, ... bytes: most start in the middle of the key.
    std::size_t at = 0, size = 3;
    while (at < chunked.size()) {
        std::size_t n = std::min(size, chunked.size() - at);
        unmask(std::span(chunked).subspan(at, n), key, at);
        at += n;
        size += 2;
    }
    CHECK_THAT(chunked, BytesEqual(whole));
}

TEST_CASE("unmask of nothing is nothing", "[task4]")
{
    Bytes empty;
    unmask(empty, {1, 2, 3, 4});
    CHECK(empty.empty());
}
