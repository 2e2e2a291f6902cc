// The server's own check of the exercise (self_check.hpp): what it says when accept_key() or
// unmask() is wrong, so the log can explain what the browser only shows as 1006.
#include "self_check.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace lesson01;

TEST_CASE("the reference accept value is the RFC's", "[task1]")
{
    CHECK(reference_accept_key("dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    CHECK_FALSE(check_accept_key("dGhlIHNhbXBsZSBub25jZQ==", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
}

TEST_CASE("a wrong accept value is explained with the expected value and a task", "[task1]")
{
    auto mistake = check_accept_key("dGhlIHNhbXBsZSBub25jZQ==", "wrong=");
    REQUIRE(mistake);
    CHECK_THAT(*mistake, Catch::Contains("gave \"wrong=\", expected \"s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\""));
    CHECK_THAT(*mistake, Catch::Contains("check task"));
}

TEST_CASE("a wrong unmask is explained byte by byte, with its offset", "[task1]")
{
    const std::array<std::uint8_t, 4> key{0x37, 0xfa, 0x21, 0x3d};
    const std::vector<std::uint8_t> masked{0x7f, 0x9f, 0x4d, 0x51, 0x58};  // "Hello", RFC §5.7
    const std::vector<std::uint8_t> hello{'H', 'e', 'l', 'l', 'o'};
    CHECK_FALSE(check_unmasked(masked, hello, key, 0));

    // The last 3 bytes, unmasked as if they started the payload (the offset ignored).
    std::vector<std::uint8_t> tail(masked.begin() + 2, masked.end());
    for (std::size_t i = 0; i < tail.size(); ++i)
        tail[i] ^= key[i % 4];
    auto mistake = check_unmasked(std::vector<std::uint8_t>(masked.begin() + 2, masked.end()),
                                  tail, key, 2);
    REQUIRE(mistake);
    CHECK_THAT(*mistake, Catch::Contains("payload byte 2") && Catch::Contains("offset 2")
                             && Catch::Contains("expected 0x6c") && Catch::Contains("task 4"));
}
