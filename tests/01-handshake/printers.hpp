// How a failed check shows a decoded header: field by field, the key in hex, instead of "{?}".
#pragma once

#include "frame_header.hpp"

#include <wscourse/testkit.hpp>

#include <catch2/catch.hpp>

#include <optional>
#include <sstream>
#include <string>

template <>
struct Catch::StringMaker<lesson01::FrameHeader> {
    static std::string convert(const lesson01::FrameHeader& h)
    {
        std::ostringstream out;
        out << "{ fin=" << h.fin << " rsv1=" << h.rsv1 << " rsv2=" << h.rsv2 << " rsv3=" << h.rsv3
            << " opcode=0x" << std::hex << unsigned(h.opcode) << std::dec << " masked=" << h.masked
            << " payload_length=" << h.payload_length
            << " masking_key=" << wscourse::test::hex_bytes(h.masking_key)
            << " header_size=" << h.header_size << " }";
        return out.str();
    }
};

template <>
struct Catch::StringMaker<std::optional<lesson01::FrameHeader>> {
    static std::string convert(const std::optional<lesson01::FrameHeader>& header)
    {
        return header ? StringMaker<lesson01::FrameHeader>::convert(*header)
                      : std::string("std::nullopt (not a whole header)");
    }
};

template <>
struct Catch::StringMaker<lesson01::Opcode> {
    static std::string convert(lesson01::Opcode opcode)
    {
        std::ostringstream out;
        out << "0x" << std::hex << unsigned(opcode);
        return out.str();
    }
};
