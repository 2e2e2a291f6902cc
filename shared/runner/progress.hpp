// The student's progress, .course-progress.json at the repo root (git ignores it):
// {"01": "passed", "02": "failing", "hints": {"02": {"task1": 2}},
//  "last": {"lesson": "02", "at": 1764680000}}. A lesson not in the file was never tried;
// "hints" counts the hints shown per task; "last" is the lesson last checked or watched.
#pragma once

#include "course.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
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

    std::size_t hints_shown(const std::string& number, const std::string& task_id) const;
    void set_hints_shown(const std::string& number, const std::string& task_id, std::size_t n);

    // The lesson the student last checked or watched, and when (seconds since the epoch).
    void worked_on(const std::string& number, std::int64_t at);
    struct Last {
        std::string number;
        std::int64_t at = 0;
    };
    std::optional<Last> last() const { return last_; }

    // The lesson the student is on: the one whose exercise was edited last, if that edit is newer
    // than the last check or watch; else the lesson last checked or watched; else next().
    // `edited` maps a lesson number to the time of the newest edit in its exercises/ folder.
    const Lesson* current(const Course& course,
                          const std::map<std::string, std::int64_t>& edited) const;

private:
    std::map<std::string, Status> lessons_;
    std::map<std::string, std::map<std::string, std::size_t>> hints_;
    std::optional<Last> last_;
};

// The newest edit per lesson in exercises/: files git sees as changed or new (a fresh clone's
// times say nothing); without git, any file newer than `since`.
std::map<std::string, std::int64_t> edited_exercises(const std::filesystem::path& root,
                                                     const Course& course, std::int64_t since);

std::int64_t now_seconds();

// What the last `check` learnt about a lesson's tasks, kept in build/dev so `hint` can default to
// the first failing task.
void remember_failing_task(const std::filesystem::path& root, const std::string& number,
                           const std::string& task_id);   // "" = none failing
std::string remembered_failing_task(const std::filesystem::path& root, const std::string& number);

}  // namespace runner
