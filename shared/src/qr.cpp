#include <wscourse/qr.hpp>

#include <memory>
#include <string>

#include <qrencode.h>

namespace wscourse {

std::string qr_code_text(std::string_view text, bool ansi_colors)
{
    std::string input(text);
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code)
        return {};

    const int size = code->width;
    const int quiet = 2;  // light border the scanner needs around the code
    auto dark = [&](int x, int y) {
        if (x < 0 || y < 0 || x >= size || y >= size)
            return false;
        return (code->data[y * size + x] & 1) != 0;
    };

    std::string out;
    for (int y = -quiet; y < size + quiet; y += 2) {
        if (ansi_colors)
            out += "\x1b[30;47m";
        for (int x = -quiet; x < size + quiet; ++x) {
            bool top = dark(x, y), bottom = dark(x, y + 1);
            out += top && bottom ? "\u2588" : top ? "\u2580" : bottom ? "\u2584" : " ";
        }
        if (ansi_colors)
            out += "\x1b[0m";
        out += '\n';
    }
    return out;
}

}  // namespace wscourse
