// Why this file exists: a run file must speak for itself (DESIGN invariant 7) to readers without
// our code. One table gives every dataset its units, a description and named dimensions; the
// writer applies it once, at creation, so no step pays for it and a resume finds it intact.
#include "output/run_labels.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "output/dimension_scales.hpp"
#include "output/h5_util.hpp"
#include "sim/series_names.hpp"

namespace wellsim::output {

namespace {

constexpr const char* kPoints = "points (0-10)";

// clang-format off
constexpr DatasetLabel kLabels[] = {
  {"/scenario", "", "the scenario file's text, verbatim", {}},
  {"/agents/agent", "", "agent number 0..n-1: entry i of every per-agent array is agent i", {"agent"}},
  {"/agents/neighbourhood", "", "neighbourhood (group) names, indexed by /agents/group", {"neighbourhood"}},
  {"/agents/original_id", "", "the agent's id in the network source", {"agent"}},
  {"/agents/group", "", "the agent's neighbourhood: index into /agents/neighbourhood, -1 where unknown", {"agent"}},
  {"/agents/initial_wellbeing", kPoints, "life satisfaction at step 0 (ONS 0-10 scale)", {"agent"}},
  {"/agents/susceptibility", "", "weight the agent puts on others' wellbeing, in [0, 1]", {"agent"}},
  {"/network/offset", "", "dimension of /network/offsets (agents + 1)", {"offset"}},
  {"/network/entry", "", "dimension of the directed network entries (twice the ties)", {"entry"}},
  {"/network/offsets", "", "agent i's ties are entries offsets[i] to offsets[i+1]-1", {"offset"}},
  {"/network/neighbours", "", "the agent at the other end of each entry", {"entry"}},
  {"/network/layer", "", "the entry's layer: index into the attribute layer_names", {"entry"}},
  {"/network/weight", "", "the entry's tie weight", {"entry"}},
  {"/layout/agent", "", "agent number 0..n-1", {"agent"}},
  {"/layout/x", "", "the agent's x position for the viewer, in [-1, 1]", {"agent"}},
  {"/layout/y", "", "the agent's y position for the viewer, in [-1, 1], up", {"agent"}},
  {"/steps/step", "weeks", "step number: entry s is the state after week s (0: before any week)", {"step"}},
  {"/steps/mean", kPoints, "mean life satisfaction", {"step"}},
  {"/steps/sd", kPoints, "standard deviation of life satisfaction (sample, n-1)", {"step"}},
  {"/steps/min", kPoints, "lowest life satisfaction", {"step"}},
  {"/steps/max", kPoints, "highest life satisfaction", {"step"}},
  {"/steps/p10", kPoints, "10th percentile of life satisfaction", {"step"}},
  {"/steps/p25", kPoints, "25th percentile of life satisfaction", {"step"}},
  {"/steps/median", kPoints, "median life satisfaction", {"step"}},
  {"/steps/p75", kPoints, "75th percentile of life satisfaction", {"step"}},
  {"/steps/p90", kPoints, "90th percentile of life satisfaction", {"step"}},
  {"/steps/share_low", "share", "share of people below 4.5 (ONS low wellbeing)", {"step"}},
  {"/steps/share_high", "share", "share of people at or above 6.5 (ONS high and very high)", {"step"}},
  {"/wellbeing/steps", "weeks", "the step of each recorded row", {"steps"}},
  {"/wellbeing/agent", "", "agent number 0..n-1", {"agent"}},
  {"/wellbeing/values", kPoints, "every agent's life satisfaction at the row's step", {"steps", "agent"}},
  {"/wellbeing/domains", "", "every agent's life-domain problems: bits in /people domain_names order", {"steps", "agent"}},
  {"/wellbeing/activity", "", "every agent's activity: index into /people activity_names", {"steps", "agent"}},
  {"/people/agent", "", "agent number 0..n-1", {"agent"}},
  {"/people/household", "", "household index; a household's members are consecutive agents", {"agent"}},
  {"/people/age", "years", "age at week 0", {"agent"}},
  {"/people/traits", "", "bits in trait_names order (bit 0 first)", {"agent"}},
  {"/people/tenure", "", "housing tenure: index into tenure_names", {"agent"}},
  {"/people/wage", "GBP/week", "weekly gross pay when in work", {"agent"}},
  {"/people/housing_cost", "GBP/week", "weekly rent or mortgage, on the household head", {"agent"}},
  {"/people/set_point", kPoints, "the wellbeing a person returns to with no problems", {"agent"}},
  {"/people/disposable", "GBP/week", "equivalised household income after housing, energy and food, week 0", {"agent"}},
  {"/people/entered", "weeks", "week the person joined the town: 0 at week 0, the birth week, -1 for a reserved row never filled", {"agent"}},
  {"/people/left", "weeks", "week the person left the town (died); -1 if never", {"agent"}},
  {"/series/step", "weeks", "step number of each row of /series/values (row 0: week 0)", {"step"}},
  {"/series/name", "", "series names, as the attribute names", {"name"}},
  {"/series/unit", "", "the unit of each series", {"name"}},
  {"/series/values", "see /series/unit", "named per-step figures: column k is series name[k]", {"step", "name"}},
  {"/events/event", "", "dimension of the event columns (one entry per event)", {"event"}},
  {"/events/step", "weeks", "the week the event happened", {"event"}},
  {"/events/agent", "", "the agent it happened to", {"event"}},
  {"/events/other", "", "the other agent of a tie event, else 4294967295", {"event"}},
  {"/events/kind", "", "index into the attribute kinds", {"event"}},
  {"/events/detail", "", "a kind-specific code (weeks waited for .../start)", {"event"}},
};
// clang-format on

std::string group_of(const std::string& path) { return path.substr(0, path.rfind('/')); }
std::string base_of(const std::string& path) { return path.substr(path.rfind('/') + 1); }

bool has_group(hid_t file, const char* path) { return H5Lexists(file, path, H5P_DEFAULT) > 0; }

/// The coordinate datasets and coordinate-less dimensions that the writer's datasets lack.
void write_coordinates(hid_t file, const RunAxes& axes, int compression) {
  std::vector<std::uint32_t> agent(axes.agents);
  std::iota(agent.begin(), agent.end(), std::uint32_t{0});
  // 0..n-1 shrinks to almost nothing with shuffle + deflate, so it is compressed at any level.
  for (const char* g : {"/agents", "/people", "/layout", "/wellbeing"})
    if (has_group(file, g))
      h5::write_array<std::uint32_t>(h5::Group(H5Gopen2(file, g, H5P_DEFAULT), g), "agent", agent,
                                     std::max(compression, 1));
  if (!axes.neighbourhoods.empty())
    h5::write_strings(h5::Group(H5Gopen2(file, "/agents", H5P_DEFAULT), "no /agents"),
                      "neighbourhood", axes.neighbourhoods);
  h5::Group network(H5Gopen2(file, "/network", H5P_DEFAULT), "no /network");
  h5::make_bare_dimension(network, "offset", axes.agents + 1, false);
  h5::make_bare_dimension(network, "entry", axes.entries, false);
  h5::Group events(H5Gopen2(file, "/events", H5P_DEFAULT), "no /events");
  h5::make_bare_dimension(events, "event", 0, true);
  if (axes.series.empty()) return;
  h5::Group series(H5Gopen2(file, "/series", H5P_DEFAULT), "no /series");
  std::vector<std::string> units;
  for (const auto& name : axes.series) units.push_back(sim::series::unit(name));
  h5::write_strings(series, "name", axes.series);
  h5::write_strings(series, "unit", units);
}

}  // namespace

std::span<const DatasetLabel> dataset_labels() { return kLabels; }

void label_run_file(hid_t file, const RunAxes& axes, int compression) {
  write_coordinates(file, axes, compression);
  std::vector<const DatasetLabel*> present;
  for (const DatasetLabel& l : kLabels)
    if (h5::has_dataset(file, l.path)) present.push_back(&l);
  // Scales first: a dataset named after its dimension is that dimension's coordinates.
  for (const DatasetLabel* l : present)
    if (l->dims[0] && base_of(l->path) == l->dims[0] && !h5::is_scale(file, l->path))
      h5::make_scale(file, l->path, l->dims[0]);
  for (const DatasetLabel* l : present) {
    h5::Dataset d(H5Dopen2(file, l->path, H5P_DEFAULT), std::string("cannot open ") + l->path);
    h5::write_attribute(d, "units", std::string(l->units));
    h5::write_attribute(d, "description", std::string(l->description));
    for (unsigned axis = 0; axis < l->dims.size() && l->dims[axis]; ++axis) {
      const std::string scale = group_of(l->path) + "/" + l->dims[axis];
      if (scale != l->path) h5::attach_scale(file, l->path, scale, axis);
    }
  }
  // xarray reads the series' units as a coordinate beside their names (CF `coordinates`).
  if (h5::has_dataset(file, "/series/values")) {
    h5::Dataset values(H5Dopen2(file, "/series/values", H5P_DEFAULT), "cannot open /series/values");
    h5::write_attribute(values, "coordinates", std::string("unit"));
  }
}

void label_late_dataset(hid_t file, const char* path) {
  for (const DatasetLabel& l : kLabels) {
    if (std::string(l.path) != path) continue;
    h5::Dataset d(H5Dopen2(file, l.path, H5P_DEFAULT), std::string("cannot open ") + l.path);
    h5::write_attribute(d, "units", std::string(l.units));
    h5::write_attribute(d, "description", std::string(l.description));
    h5::attach_scale(file, l.path, group_of(l.path) + "/" + l.dims[0], 0);
    return;
  }
  throw std::logic_error(std::string("label_late_dataset: no label for ") + path);
}

}  // namespace wellsim::output
