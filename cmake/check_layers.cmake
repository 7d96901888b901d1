# Script mode: cmake -DSRC=<repository root> -P cmake/check_layers.cmake
#
# Fails, naming file and line, when a layer includes a header of a layer DESIGN does not let it
# depend on ("Dependencies point one way"), or when code outside viz/gl/ includes GLFW, OpenGL or
# Dear ImGui ("Only viz/ links GLFW and Dear ImGui"). The CMake targets link the same way (one
# library per layer, see CMakeLists.txt); this catches an include before it becomes a link.
cmake_minimum_required(VERSION 3.22)  # script mode sets no policies by itself (IN_LIST)
if(NOT SRC)
  message(FATAL_ERROR "check_layers.cmake: pass -DSRC=<repository root>")
endif()

# What each layer may include, itself included. Tests, benchmarks and scripts are not layers.
set(layers sim models output analysis batch viz cli)
set(may_include_sim sim)
set(may_include_models models sim)
set(may_include_output output sim)
set(may_include_analysis analysis output sim)
set(may_include_batch batch analysis output models sim)
set(may_include_viz viz analysis output sim)
set(may_include_cli cli batch viz analysis output models sim)
# Includes not yet removed, as FILE|LAYER; each entry needs its reason and is a debt, not a rule.
# None today.
set(known_exceptions "")

# Headers of the viewer's window libraries: only viz/gl/ may include them.
set(gl_header_regex "^[ \t]*#[ \t]*include[ \t]*<(GLFW/|GL/|imgui|backends/imgui|stb_image_write)")

# Prints `file:line: message` for the first line of `file` matching `regex` (to name the line).
function(report file regex message)
  file(READ "${SRC}/${file}" text)
  string(REPLACE ";" "," text "${text}")  # keep CMake from splitting or bracketing the lines
  string(REPLACE "[" "(" text "${text}")
  string(REPLACE "]" ")" text "${text}")
  string(REPLACE "\n" ";" lines "${text}")
  set(number 0)
  foreach(line IN LISTS lines)
    math(EXPR number "${number} + 1")
    if(line MATCHES "${regex}")
      message("${file}:${number}: ${message}")
      return()
    endif()
  endforeach()
  message("${file}: ${message}")
endfunction()

set(violations 0)
set(checked 0)
foreach(layer IN LISTS layers)
  file(GLOB_RECURSE files RELATIVE "${SRC}" "${SRC}/${layer}/*.hpp" "${SRC}/${layer}/*.cpp")
  list(SORT files)
  foreach(file IN LISTS files)
    file(STRINGS "${SRC}/${file}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"[a-z_]+/")
    foreach(line IN LISTS includes)
      string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([a-z_]+)/([^\"]*)\".*" "\\1;\\2" parts
             "${line}")
      list(GET parts 0 target)
      list(GET parts 1 header)
      if(NOT target IN_LIST layers)
        continue()  # not a layer (tests/, a generated header)
      endif()
      if(target IN_LIST may_include_${layer} OR "${file}|${target}" IN_LIST known_exceptions)
        continue()
      endif()
      string(REPLACE "." "\\." escaped "${target}/${header}")
      list(JOIN may_include_${layer} ", " allowed)
      report("${file}" "#[ \t]*include[ \t]*\"${escaped}\""
             "${layer}/ includes ${target}/${header}: ${layer} may include only ${allowed}")
      math(EXPR violations "${violations} + 1")
    endforeach()
    string(FIND "${file}" "viz/gl/" in_gl)
    if(NOT in_gl EQUAL 0)
      file(STRINGS "${SRC}/${file}" gl_includes REGEX "${gl_header_regex}")
      foreach(line IN LISTS gl_includes)
        string(REGEX REPLACE ".*<([^>]*)>.*" "\\1" header "${line}")
        string(REPLACE "." "\\." escaped "${header}")
        report("${file}" "<${escaped}>"
               "includes <${header}>: only viz/gl/ may use GLFW, OpenGL and Dear ImGui")
        math(EXPR violations "${violations} + 1")
      endforeach()
    endif()
  endforeach()
  list(LENGTH files count)
  math(EXPR checked "${checked} + ${count}")
  message(STATUS "${layer}/: ${count} files checked")
endforeach()

if(checked EQUAL 0)
  message(FATAL_ERROR "no source files under ${SRC}: is SRC the repository root?")
endif()

if(violations GREATER 0)
  message(FATAL_ERROR "${violations} include(s) against the layering (DESIGN, \"Dependencies point "
                      "one way\")")
endif()
