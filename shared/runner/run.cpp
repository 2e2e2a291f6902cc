// `run` and `demo`: build a lesson server, then exec it. Exec-ing replaces the runner, so the
// server owns the terminal: Ctrl-C reaches it directly and it closes its clients with 1001.
#include "build.hpp"
#include "check.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "progress.hpp"
#include "term.hpp"

#include <iostream>

namespace runner {
namespace {
void require_solution(const Env& env, const Lesson& lesson)
{
    if (!env.has_solutions())
        throw UsageError("this copy has no solutions/");
    if (!std::filesystem::is_directory(env.root / "solutions" / lesson.slug))
        throw UsageError("this copy has no solutions/" + lesson.slug);
}

[[noreturn]] void start(const Env& env, const std::filesystem::path& binary,
                        std::vector<std::string> server_args)
{
    std::vector<std::string> argv{binary.string()};
    argv.insert(argv.end(), server_args.begin(), server_args.end());
    std::cout << dim("starting " + env.show(binary) + " " + shell_quote(server_args)) << "\n";
    std::cout.flush();
    exec_program(argv);
}

// Builds `target` in `dir`; on a compile error prints it and returns false.
bool build_server(const Env& env, const std::filesystem::path& dir, const std::string& target,
                  const Lesson& lesson, bool student_code)
{
    auto log = env.log_file("build-" + target + ".log");
    auto result = build(env, dir, {target}, log, Chatter{stdout});
    if (result.ok())
        return true;
    std::cout << "\n" << first_error(result.output, env.root.string()) << "\n";
    std::cout << red(std::string(cross) + " " + (student_code ? "lesson " + lesson.number
                                                                     + " does not compile yet"
                                                               : target + " does not build"))
              << dim("   (full log: " + env.show(log) + ")") << "\n";
    if (student_code)
        std::cout << "  ./course check " << lesson_arg(lesson) << " shows what is left to do\n";
    return false;
}

const Lesson& lesson_or_default(const Course& course, const Args& args, const Env& env)
{
    if (!args.positional.empty())
        return course.find(args.positional[0]);
    const Lesson* lesson = Progress::load(env.root).next(course);
    if (!lesson)
        throw Failure("lessons/course.json lists no lessons");
    return *lesson;
}

int run_run(const Env& env, const std::vector<std::string>& raw)
{
    auto args = parse_args("run", raw, {{"--solution"}, {"--port", true}, {"--lan"}}, 0, 1);
    if (args.help) {
        std::cout << run_command().help;
        return 0;
    }
    unsigned short port = args.value("--port") ? parse_port(*args.value("--port")) : 8080;
    auto course = load_course(env.root);
    const Lesson& lesson = lesson_or_default(course, args, env);
    bool solution = args.has("--solution");
    if (solution)
        require_solution(env, lesson);

    ensure_dev(env, Chatter{stdout}, solution);
    std::string target = "lesson" + lesson.number + (solution ? "-solution" : "");
    if (!build_server(env, env.build_dir("dev"), target, lesson, !solution))
        return 1;
    std::vector<std::string> server_args;
    if (args.has("--lan"))
        server_args.push_back("--lan");
    else
        server_args.insert(server_args.end(), {"--host", "127.0.0.1"});
    server_args.insert(server_args.end(), {"--port", std::to_string(port)});
    start(env, env.build_dir("dev") / "bin" / target, server_args);
}

int run_demo(const Env& env, const std::vector<std::string>& raw)
{
    auto args = parse_args("demo", raw, {{"--port", true}}, 0, 1);
    if (args.help) {
        std::cout << demo_command().help;
        return 0;
    }
    unsigned short port = args.value("--port") ? parse_port(*args.value("--port")) : 8080;
    auto course = load_course(env.root);
    if (course.lessons.empty())
        throw Failure("lessons/course.json lists no lessons");
    const Lesson& lesson =
        args.positional.empty() ? course.lessons.back() : course.find(args.positional[0]);
    require_solution(env, lesson);

    ensure_preset(env, "release", Chatter{stdout});
    std::string target = "lesson" + lesson.number + "-solution";
    if (!build_server(env, env.build_dir("release"), target, lesson, false))
        return 1;
    start(env, env.build_dir("release") / "bin" / target,
          {"--lan", "--port", std::to_string(port), "--qr"});
}
}  // namespace

Command run_command()
{
    return {"run", "build and start lesson N's server with your code",
            "usage: ./course run [N] [--solution] [--port P] [--lan]\n\n"
            "Builds lesson N's server from your exercises/ (or from solutions/) and starts it.\n"
            "Open the URL it prints to use the lesson's HTML client; Ctrl-C stops it.\n\n"
            "  N            lesson number (1, 01) or slug; default: the first lesson not passed\n"
            "  --solution   run the finished solution instead of your code\n"
            "  --port P     port to listen on (default 8080; 0 = any free port)\n"
            "  --lan        listen on every interface (0.0.0.0) so other machines can connect;\n"
            "               the default is 127.0.0.1, this machine only\n",
            run_run};
}

Command demo_command()
{
    return {"demo", "serve a lesson's solution to the room (LAN URLs + QR code)",
            "usage: ./course demo [N] [--port P]\n\n"
            "Builds lesson N's solution optimised (build/release) and serves it on every\n"
            "interface, printing each LAN URL of this machine and a QR code of the first, so\n"
            "phones in the room can join. Ctrl-C closes every client (1001) and exits.\n\n"
            "  N          lesson number or slug; default: the newest lesson\n"
            "  --port P   port to listen on (default 8080)\n",
            run_demo};
}

}  // namespace runner
