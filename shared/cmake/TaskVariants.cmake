# Tasks stand on their own: the tests tagged [task1]..[taskK] must pass when tasks 1..K are done
# and the later ones are still the exercise's stubs. This file proves it for every lesson and K.
#
# In exercises/NN-slug/X.cpp and solutions/NN-slug/X.cpp each task's code sits between
#     // [task K] ----
#     // [end task K] ----
# lines, the same regions in the same order in both files. "Variant K" of a file is the
# solution with every region of a task above K replaced by the exercise's region.
#
# Included from Lesson.cmake: wscourse_add_task_checks(NN-slug) adds, for each K below the
# lesson's last task, the target lessonNN-taskK-tests (variant K's files compiled, the solution's
# other files and the lesson's test objects reused as they are) and ctest entries for the tests
# tagged [task1]..[taskK], labelled lessonNN, taskcheck and solution (so `./course test` runs them).
#
# Run as a script, it writes one variant file:
#     cmake -DSOLUTION=s.cpp -DEXERCISE=e.cpp -DTASK=K -DOUTPUT=out.cpp -P TaskVariants.cmake

if(CMAKE_SCRIPT_MODE_FILE)
  cmake_minimum_required(VERSION 3.25)  # the project's policies, for the functions below
endif()

set(_wscourse_task_marker "// [task ")
set(_wscourse_task_end_marker "// [end task ")

# Splits ${content} into outer text and task regions. Sets, in the caller's scope:
#   ${prefix}_count        the number of regions
#   ${prefix}_outer_<i>    text before region i (i = 0..count; the last is what follows the last)
#   ${prefix}_region_<i>   the lines between region i's markers
#   ${prefix}_task_<i>     region i's task number
#   ${prefix}_tasks        the task numbers, in order, as "1 2 2 3" (for comparing two files)
# Marker lines belong to the outer text. Text is kept in plain variables, never in lists:
# C++ is full of semicolons.
function(_wscourse_split_task_regions content file prefix)
  set(rest "${content}")
  set(carry "")
  set(i 0)
  set(tasks "")
  while(TRUE)
    string(FIND "${rest}" "${_wscourse_task_marker}" start)
    string(FIND "${rest}" "${_wscourse_task_end_marker}" stray_end)
    if(stray_end GREATER_EQUAL 0 AND (start EQUAL -1 OR stray_end LESS start))
      message(FATAL_ERROR "${file}: an \"// [end task K]\" line without its \"// [task K]\" line")
    endif()
    if(start EQUAL -1)
      set(${prefix}_outer_${i} "${carry}${rest}" PARENT_SCOPE)
      break()
    endif()
    # The outer text runs to the end of the opening marker's line.
    string(SUBSTRING "${rest}" ${start} -1 from_marker)
    string(FIND "${from_marker}" "\n" line_end)
    if(line_end EQUAL -1)
      message(FATAL_ERROR "${file}: a \"// [task K]\" line at the end of the file")
    endif()
    string(SUBSTRING "${from_marker}" 0 ${line_end} marker_line)
    if(NOT marker_line MATCHES "^// \\[task ([0-9]+)\\] -+[ \t\r]*$")
      message(FATAL_ERROR "${file}: a task marker must read \"// [task K] ----\", not \"${marker_line}\"")
    endif()
    set(task ${CMAKE_MATCH_1})
    set(previous_carry "${carry}")
    math(EXPR outer_length "${start} + ${line_end} + 1")
    string(SUBSTRING "${rest}" 0 ${outer_length} outer)
    string(SUBSTRING "${rest}" ${outer_length} -1 rest)

    # The region runs to the start of the closing marker's line.
    string(FIND "${rest}" "${_wscourse_task_end_marker}${task}] ----" end)
    if(end EQUAL -1)
      message(FATAL_ERROR "${file}: \"// [task ${task}] ----\" has no \"// [end task ${task}] ----\" line")
    endif()
    string(SUBSTRING "${rest}" 0 ${end} before_end)
    string(FIND "${before_end}" "\n" last_newline REVERSE)
    if(last_newline EQUAL -1)
      message(FATAL_ERROR "${file}: the markers of task ${task} must be on lines of their own")
    endif()
    math(EXPR region_length "${last_newline} + 1")
    string(SUBSTRING "${rest}" 0 ${region_length} region)
    string(SUBSTRING "${rest}" ${region_length} -1 rest)
    # The closing marker's line starts the next outer text.
    string(FIND "${rest}" "\n" line_end)
    if(line_end EQUAL -1)
      set(carry "${rest}")
      set(rest "")
    else()
      math(EXPR line_end "${line_end} + 1")
      string(SUBSTRING "${rest}" 0 ${line_end} carry)
      string(SUBSTRING "${rest}" ${line_end} -1 rest)
    endif()
    string(FIND "${region}" "${_wscourse_task_marker}" nested)
    if(NOT nested EQUAL -1)
      message(FATAL_ERROR "${file}: task ${task}'s region holds another task marker (regions do not nest)")
    endif()

    set(${prefix}_outer_${i} "${previous_carry}${outer}" PARENT_SCOPE)
    set(${prefix}_region_${i} "${region}" PARENT_SCOPE)
    set(${prefix}_task_${i} "${task}" PARENT_SCOPE)
    string(APPEND tasks " ${task}")
    math(EXPR i "${i} + 1")
  endwhile()
  set(${prefix}_count ${i} PARENT_SCOPE)
  string(STRIP "${tasks}" tasks)
  set(${prefix}_tasks "${tasks}" PARENT_SCOPE)
