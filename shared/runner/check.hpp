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
};

enum class HintStyle { command, key };   // "./course hint 1 task2" or "press h"

CheckOutcome check_lesson(const Env& env, const Course& course, const Lesson& lesson,
                          HintStyle hint_style = HintStyle::command);

// The lesson SPEC names ("4", "04", "04-connection-manager"), or when SPEC is empty the lesson the
// student is on. UsageError for a lesson that does not exist.
const Lesson& lesson_or_current(const Env& env, const Course& course, const std::string& spec);

// "lesson 01 · The handshake, by hand"
std::string lesson_heading(const Lesson& lesson);
std::string lesson_arg(const Lesson& lesson);   // "1" for ./course commands

}  // namespace runner
