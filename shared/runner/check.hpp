// One check of a lesson: build the student's code and its tests, run the tests task by task,
// print the verdict, record progress. `check` and `watch` share it.
#pragma once

#include "course.hpp"
#include "env.hpp"
#include "tasks.hpp"

#include <string>
#include <vector>

namespace runner {

struct CheckOutcome {
    bool compiled = false;
    bool passed = false;
    std::vector<TaskResult> tasks;
    std::string first_failing;   // task id; empty when all pass or it did not compile
    std::string blocked_by;      // "04": a lesson this one builds on does not pass yet
};

enum class HintStyle { command, key };   // "./course hint 1 task2" or "press h"

struct CheckOptions {
    HintStyle hint_style = HintStyle::command;
    std::string show_task;   // "task2": show this task's output rather than the first failure's
    bool verbose = false;    // the output of every failing task (or of show_task), not cut
    bool next_steps = true;  // on green, say what to do next (watch says it its own way)
};

CheckOutcome check_lesson(const Env& env, const Course& course, const Lesson& lesson,
                          const CheckOptions& options = {});

// One task's output under a heading; cut to a screenful unless `verbose`, saying how to see
// the rest. `log` is the file that holds all of it.
void print_task_output(const TaskResult& task, const Lesson& lesson, bool verbose,
                       const std::string& log);

// build/logs/check-NN.log: every task's full test output, under a heading per task.
std::string tasks_log(const std::vector<TaskResult>& tasks);

// The lesson SPEC names ("4", "04", "04-connection-manager"), or when SPEC is empty the lesson the
// student is on. UsageError for a lesson that does not exist.
const Lesson& lesson_or_current(const Env& env, const Course& course, const std::string& spec);

// The lesson the student is on: last checked or watched, or whose exercise was edited since.
const Lesson& current_lesson(const Env& env, const Course& course);

// "its tasks are task1–task4"
std::string task_range(const Lesson& lesson);

// "lesson 01 · The handshake, by hand"
std::string lesson_heading(const Lesson& lesson);
std::string lesson_arg(const Lesson& lesson);   // "1" for ./course commands

}  // namespace runner
