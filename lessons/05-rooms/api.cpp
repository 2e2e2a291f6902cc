#include "api.hpp"

#include <wscourse/static_files.hpp>

namespace lesson05 {
namespace {

using nlohmann::json;
using wscourse::HttpRequest;
using wscourse::HttpResponse;

HttpResponse method_not_allowed(const HttpRequest& request, const char* allow)
{
    auto response = wscourse::text_response(request, http::status::method_not_allowed,
                                            std::string("method not allowed: use ") + allow);
    response.set(http::field::allow, allow);
    return response;
}

HttpResponse error_response(const HttpRequest& request, http::status status, std::string text)
{
    return wscourse::json_response(request, status, {{"error", std::move(text)}});
}

// A page in the browser can POST to 127.0.0.1 too (the browser is on loopback), and a DNS
// name can be made to point at 127.0.0.1. Browsers say where a request comes from in Origin;
// tools like curl send none. So: no Origin, or an Origin that is itself on loopback.
bool loopback_origin(std::string_view origin)
{
    for (std::string_view allowed : {"http://127.0.0.1", "http://localhost", "http://[::1]"})
        if (origin.substr(0, allowed.size()) == allowed
            && (origin.size() == allowed.size() || origin[allowed.size()] == ':'))
            return true;
    return false;
}

HttpResponse broadcast(Chat& chat, const HttpRequest& request, const tcp::endpoint& peer)
{
    if (!is_loopback(peer.address()))
        return error_response(request, http::status::forbidden,
                              "announcements are accepted from this machine only");
    if (auto origin = request.find(http::field::origin);
        origin != request.end() && !loopback_origin(origin->value()))
        return error_response(request, http::status::forbidden, "not from a page on another site");
    if (request[http::field::content_type].substr(0, 16) != "application/json")
        return error_response(request, http::status::unsupported_media_type,
                              "send {\"text\": ...} as application/json");

    json body = json::parse(request.body(), nullptr, /*allow_exceptions=*/false);
    if (body.is_discarded() || !body.is_object())
        return error_response(request, http::status::bad_request, "the body must be a JSON object");
    auto text = body.find("text");
    if (text == body.end() || !text->is_string() || text->get_ref<const std::string&>().empty())
        return error_response(request, http::status::bad_request, "\"text\" must be a non-empty string");
    if (utf8_length(text->get_ref<const std::string&>()) > max_text_chars)
        return error_response(request, http::status::bad_request,
                              "\"text\" is longer than " + std::to_string(max_text_chars) + " characters");

    auto delivered = chat.announce(text->get<std::string>());
    return wscourse::json_response(request, http::status::ok, {{"delivered", delivered}});
}

}  // namespace

bool is_loopback(const net::ip::address& address)
{
    if (address.is_v6() && address.to_v6().is_v4_mapped())
        return net::ip::make_address_v4(net::ip::v4_mapped, address.to_v6()).is_loopback();
    return address.is_loopback();
}

std::optional<HttpResponse> api_route(Chat& chat, const HttpRequest& request, const tcp::endpoint& peer)
{
    auto path = wscourse::path_of(request.target());
    const bool get = request.method() == http::verb::get;

    if (path == "/api/broadcast") {
        if (request.method() != http::verb::post)
            return method_not_allowed(request, "POST");
        return broadcast(chat, request, peer);
    }
    if (path != "/health" && path != "/api/stats" && path != "/api/rooms" && path != "/api/users")
        return std::nullopt;  // not one of ours: the HTML client's files
    if (!get)
        return method_not_allowed(request, "GET");

    if (path == "/health")
        return wscourse::json_response(request, http::status::ok, {{"status", "ok"}});
    if (path == "/api/stats") {
        auto stats = chat.manager().stats();
        return wscourse::json_response(request, http::status::ok,
                                       {{"connections", stats.connections},
                                        {"unique_users", stats.unique_users},
                                        {"rooms", chat.rooms().rooms().size()}});
    }
    if (path == "/api/rooms") {
        json rooms = json::array();
        for (const auto& room : chat.rooms().rooms())
            rooms.push_back({{"name", room.name}, {"members", room.users}, {"connections", room.connections}});
        return wscourse::json_response(request, http::status::ok, rooms);
    }
    json users = json::array();  // /api/users
    for (const auto& user : chat.manager().users())
        users.push_back({{"user", user}, {"connections", chat.manager().connections_of(user).size()}});
    return wscourse::json_response(request, http::status::ok, users);
}

}  // namespace lesson05
