#include "course.hpp"

#include "cli.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace runner {

const Task* Lesson::find_task(const std::string& id) const
{
    for (const auto& task : tasks)
        if (task.id == id)
            return &task;
    return nullptr;
}

std::string Course::range() const
{
    if (lessons.empty())
        return "this course has no lessons yet";
    if (lessons.size() == 1)
        return "the only lesson is " + lessons.front().number;
    return "lessons are " + lessons.front().number + "\u2013" + lessons.back().number;
}

const Lesson& Course::find(const std::string& spec) const
{
    bool numeric = !spec.empty() && spec.size() <= 4
                   && std::all_of(spec.begin(), spec.end(),
                                  [](unsigned char c) { return std::isdigit(c); });
    for (const auto& lesson : lessons) {
        if (numeric) {
            if (std::stoi(spec) == std::stoi(lesson.number))
                return lesson;
        } else if (spec == lesson.slug || spec == "lesson" + lesson.number
                   || spec == lesson.slug.substr(lesson.slug.find('-') + 1)) {
            return lesson;
        }
    }
    throw UsageError("no lesson " + spec + "; " + range());
}

const Lesson* Course::next_after(const Lesson& lesson) const
{
    for (std::size_t i = 0; i + 1 < lessons.size(); ++i)
        if (lessons[i].number == lesson.number)
            return &lessons[i + 1];
    return nullptr;
}

Course parse_course(const std::string& json_text)
{
    Course course;
    try {
        auto json = nlohmann::json::parse(json_text);
        for (const auto& l : json.at("lessons")) {
            Lesson lesson;
            lesson.number = l.at("number").get<std::string>();
            lesson.slug = l.at("slug").get<std::string>();
            lesson.title = l.value("title", lesson.slug);
            lesson.files = l.value("files", std::vector<std::string>{});
            lesson.builds_on = l.value("builds_on", std::vector<std::string>{});
            for (const auto& t : l.value("tasks", nlohmann::json::array())) {
                Task task;
                task.id = t.at("id").get<std::string>();
                task.title = t.value("title", task.id);
                task.hints = t.value("hints", std::vector<std::string>{});
                lesson.tasks.push_back(std::move(task));
            }
            course.lessons.push_back(std::move(lesson));
        }
    } catch (const nlohmann::json::exception& e) {
        throw Failure(std::string("lessons/course.json is malformed: ") + e.what());
    }
    return course;
}

Course load_course(const std::filesystem::path& root)
{
    auto path = root / "lessons" / "course.json";
    std::ifstream in(path);
    if (!in)
        throw Failure("cannot read " + path.string() + " (is WSCOURSE_ROOT the course folder?)");
    std::stringstream text;
    text << in.rdbuf();
    return parse_course(text.str());
}

}  // namespace runner
