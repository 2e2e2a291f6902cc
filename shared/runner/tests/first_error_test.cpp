#include "build.hpp"

#include <catch2/catch.hpp>

using namespace runner;

namespace {
// A real-shaped ninja + g++ 12 log: build noise, an include preamble, the error, more errors.
const char* ninja_log =
    "[1/4] Building CXX object lessons/CMakeFiles/lesson01-impl.dir/exercises/01-handshake/frame.cpp.o\n"
    "[2/4] Building CXX object lessons/CMakeFiles/lesson01-impl.dir/exercises/01-handshake/handshake.cpp.o\n"
    "FAILED: lessons/CMakeFiles/lesson01-impl.dir/exercises/01-handshake/handshake.cpp.o \n"
    "/usr/bin/c++ -DBOOST_ASIO_SEPARATE_COMPILATION -I/work/main/lessons/01-handshake -Og -g "
    "-Wall -Wextra -Wpedantic -std=c++20 -MD -MT x.o -c /work/main/exercises/01-handshake/handshake.cpp\n"
    "In file included from /work/main/lessons/01-handshake/handshake.hpp:4,\n"
    "                 from /work/main/exercises/01-handshake/handshake.cpp:1:\n"
    "/work/main/exercises/01-handshake/handshake.cpp: In function 'std::string lesson01::base64(std::span<const unsigned char>)':\n"
    "/work/main/exercises/01-handshake/handshake.cpp:12:5: error: 'foo' was not declared in this scope\n"
    "   12 |     foo();\n"
    "      |     ^~~\n"
    "/work/main/exercises/01-handshake/handshake.cpp:20:1: error: expected ';' before '}' token\n"
    "   20 | }\n"
    "      | ^\n"
    "ninja: build stopped: subcommand failed.\n";
}  // namespace

TEST_CASE("the first g++ error comes with its function and caret, nothing else", "[first-error]")
{
    auto error = first_error(ninja_log, "/work/main");
    CHECK(error ==
          "exercises/01-handshake/handshake.cpp: In function 'std::string lesson01::base64(std::span<const unsigned char>)':\n"
          "exercises/01-handshake/handshake.cpp:12:5: error: 'foo' was not declared in this scope\n"
          "   12 |     foo();\n"
          "      |     ^~~\n");
}

TEST_CASE("notes that explain the first error stay with it", "[first-error]")
{
    const char* log =
        "a.cpp:3:10: error: no matching function for call to 'f(int)'\n"
        "    3 |   return f(1);\n"
        "      |          ^\n"
        "a.cpp:1:6: note: candidate: 'void f()'\n"
        "b.cpp:1:1: error: second\n";
    auto error = first_error(log, "/nowhere");
    CHECK(error.find("note: candidate") != std::string::npos);
    CHECK(error.find("second") == std::string::npos);
}

TEST_CASE("a fatal error (missing header) counts as the first error", "[first-error]")
{
    const char* log =
        "[1/2] Building CXX object x.o\n"
        "FAILED: x.o\n"
        "/r/exercises/02-echo/session.cpp:3:10: fatal error: nope.hpp: No such file or directory\n"
        "    3 | #include \"nope.hpp\"\n"
        "      |          ^~~~~~~~~~\n"
        "compilation terminated.\n"
        "ninja: build stopped: subcommand failed.\n";
    auto error = first_error(log, "/r");
    CHECK(error.rfind("exercises/02-echo/session.cpp:3:10: fatal error: nope.hpp", 0) == 0);
    CHECK(error.find("compilation terminated") == std::string::npos);
}

TEST_CASE("linker errors are found when the compiler had none", "[first-error]")
{
    const char* log =
        "[3/3] Linking CXX executable bin/lesson01-tests\n"
        "FAILED: bin/lesson01-tests\n"
        "/usr/bin/c++ -Og -g x.o -o bin/lesson01-tests\n"
        "/usr/bin/ld: x.o: in function `test()':\n"
        "/r/tests/01-handshake/t.cpp:5: undefined reference to `lesson01::accept_key(std::string_view)'\n"
        "collect2: error: ld returned 1 exit status\n";
    auto error = first_error(log, "/r");
    CHECK(error.find("undefined reference to `lesson01::accept_key") != std::string::npos);
}

