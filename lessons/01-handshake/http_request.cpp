#include "http_request.hpp"

#include <algorithm>

namespace lesson01 {
namespace {

bool iequals(std::string_view a, std::string_view b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
        return lower(x) == lower(y);
    });
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

// RFC 9110 §5.6.2: a header name is a "token": letters, digits and a few symbols, no spaces.
bool is_token(std::string_view s)
{
    static constexpr std::string_view symbols = "!#$%&'*+-.^_`|~";
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
               || symbols.find(c) != std::string_view::npos;
    });
}

}  // namespace

std::optional<std::string> HttpRequest::header(std::string_view name) const
{
    std::optional<std::string> value;
    for (const auto& [n, v] : headers) {
        if (!iequals(n, name))
            continue;
        if (value)
            *value += ", " + v;
        else
            value = v;
    }
    return value;
}

bool HttpRequest::header_has_token(std::string_view name, std::string_view token) const
{
    auto value = header(name);
    if (!value)
        return false;
    std::string_view rest = *value;
    while (!rest.empty()) {
        auto comma = rest.find(',');
        if (iequals(trim(rest.substr(0, comma)), token))
            return true;
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    }
    return false;
}

ParsedRequest parse_request(std::string_view head)
{
    // Lines end with CRLF; the head ends with an empty line.
    std::vector<std::string_view> lines;
    while (!head.empty()) {
        auto end = head.find("\r\n");
        if (end == std::string_view::npos)
            return {std::nullopt, "every line must end with CRLF (\\r\\n)"};
        lines.push_back(head.substr(0, end));
        head.remove_prefix(end + 2);
    }
    if (lines.size() < 2 || !lines.back().empty())
        return {std::nullopt, "the request head must end with an empty line"};
    lines.pop_back();

    // Request line: METHOD SP TARGET SP VERSION
    HttpRequest request;
    std::string_view line = lines.front();
    auto first_space = line.find(' ');
    auto last_space = line.rfind(' ');
    if (first_space == std::string_view::npos || first_space == last_space)
        return {std::nullopt, "the request line must be METHOD TARGET VERSION, e.g. GET / HTTP/1.1"};
    request.method = line.substr(0, first_space);
    request.target = line.substr(first_space + 1, last_space - first_space - 1);
    request.version = line.substr(last_space + 1);
    if (!is_token(request.method) || request.target.empty() || request.target.front() != '/'
        || request.target.find(' ') != std::string::npos)
        return {std::nullopt, "the request line must be METHOD TARGET VERSION, e.g. GET / HTTP/1.1"};
    if (request.version.rfind("HTTP/", 0) != 0)
        return {std::nullopt, "the request line must end with an HTTP version, e.g. HTTP/1.1"};

    // Header lines: "Name: value". Folded lines (starting with a space) were removed from
    // HTTP by RFC 7230; we refuse them.
    for (std::size_t i = 1; i < lines.size(); ++i) {
        std::string_view header = lines[i];
        auto colon = header.find(':');
        if (colon == std::string_view::npos || !is_token(header.substr(0, colon)))
            return {std::nullopt, "a header line must be 'Name: value', not '"
                                      + quote_safely(header) + "'"};
        request.headers.emplace_back(header.substr(0, colon), trim(header.substr(colon + 1)));
    }
    return {std::move(request), {}};
}

bool could_start_request(std::string_view bytes)
{
    auto space = bytes.find(' ');
    std::string_view method = bytes.substr(0, space);
    if (space == 0)
        return false;
    // The bytes so far may stop in the middle of the method: "" and "GE" can still become one.
    return method.empty() || is_token(method);
}

std::string not_http_explanation(std::string_view bytes)
{
    if (!bytes.empty() && bytes[0] == '\x16')
        return "this is not an HTTP request: it starts with byte 0x16, the start of a TLS "
               "handshake. This server speaks plain http:// and ws://, not https:// or wss://";
    static constexpr char digits[] = "0123456789abcdef";
    std::size_t at = 0;
    while (at + 1 < bytes.size() && is_token(bytes.substr(at, 1)))
        ++at;
    const auto byte = static_cast<unsigned char>(bytes.empty() ? 0 : bytes[at]);
    return "this is not an HTTP request: a request starts with a method such as GET and a space, "
           "but byte " + std::to_string(at) + " is 0x" + digits[byte >> 4] + digits[byte & 0xf];
}

