#include "report.hpp"

#include <cmath>
#include <cstdio>

namespace wscourse::bench {
namespace {

// 1234567.8 with 0 decimals -> "1 234 568": thousands apart, so 10 000 and 100 000 read apart.
std::string format_number(double value, int decimals)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    std::string digits(text);
    auto point = digits.find('.');
    std::size_t int_end = point == std::string::npos ? digits.size() : point;
    std::size_t int_begin = digits[0] == '-' ? 1 : 0;
    for (std::size_t i = int_end; i > int_begin + 3; i -= 3)
        digits.insert(i - 3, 1, ' ');
    return digits;
}

}  // namespace

Report::Report(std::string title) : title_(std::move(title)) {}

void Report::add(const std::string& key, std::string label, double value, int decimals,
                 std::string unit)
{
    if (!std::isfinite(value))
        return;
    double factor = std::pow(10.0, decimals);
    if (decimals == 0)
        json_[key] = std::llround(value);  // 64, not 64.0
    else
        json_[key] = std::round(value * factor) / factor;
    rows_.push_back({std::move(label), format_number(value, decimals), std::move(unit)});
}

void Report::add(const std::string& key, std::string label, const std::string& value)
{
    json_[key] = value;
    rows_.push_back({std::move(label), value, ""});
}

void Report::note(std::string text)
{
    notes_.push_back(std::move(text));
}

void Report::print(std::ostream& out, bool json_only) const
{
    auto json = json_;
    if (!notes_.empty())
        json["notes"] = notes_;
    out << json.dump() << "\n";
    if (json_only)
        return;
    std::size_t label_width = 0, value_width = 0;
    for (const auto& row : rows_) {
        label_width = std::max(label_width, row.label.size());
        value_width = std::max(value_width, row.value.size());
    }
    out << "\n" << title_ << "\n";
    for (const auto& row : rows_) {
        out << "  " << row.label << std::string(label_width - row.label.size() + 2, ' ')
            << std::string(value_width - row.value.size(), ' ') << row.value;
        if (!row.unit.empty())
            out << " " << row.unit;
        out << "\n";
    }
    for (const auto& note : notes_)
        out << "  note: " << note << "\n";
}

void add_usage(Report& report, const ProcessWatch& server, const ProcessWatch& generator,
               double elapsed_seconds, std::string_view throughput)
{
    if (server.measured()) {
        report.add("server_cpu_s", "server CPU", server.cpu_seconds(), 3, "s");
        report.add("server_cpu_percent", "server CPU load",
                   100 * server.cpu_seconds() / elapsed_seconds, 1, "% of a core");
        report.add("server_rss_before_kib", "server RSS before", double(server.rss_before()) / 1024, 0, "KiB");
        report.add("server_rss_after_kib", "server RSS after", double(server.rss_after()) / 1024, 0, "KiB");
    }
    if (!generator.measured())
        return;
    double load = 100 * generator.cpu_seconds() / elapsed_seconds;
    report.add("generator_cpu_percent", "load generator CPU", load, 1, "% of a core");
    if (load > 90)
        report.note("the load generator was saturated: " + std::string(throughput)
                    + " is what it could handle; the server's CPU per message is the fair figure");
}

}  // namespace wscourse::bench
