// The HTTP side of the handshake: parsing the client's request and deciding what to answer.
// Pure functions on strings (no sockets), so the tests can feed them anything.
#pragma once

#include <wscourse/static_files.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lesson01 {

// The largest request head we read. Browsers send well under 2 KiB for an upgrade; a limit
// stops a client from making the server buffer without end.
inline constexpr std::size_t max_request_bytes = 8 * 1024;

struct HttpRequest {
    std::string method;   // "GET"
    std::string target;   // "/", "/app.js?v=2"
    std::string version;  // "HTTP/1.1"
    std::vector<std::pair<std::string, std::string>> headers;  // as sent, values trimmed

    // The value of a header, found case-insensitively; repeated headers are joined with ", "
    // (RFC 9110 §5.3). Nothing if the header is absent.
    std::optional<std::string> header(std::string_view name) const;

    // True if a comma-separated header such as "Connection: keep-alive, Upgrade" contains
    // token (case-insensitively).
    bool header_has_token(std::string_view name, std::string_view token) const;
};

// The request head (everything up to and including the blank line), or why it is malformed.
struct ParsedRequest {
    std::optional<HttpRequest> request;
    std::string error;
};
ParsedRequest parse_request(std::string_view head);

// Whether the first bytes of a connection can still become a request line: a method (a token
// of letters, digits and a few symbols, RFC 9110 §9.1) followed by a space. False as soon as a
// byte proves otherwise, so that a client speaking something else (a TLS ClientHello begins
// with 0x16) gets its 400 at once instead of waiting for a blank line that never comes.
bool could_start_request(std::string_view bytes);

// The 400 for bytes that could_start_request() refused: says which byte, and guesses why.
std::string not_http_explanation(std::string_view bytes);

struct HttpResponse {
    int status = 200;
    std::string reason = "OK";
    std::vector<std::pair<std::string, std::string>> headers;
    std::string content_type = "text/plain; charset=utf-8";
    std::string body;

    // The bytes on the wire; always "Connection: close" (one request per connection).
    std::string serialize() const;
};

// An error with a short text body that says what was wrong: students read these with curl.
HttpResponse error_response(int status, std::string_view reason, std::string_view explanation);

// True if the request tries to be a WebSocket upgrade (it has any of Upgrade, Sec-WebSocket-Key
// or Sec-WebSocket-Version), so that a broken upgrade is answered 400/426, not with a web page.
bool wants_upgrade(const HttpRequest& request);

// RFC 6455 §4.2.1: nothing if request is a valid opening handshake, else the error to send
// (400 Bad Request, or 426 Upgrade Required with Sec-WebSocket-Version: 13).
std::optional<HttpResponse> check_upgrade(const HttpRequest& request);

// "is 24 base64 characters that decode to 16 bytes" (RFC 6455 §4.1, item 7).
bool is_valid_websocket_key(std::string_view key);

// What to answer a request that is not an upgrade: the HTML client's files, 404, or 405.
HttpResponse answer_plain_request(const HttpRequest& request, const wscourse::StaticFiles& files);

// The 101 Switching Protocols response that completes the handshake.
HttpResponse switching_protocols(std::string_view accept_value);

// Bytes a peer sent, made safe to quote in a response or log line: printable ASCII kept,
// anything else shown as '?', at most max_chars characters.
std::string quote_safely(std::string_view text, std::size_t max_chars = 80);

}  // namespace lesson01