TEST_CASE("never more than a screenful, even with no recognisable error", "[first-error]")
{
    std::string log;
    for (int i = 0; i < 500; ++i)
        log += "line " + std::to_string(i) + "\n";
    auto error = first_error(log, "/r");
    CHECK(std::count(error.begin(), error.end(), '\n') <= 12);
    CHECK(error.find("line 499") != std::string::npos);
}

TEST_CASE("colour escapes from the compiler are removed", "[first-error]")
{
    auto error = first_error("\x1b[01m\x1b[Ka.cpp:1:1:\x1b[m \x1b[01;31m\x1b[Kerror: \x1b[m\x1b[Kbad\n", "/r");
    CHECK(error == "a.cpp:1:1: error: bad\n");
}

TEST_CASE("the notes of the first error stay, even those reached through a header", "[first-error]")
{
    // g++ 12 on `users_[id]` in a const member function: the note naming operator[] is the clue.
    const char* log =
        "FAILED: x.o\n"
        "/r/exercises/04-connection-manager/connection_manager.cpp: In member function 'std::size_t lesson04::ConnectionManager::count(const std::string&) const':\n"
        "/r/exercises/04-connection-manager/connection_manager.cpp:31:18: error: passing 'const std::map<std::__cxx11::basic_string<char>, int>' as 'this' argument discards qualifiers [-fpermissive]\n"
        "   31 |     return users_[name];\n"
        "      |                  ^\n"
        "In file included from /usr/include/c++/12/map:61,\n"
        "                 from /r/lessons/04-connection-manager/connection_manager.hpp:4,\n"
        "                 from /r/exercises/04-connection-manager/connection_manager.cpp:1:\n"
        "/usr/include/c++/12/bits/stl_map.h:504:7: note:   in call to 'std::map<_Key, _Tp, _Compare, _Alloc>::mapped_type& std::map<_Key, _Tp, _Compare, _Alloc>::operator[](key_type&&)'\n"
        "  504 |       operator[](key_type&& __k)\n"
        "      |       ^~~~~~~~\n"
        "/r/exercises/04-connection-manager/connection_manager.cpp:40:1: error: second\n";
    auto error = first_error(log, "/r");
    CHECK(error.rfind("exercises/04-connection-manager/connection_manager.cpp: In member function", 0) == 0);
    CHECK(error.find("discards qualifiers") != std::string::npos);
    CHECK(error.find("note:   in call to") != std::string::npos);
    CHECK(error.find("operator[](key_type&& __k)") != std::string::npos);
    CHECK(error.find("In file included from") == std::string::npos);
    CHECK(error.find("second") == std::string::npos);
}

TEST_CASE("an error inside a library template starts with the student's own line", "[first-error]")
{
    const char* log =
        "In file included from /usr/include/c++/12/vector:64,\n"
        "                 from /r/exercises/05-rooms/routing.cpp:2:\n"
        "/usr/include/c++/12/bits/stl_vector.h: In instantiation of 'class std::vector<int&>':\n"
        "/r/exercises/05-rooms/routing.cpp:17:22:   required from here\n"
        "/usr/include/c++/12/bits/stl_vector.h:435:66: error: static assertion failed\n"
        "  435 |       static_assert(is_same<typename remove_cv<_Tp>::type, _Tp>::value,\n"
        "      |                                                                  ^~~~~\n";
    auto error = first_error(log, "/r");
    CHECK(error.rfind("exercises/05-rooms/routing.cpp:17:22: your code, where it starts\n", 0) == 0);
    CHECK(error.find("required from here") != std::string::npos);
    CHECK(error.find("static assertion failed") != std::string::npos);
}
