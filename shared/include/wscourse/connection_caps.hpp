// What one server lets its clients hold at once: connections (in all, and from one address)
// and request bodies being read. Without caps, 1,100 half-open connections used up the 1,024
// file descriptors a process gets by default and nobody else could connect.
#pragma once

#include <wscourse/net.hpp>

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace wscourse {

// Counts open connections, in all and per client address. Thread-safe: connections on any
// strand take and give back their place.
class ConnectionCaps {
    struct State {
        std::mutex mutex;
        std::size_t total = 0;
        std::map<net::ip::address, std::size_t> per_address;
    };

public:
    // 0 for max_per_address means no cap per address.
    ConnectionCaps(std::size_t max_total, std::size_t max_per_address);

    // A connection's place: held for as long as the connection lasts (through the WebSocket
    // session too), given back when the last copy is destroyed.
    using Place = std::shared_ptr<void>;

    // A place for a new connection from peer, or nullptr when a cap is reached; then `refusal`
    // says which ("too many connections (1000)", "too many connections from 10.0.0.7 (64)").
    Place take(const net::ip::address& peer, std::string& refusal);

    std::size_t open() const;
    std::size_t max_total() const { return max_total_; }
    std::size_t max_per_address() const { return max_per_address_; }

private:
    std::size_t max_total_;
    std::size_t max_per_address_;
    std::shared_ptr<State> state_ = std::make_shared<State>();  // places may outlive the caps
};

// Bytes of request bodies that may be in memory at once, over all connections.
class ByteBudget {
    struct State {
        std::mutex mutex;
        std::size_t used = 0;
    };

public:
    explicit ByteBudget(std::size_t max_bytes);

    // Holds `bytes` of the budget until destroyed; nullptr when they do not fit.
    using Reservation = std::shared_ptr<void>;
    Reservation reserve(std::size_t bytes);

    std::size_t used() const;
    std::size_t max_bytes() const { return max_bytes_; }

private:
    std::size_t max_bytes_;
    std::shared_ptr<State> state_ = std::make_shared<State>();
};

// An IPv4-mapped IPv6 address (::ffff:10.0.0.7) as the IPv4 address it is; others unchanged.
net::ip::address plain_address(const net::ip::address& address);

}  // namespace wscourse
