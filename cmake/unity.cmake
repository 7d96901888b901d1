# Unity builds (-DCMAKE_UNITY_BUILD=ON; scripts/sanitize.sh builds its trees this way): CMake
# compiles the sources of a target in batches, one translation unit per batch, so the heavy
# headers (Boost, TBB, HDF5, Catch2) are parsed, and their templates instantiated and
# instrumented, once per batch instead of once per file (docs/reliability.md "CI time").
#
# A batch shares one scope, so two files of one target that each define the same file-local name
# (an anonymous-namespace `check`, `build`, `kNaN`, a test helper) do not compile together. The
# files below are each compiled alone instead: the later file of every such pair, as found by
# compiling each target's sources as one translation unit (scripts/unity_clashes.py), so the rest
# are clash-free in any batch size. tests/main.cpp defines Catch2's main only if it is the first
# to include catch.hpp. A new clash shows as "redefinition of ... {anonymous}::..." in a
# Unity/unity_N_cxx.cxx: add the file named there, or give the name a more specific spelling.
# The `unity_names` test (scripts/check_unity_names.py) finds such a pair before a batch does.
set(WELLSIM_UNITY_SKIP
  analysis/sensitivity.cpp
  analysis/sensitivity_html.cpp
  analysis/sensitivity_report.cpp
  analysis/stats.cpp
  cli/cmd_sensitivity.cpp
  cli/cmd_sweep.cpp
  models/network/erdos_renyi.cpp
  models/network/sbm.cpp
  models/network/watts_strogatz.cpp
  models/population/census.cpp
  models/population/village_households.cpp
  output/ensemble_file.cpp
  output/h5_util.cpp
  tests/main.cpp
  tests/models/life/life_events_test.cpp
  tests/models/network/graph_text_limits_test.cpp
  tests/models/system/common_random_numbers_test.cpp
  tests/output/crash_safety_test.cpp
  tests/output/ledger_io_test.cpp
  tests/output/run_contract_test.cpp
  tests/output/run_reader_test.cpp
  tests/sim/scenario_list_test.cpp
  tests/sim/scenario_test.cpp
  tests/viz/colour_map_test.cpp
  tests/viz/layout_test.cpp
  tests/viz/live_view_test.cpp
  tests/viz/record_test.cpp
  tests/viz/run_data_test.cpp
  tests/viz/view_command_test.cpp
  # kFixed and begin_fixed, as panels.cpp has them (scripts/check_unity_names.py).
  viz/gl/live_panel.cpp
  viz/gl/panels.cpp)

# Called at the end of the top-level CMakeLists.txt, once every target exists.
function(wellsim_unity_skips)
  if(NOT CMAKE_UNITY_BUILD)
    return()
  endif()
  list(TRANSFORM WELLSIM_UNITY_SKIP PREPEND ${PROJECT_SOURCE_DIR}/)
  set_source_files_properties(${WELLSIM_UNITY_SKIP}
    DIRECTORY ${PROJECT_SOURCE_DIR} ${PROJECT_SOURCE_DIR}/tests
    PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
endfunction()
