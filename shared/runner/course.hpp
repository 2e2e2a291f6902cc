// The course's metadata, lessons/course.json: lessons in order, their tasks and hints.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace runner {

struct Task {
    std::string id;      // "task1": the Catch2 tag the tests carry
    std::string title;
    std::vector<std::string> hints;
};

struct Lesson {
    std::string number;  // "01"
    std::string slug;    // "01-handshake"
    std::string title;
    std::vector<std::string> files;
    std::vector<Task> tasks;
    std::vector<std::string> builds_on;   // "04": the student's build links their lesson 04

    const Task* find_task(const std::string& id) const;
};

struct Course {
    std::vector<Lesson> lessons;

    // "1", "01", "01-handshake" (or "handshake"); else UsageError "no lesson 42; lessons are 01–02".
    const Lesson& find(const std::string& spec) const;
    const Lesson* next_after(const Lesson& lesson) const;
    std::string range() const;   // "lessons are 01–02"
};

Course parse_course(const std::string& json_text);   // Failure on a malformed file
Course load_course(const std::filesystem::path& root);

}  // namespace runner
