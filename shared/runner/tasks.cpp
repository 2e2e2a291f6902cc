#include "tasks.hpp"

#include "process.hpp"
#include "text.hpp"

#include <cstdlib>
#include <regex>

namespace runner {

std::string clean_catch_output(const std::string& output)
{
    // Catch2's banner and its notes about its own configuration say nothing about the failure;
    // drop them so the lines shown are useful.
    std::vector<std::string> kept;
    for (const auto& line : split_lines(output)) {
        if (line.find(" is a Catch v") != std::string::npos
            || line.rfind("Run with -? for options", 0) == 0 || line.rfind("Filters: ", 0) == 0
            || line.rfind("~~~~~~~~", 0) == 0
            || line.find("Exception translation was disabled by CATCH_CONFIG_FAST_COMPILE")
                   != std::string::npos
            || line.rfind("Randomness seeded to: ", 0) == 0)
            continue;
        if (kept.empty() && trim(line).empty())
            continue;
        kept.push_back(line);
    }
    return join_lines(kept);
}

TaskResult interpret_task_run(const Task& task, const ProcessResult& run, const std::string& root)
{
    TaskResult result{task.id, task.title, TaskStatus::fail, "", "", ""};
    // Catch names files as the compiler saw them, from build/dev: "../../tests/x.cpp" is
    // "tests/x.cpp" to the student.
    std::string output = relative_to(strip_ansi(run.output), root);
    for (std::size_t at = 0; (at = output.find("../../", at)) != std::string::npos;) {
        bool line_start = at == 0 || output[at - 1] == '\n' || output[at - 1] == ' '
                          || output[at - 1] == '(';
        if (line_start)
            output.erase(at, 6);
        else
            at += 6;
    }
    result.log = output;
    result.output = clean_catch_output(output);
    if (run.ok()) {
        result.status = TaskStatus::pass;
        static const std::regex counts(R"(All tests passed \((\d+) assertions? in (\d+) test cases?\))");
        std::smatch m;
        if (std::regex_search(output, m, counts))
            result.summary = m[2].str() + (m[2] == "1" ? " test case" : " test cases");
        return result;
    }
    if (!run.started)
        result.summary = "the test program could not be started";
    else if (run.timed_out)
        result.summary = run.describe() + ": a test is waiting for something that never comes";
    else if (run.signal)
        result.summary = run.describe();
    else if (output.find("No test cases matched") != std::string::npos)
        result.summary = "no tests are tagged [" + task.id + "]";
    else {
        static const std::regex failed(R"(test cases?:\s+(\d+)\s+\|(?:\s+\d+\s+passed\s+\|)?\s+(\d+)\s+failed)");
        std::smatch m;
        if (std::regex_search(output, m, failed))
            result.summary = m[2].str() + " of " + m[1].str() + " test cases failed";
        else
            result.summary = "failed (" + run.describe() + ")";
    }
    return result;
}

std::vector<TaskResult> run_tasks(const std::filesystem::path& test_binary, const Lesson& lesson,
                                  const std::string& root, std::chrono::seconds timeout)
{
    // An instructor on a slow machine may need longer: WSCOURSE_TEST_TIMEOUT=seconds.
    if (const char* env = std::getenv("WSCOURSE_TEST_TIMEOUT"); env && std::atoi(env) > 0)
        timeout = std::chrono::seconds(std::atoi(env));
    std::vector<TaskResult> results;
    for (const auto& task : lesson.tasks) {
        RunOptions options;
        options.timeout = timeout;
        options.cwd = root;
        options.max_capture = 16 * 1024 * 1024;   // the log keeps all of it
        std::vector<std::string> argv{test_binary.string()};
        if (!task.id.empty())   // a lesson without tasks in course.json runs all its tests
            argv.push_back("[" + task.id + "]");
        argv.insert(argv.end(), {"-w", "NoTests", "--use-colour", "no"});
        auto run = run_process(argv, options);
        auto result = interpret_task_run(task, run, root);
        if (run.timed_out && !task.id.empty()) {
            // Catch2 prints a test case when it ends, so a hung one leaves no output: name the
            // candidates instead.
            RunOptions list_options;
            list_options.timeout = std::chrono::seconds(10);
            auto names = run_process({test_binary.string(), "[" + task.id + "]",
                                      "--list-test-names-only"},
                                     list_options);
            std::string candidates = "the test still running after "
                                     + std::to_string(timeout.count()) + " s was one of:\n";
            for (const auto& name : split_lines(names.output))
                if (!trim(name).empty())
                    candidates += "  " + trim(name) + "\n";
            result.output += candidates;
            result.log += candidates;
        }
        results.push_back(std::move(result));
    }
    return results;
}

}  // namespace runner
