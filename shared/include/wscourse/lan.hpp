// The machine's LAN addresses, so an instructor can tell a classroom which URL to open.
#pragma once

#include <string>
#include <vector>

namespace wscourse {

// IPv4 addresses of the interfaces that are up, loopback excluded, most likely LAN first
// (private ranges before others), e.g. {"192.168.1.23", "10.0.0.5"}.
std::vector<std::string> lan_addresses();

}  // namespace wscourse
