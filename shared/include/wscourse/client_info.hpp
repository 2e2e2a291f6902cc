// Who is on the other end: what the upgrade request and the socket tell the server about a
// client, handed to the session when it starts. Taught in lesson 04; reused from there on. Everything here came from the client except
// the remote address, so it is checked before use (the user name) or only shown (the log).
#pragma once

#include <wscourse/beast.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace wscourse {

struct ClientInfo {
    tcp::endpoint remote;  // the peer's address and port, from the socket (not a header)
    std::string target;    // "/ws?user=ana"
    http::fields headers;  // the upgrade request's headers: Origin, User-Agent, Cookie, ...

    std::string remote_address() const;                            // "127.0.0.1:51234", "[::1]:51234"
    std::optional<std::string> query(std::string_view name) const;  // percent-decoded
    std::string header(http::field name) const;                     // "" when absent
};

ClientInfo client_info_from(const http::request<http::string_body>& upgrade, const tcp::endpoint& remote);

inline constexpr std::size_t max_user_name_chars = 32;

// The name as given, without spaces around it, if it is 1 to 32 characters of valid UTF-8
// with no control characters; nothing otherwise.
std::optional<std::string> valid_user_name(std::string_view raw);

// The user of a new connection: ?user=ana (or lesson 03's ?name=ana) when valid, else
// "guest-" + the first 6 characters of random_id (a connection id: "guest-3b2f8c").
std::string user_name_for(const ClientInfo& client, std::string_view random_id);

// For the "connected" log line:
// from 127.0.0.1:51234 target=/ws?user=ana origin="http://127.0.0.1:8080" agent="Mozilla/5.0 ..."
std::string describe_client(const ClientInfo& client);

}  // namespace wscourse
