// Opening the listening socket, and telling people where to connect.
#pragma once

#include <wscourse/net.hpp>

#include <stdexcept>
#include <string>
#include <string_view>

namespace wscourse {

// The port is taken. what() is one line for the terminal that names a free alternative.
struct PortInUse : std::runtime_error {
    PortInUse(unsigned short port, unsigned short alternative);
    unsigned short port;
    unsigned short alternative;
};

// Opens, binds and listens on host:port ("0.0.0.0" for every interface, "::1", "localhost").
// Throws PortInUse when the port is taken, std::system_error for anything else.
tcp::acceptor listen_on(const net::any_io_executor& executor, const std::string& host,
                        unsigned short port);

// Prints "listening on http://HOST:PORT/" (the line tools wait for), and when listening on
// every interface, each LAN URL and, with show_qr, a QR code of the first one.
void print_listening(std::string_view title, const std::string& host, unsigned short port,
                     bool show_qr);

}  // namespace wscourse
