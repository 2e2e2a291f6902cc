#include "ctest.hpp"

#include <regex>
#include <string>

namespace runner {

CtestCounts parse_ctest_summary(std::string_view output)
{
    static const std::regex line(R"((\d+)% tests passed, (\d+) tests? failed out of (\d+))");
    CtestCounts counts;
    std::string text(output);
    // The last summary wins: ctest prints one per run.
    for (auto it = std::sregex_iterator(text.begin(), text.end(), line);
         it != std::sregex_iterator(); ++it) {
        int failed = std::stoi((*it)[2].str());
        int total = std::stoi((*it)[3].str());
        counts = {total - failed, failed, true};
    }
    return counts;
}

}  // namespace runner
