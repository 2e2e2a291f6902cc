// Serves a lesson's HTML client from web/NN-name/: pure file lookup, no sockets, so every
// lesson (raw Asio in 01, Beast from 02) can answer HTTP with it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace wscourse {

struct StaticFile {
    std::string body;
    std::string_view content_type;
};

class StaticFiles {
public:
    explicit StaticFiles(std::filesystem::path root);

    // The file for an HTTP request target such as "/", "/app.js" or "/style.css?v=2".
    // "/common/..." and "/favicon.ico" come from the clients' shared folder, common/ beside
    // root (web/common/ for web/NN-name/).
    // Nothing for a target that leaves the root ("/../x", "/%2e%2e/x"), names a hidden file,
    // is not a regular file, or is larger than max_file_bytes.
    std::optional<StaticFile> find(std::string_view target) const;

    const std::filesystem::path& root() const { return root_; }

    static constexpr std::size_t max_file_bytes = 8 * 1024 * 1024;

private:
    std::filesystem::path root_;
    std::filesystem::path common_;
};

// "text/html; charset=utf-8" for "index.html"; "application/octet-stream" when unknown.
std::string_view mime_type(std::string_view path);

// "/ws?name=ana&room=x" -> "/ws"
std::string_view path_of(std::string_view target);

// The value of a query parameter ("ana" for name in "/ws?name=ana"), percent-decoded.
std::optional<std::string> query_parameter(std::string_view target, std::string_view name);

}  // namespace wscourse
