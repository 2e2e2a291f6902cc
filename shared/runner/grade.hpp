// Grading a copy of exercises/: the course's own tests built against it in a build dir of its
// own, lesson by lesson, so one lesson that does not compile leaves the others graded.
#pragma once

#include "build.hpp"
#include "course.hpp"
#include "report.hpp"

#include <filesystem>

namespace runner {

// Failure when the build dir cannot even be configured.
GradeReport grade_copy(const Env& env, const Course& course, const std::filesystem::path& dir,
                       const std::filesystem::path& build_dir, const Chatter& chatter);

// build/grade-<hash>: one build dir per graded folder, so regrading is incremental.
std::filesystem::path grade_build_dir(const Env& env, const std::filesystem::path& dir);

}  // namespace runner
