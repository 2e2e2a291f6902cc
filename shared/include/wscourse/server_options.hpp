// What every lesson server is configured with; wscourse::ServerCommandLine (command_line.hpp)
// fills it from the command line.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wscourse {

// What the HTTP front lets its clients hold at once (see wscourse::HttpFront).
struct HttpLimits {
    // Connections open at once, HTTP and WebSocket together; never more than the open-file
    // limit allows (less a reserve), so the server keeps the descriptors to refuse with 503.
    std::size_t max_connections = 20'000;
    // Connections from one client address; 0 = no cap. Unset: 256, except on a server that
    // listens on loopback only, where every client has the same address.
    std::optional<std::size_t> max_connections_per_address;
    // A request must arrive whole (headers and body) within this, counted from the connection's
    // start or the previous response: a half-open connection does not hold its place for long.
    std::chrono::milliseconds request_timeout{10'000};
    // Request bodies (only endpoints that take one read them) in memory at once, in all.
    std::size_t max_body_bytes_in_flight = 4 * 1024 * 1024;
};

struct ServerOptions {
    std::string host = "127.0.0.1";   // --lan means 0.0.0.0: every interface
    unsigned short port = 8080;       // 0 lets the OS choose (the tests do this)
    std::filesystem::path web_dir;    // the lesson's HTML client
    bool show_qr = false;             // print a QR code of the first LAN URL
    std::size_t max_message_bytes = 1024 * 1024;
    HttpLimits http;
};

// "127.0.0.1", "::1", "localhost": only this machine can connect.
bool is_loopback_host(std::string_view host);

// The per-address cap in force for these options (see HttpLimits::max_connections_per_address).
std::size_t max_connections_per_address(const ServerOptions& options);

}  // namespace wscourse
