// The three things wscourse-loadgen measures. Each runs on its own single-threaded io_context,
// prints its report and returns the exit status (0 done, 1 the run failed).
#pragma once

#include "options.hpp"
#include "report.hpp"

#include <wscourse/net.hpp>

#include <functional>

namespace wscourse::bench {

int run_echo(const Options& options);
int run_broadcast(const Options& options);
int run_connections(const Options& options);

// Runs `body` on a fresh single-threaded io_context within options.deadline, then prints
// the report it filled in. A run that hits the deadline is stopped where it is, and fails.
int run_bounded(const Options& options, Report& report,
                std::function<net::awaitable<int>(Report&)> body);

}  // namespace wscourse::bench
