// Tasks 1 and 2 on their own: base64, SHA-1 and the accept key, against known answers.
#include "accept_key.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace lesson01;

namespace {
std::string b64(std::string_view text)
{
    return base64_encode(std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

std::string hex(const std::array<std::uint8_t, 20>& digest)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (auto byte : digest) {
        out += digits[byte >> 4];
        out += digits[byte & 0xf];
    }
    return out;
}
}  // namespace

TEST_CASE("base64 of the RFC 4648 test vectors, with and without padding", "[task1]")
{
    // RFC 4648 §10: every remainder (0, 1, 2 bytes left over) and so every padding.
    CHECK(b64("") == "");
    CHECK(b64("f") == "Zg==");
    CHECK(b64("fo") == "Zm8=");
    CHECK(b64("foo") == "Zm9v");
    CHECK(b64("foob") == "Zm9vYg==");
    CHECK(b64("fooba") == "Zm9vYmE=");
    CHECK(b64("foobar") == "Zm9vYmFy");
}

TEST_CASE("base64 uses + and / and treats bytes as unsigned", "[task1]")
{
    std::vector<std::uint8_t> high = {0x00, 0xff, 0xfe};
    CHECK(base64_encode(high) == "AP/+");
    std::vector<std::uint8_t> two = {0xfb, 0xff};
    CHECK(base64_encode(two) == "+/8=");
    std::vector<std::uint8_t> sixteen = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    CHECK(base64_encode(sixteen) == "AQIDBAUGBwgJCgsMDQ4PEA==");  // the shape of every key
}

TEST_CASE("sha1 gives the FIPS 180 digests", "[task2]")
{
    CHECK(hex(sha1("abc")) == "a9993e364706816aba3e25717850c26c9cd0d89d");
    CHECK(hex(sha1("")) == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
}

TEST_CASE("accept_key of the RFC 6455 sample key", "[task2]")
{
    // RFC 6455 §1.3, the example every implementation checks first.
    CHECK(accept_key("dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
}

TEST_CASE("accept_key of more keys", "[task2]")
{
    CHECK(accept_key("x3JJHMbDL1EzLkh9GBhXDw==") == "HSmrc0sMlYUkAGmm5OPpG2HaGWk=");
    CHECK(accept_key("AQIDBAUGBwgJCgsMDQ4PEA==") == "C/0nmHhBztSRGR1CwL6Tf4ZjwpY=");
    CHECK(accept_key("AQIDBAUGBwgJCgsMDQ4PEA==").size() == 28);  // 20 bytes -> 28 characters
}
