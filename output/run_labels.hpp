#pragma once
#include <array>
#include <span>
#include <string>
#include <vector>

#include "output/h5_handle.hpp"

namespace wellsim::output {

/// What one dataset of a run file holds: its `units` and `description` attributes and the names
/// of its dimensions, each a dimension scale in the dataset's own group (netCDF-4 style, so
/// h5netcdf and xarray read named dimensions and coordinates; docs/output-format.md).
struct DatasetLabel {
  const char* path;                 ///< absolute path ("/steps/mean")
  const char* units;                ///< "points (0-10)", "GBP/week", ...; "" when dimensionless
  const char* description;          ///< one sentence
  std::array<const char*, 2> dims;  ///< dimension names by axis (nullptr past the rank)
};

/// Every dataset a run file can hold, in file order; a dataset whose name is its first
/// dimension's is that dimension's scale.
std::span<const DatasetLabel> dataset_labels();

/// The lengths and names of a run file's axes, as the writer knows them (the file's own
/// strings cannot be read back before they are flushed).
struct RunAxes {
  hsize_t agents = 0;                       ///< n
  hsize_t entries = 0;                      ///< m, directed network entries
  std::vector<std::string> neighbourhoods;  ///< /agents group_names (may be empty)
  std::vector<std::string> series;          ///< /series names (empty: no /series)
};

/// Labels a run file whose datasets all exist (the writer calls it once, before step 0 is
/// committed): writes the coordinate datasets (`agent` beside every per-agent group,
/// `/agents/neighbourhood`, `/series/name` and `/series/unit`), the coordinate-less dimensions
/// (`/network/offset`, `/network/entry`, `/events/event`), makes the scales, attaches them, and
/// gives every dataset `units` and `description`. Nothing here grows with the run: scales stay
/// attached however far the datasets are extended or cut back.
void label_run_file(hid_t file, const RunAxes& axes, int compression);

/// Labels one per-agent dataset written after label_run_file (the end-of-run `/people/entered`
/// and `/people/left`): its units, description and first-axis scale; std::logic_error when
/// `path` has no label.
void label_late_dataset(hid_t file, const char* path);

}  // namespace wellsim::output