endfunction()

# The task numbers marked in a file, once each, as a CMake list (for configuring).
function(_wscourse_marked_tasks file out)
  file(READ "${file}" content)
  string(REGEX MATCHALL "// \\[task [0-9]+\\] -" markers "${content}")
  set(tasks)
  foreach(marker IN LISTS markers)
    string(REGEX REPLACE "[^0-9]" "" task "${marker}")
    list(APPEND tasks ${task})
  endforeach()
  list(REMOVE_DUPLICATES tasks)
  set(${out} ${tasks} PARENT_SCOPE)
endfunction()

function(_wscourse_write_task_variant solution exercise task output)
  file(READ "${solution}" solution_text)
  file(READ "${exercise}" exercise_text)
  _wscourse_split_task_regions("${solution_text}" "${solution}" sol)
  _wscourse_split_task_regions("${exercise_text}" "${exercise}" ex)
  if(NOT sol_tasks STREQUAL ex_tasks)
    message(FATAL_ERROR "the task regions of\n  ${solution} (tasks: ${sol_tasks})\nand\n"
                        "  ${exercise} (tasks: ${ex_tasks})\ndiffer: each file needs the same "
                        "\"// [task K] ----\" ... \"// [end task K] ----\" regions in the same order")
  endif()
  set(variant "// Generated from ${solution}:\n// the regions of tasks above ${task} are ${exercise}'s.\n")
  foreach(i RANGE 0 ${sol_count})
    string(APPEND variant "${sol_outer_${i}}")
    if(i LESS sol_count)
      if(sol_task_${i} GREATER task)
        string(APPEND variant "${ex_region_${i}}")
      else()
        string(APPEND variant "${sol_region_${i}}")
      endif()
    endif()
  endforeach()
  # Rewritten only when it changes, so an unrelated edit rebuilds nothing.
  if(EXISTS "${output}")
    file(READ "${output}" old)
    if(old STREQUAL variant)
      return()
    endif()
  endif()
  file(WRITE "${output}" "${variant}")
endfunction()

if(CMAKE_SCRIPT_MODE_FILE AND CMAKE_SCRIPT_MODE_FILE STREQUAL CMAKE_CURRENT_LIST_FILE)
  foreach(required SOLUTION EXERCISE TASK OUTPUT)
    if(NOT DEFINED ${required})
      message(FATAL_ERROR "usage: cmake -DSOLUTION=s.cpp -DEXERCISE=e.cpp -DTASK=K -DOUTPUT=out.cpp -P ${CMAKE_CURRENT_LIST_FILE}")
    endif()
  endforeach()
  _wscourse_write_task_variant("${SOLUTION}" "${EXERCISE}" "${TASK}" "${OUTPUT}")
  return()
endif()

set(_wscourse_task_variants_script "${CMAKE_CURRENT_LIST_FILE}")

