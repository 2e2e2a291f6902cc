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

ServerOptions parse_server_options(int argc, char** argv, std::string_view summary,
                                   ServerOptions defaults, std::vector<ExtraOption> extra)
{
    std::string program = argc > 0 ? argv[0] : "server";
    if (auto slash = program.rfind('/'); slash != std::string::npos)
        program.erase(0, slash + 1);
    ServerCommandLine command_line(program, std::string(summary), std::move(defaults));
    for (auto& option : extra)
        command_line.app().add_option(std::string(option.flag), *option.value, std::string(option.value_help));
    return command_line.parse(argc, argv);
}

}  // namespace wscourse
