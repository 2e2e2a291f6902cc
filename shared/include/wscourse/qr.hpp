// A QR code drawn with Unicode half blocks, so phones can join a demo from the projector.
#pragma once

#include <string>
#include <string_view>

namespace wscourse {

// Two modules per character cell (▀ ▄ █). With ansi_colors the code is drawn black on
// white whatever the terminal's theme; without, dark modules are the printed ones.
// Empty if the text cannot be encoded.
std::string qr_code_text(std::string_view text, bool ansi_colors);

}  // namespace wscourse
