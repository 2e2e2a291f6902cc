// What a run found: one JSON line (for scripts such as compare/compare.sh) and a table (for people).
#pragma once

#include "proc_stats.hpp"

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace wscourse::bench {

class Report {
public:
    explicit Report(std::string title);

    // A figure: `key` in the JSON line; `label`, the value rounded to `decimals` and `unit` in
    // the table.
    void add(const std::string& key, std::string label, double value, int decimals = 0,
             std::string unit = "");
    void add(const std::string& key, std::string label, const std::string& value);
    // A sentence under the table (and in the JSON line's "notes"): what a figure means.
    void note(std::string text);

    bool empty() const { return rows_.empty(); }
    void print(std::ostream& out, bool json_only) const;

private:
    struct Row {
        std::string label;
        std::string value;
        std::string unit;
    };
    std::string title_;
    nlohmann::ordered_json json_ = nlohmann::ordered_json::object();
    std::vector<Row> rows_;
    std::vector<std::string> notes_;
};

// What every mode reports about CPU and memory: the server's CPU time, load and RSS over the
// run (when its pid was given) and the load generator's own CPU load, with a note when the
// generator was the bottleneck of `throughput` ("messages/s").
void add_usage(Report& report, const ProcessWatch& server, const ProcessWatch& generator,
               double elapsed_seconds, std::string_view throughput);

}  // namespace wscourse::bench
