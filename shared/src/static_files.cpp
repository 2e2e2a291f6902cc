#include <wscourse/static_files.hpp>

#include <fstream>
#include <sstream>

namespace wscourse {

StaticFiles::StaticFiles(std::filesystem::path root)
    : root_(std::move(root)), common_((root_ / "..").lexically_normal() / "common")
{
}

std::string_view path_of(std::string_view target)
{
    return target.substr(0, target.find_first_of("?#"));
}

namespace {
int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
}  // namespace

std::optional<std::string> query_parameter(std::string_view target, std::string_view name)
{
    auto question = target.find('?');
    if (question == std::string_view::npos)
        return std::nullopt;
    std::string_view query = target.substr(question + 1);
    query = query.substr(0, query.find('#'));
    while (!query.empty()) {
        std::string_view pair = query.substr(0, query.find('&'));
        query.remove_prefix(std::min(query.size(), pair.size() + 1));
        auto equals = pair.find('=');
        if (pair.substr(0, equals) != name)
            continue;
        std::string_view raw = equals == std::string_view::npos ? "" : pair.substr(equals + 1);
        std::string value;
        for (std::size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] == '+') {
                value += ' ';
            } else if (raw[i] != '%') {
                value += raw[i];
            } else {
                int hi = i + 1 < raw.size() ? hex_value(raw[i + 1]) : -1;
                int lo = i + 2 < raw.size() ? hex_value(raw[i + 2]) : -1;
                if (hi < 0 || lo < 0)
                    return std::nullopt;  // a broken escape is not a value we can trust
                value += static_cast<char>(hi * 16 + lo);
                i += 2;
            }
        }
        return value;
    }
    return std::nullopt;
}

std::string_view mime_type(std::string_view path)
{
    auto dot = path.rfind('.');
    std::string_view ext = dot == std::string_view::npos ? "" : path.substr(dot + 1);
    if (ext == "html" || ext == "htm") return "text/html; charset=utf-8";
    if (ext == "css") return "text/css; charset=utf-8";
    if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
    if (ext == "json") return "application/json";
    if (ext == "svg") return "image/svg+xml";
    if (ext == "png") return "image/png";
    if (ext == "ico") return "image/x-icon";
    if (ext == "txt") return "text/plain; charset=utf-8";
    return "application/octet-stream";
}

std::optional<StaticFile> StaticFiles::find(std::string_view target) const
{
    std::string_view path = path_of(target);
    // No percent-decoding and no backslashes: the client's files have plain names, and
    // anything else is a way to smuggle "..", so it is simply not found.
    if (path.empty() || path.front() != '/' || path.find_first_of("%\\") != std::string_view::npos
        || path.find('\0') != std::string_view::npos)
        return std::nullopt;

    // What all the clients share lives once, in web/common/: served as /common/... and as
    // /favicon.ico, beside the lesson's own files.
    const std::filesystem::path* base = &root_;
    if (path == "/favicon.ico") {
        base = &common_;
    } else if (path.starts_with("/common/")) {
        base = &common_;
        path.remove_prefix(std::string_view("/common").size());
    }

    std::filesystem::path relative;
    std::string_view rest = path.substr(1);
    while (!rest.empty()) {
        std::string_view segment = rest.substr(0, rest.find('/'));
        rest.remove_prefix(std::min(rest.size(), segment.size() + 1));
        if (segment.empty())
            continue;
        if (segment.front() == '.')  // "..", "." and hidden files
            return std::nullopt;
        relative /= std::string(segment);
    }
    if (relative.empty() || path.back() == '/')
        relative /= "index.html";

    std::filesystem::path file = *base / relative;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
        return std::nullopt;
    auto size = std::filesystem::file_size(file, ec);
    if (ec || size > max_file_bytes)
        return std::nullopt;

    std::ifstream in(file, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream body;
    body << in.rdbuf();
    return StaticFile{body.str(), mime_type(file.filename().string())};
}

}  // namespace wscourse
