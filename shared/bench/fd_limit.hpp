// Every connection is a file descriptor: 10 000 connections need more than the usual soft
// limit of 1024 open files.
#pragma once

#include <cstddef>

namespace wscourse::bench {

// Raises this process's soft RLIMIT_NOFILE to its hard limit; returns the limit now in force.
std::size_t raise_open_file_limit();

}  // namespace wscourse::bench
