#include <wscourse/listen.hpp>
#include <wscourse/lan.hpp>
#include <wscourse/qr.hpp>

#include <iostream>
#include <unistd.h>

namespace wscourse {
namespace {
net::ip::address parse_host(const std::string& host)
{
    if (host == "localhost")
        return net::ip::make_address("127.0.0.1");
    return net::ip::make_address(host);
}

bool port_is_free(const net::ip::address& address, unsigned short port)
{
    net::io_context probe;
    tcp::acceptor acceptor(probe);
    boost::system::error_code ec;
    tcp::endpoint endpoint(address, port);
    acceptor.open(endpoint.protocol(), ec);
    acceptor.set_option(net::socket_base::reuse_address(true), ec);
    acceptor.bind(endpoint, ec);
    return !ec;
}

unsigned short free_port_near(const net::ip::address& address, unsigned short port)
{
    for (unsigned candidate = port + 1u; candidate <= 65535u && candidate <= port + 50u; ++candidate)
        if (port_is_free(address, static_cast<unsigned short>(candidate)))
            return static_cast<unsigned short>(candidate);
    return 0;
}

std::string url_host(const std::string& host)
{
    return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}
}  // namespace

PortInUse::PortInUse(unsigned short taken, unsigned short free)
    : std::runtime_error("port " + std::to_string(taken)
                         + " is already in use (another lesson server?); try --port "
                         + std::to_string(free))
    , port(taken)
    , alternative(free)
{
}

tcp::acceptor listen_on(const net::any_io_executor& executor, const std::string& host,
                        unsigned short port)
{
    tcp::endpoint endpoint(parse_host(host), port);
    tcp::acceptor acceptor(executor);
    acceptor.open(endpoint.protocol());
    // Lets a restarted server take its port back while old connections sit in TIME_WAIT.
    acceptor.set_option(net::socket_base::reuse_address(true));
    boost::system::error_code ec;
    acceptor.bind(endpoint, ec);
    if (ec == net::error::address_in_use)
        throw PortInUse(port, free_port_near(endpoint.address(), port));
    if (ec)
        throw std::system_error(ec, "cannot listen on " + host + ":" + std::to_string(port));
    acceptor.listen(net::socket_base::max_listen_connections);
    return acceptor;
}

void print_listening(std::string_view title, const std::string& host, unsigned short port,
                     bool show_qr)
{
    std::string p = std::to_string(port);
    std::cout << title << "\n";
    std::cout << "listening on http://" << url_host(host) << ":" << p << "/  (Ctrl-C to stop)\n";
    if (host == "0.0.0.0" || host == "::") {
        auto addresses = lan_addresses();
        if (addresses.empty()) {
            std::cout << "no LAN address found: is this machine on a network?\n";
        } else {
            std::cout << "open on a phone or laptop in the room:\n";
            for (const auto& address : addresses)
                std::cout << "  http://" << address << ":" << p << "/\n";
            if (show_qr)
                std::cout << qr_code_text("http://" + addresses.front() + ":" + p + "/",
                                          isatty(STDOUT_FILENO) != 0);
            std::cout << "(a firewall may block port " << p << "; see docs/instructor.md)\n";
        }
    }
    std::cout.flush();
}

}  // namespace wscourse
