#include <wscourse/server_options.hpp>
#include <wscourse/command_line.hpp>

namespace wscourse {

bool is_loopback_host(std::string_view host)
{
    return host == "localhost" || host == "::1" || host.starts_with("127.");
}

std::size_t max_connections_per_address(const ServerOptions& options)
{
    if (options.http.max_connections_per_address)
        return *options.http.max_connections_per_address;
    return is_loopback_host(options.host) ? 0 : 256;
}

}  // namespace wscourse
