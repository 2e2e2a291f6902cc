// The command line every lesson server shares:
//   lessonNN [--host H] [--port P] [--lan] [--web DIR] [--qr] [--max-message BYTES]
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace wscourse {

struct ServerOptions {
    std::string host = "127.0.0.1";   // --lan means 0.0.0.0: every interface
    unsigned short port = 8080;       // 0 lets the OS choose (the tests do this)
    std::filesystem::path web_dir;    // the lesson's HTML client
    bool show_qr = false;             // print a QR code of the first LAN URL
    std::size_t max_message_bytes = 1024 * 1024;
};

// A flag one lesson adds to the common ones, e.g. {"--style", "coroutines|callbacks", &style}.
struct ExtraOption {
    std::string_view flag;
    std::string_view value_help;
    std::string* value;
};

// Parses argv over the given defaults. --help prints usage and exits 0; a bad argument prints
// one line naming it and exits 2.
ServerOptions parse_server_options(int argc, char** argv, std::string_view summary,
                                   ServerOptions defaults, std::vector<ExtraOption> extra = {});

}  // namespace wscourse
