# wscourse_add_lesson(NN-slug): the one CMake line a lesson needs.
#
# A lesson is five folders of the same shape:
#   lessons/NN-slug/    main.cpp (the server), *_main.cpp (extra programs), other *.cpp = scaffold
#   exercises/NN-slug/  the student's *.cpp  (WSCOURSE_EXERCISES_DIR points at another copy to grade)
#   solutions/NN-slug/  the same files, finished
#   tests/NN-slug/      Catch2 *.cpp compiled against both; *.mjs = browser tests
#   web/NN-slug/        the HTML client the server serves
#
# Targets: lessonNN and lessonNN-tests (student), lessonNN-solution and lessonNN-solution-tests,
# lessonNN-<name> for each lessons/NN-slug/<name>_main.cpp.
#
# Lessons that build on earlier ones. A lesson's entry in lessons/course.json says which earlier
# lessons it uses ("builds_on": ["04"]), the one place that is declared. Such a lesson includes
# their headers by lesson name, `#include <lesson04/connection_manager.hpp>` (build/include/lesson04
# is a link to lessons/04-connection-manager), and its programs link their code:
#   - lessonNN-solution and its tests link the earlier lessons' solutions;
#   - lessonNN and lessonNN-tests link the student's own earlier exercises, so a student's
#     lesson 05 runs on their own lesson 04. WSCOURSE_EARLIER_LESSONS=solutions links the
#     earlier lessons' solutions instead: grading sets it, so that one lesson's grade never
#     depends on another's.
# The earlier lessons come in whole (builds_on is followed to the end: 05 -> 04 -> ...), each
# once. WSCOURSE_ONLY_LESSONS="05" still builds the libraries of the lessons 05 builds on, but
# not their programs or tests. List a lesson after the lessons it builds on.
#
# Target layout (OBJECT libraries do not hand their objects on, so every program names each
# piece it needs once, through wscourse_lesson_objects):
#   lessonNN-api                INTERFACE: <lessonNN/...> includes, the earlier lessons' api
#   lessonNN-scaffold           OBJECT: the lesson's given *.cpp
#   lessonNN-impl               OBJECT: the student's exercise (from WSCOURSE_EXERCISES_DIR)
#   lessonNN-solution-impl      OBJECT: the solution
set(CMAKE_RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin)
include(${CMAKE_CURRENT_LIST_DIR}/TaskVariants.cmake)

set(WSCOURSE_ONLY_LESSONS "" CACHE STRING "Build only these lessons (e.g. \"01;02\"); empty = all")
set(WSCOURSE_EARLIER_LESSONS "exercises" CACHE STRING
    "What the student's build of a lesson links for the lessons it builds on: exercises or solutions")
set_property(CACHE WSCOURSE_EARLIER_LESSONS PROPERTY STRINGS exercises solutions)
if(NOT WSCOURSE_EARLIER_LESSONS MATCHES "^(exercises|solutions)$")
  message(FATAL_ERROR "WSCOURSE_EARLIER_LESSONS is '${WSCOURSE_EARLIER_LESSONS}': use exercises or solutions")
endif()
if(WSCOURSE_EARLIER_LESSONS STREQUAL "solutions" AND NOT EXISTS "${CMAKE_SOURCE_DIR}/solutions")
  message(FATAL_ERROR "WSCOURSE_EARLIER_LESSONS=solutions links the earlier lessons' solutions, "
                      "and this copy has no solutions/")
endif()

set(WSCOURSE_LESSON_INCLUDE_DIR "${CMAKE_BINARY_DIR}/include")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/lessons/course.json")
file(READ "${CMAKE_SOURCE_DIR}/lessons/course.json" _wscourse_course)

