// A grading report and its three formats: markdown for people, JSON shaped like exercism's
// results.json for scripts, JUnit XML for CI dashboards and classroom graders.
#pragma once

#include "tasks.hpp"

#include <string>
#include <vector>

namespace runner {

enum class LessonGradeStatus { pass, fail, error, missing };

struct LessonGrade {
    std::string number;
    std::string slug;
    std::string title;
    LessonGradeStatus status = LessonGradeStatus::missing;
    std::string error;                // the first compiler error, or why it is missing
    std::vector<Task> task_list;      // from course.json, reported even when nothing ran
    std::vector<TaskResult> tasks;    // empty unless it compiled
};

struct GradeReport {
    std::string dir;
    std::vector<LessonGrade> lessons;

    int tasks_total() const;
    int tasks_passed() const;
    int lessons_passed() const;
};

std::string status_name(LessonGradeStatus status);   // "pass", "fail", "error", "missing"

std::string to_markdown(const GradeReport& report);
std::string to_json(const GradeReport& report);
std::string to_junit(const GradeReport& report);
std::string xml_escape(const std::string& text);

}  // namespace runner
