#include "modes.hpp"

#include <iostream>

namespace wscourse::bench {

int run_bounded(const Options& options, Report& report,
                std::function<net::awaitable<int>(Report&)> body)
{
    // One thread: the generator never needs a lock, and its own cost stays on one core, so
    // the server has the other one.
    net::io_context ioc{1};
    bool deadline_hit = false;
    int status = 1;
    std::exception_ptr failure;

    net::steady_timer deadline(ioc, options.deadline);
    deadline.async_wait([&](boost::system::error_code ec) {
        if (ec)
            return;  // cancelled: the run finished in time
        deadline_hit = true;
        ioc.stop();  // abandons every pending operation; their sockets close with the io_context
    });
    net::co_spawn(ioc, body(report), [&](std::exception_ptr e, int result) {
        failure = e;
        status = result;
        deadline.cancel();
        ioc.stop();  // a close that is still waiting for its answer does not hold us up
    });
    ioc.run();

    if (failure)
        std::rethrow_exception(failure);
    if (deadline_hit) {
        std::cerr << "wscourse-loadgen: stopped at the hard deadline of "
                  << options.deadline.count() / 1000 << " s (use --deadline for more)\n";
        return 1;
    }
    // A failed run may still have figures worth seeing (how many connections opened, what was lost).
    if (!report.empty())
        report.print(std::cout, options.json_only);
    return status;
}

}  // namespace wscourse::bench
