#include "latency.hpp"

#include <algorithm>
#include <cmath>

namespace wscourse::bench {

LatencySummary LatencyRecorder::summarize()
{
    LatencySummary summary;
    summary.count = samples_us_.size();
    if (samples_us_.empty())
        return summary;
    std::sort(samples_us_.begin(), samples_us_.end());
    // Nearest rank: the smallest sample that at least p% of the samples are not above.
    auto percentile = [&](double p) {
        auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(summary.count)));
        return samples_us_[std::clamp<std::size_t>(rank, 1, summary.count) - 1];
    };
    summary.p50_us = percentile(50);
    summary.p99_us = percentile(99);
    summary.max_us = samples_us_.back();
    return summary;
}

}  // namespace wscourse::bench
