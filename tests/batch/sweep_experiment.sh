# shellcheck shell=bash
# The tiny experiment of tests/batch/batch_fixture.hpp for the shell tests: write_tiny_experiment
# FILE SOURCE_DIR writes it (2 scenarios x 2 warm-space capacities x 2 replicates = 8 tasks of
# 1,000 people for 20 weeks).
write_tiny_experiment() {
  cat > "$1" <<TOML
[experiment]
name = "tiny"
scenarios = ["$2/scenarios/cost_of_living_shock.toml", "$2/scenarios/cost_of_living_support.toml"]
baseline = "cost_of_living_shock"
replicates = 2
seed = 3

[set]
run.steps = 20
population.sizes = [200, 200, 200, 200, 200]

[[factor]]
name = "intervention.warm_spaces.capacity"
values = [50, 400]
TOML
}

# same_task_files DIR_A DIR_B: every task file of A equals B's in every dataset and attribute but
# the record of when, where and on how many threads it ran (scripts/compare_runs.py).
same_task_files() {
  local n
  n=$(find "$1/tasks" -name '*.h5' | wc -l)
  [ "$n" -eq 8 ] || { echo "FAIL: $1 has $n task files, not 8" >&2; return 1; }
  /usr/bin/python3 "$SOURCE_DIR/scripts/compare_runs.py" "$1/tasks" "$2/tasks"
}
