#include <wscourse/fd_limit.hpp>

#include <sys/resource.h>

namespace wscourse {
namespace {
std::size_t as_count(rlim_t limit)
{
    return limit == RLIM_INFINITY ? static_cast<std::size_t>(-1) : static_cast<std::size_t>(limit);
}
}  // namespace

std::size_t raise_open_file_limit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 1024;
    if (limit.rlim_cur < limit.rlim_max) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    return as_count(limit.rlim_cur);
}

std::size_t open_file_limit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 1024;
    return as_count(limit.rlim_cur);
}

}  // namespace wscourse
