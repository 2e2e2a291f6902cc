// The student's progress, .course-progress.json at the repo root (git ignores it):
// {"01": "passed", "02": "failing"}. A lesson not in the file was never tried.
#pragma once

#include "course.hpp"

#include <filesystem>
#include <map>
#include <string>

namespace runner {

enum class Status { not_tried, failing, passed };

class Progress {
public:
    static Progress load(const std::filesystem::path& root);   // missing/unreadable file = empty
    static Progress parse(const std::string& json_text);
    std::string to_json() const;
    void save(const std::filesystem::path& root) const;

    Status status(const std::string& number) const;
    void set(const std::string& number, Status status);
    void forget(const std::string& number);

    // The first lesson not passed; the last lesson when every one has passed.
    const Lesson* next(const Course& course) const;
    bool all_passed(const Course& course) const;

private:
    std::map<std::string, Status> lessons_;
};

// What the last `check` learnt about a lesson's tasks, kept in build/dev so `hint` can default to
// the first failing task.
void remember_failing_task(const std::filesystem::path& root, const std::string& number,
                           const std::string& task_id);   // "" = none failing
std::string remembered_failing_task(const std::filesystem::path& root, const std::string& number);

}  // namespace runner
