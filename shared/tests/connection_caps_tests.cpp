#include <wscourse/connection_caps.hpp>
#include <wscourse/fd_limit.hpp>

#include <catch2/catch.hpp>

#include <sys/resource.h>

using wscourse::ByteBudget;
using wscourse::ConnectionCaps;

TEST_CASE("a connection's place comes back when its last holder lets go", "[caps]")
{
    ConnectionCaps caps(2, 0);
    const auto here = net::ip::make_address("127.0.0.1");
    std::string refusal;
    auto first = caps.take(here, refusal);
    auto second = caps.take(here, refusal);
    REQUIRE(first);
    REQUIRE(second);
    CHECK_FALSE(caps.take(net::ip::make_address("10.0.0.7"), refusal));
    CHECK(refusal == "too many connections (2)");

    auto copy = first;  // a WebSocket session holds the place its HTTP connection took
    first.reset();
    CHECK(caps.open() == 2);
    copy.reset();
    CHECK(caps.open() == 1);
    CHECK(caps.take(here, refusal));
}

TEST_CASE("the per-address cap counts an IPv4-mapped address as the IPv4 address it is", "[caps]")
{
    ConnectionCaps caps(100, 1);
    std::string refusal;
    auto held = caps.take(net::ip::make_address("10.0.0.7"), refusal);
    REQUIRE(held);
    CHECK_FALSE(caps.take(net::ip::make_address("::ffff:10.0.0.7"), refusal));
    CHECK(refusal == "too many connections from 10.0.0.7 (1)");
    CHECK(caps.take(net::ip::make_address("10.0.0.8"), refusal));
}

TEST_CASE("the body budget refuses what does not fit and takes it back", "[body]")
{
    ByteBudget budget(1000);
    auto a = budget.reserve(800);
    REQUIRE(a);
    CHECK_FALSE(budget.reserve(201));
    CHECK(budget.reserve(200));
    a.reset();
    CHECK(budget.used() == 0);
    CHECK(budget.reserve(1000));
}

TEST_CASE("a server raises its soft open-file limit to the hard limit", "[caps]")
{
    const auto limit = wscourse::raise_open_file_limit();
    rlimit now{};
    REQUIRE(getrlimit(RLIMIT_NOFILE, &now) == 0);
    CHECK(now.rlim_cur == now.rlim_max);
    CHECK(wscourse::open_file_limit() == limit);
}
