// Reads ctest's summary line: "80% tests passed, 2 tests failed out of 10".
#pragma once

#include <string_view>

namespace runner {

struct CtestCounts {
    int passed = 0;
    int failed = 0;
    bool found = false;   // false: no summary line (no tests matched, or ctest did not run)
};

CtestCounts parse_ctest_summary(std::string_view output);

}  // namespace runner
