// `test`: everything CI runs, every step even after a failure, then one table and the line CI
// parses: "wscourse: N passed, M failed".
#include "build.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "ctest.hpp"
#include "grade.hpp"
#include "term.hpp"
#include "text.hpp"

#include <cstdio>
#include <iostream>

namespace runner {
namespace {
struct Step {
    std::string name;
    bool passed = false;
    int tests_passed = 0;
    int tests_failed = 0;
    std::string note;
};

void banner(int number, int total, const std::string& title)
{
    std::cout << "\n" << bold("== [" + std::to_string(number) + "/" + std::to_string(total) + "] " + title)
              << std::endl;
}

// Streams ctest's own output (CI shows it) and reads its summary line.
Step run_ctest(const Env& env, const std::string& name, std::vector<std::string> args)
{
    std::vector<std::string> command{"ctest"};
    command.insert(command.end(), args.begin(), args.end());
    // JUnit XML for CI dashboards: build/logs/test-solution-tests.xml and so on.
    std::string file = "test-" + name + ".xml";
    for (char& c : file)
        if (c == ' ' || c == '(' || c == ')')
            c = '-';
    auto junit = env.log_file(file);
    std::error_code ec;
    std::filesystem::create_directories(junit.parent_path(), ec);
    command.insert(command.end(), {"--output-junit", junit.string()});
    std::cout << dim("$ " + shell_quote(command)) << std::endl;
    RunOptions options;
    options.cwd = env.root;
    options.on_output = [](std::string_view chunk) {
        std::fwrite(chunk.data(), 1, chunk.size(), stdout);
        std::fflush(stdout);
    };
    auto result = run_process(command, options);
    auto counts = parse_ctest_summary(result.output);
    Step step{name, result.ok(), counts.passed, counts.failed, ""};
    if (!counts.found)
        step.note = result.output.find("No tests were found") != std::string::npos
                        ? "no tests found"
                        : "ctest " + result.describe();
    if (counts.failed > 0)
        step.passed = false;
    return step;
}

Step build_step(const Env& env, const std::string& name, const std::filesystem::path& dir,
                const std::string& log_name)
{
    auto log = env.log_file(log_name);
    auto result = build(env, dir, {}, log, Chatter{stdout});
    Step step{name, result.ok(), 0, 0, ""};
    if (!result.ok()) {
        std::cout << first_error(result.output, env.root.string());
        step.note = "see " + env.show(log);
        std::cout << red(std::string(cross) + " build failed (" + result.describe() + "); full log: "
                         + env.show(log))
                  << "\n";
    } else {
        std::cout << green(std::string(tick) + " built") << "\n";
    }
    return step;
}

// Guards a step: a configure failure fails the step, not the whole run.
template <class F>
Step guarded(const std::string& name, F&& body)
{
    try {
        return body();
    } catch (const Failure& e) {
        std::cout << red(std::string(cross) + " " + e.what()) << "\n";
        return Step{name, false, 0, 0, "could not configure"};
    }
}

Step stub_check(const Env& env)
{
    const std::string name = "pristine exercises fail";
    auto status = run_process({"git", "-C", env.root.string(), "status", "--porcelain", "--",
                               "exercises/"});
    if (!status.ok()) {
        std::cout << dim("not a git checkout: checking exercises/ as it is") << "\n";
        return run_ctest(env, name, {"--test-dir", env.build_dir("dev").string(), "-L", "stubcheck",
                                     "--output-on-failure", "-j2"});
    }
    if (trim(status.output).empty())
        return run_ctest(env, name, {"--test-dir", env.build_dir("dev").string(), "-L", "stubcheck",
                                     "--output-on-failure", "-j2"});

    // Someone has edited exercises/ (a student's solved lessons would pass): the rule is about
    // the exercises as shipped, so grade HEAD's copy of them instead.
    std::cout << "exercises/ has local changes, so this step grades HEAD's exercises/ instead\n"
                 "(exported to build/pristine): each pristine exercise must fail at least one\n"
                 "task, or it teaches nothing.\n";
    auto pristine = env.build_dir("pristine");
    std::error_code ec;
    std::filesystem::remove_all(pristine, ec);
    std::filesystem::create_directories(pristine, ec);
    RunOptions options;
    options.cwd = env.root;
    auto exported = run_process({"sh", "-c", "git archive HEAD exercises | tar -x -C build/pristine"},
                                options);
    if (!exported.ok()) {
        std::cout << red("could not export HEAD's exercises/: " + trim(exported.output)) << "\n";
        return Step{name, false, 0, 0, "git archive failed"};
    }
    auto course = load_course(env.root);
    auto report = grade_copy(env, course, pristine / "exercises", env.build_dir("grade-pristine"),
                             Chatter{stdout});
    Step step{name, true, 0, 0, "graded HEAD's copy"};
    for (const auto& lesson : report.lessons) {
        bool fails = lesson.status == LessonGradeStatus::fail;
        std::string why = fails ? "fails as it should"
                          : lesson.status == LessonGradeStatus::pass    ? "passes untouched: its tests test nothing"
                          : lesson.status == LessonGradeStatus::error   ? "does not compile as shipped"
                                                                         : "is missing from HEAD";
        std::cout << "  " << (fails ? green(tick) : red(cross)) << " lesson " << lesson.number
                  << " " << why << "\n";
        if (lesson.status == LessonGradeStatus::error)
            std::cout << lesson.error;
        (fails ? step.tests_passed : step.tests_failed) += 1;
        step.passed = step.passed && fails;
    }
    return step;
}

int run_test(const Env& env, const std::vector<std::string>& raw)
{
    CLI::App app{"", "./course test"};
    describe(app,
             "Everything CI runs, for instructors and CI (students: ./course check N). Runs every\n"
             "step, even after one fails, then prints a table and the line\n"
             "\"wscourse: N passed, M failed\" (CI reads it). Exits 0 only if every step passed.\n"
             "  1. build everything in build/dev\n"
             "  2. the solutions' tests (ctest -L solution)\n"
             "  3. the stub check: each pristine exercise must fail at least one test (when\n"
             "     exercises/ has local changes, HEAD's copy is exported to build/pristine and\n"
             "     graded instead, so your own work does not hide a weak test)\n"
             "  4. the browser tests (headless chromium)\n"
             "  5. the solutions' tests again under ASan + UBSan (build/asan)",
             "About 11 minutes on 2 cores from a fresh clone. Each ctest step also writes JUnit\n"
             "XML to build/logs/test-*.xml for CI dashboards.");
    bool quick = false;
    app.add_flag("--quick", quick, "skip step 5 (for developers)");
    if (!parse(app, raw))
        return 0;
    const int total = quick ? 4 : 5;
    const auto dev = env.build_dir("dev").string();
    std::vector<Step> steps;

    banner(1, total, "build everything (build/dev)");
    steps.push_back(guarded("build", [&] {
        ensure_dev(env, Chatter{stdout}, true);
        return build_step(env, "build", env.build_dir("dev"), "test-build-dev.log");
    }));

    banner(2, total, "solution tests");
    steps.push_back(run_ctest(env, "solution tests",
                              {"--test-dir", dev, "-L", "solution", "--output-on-failure", "-j2"}));

    banner(3, total, "stub check: every pristine exercise fails a test");
    steps.push_back(guarded("pristine exercises fail", [&] { return stub_check(env); }));

    banner(4, total, "browser tests");
    steps.push_back(run_ctest(env, "browser tests",
                              {"--test-dir", dev, "-L", "browser", "--output-on-failure"}));

    if (!quick) {
        banner(5, total, "sanitizers: solution tests under ASan + UBSan (build/asan)");
        Step asan = guarded("asan", [&] {
            ensure_preset(env, "asan", Chatter{stdout});
            return build_step(env, "asan", env.build_dir("asan"), "test-build-asan.log");
        });
        Step tests = run_ctest(env, "asan",
                               {"--test-dir", env.build_dir("asan").string(), "-L", "solution",
                                "--output-on-failure", "-j2"});
        tests.passed = tests.passed && asan.passed;
        if (!asan.passed)
            tests.note = "build failed" + (tests.note.empty() ? "" : "; " + tests.note);
        tests.name = "sanitizers (asan)";
        steps.push_back(tests);
    }

    int passed = 0, failed = 0;
    bool all = true;
    std::cout << "\n" << bold("summary") << "\n";
    for (const auto& step : steps) {
        passed += step.tests_passed;
        failed += step.tests_failed;
        all = all && step.passed;
        std::string name = step.name + std::string(step.name.size() < 26 ? 26 - step.name.size() : 1, ' ');
        std::string counts;
        if (step.tests_passed || step.tests_failed)
            counts = std::to_string(step.tests_passed) + " passed, " + std::to_string(step.tests_failed)
                     + " failed";
        if (!step.note.empty())
            counts += (counts.empty() ? "" : "; ") + step.note;
        std::cout << "  " << (step.passed ? green(std::string(tick) + " pass")
                                          : red(std::string(cross) + " FAIL"))
                  << "  " << name << counts << "\n";
    }
    if (quick)
        std::cout << dim("  (--quick: sanitizer step skipped)") << "\n";
    std::cout << "wscourse: " << passed << " passed, " << failed << " failed" << std::endl;
    return all ? 0 : 1;
}
}  // namespace

Command test_command()
{
    return {"test", "everything CI runs, about 11 min on 2 cores (instructors, CI)", run_test};
}

}  // namespace runner
