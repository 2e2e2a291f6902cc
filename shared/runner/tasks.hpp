// Running a lesson's test binary once per task: `lessonNN-tests "[task1]" -w NoTests`, so an
// empty filter fails instead of passing, with a timeout per run.
#pragma once

#include "course.hpp"
#include "process.hpp"

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace runner {

enum class TaskStatus { pass, fail };

struct TaskResult {
    std::string id;
    std::string title;
    TaskStatus status = TaskStatus::fail;
    std::string summary;   // "3 test cases", "timed out after 60 s (killed)", "no tests tagged [task3]"
    std::string output;    // the test binary's output without Catch's banner and noise lines
    std::string log;       // all of it, as it came (paths relative, colours stripped)
};

inline constexpr std::chrono::seconds task_timeout{60};

std::vector<TaskResult> run_tasks(const std::filesystem::path& test_binary, const Lesson& lesson,
                                  const std::string& root,
                                  std::chrono::seconds timeout = task_timeout);

// A Catch2 run's result as one task result (pure: exposed for the runner's own tests).
TaskResult interpret_task_run(const Task& task, const ProcessResult& run, const std::string& root);

std::string clean_catch_output(const std::string& output);

}  // namespace runner
