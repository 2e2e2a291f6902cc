#include "progress.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace runner {
namespace {
constexpr const char* file_name = ".course-progress.json";

std::string read_file(const std::filesystem::path& path)
{
    std::ifstream in(path);
    std::stringstream text;
    if (in)
        text << in.rdbuf();
    return text.str();
}

// Write-then-rename so an interrupted run never leaves half a file.
void write_file(const std::filesystem::path& path, const std::string& text)
{
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    auto tmp = path;
    tmp += ".tmp";
    {
        std::ofstream out(tmp);
        out << text;
        if (!out)
            return;   // progress is a convenience: never fail a check over it
    }
    std::filesystem::rename(tmp, path, ec);
}

std::filesystem::path state_path(const std::filesystem::path& root)
{
    return root / "build" / "dev" / "course-state.json";
}
}  // namespace

Progress Progress::parse(const std::string& json_text)
{
    Progress progress;
    auto json = nlohmann::json::parse(json_text, nullptr, false);
    if (!json.is_object())
        return progress;
    for (const auto& [number, value] : json.items()) {
        if (!value.is_string())
            continue;
        if (value == "passed")
            progress.lessons_[number] = Status::passed;
        else if (value == "failing")
            progress.lessons_[number] = Status::failing;
    }
    return progress;
}

Progress Progress::load(const std::filesystem::path& root)
{
    return parse(read_file(root / file_name));
}

std::string Progress::to_json() const
{
    nlohmann::json json = nlohmann::json::object();
    for (const auto& [number, status] : lessons_)
        json[number] = status == Status::passed ? "passed" : "failing";
    return json.dump(2) + "\n";
}

void Progress::save(const std::filesystem::path& root) const
{
    write_file(root / file_name, to_json());
}

Status Progress::status(const std::string& number) const
{
    auto it = lessons_.find(number);
    return it == lessons_.end() ? Status::not_tried : it->second;
}

void Progress::set(const std::string& number, Status status)
{
    if (status == Status::not_tried)
        lessons_.erase(number);
    else
        lessons_[number] = status;
}

void Progress::forget(const std::string& number) { lessons_.erase(number); }

const Lesson* Progress::next(const Course& course) const
{
    for (const auto& lesson : course.lessons)
        if (status(lesson.number) != Status::passed)
            return &lesson;
    return course.lessons.empty() ? nullptr : &course.lessons.back();
}

bool Progress::all_passed(const Course& course) const
{
    for (const auto& lesson : course.lessons)
        if (status(lesson.number) != Status::passed)
            return false;
    return true;
}

void remember_failing_task(const std::filesystem::path& root, const std::string& number,
                           const std::string& task_id)
{
    auto json = nlohmann::json::parse(read_file(state_path(root)), nullptr, false);
    if (!json.is_object())
        json = nlohmann::json::object();
    json[number] = task_id;
    write_file(state_path(root), json.dump(2) + "\n");
}

std::string remembered_failing_task(const std::filesystem::path& root, const std::string& number)
{
    auto json = nlohmann::json::parse(read_file(state_path(root)), nullptr, false);
    if (!json.is_object() || !json.contains(number) || !json[number].is_string())
        return {};
    return json[number].get<std::string>();
}

}  // namespace runner
