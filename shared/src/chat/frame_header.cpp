#include <wscourse/chat/frame_header.hpp>

namespace wscourse::chat {

FrameHeader text_frame_header(std::size_t payload_size)
{
    FrameHeader header{};
    header.bytes[0] = 0x81;  // FIN, opcode 0x1: a whole text message in one frame
    if (payload_size <= 125) {
        header.bytes[1] = static_cast<unsigned char>(payload_size);  // MASK bit 0: server to client
        header.size = 2;
    } else if (payload_size <= 0xFFFF) {
        header.bytes[1] = 126;
        header.bytes[2] = static_cast<unsigned char>(payload_size >> 8);  // network byte order
        header.bytes[3] = static_cast<unsigned char>(payload_size);
        header.size = 4;
    } else {
        header.bytes[1] = 127;
        for (int i = 0; i < 8; ++i)
            header.bytes[2 + i] = static_cast<unsigned char>(static_cast<unsigned long long>(payload_size) >> (56 - 8 * i));
        header.size = 10;
    }
    return header;
}

}  // namespace wscourse::chat
