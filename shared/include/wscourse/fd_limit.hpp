// Every connection is a file descriptor: a server with thousands of clients, and the load
// generator that opens them, need more than the usual soft limit of 1024 open files.
#pragma once

#include <cstddef>

namespace wscourse {

// Raises this process's soft RLIMIT_NOFILE to its hard limit; returns the limit now in force.
std::size_t raise_open_file_limit();

// The soft limit in force (what raise_open_file_limit() left), without changing it.
std::size_t open_file_limit();

}  // namespace wscourse