# The lessons `nn` builds on, directly, as course.json says.
function(wscourse_builds_on nn out)
  set(result)
  string(JSON count LENGTH "${_wscourse_course}" lessons)
  math(EXPR last "${count} - 1")
  foreach(i RANGE ${last})
    string(JSON number GET "${_wscourse_course}" lessons ${i} number)
    if(number STREQUAL nn)
      string(JSON kind ERROR_VARIABLE missing TYPE "${_wscourse_course}" lessons ${i} builds_on)
      if(NOT missing)
        string(JSON n LENGTH "${_wscourse_course}" lessons ${i} builds_on)
        if(n GREATER 0)
          math(EXPR n_last "${n} - 1")
          foreach(j RANGE ${n_last})
            string(JSON earlier GET "${_wscourse_course}" lessons ${i} builds_on ${j})
            list(APPEND result "${earlier}")
          endforeach()
        endif()
      endif()
    endif()
  endforeach()
  set(${out} "${result}" PARENT_SCOPE)
endfunction()

# Every lesson `nn` builds on, directly or not, each once, earliest first.
function(wscourse_builds_on_all nn out)
  set(result)
  wscourse_builds_on(${nn} direct)
  foreach(earlier IN LISTS direct)
    wscourse_builds_on_all(${earlier} further)
    list(APPEND result ${further} ${earlier})
  endforeach()
  list(REMOVE_DUPLICATES result)
  list(SORT result)
  set(${out} "${result}" PARENT_SCOPE)
endfunction()

# The lessons this build configures: WSCOURSE_ONLY_LESSONS and what they build on.
set(_wscourse_needed_lessons "${WSCOURSE_ONLY_LESSONS}")
foreach(_nn IN LISTS WSCOURSE_ONLY_LESSONS)
  wscourse_builds_on_all(${_nn} _earlier)
  list(APPEND _wscourse_needed_lessons ${_earlier})
endforeach()

# Labels for the tests catch_discover_tests finds when the binary is built. Its PROPERTIES
# argument splits a list of labels, so the labels are set from a file ctest reads after Catch's.
function(wscourse_label_discovered_tests target labels)
  set(file "${CMAKE_CURRENT_BINARY_DIR}/${target}_labels.cmake")
  file(WRITE "${file}"
    "if(${target}_TESTS)\n"
    "  set_tests_properties(\${${target}_TESTS} PROPERTIES LABELS \"${labels}\" TIMEOUT 60)\n"
    "endif()\n")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES "${file}")
endfunction()

# The OBJECT libraries a program of lesson `nn` links for the lessons it builds on: each
# earlier lesson's scaffold and its `variant` impl (exercise or solution). Empty `out` and a
# message in `why` when one of them is missing.
function(wscourse_earlier_objects nn variant out why)
  set(objects)
  set(${why} "" PARENT_SCOPE)
  wscourse_builds_on_all(${nn} earlier_lessons)
  foreach(earlier IN LISTS earlier_lessons)
    if(variant STREQUAL "solution")
      set(impl lesson${earlier}-solution-impl)
    else()
      set(impl lesson${earlier}-impl)
    endif()
    if(NOT TARGET ${impl})
      set(${out} "" PARENT_SCOPE)
      set(${why} "lesson ${earlier}'s ${variant} (${impl}) is not there" PARENT_SCOPE)
      return()
    endif()
    list(APPEND objects lesson${earlier}-scaffold ${impl})
  endforeach()
  set(${out} "${objects}" PARENT_SCOPE)
endfunction()

# The sanitizer build runs the Catch2 tests only (the browser tests need the dev build's
# programs), so it builds the lesson programs only when asked for by name: under UBSan each
# server's main.cpp costs as much CPU as a whole lesson's scaffold.
function(wscourse_only_where_run target)
  if(WSCOURSE_SANITIZE)
    set_target_properties(${target} PROPERTIES EXCLUDE_FROM_ALL ON)
  endif()
endfunction()

