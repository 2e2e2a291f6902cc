// Every latency of a run, kept whole, so p99 is a real p99 and not a bucket's edge.
#pragma once

#include <chrono>
#include <cstddef>
#include <vector>

namespace wscourse::bench {

struct LatencySummary {
    std::size_t count = 0;
    double p50_us = 0;
    double p99_us = 0;
    double max_us = 0;
};

class LatencyRecorder {
public:
    void reserve(std::size_t n) { samples_us_.reserve(n); }
    void add(std::chrono::steady_clock::duration latency)
    {
        samples_us_.push_back(std::chrono::duration<double, std::micro>(latency).count());
    }
    std::size_t size() const { return samples_us_.size(); }

    // Sorts the samples: call once, at the end.
    LatencySummary summarize();

private:
    std::vector<double> samples_us_;
};

}  // namespace wscourse::bench
