#include "cli.hpp"

#include <algorithm>
#include <cctype>
#include <iostream>

namespace runner {

void describe(CLI::App& app, const std::string& description, const std::string& footer)
{
    app.description(description + "\n");
    if (!footer.empty())
        app.footer(footer);
    app.get_formatter()->column_width(22);
}

namespace {
// --help shows "--port P" and "N", not CLI11's "--port INT" and "N TEXT".
void name_values(CLI::App& app)
{
    for (CLI::Option* option : app.get_options()) {
        if (option->get_positional()) {
            option->type_name("");
        } else if (option->get_type_size() != 0 && option->get_lnames().size() == 1) {
            std::string name = option->get_lnames().front();
            std::transform(name.begin(), name.end(), name.begin(),
                           [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
            if (option->get_type_name() == "TEXT" || option->get_type_name() == "INT")
                option->type_name(name);
        }
    }
}
}  // namespace

bool parse(CLI::App& app, const std::vector<std::string>& args)
{
    name_values(app);
    std::vector<std::string> reversed(args.rbegin(), args.rend());   // CLI11 takes them backwards
    try {
        app.parse(reversed);
    } catch (const CLI::CallForHelp&) {
        std::cout << app.help();
        return false;
    } catch (const CLI::CallForAllHelp&) {
        std::cout << app.help();
        return false;
    } catch (const CLI::ParseError& e) {
        std::string message = e.what();
        std::replace(message.begin(), message.end(), '\n', ' ');
        while (!message.empty() && message.back() == ' ')
            message.pop_back();
        throw UsageError(app.get_name() + ": " + message + "; see " + app.get_name() + " --help");
    }
    return true;
}

std::pair<std::vector<std::string>, std::vector<std::string>>
split_at_dashes(const std::vector<std::string>& args)
{
    auto dashes = std::find(args.begin(), args.end(), "--");
    if (dashes == args.end())
        return {args, {}};
    return {{args.begin(), dashes}, {dashes + 1, args.end()}};
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