std::string HttpResponse::serialize() const
{
    std::string out = "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\n";
    for (const auto& [name, value] : headers)
        out += name + ": " + value + "\r\n";
    if (status != 101) {
        out += "Content-Type: " + content_type + "\r\n";
        out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
        out += "Connection: close\r\n";
    }
    out += "\r\n";
    return out + body;
}

HttpResponse error_response(int status, std::string_view reason, std::string_view explanation)
{
    HttpResponse response;
    response.status = status;
    response.reason = reason;
    response.body = std::to_string(status) + " " + std::string(reason) + ": "
                    + std::string(explanation) + "\n";
    return response;
}

bool wants_upgrade(const HttpRequest& request)
{
    return request.header("Upgrade") || request.header("Sec-WebSocket-Key")
           || request.header("Sec-WebSocket-Version");
}

bool is_valid_websocket_key(std::string_view key)
{
    // 16 bytes are 128 bits: 21 full base64 characters (126 bits), one character that carries
    // the last 2 bits (its low 4 bits are zero padding), then "==". That is 24 characters.
    static constexpr std::string_view alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    if (key.size() != 24 || key.substr(22) != "==")
        return false;
    for (std::size_t i = 0; i < 22; ++i)
        if (alphabet.find(key[i]) == std::string_view::npos)
            return false;
    return (alphabet.find(key[21]) & 0x0f) == 0;
}

std::optional<HttpResponse> check_upgrade(const HttpRequest& request)
{
    auto bad = [](std::string explanation) {
        return error_response(400, "Bad Request", explanation);
    };
    if (request.method != "GET")
        return bad("a WebSocket handshake must be a GET request, not " + quote_safely(request.method));
    if (request.version != "HTTP/1.1")
        return bad("a WebSocket handshake needs HTTP/1.1, not " + quote_safely(request.version));
    if (!request.header("Host"))
        return bad("the Host header is missing (HTTP/1.1 requires it)");
    if (!request.header_has_token("Upgrade", "websocket"))
        return bad("the Upgrade header must be 'websocket' (got "
                   + quote_safely(request.header("Upgrade").value_or("nothing")) + ")");
    if (!request.header_has_token("Connection", "upgrade"))
        return bad("the Connection header must contain 'Upgrade' (got "
                   + quote_safely(request.header("Connection").value_or("nothing")) + ")");

    auto key = request.header("Sec-WebSocket-Key");
    if (!key)
        return bad("the Sec-WebSocket-Key header is missing");
    if (!is_valid_websocket_key(*key))
        return bad("Sec-WebSocket-Key must be 16 random bytes in base64 (24 characters ending "
                   "in '=='), not '" + quote_safely(*key) + "'");

    auto version = request.header("Sec-WebSocket-Version");
    if (!version)
        return bad("the Sec-WebSocket-Version header is missing (this server speaks 13)");
    if (*version != "13") {
        // §4.2.2: tell the client which versions we do speak, so it can try again.
        auto response = error_response(426, "Upgrade Required",
                                       "this server speaks WebSocket version 13 (RFC 6455), not "
                                           + quote_safely(*version));
        response.headers.emplace_back("Sec-WebSocket-Version", "13");
        return response;
    }
    return std::nullopt;
}

HttpResponse answer_plain_request(const HttpRequest& request, const wscourse::StaticFiles& files)
{
    if (request.method != "GET") {
        auto response = error_response(405, "Method Not Allowed",
                                       "this server only answers GET, not "
                                           + quote_safely(request.method));
        response.headers.emplace_back("Allow", "GET");
        return response;
    }
    auto file = files.find(request.target);
    if (!file)
        return error_response(404, "Not Found",
                              "no such file: " + quote_safely(request.target)
                                  + " (the lesson's page is at /)");
    HttpResponse response;
    response.content_type = file->content_type;
    response.body = std::move(file->body);
    // The files change while you edit the lesson; always fetch them fresh.
    response.headers.emplace_back("Cache-Control", "no-cache");
    return response;
}

HttpResponse switching_protocols(std::string_view accept_value)
{
    HttpResponse response;
    response.status = 101;
    response.reason = "Switching Protocols";
    response.headers = {{"Upgrade", "websocket"},
                        {"Connection", "Upgrade"},
                        {"Sec-WebSocket-Accept", std::string(accept_value)}};
    return response;
}

std::string quote_safely(std::string_view text, std::size_t max_chars)
{
    std::string out;
    for (char c : text.substr(0, max_chars))
        out += c >= 0x20 && c < 0x7f ? c : '?';
    if (text.size() > max_chars)
        out += "...";
    return out;
}

}  // namespace lesson01
