#pragma once
// The typed part of the run file that downstream readers rely on instead of scenario text:
// /parameters (every scenario value with its type, unit and help), /interventions (one group
// per intervention) and the /scenario attribute `set_key`. Layout: docs/output-format.md.
#include <hdf5.h>

#include <string>
#include <vector>

#include "output/run_records.hpp"

namespace wellsim::output {

/// FNV-1a hash (16 hex digits) of the effective scenario without its `[run] replicate` line:
/// equal for the replicates of one scenario, different for anything else. Stored at write time
/// as /scenario's `set_key`; files written before it existed get the same key from their text.
std::string set_key_of(const std::string& effective_scenario);

/// The group name of an intervention under /interventions: its name with '/' written "%2F"
/// (and '%' as "%25"), since HDF5 names cannot hold '/'; the `name` attribute keeps the name.
std::string intervention_group_name(const std::string& name);

/// Writes /parameters: one typed attribute per record, and the subgroups type, unit and help
/// holding one string attribute per record under the same key.
void write_parameters(hid_t file, const std::vector<ParameterRecord>& records);

/// Writes /interventions: attribute `names` (scenario order) and a group per intervention with
/// attributes name, type, level, start_week, end_week, target_neighbourhoods, target_filter and
/// a subgroup `parameters` with every key of its entry as a typed attribute.
void write_interventions(hid_t file, const std::vector<InterventionRecord>& records);

}  // namespace wellsim::output
