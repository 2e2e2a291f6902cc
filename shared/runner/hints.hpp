// Hints one at a time: each `./course hint` (or `h` in watch) reveals the next hint of a task,
// from gentle to explicit; how many were shown is kept per task in the progress file.
#pragma once

#include "course.hpp"
#include "env.hpp"

#include <string>

namespace runner {

// Prints the hints of `task` shown so far plus the next one (all of them when `all`), and
// records how many the student has now seen.
void reveal_hints(const Env& env, const Lesson& lesson, const Task& task, bool all,
                  const std::string& again_command);

}  // namespace runner
