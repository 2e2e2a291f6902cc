#include "progress.hpp"

#include "process.hpp"
#include "text.hpp"

#include <nlohmann/json.hpp>

#include <chrono>

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
    if (auto hints = json.find("hints"); hints != json.end() && hints->is_object())
        for (const auto& [number, tasks] : hints->items())
            if (tasks.is_object())
                for (const auto& [task, count] : tasks.items())
                    if (count.is_number_unsigned())
                        progress.hints_[number][task] = count.get<std::size_t>();
    if (auto last = json.find("last"); last != json.end() && last->is_object()
        && last->contains("lesson") && (*last)["lesson"].is_string()
        && last->contains("at") && (*last)["at"].is_number_integer())
        progress.last_ = Last{(*last)["lesson"].get<std::string>(),
                              (*last)["at"].get<std::int64_t>()};
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
    if (!hints_.empty())
        json["hints"] = hints_;
    if (last_)
        json["last"] = {{"lesson", last_->number}, {"at", last_->at}};
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

void Progress::forget(const std::string& number)
{
    lessons_.erase(number);
    hints_.erase(number);
}

std::size_t Progress::hints_shown(const std::string& number, const std::string& task_id) const
{
    auto lesson = hints_.find(number);
    if (lesson == hints_.end())
        return 0;
    auto task = lesson->second.find(task_id);
    return task == lesson->second.end() ? 0 : task->second;
}

void Progress::set_hints_shown(const std::string& number, const std::string& task_id,
                               std::size_t n)
{
    hints_[number][task_id] = n;
}

void Progress::worked_on(const std::string& number, std::int64_t at) { last_ = Last{number, at}; }

const Lesson* Progress::current(const Course& course,
                                const std::map<std::string, std::int64_t>& edited) const
{
    const Lesson* newest_edit = nullptr;
    std::int64_t newest = 0;
    for (const auto& lesson : course.lessons) {
        auto it = edited.find(lesson.number);
        if (it != edited.end() && it->second >= newest) {
            newest = it->second;
            newest_edit = &lesson;
        }
    }
    if (newest_edit && (!last_ || newest > last_->at))
        return newest_edit;
    if (last_)
        for (const auto& lesson : course.lessons)
            if (lesson.number == last_->number)
                return &lesson;
    return next(course);
}

std::int64_t now_seconds()
{
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::map<std::string, std::int64_t> edited_exercises(const std::filesystem::path& root,
                                                     const Course& course, std::int64_t since)
{
    std::map<std::string, std::int64_t> edited;
    auto seconds_of = [](const std::filesystem::path& path) -> std::optional<std::int64_t> {
        std::error_code ec;
        auto time = std::filesystem::last_write_time(path, ec);
        if (ec)
            return std::nullopt;
        auto system = std::chrono::file_clock::to_sys(time);
        return std::chrono::duration_cast<std::chrono::seconds>(system.time_since_epoch())
            .count();
    };
    auto note = [&](const std::string& number, const std::filesystem::path& path) {
        if (auto at = seconds_of(path))
            edited[number] = std::max(edited[number], *at);
    };
    auto status = run_process({"git", "-C", root.string(), "status", "--porcelain",
                               "--untracked-files=all", "--", "exercises/"});
    if (status.ok()) {
        for (const auto& line : split_lines(status.output)) {
            if (line.size() < 4)
                continue;
            std::string path = line.substr(3);
            if (auto arrow = path.find(" -> "); arrow != std::string::npos)
                path = path.substr(arrow + 4);
            for (const auto& lesson : course.lessons)
                if (path.rfind("exercises/" + lesson.slug + "/", 0) == 0)
                    note(lesson.number, root / path);
        }
        return edited;
    }
    // Not a git checkout: only what changed since the student last checked says anything.
    for (const auto& lesson : course.lessons) {
        std::error_code ec;
        for (auto it = std::filesystem::recursive_directory_iterator(root / "exercises" / lesson.slug, ec);
             !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
            if (auto at = seconds_of(it->path()); at && *at > since)
                note(lesson.number, it->path());
    }
    return edited;
}

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
