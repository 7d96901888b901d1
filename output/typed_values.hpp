#pragma once
// Scenario values (sim::ParamValue) stored as HDF5 attributes of their own type, so h5py and
// pandas read numbers as numbers and lists as arrays: the /parameters and /interventions groups
// (docs/output-format.md) are written and read with these.
#include <hdf5.h>

#include <string>
#include <vector>

#include "sim/param_spec.hpp"

namespace wellsim::output::h5 {

/// Writes `value` as attribute `name` of `obj`: integer -> int64, real -> float64, boolean ->
/// uint8 (0/1), string -> UTF-8 string, lists -> 1-D float64 or string arrays.
void write_value_attribute(hid_t obj, const std::string& name, const sim::ParamValue& value);

/// Reads attribute `name` of `obj` back as the value write_value_attribute wrote (uint8 reads
/// as a boolean, any other integer as int64); throws Error for a type it never writes.
sim::ParamValue read_value_attribute(hid_t obj, const std::string& name);

/// Names of every attribute of `obj`, sorted by name.
std::vector<std::string> attribute_names(hid_t obj);

/// The lower-case name of a parameter type as stored in the `type` attribute ("real_list").
std::string type_name(sim::ParamType type);

}  // namespace wellsim::output::h5