function(wscourse_add_lesson dir)
  string(SUBSTRING "${dir}" 0 2 nn)
  set(programs_too ON)
  if(WSCOURSE_ONLY_LESSONS AND NOT nn IN_LIST WSCOURSE_ONLY_LESSONS)
    if(NOT nn IN_LIST _wscourse_needed_lessons)
      return()
    endif()
    set(programs_too OFF)  # a later lesson builds on it: its libraries only
  endif()
  set(lesson "lesson${nn}")
  set(lesson_src "${CMAKE_SOURCE_DIR}/lessons/${dir}")
  set(test_src "${CMAKE_SOURCE_DIR}/tests/${dir}")

  if(NOT EXISTS "${lesson_src}/main.cpp")
    message(FATAL_ERROR "lesson ${dir}: lessons/${dir}/main.cpp is missing")
  endif()
  wscourse_builds_on(${nn} builds_on)
  foreach(earlier IN LISTS builds_on)
    if(NOT TARGET lesson${earlier}-api)
      message(FATAL_ERROR "lesson ${dir} builds on lesson ${earlier} (lessons/course.json): "
                          "call wscourse_add_lesson for lesson ${earlier} before it")
    endif()
  endforeach()
  file(GLOB scaffold CONFIGURE_DEPENDS "${lesson_src}/*.cpp")
  list(FILTER scaffold EXCLUDE REGEX "/main\\.cpp$")
  list(FILTER scaffold EXCLUDE REGEX "_main\\.cpp$")
  file(GLOB programs CONFIGURE_DEPENDS "${lesson_src}/*_main.cpp")
  file(GLOB tests CONFIGURE_DEPENDS "${test_src}/*.cpp")
  file(GLOB browser_tests CONFIGURE_DEPENDS "${test_src}/*.mjs")

  # <lessonNN/header.hpp>: how later lessons (and nothing else) name this lesson's headers.
  file(MAKE_DIRECTORY "${WSCOURSE_LESSON_INCLUDE_DIR}")
  file(CREATE_LINK "${lesson_src}" "${WSCOURSE_LESSON_INCLUDE_DIR}/${lesson}" SYMBOLIC)
  add_library(${lesson}-api INTERFACE)
  target_include_directories(${lesson}-api INTERFACE "${WSCOURSE_LESSON_INCLUDE_DIR}")
  target_link_libraries(${lesson}-api INTERFACE wscourse::shared)
  foreach(earlier IN LISTS builds_on)
    target_link_libraries(${lesson}-api INTERFACE lesson${earlier}-api)
  endforeach()

  # What this lesson's own sources see: its folder ("session.hpp") and where it lives. Not
  # handed on, so that lesson 05's "server.hpp" is never lesson 04's.
  add_library(${lesson}-own INTERFACE)
  target_include_directories(${lesson}-own INTERFACE "${lesson_src}")
  target_compile_definitions(${lesson}-own INTERFACE
    WSCOURSE_WEB_DIR="${CMAKE_SOURCE_DIR}/web/${dir}"
    WSCOURSE_LESSON="${nn}")
  target_link_libraries(${lesson}-own INTERFACE ${lesson}-api)

  # What the lesson gives the student: compiled once, linked into both variants.
  add_library(${lesson}-scaffold OBJECT ${scaffold})
  target_link_libraries(${lesson}-scaffold PRIVATE ${lesson}-own PUBLIC ${lesson}-api)

  if(programs_too)
    foreach(program IN LISTS programs)
      get_filename_component(name "${program}" NAME_WE)
      string(REGEX REPLACE "_main$" "" name "${name}")
      add_executable(${lesson}-${name} "${program}")
      target_include_directories(${lesson}-${name} PRIVATE "${lesson_src}")
      target_link_libraries(${lesson}-${name} PRIVATE wscourse::shared)
      wscourse_only_where_run(${lesson}-${name})
    endforeach()

    # The server's main.cpp is the same for both variants: compiled once, linked into each.
    add_library(${lesson}-main OBJECT "${lesson_src}/main.cpp")
    target_link_libraries(${lesson}-main PRIVATE ${lesson}-own)
    wscourse_only_where_run(${lesson}-main)

    if(tests)
      add_library(${lesson}-testcases OBJECT ${tests})
      target_link_libraries(${lesson}-testcases PRIVATE ${lesson}-own PUBLIC wscourse::testkit)
    endif()
  endif()

  # The impls: the student's, and the solution where it is built, or where a later lesson's
  # student build links it (WSCOURSE_EARLIER_LESSONS=solutions).
  set(variants)
  if(WSCOURSE_BUILD_EXERCISES)
    list(APPEND variants exercise)
  endif()
  if(WSCOURSE_BUILD_SOLUTIONS OR WSCOURSE_EARLIER_LESSONS STREQUAL "solutions")
    list(APPEND variants solution)
  endif()
  foreach(variant IN LISTS variants)
    if(variant STREQUAL "exercise")
      set(impl_dir "${WSCOURSE_EXERCISES_DIR}/${dir}")
      set(target ${lesson})
      set(earlier_variant exercise)
      if(WSCOURSE_EARLIER_LESSONS STREQUAL "solutions")
        set(earlier_variant solution)
      endif()
    else()
      set(impl_dir "${CMAKE_SOURCE_DIR}/solutions/${dir}")
      set(target ${lesson}-solution)
      set(earlier_variant solution)
    endif()
    file(GLOB impl CONFIGURE_DEPENDS "${impl_dir}/*.cpp")
    if(NOT impl)
      # A student's copy without solutions/ (maybe removed after configuring), or a graded
      # copy that lacks this lesson: build what is there.
      message(STATUS "lesson ${dir}: no ${variant} sources in ${impl_dir}; skipping ${target}")
      continue()
    endif()
    add_library(${target}-impl OBJECT ${impl})
    target_link_libraries(${target}-impl PRIVATE ${lesson}-own PUBLIC ${lesson}-api)
    if(NOT programs_too OR (variant STREQUAL "solution" AND NOT WSCOURSE_BUILD_SOLUTIONS))
      continue()  # only a later lesson links it
    endif()

    wscourse_earlier_objects(${nn} ${earlier_variant} earlier_objects why)
    if(why)
      message(STATUS "lesson ${dir}: ${why}; skipping ${target}")
      continue()
    endif()
    set(objects ${earlier_objects} ${lesson}-scaffold ${target}-impl)

    add_executable(${target} $<TARGET_OBJECTS:${lesson}-main>)
    target_link_libraries(${target} PRIVATE ${lesson}-own ${objects})
    wscourse_only_where_run(${target})

    if(tests)
      add_executable(${target}-tests $<TARGET_OBJECTS:${lesson}-testcases>)
      target_link_libraries(${target}-tests PRIVATE
        ${lesson}-testcases ${objects} wscourse::testkit wscourse::catch-main)
      # -w NoTests: a name that matches nothing (";" splits names here) fails instead of passing.
      catch_discover_tests(${target}-tests TEST_PREFIX "${target}/" EXTRA_ARGS -w NoTests)
      wscourse_label_discovered_tests(${target}-tests "${lesson};${variant}")
      if(variant STREQUAL "exercise")
        # The pristine stub must fail at least one of its tests, or the exercise teaches nothing.
        add_test(NAME "${lesson}: pristine exercise fails its tests" COMMAND ${target}-tests)
        set_tests_properties("${lesson}: pristine exercise fails its tests" PROPERTIES
          WILL_FAIL TRUE LABELS "${lesson};stubcheck" TIMEOUT 120)
      endif()
    endif()

    if(variant STREQUAL "solution" AND browser_tests AND NOT WSCOURSE_SANITIZE)
      foreach(browser_test IN LISTS browser_tests)
        get_filename_component(name "${browser_test}" NAME_WE)
        add_test(NAME "${lesson}/${name}.mjs in chromium"
          COMMAND node "${browser_test}" $<TARGET_FILE:${target}>
          WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}/tests")
        set_tests_properties("${lesson}/${name}.mjs in chromium" PROPERTIES
          LABELS "${lesson};browser" TIMEOUT 120)
      endforeach()
    endif()
  endforeach()
  wscourse_add_task_checks(${dir})
endfunction()