function(wscourse_add_task_checks dir)
  string(SUBSTRING "${dir}" 0 2 nn)
  set(lesson "lesson${nn}")
  set(solution_dir "${CMAKE_SOURCE_DIR}/solutions/${dir}")
  # The exercises as shipped: a variant is the answer to tasks 1..K with the stubs of the rest.
  set(exercise_dir "${CMAKE_SOURCE_DIR}/exercises/${dir}")
  if(WSCOURSE_SANITIZE OR NOT TARGET ${lesson}-solution-impl OR NOT TARGET ${lesson}-testcases)
    return()
  endif()

  file(GLOB impl CONFIGURE_DEPENDS "${solution_dir}/*.cpp")
  set(last_task 0)
  foreach(file IN LISTS impl)
    get_filename_component(name "${file}" NAME)
    if(NOT EXISTS "${exercise_dir}/${name}")
      message(FATAL_ERROR "solutions/${dir}/${name} has no exercises/${dir}/${name}")
    endif()
    # Reconfigure when markers move: which files a variant recompiles is decided here.
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${file}" "${exercise_dir}/${name}")
    _wscourse_marked_tasks("${file}" tasks_${name})
    foreach(task IN LISTS tasks_${name})
      if(task GREATER last_task)
        set(last_task ${task})
      endif()
    endforeach()
  endforeach()
  if(last_task LESS 2)
    message(STATUS "lesson ${dir}: no task markers in solutions/${dir}; no task checks")
    return()
  endif()

  get_target_property(impl_links ${lesson}-solution-impl LINK_LIBRARIES)
  # A lesson that builds on earlier ones (lessons/course.json) links their solutions, as its
  # lessonNN-solution does.
  wscourse_earlier_objects(${nn} solution earlier_objects why)
  if(why)
    message(STATUS "lesson ${dir}: ${why}; no task checks")
    return()
  endif()
  set(spec "")
  math(EXPR below_last "${last_task} - 1")
  foreach(k RANGE 1 ${below_last})
    string(APPEND spec "${spec_separator}[task${k}]")
    set(spec_separator ",")
    set(target ${lesson}-task${k}-tests)
    set(variant_dir "${CMAKE_CURRENT_BINARY_DIR}/task-variants/${dir}/task${k}")
    set(generated)
    set(replaced)
    foreach(file IN LISTS impl)
      get_filename_component(name "${file}" NAME)
      set(later FALSE)
      foreach(task IN LISTS tasks_${name})
        if(task GREATER k)
          set(later TRUE)
        endif()
      endforeach()
      if(NOT later)
        continue()  # the solution's own object file serves
      endif()
      add_custom_command(
        OUTPUT "${variant_dir}/${name}"
        COMMAND "${CMAKE_COMMAND}" "-DSOLUTION=${file}" "-DEXERCISE=${exercise_dir}/${name}"
                "-DTASK=${k}" "-DOUTPUT=${variant_dir}/${name}" -P "${_wscourse_task_variants_script}"
        DEPENDS "${file}" "${exercise_dir}/${name}" "${_wscourse_task_variants_script}"
        COMMENT "lesson ${nn}, task ${k} done: ${name} with the stubs of later tasks"
        VERBATIM)
      list(APPEND generated "${variant_dir}/${name}")
      string(REPLACE "." "\\." escaped "${name}")
      list(APPEND replaced "${escaped}")
    endforeach()
    list(JOIN replaced "|" replaced_regex)
    set(kept_objects "$<FILTER:$<TARGET_OBJECTS:${lesson}-solution-impl>,EXCLUDE,/(${replaced_regex})\\.o$>")

    add_executable(${target} ${generated} "${kept_objects}" $<TARGET_OBJECTS:${lesson}-testcases>)
    target_include_directories(${target} PRIVATE "${solution_dir}")
    target_link_libraries(${target} PRIVATE ${impl_links} ${earlier_objects} ${lesson}-testcases ${lesson}-scaffold
                                            wscourse::catch-main)
    catch_discover_tests(${target} TEST_SPEC "${spec}" TEST_PREFIX "${lesson}-task${k}/"
                         EXTRA_ARGS -w NoTests)
    wscourse_label_discovered_tests(${target} "${lesson};taskcheck;solution")
  endforeach()
endfunction()
