// `run` and `demo`: build a lesson server, then exec it. Exec-ing replaces the runner, so the
// server owns the terminal: Ctrl-C reaches it directly and it closes its clients with 1001.
#include "build.hpp"
#include "check.hpp"
#include "cli.hpp"
#include "commands.hpp"
#include "progress.hpp"
#include "term.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

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
// The command-line clients of this lesson and the earlier ones (lesson 04's text uses
// lesson02-client), as far as the build defines them: `run` builds them with the server.
std::vector<std::string> clients_up_to(const Course& course, const Lesson& lesson,
                                       const std::filesystem::path& dir)
{
    std::ifstream in(dir / "build.ninja");
    if (!in)
        in.open(dir / "Makefile");
    std::stringstream text;
    text << in.rdbuf();
    const std::string targets = text.str();
    std::vector<std::string> clients;
    for (const auto& earlier : course.lessons) {
        std::string name = "lesson" + earlier.number + "-client";
        if (targets.find("build " + name + ":") != std::string::npos
            || targets.find("\n" + name + ":") != std::string::npos)
            clients.push_back(name);
        if (earlier.number == lesson.number)
            break;
    }
    return clients;
}

bool build_server(const Env& env, const std::filesystem::path& dir, const std::string& target,
                  const Lesson& lesson, bool student_code,
                  const std::vector<std::string>& clients = {})
{
    auto log = env.log_file("build-" + target + ".log");
    std::vector<std::string> targets{target};
    targets.insert(targets.end(), clients.begin(), clients.end());
    auto result = build(env, dir, targets, log, Chatter{stdout});
    if (result.ok()) {
        for (const auto& client : clients)
            std::cout << dim("client: " + env.show(dir / "bin" / client)) << "\n";
        return true;
    }
    std::cout << "\n" << first_error(result.output, env.root.string()) << "\n";
    std::cout << red(std::string(cross) + " " + (student_code ? "lesson " + lesson.number
                                                                     + " does not compile yet"
                                                               : target + " does not build"))
              << dim("   (full log: " + env.show(log) + ")") << "\n";
    if (student_code)
        std::cout << "  ./course check " << lesson_arg(lesson) << " shows what is left to do\n";
    return false;
}

// --port: a number from 0 (the OS picks a free port) to 65535.
void add_port(CLI::App& app, int& port)
{
    app.add_option("--port", port, "port to listen on (default 8080; 0 = any free port)")
        ->check(CLI::Range(0, 65535).description(""))
        ->type_name("P");
}

int run_run(const Env& env, const std::vector<std::string>& raw)
{
    auto [ours, server_options] = split_at_dashes(raw);
    CLI::App app{"", "./course run"};
    describe(app,
             "Builds lesson N's server from your exercises/ (or from solutions/) and starts it,\n"
             "and the command-line clients of lessons up to N (build/dev/bin/lessonNN-client).\n"
             "Open the URL it prints to use the lesson's HTML client; Ctrl-C stops it.",
             "Everything after -- goes to the lesson server as it is, e.g.\n"
             "  ./course run 3 -- --max-message 4096\n"
             "./course run N -- --help lists the options of lesson N's server.");
    std::string spec;
    bool solution = false, lan = false;
    int port = 8080;
    app.add_option("N", spec, "lesson number (1, 01) or slug; default: the lesson you are on");
    app.add_flag("--solution", solution, "run the finished solution instead of your code");
    add_port(app, port);
    app.add_flag("--lan", lan,
                 "listen on every interface (0.0.0.0) so other machines can connect;\n"
                 "the default is 127.0.0.1, this machine only");
    if (!parse(app, ours))
        return 0;
    auto course = load_course(env.root);
    const Lesson& lesson = lesson_or_current(env, course, spec);
    if (solution)
        require_solution(env, lesson);

    ensure_dev(env, Chatter{stdout}, solution);
    std::string target = "lesson" + lesson.number + (solution ? "-solution" : "");
    if (!build_server(env, env.build_dir("dev"), target, lesson, !solution,
                      clients_up_to(course, lesson, env.build_dir("dev"))))
        return 1;
    std::vector<std::string> server_args;
    if (lan)
        server_args.push_back("--lan");
    else
        server_args.insert(server_args.end(), {"--host", "127.0.0.1"});
    server_args.insert(server_args.end(), {"--port", std::to_string(port)});
    server_args.insert(server_args.end(), server_options.begin(), server_options.end());
    start(env, env.build_dir("dev") / "bin" / target, server_args);
}

int run_demo(const Env& env, const std::vector<std::string>& raw)
{
    auto [ours, server_options] = split_at_dashes(raw);
    CLI::App app{"", "./course demo"};
    describe(app,
             "Builds lesson N's solution optimised (build/release) and serves it on every\n"
             "interface, printing each LAN URL of this machine and a QR code of the first, so\n"
             "phones in the room can join. Ctrl-C closes every client (1001) and exits.",
             "Everything after -- goes to the lesson server as it is.");
    std::string spec;
    int port = 8080;
    app.add_option("N", spec, "lesson number or slug; default: the newest lesson");
    add_port(app, port);
    if (!parse(app, ours))
        return 0;
    auto course = load_course(env.root);
    if (course.lessons.empty())
        throw Failure("lessons/course.json lists no lessons");
    const Lesson& lesson = spec.empty() ? course.lessons.back() : course.find(spec);
    require_solution(env, lesson);

    ensure_preset(env, "release", Chatter{stdout});
    std::string target = "lesson" + lesson.number + "-solution";
    if (!build_server(env, env.build_dir("release"), target, lesson, false))
        return 1;
    std::vector<std::string> server_args{"--lan", "--port", std::to_string(port), "--qr"};
    server_args.insert(server_args.end(), server_options.begin(), server_options.end());
    start(env, env.build_dir("release") / "bin" / target, server_args);
}
}  // namespace

Command run_command()
{
    return {"run", "build and start lesson N's server with your code (-- OPTIONS for the server)",
            run_run};
}

Command demo_command()
{
    return {"demo", "serve a lesson's solution to the room (LAN URLs + QR code)", run_demo};
}

}  // namespace runner
