#include "cli.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace runner {

std::optional<std::string> Args::value(const std::string& option) const
{
    auto it = values.find(option);
    if (it == values.end())
        return std::nullopt;
    return it->second;
}

Args parse_args(const std::string& command, const std::vector<std::string>& args,
                const std::vector<OptionSpec>& options, std::size_t min_positional,
                std::size_t max_positional)
{
    Args parsed;
    if (std::find_if(args.begin(), args.end(), [](const std::string& a) {
            return a == "-h" || a == "--help";
        }) != args.end()) {
        parsed.help = true;
        return parsed;
    }
    const std::string see = "; see ./course " + command + " --help";
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.size() > 1 && arg[0] == '-') {
            std::string name = arg;
            std::optional<std::string> inline_value;
            if (auto eq = arg.find('='); eq != std::string::npos) {
                name = arg.substr(0, eq);
                inline_value = arg.substr(eq + 1);
            }
            auto spec = std::find_if(options.begin(), options.end(),
                                     [&](const OptionSpec& o) { return o.name == name; });
            if (spec == options.end())
                throw UsageError("unknown option '" + name + "' for " + command + see);
            if (spec->takes_value) {
                if (inline_value) {
                    parsed.values[name] = *inline_value;
                } else {
                    if (i + 1 >= args.size())
                        throw UsageError(name + " needs a value" + see);
                    parsed.values[name] = args[++i];
                }
            } else {
                if (inline_value)
                    throw UsageError(name + " takes no value" + see);
                parsed.flags.insert(name);
            }
        } else {
            parsed.positional.push_back(arg);
        }
    }
    if (parsed.positional.size() > max_positional)
        throw UsageError("unexpected argument '" + parsed.positional[max_positional] + "' for "
                         + command + see);
    if (parsed.positional.size() < min_positional)
        throw UsageError(command + " needs more arguments" + see);
    return parsed;
}

unsigned short parse_port(const std::string& text)
{
    unsigned value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || value > 65535)
        throw UsageError("--port wants a number from 0 to 65535, not '" + text + "'");
    return static_cast<unsigned short>(value);
}

std::optional<std::string> normalise_task(const std::string& text)
{
    std::string digits = text;
    if (digits.rfind("task", 0) == 0)
        digits = digits.substr(4);
    if (digits.empty() || !std::all_of(digits.begin(), digits.end(),
                                       [](unsigned char c) { return std::isdigit(c); }))
        return std::nullopt;
    if (digits.size() > 6)
        return std::nullopt;
    return "task" + std::to_string(std::stoi(digits));
}

}  // namespace runner
