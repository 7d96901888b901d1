#pragma once
// A run's whole mutable state at the end of one step, in a file beside its run file
// (RUN.h5.checkpoint), so that a killed or stopped run can go on from there
// (docs/reliability.md "Checkpoint and resume", docs/output-format.md "Checkpoint files").
#include <cstdint>
#include <functional>
#include <string>

#include "sim/state.hpp"

namespace wellsim::output {

/// Whose state a checkpoint holds: it is loaded only into the same scenario, replicate and build.
struct CheckpointHeader {
  std::uint32_t step = 0;       ///< the last step the state includes
  std::string scenario_hash;    ///< the run's scenario hash
  std::uint32_t replicate = 0;  ///< the run's replicate
  std::string build;            ///< version and commit of the wellsim that wrote it
};

/// Lists a run's state to a visitor (the engine's `state`).
using StateLister = std::function<void(sim::StateVisitor&)>;

/// "RUN.h5.checkpoint": where the checkpoint of run file `run_file` lives.
std::string checkpoint_path(const std::string& run_file);

/// This build's identity as written in a checkpoint ("VERSION COMMIT").
std::string checkpoint_build();

/// Writes the state `list` gives under a temporary name beside `path`, then renames it over
/// `path`: a kill at any moment leaves either the previous checkpoint or this one, whole.
/// Throws sim::RuntimeError in one line (disk full, read-only folder).
void write_checkpoint(const std::string& path, const CheckpointHeader& header,
                      const StateLister& list);

/// The header of checkpoint `path`; sim::InputError in one line when it is not one of ours.
CheckpointHeader read_checkpoint_header(const std::string& path);

/// Loads checkpoint `path` into the state `list` gives: every column must be there, in the same
/// order, with the same name and element size, and nothing else (else sim::InputError naming
/// the column: a checkpoint of another build or a damaged file).
void load_checkpoint(const std::string& path, const StateLister& list);

}  // namespace wellsim::output
