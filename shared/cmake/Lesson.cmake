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
set(CMAKE_RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin)
include(${CMAKE_CURRENT_LIST_DIR}/TaskVariants.cmake)

set(WSCOURSE_ONLY_LESSONS "" CACHE STRING "Build only these lessons (e.g. \"01;02\"); empty = all")

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

function(wscourse_add_lesson dir)
  string(SUBSTRING "${dir}" 0 2 nn)
  if(WSCOURSE_ONLY_LESSONS AND NOT nn IN_LIST WSCOURSE_ONLY_LESSONS)
    return()
  endif()
  set(lesson "lesson${nn}")
  set(lesson_src "${CMAKE_SOURCE_DIR}/lessons/${dir}")
  set(test_src "${CMAKE_SOURCE_DIR}/tests/${dir}")

  if(NOT EXISTS "${lesson_src}/main.cpp")
    message(FATAL_ERROR "lesson ${dir}: lessons/${dir}/main.cpp is missing")
  endif()
  file(GLOB scaffold CONFIGURE_DEPENDS "${lesson_src}/*.cpp")
  list(FILTER scaffold EXCLUDE REGEX "/main\\.cpp$")
  list(FILTER scaffold EXCLUDE REGEX "_main\\.cpp$")
  file(GLOB programs CONFIGURE_DEPENDS "${lesson_src}/*_main.cpp")
  file(GLOB tests CONFIGURE_DEPENDS "${test_src}/*.cpp")
  file(GLOB browser_tests CONFIGURE_DEPENDS "${test_src}/*.mjs")

  # What the lesson gives the student: compiled once, linked into both variants.
  add_library(${lesson}-scaffold OBJECT ${scaffold})
  target_include_directories(${lesson}-scaffold PUBLIC "${lesson_src}")
  target_link_libraries(${lesson}-scaffold PUBLIC wscourse::shared)
  target_compile_definitions(${lesson}-scaffold PUBLIC
    WSCOURSE_WEB_DIR="${CMAKE_SOURCE_DIR}/web/${dir}"
    WSCOURSE_LESSON="${nn}")

  foreach(program IN LISTS programs)
    get_filename_component(name "${program}" NAME_WE)
    string(REGEX REPLACE "_main$" "" name "${name}")
    add_executable(${lesson}-${name} "${program}")
    target_include_directories(${lesson}-${name} PRIVATE "${lesson_src}")
    target_link_libraries(${lesson}-${name} PRIVATE wscourse::shared)
  endforeach()

  if(tests)
    add_library(${lesson}-testcases OBJECT ${tests})
    target_link_libraries(${lesson}-testcases PUBLIC ${lesson}-scaffold wscourse::testkit)
  endif()

  set(variants)
  if(WSCOURSE_BUILD_EXERCISES)
    list(APPEND variants exercise)
  endif()
  if(WSCOURSE_BUILD_SOLUTIONS)
    list(APPEND variants solution)
  endif()
  foreach(variant IN LISTS variants)
    if(variant STREQUAL "exercise")
      set(impl_dir "${WSCOURSE_EXERCISES_DIR}/${dir}")
      set(target ${lesson})
    else()
      set(impl_dir "${CMAKE_SOURCE_DIR}/solutions/${dir}")
      set(target ${lesson}-solution)
    endif()
    file(GLOB impl CONFIGURE_DEPENDS "${impl_dir}/*.cpp")
    if(NOT impl)
      # A student's copy without solutions/ (maybe removed after configuring), or a graded
      # copy that lacks this lesson: build what is there.
      message(STATUS "lesson ${dir}: no ${variant} sources in ${impl_dir}; skipping ${target}")
      continue()
    endif()
    add_library(${target}-impl OBJECT ${impl})
    target_link_libraries(${target}-impl PUBLIC ${lesson}-scaffold)

    add_executable(${target} "${lesson_src}/main.cpp")
    target_link_libraries(${target} PRIVATE ${lesson}-scaffold ${target}-impl)

    if(tests)
      add_executable(${target}-tests $<TARGET_OBJECTS:${lesson}-testcases>)
      target_link_libraries(${target}-tests PRIVATE
        ${lesson}-testcases ${lesson}-scaffold ${target}-impl wscourse::catch-main)
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
