// Why this file exists: the model's ledger (named series, events) has its own growth pattern —
// a row of series per step, a variable number of events — and its own crash-safety counter.
#include "output/ledger_writer.hpp"

#include <algorithm>
#include <stdexcept>

namespace wellsim::output {

namespace {
// 64 rows of series per chunk: a chunk is a few KiB even with a few hundred series.
constexpr hsize_t kSeriesRows = 64;
// Events arrive in bursts of hundreds to thousands a week.
constexpr hsize_t kEventChunk = 4096;
}  // namespace

LedgerWriter::LedgerWriter(hid_t file, const sim::Ledger& ledger, int compression)
    : active_(true), width_(ledger.series_names().size()) {
  if (width_ > 0) {
    h5::Group series = h5::create_group(file, "series");
    h5::write_attribute(series, "names", ledger.series_names());
    series_ = h5::Extendible(series, "values", H5T_IEEE_F64LE, width_, kSeriesRows, 0);
    // The rows' step numbers, so netCDF readers see /series/values along a `step` coordinate.
    series_step_ = h5::Extendible(series, "step", H5T_STD_I32LE, std::nullopt, kSeriesRows, 0);
  }
  events_ = h5::create_group(file, "events");
  h5::write_attribute(events_, "kinds", ledger.event_kinds());
  const char* names[5] = {"step", "agent", "other", "kind", "detail"};
  for (int c = 0; c < 5; ++c)
    columns_[c] = h5::Extendible(events_, names[c], c < 3 ? H5T_STD_U32LE : H5T_STD_U16LE,
                                 std::nullopt, kEventChunk, compression);
  append(ledger);
}

LedgerWriter LedgerWriter::reopen(hid_t file, std::uint32_t step, int compression) {
  LedgerWriter w;
  w.active_ = true;
  if (h5::has_dataset(file, "/series/values")) {
    h5::Group series(H5Gopen2(file, "series", H5P_DEFAULT), "cannot open /series");
    w.series_ = h5::Extendible::reopen(series, "values", hsize_t{step} + 1, 0);
    w.width_ = w.series_.width();
    if (h5::has_dataset(file, "/series/step"))  // files from before it existed have none
      w.series_step_ = h5::Extendible::reopen(series, "step", hsize_t{step} + 1, 0);
  }
  w.events_ = h5::Group(H5Gopen2(file, "events", H5P_DEFAULT), "cannot open /events");
  // Events are in step order; only the counted ones are known to be whole.
  const std::uint64_t counted = h5::read_uint_attribute(w.events_, "rows");
  const std::vector<std::uint32_t> steps =
      h5::read_array<std::uint32_t>(w.events_, "step", counted);
  const auto keep =
      static_cast<hsize_t>(std::upper_bound(steps.begin(), steps.end(), step) - steps.begin());
  const char* names[5] = {"step", "agent", "other", "kind", "detail"};
  for (int c = 0; c < 5; ++c)
    w.columns_[c] = h5::Extendible::reopen(w.events_, names[c], keep, compression);
  return w;
}

void LedgerWriter::append(const sim::Ledger& ledger) {
  if (!active_) return;
  if (ledger.values().size() != width_)
    throw std::logic_error("LedgerWriter: series declared after the run started");
  if (width_ > 0) {
    if (series_step_) series_step_.append_value(static_cast<std::int32_t>(series_.rows()));
    series_.append(ledger.values().data());
  }
  const auto& ev = ledger.events();
  for (auto& w : wide_) w.resize(ev.size());
  for (auto& w : narrow_) w.resize(ev.size());
  for (std::size_t k = 0; k < ev.size(); ++k) {
    wide_[0][k] = ev[k].step, wide_[1][k] = ev[k].agent, wide_[2][k] = ev[k].other;
    narrow_[0][k] = ev[k].kind, narrow_[1][k] = ev[k].detail;
  }
  for (int c = 0; c < 3; ++c) columns_[c].append_values(wide_[c].data(), ev.size());
  for (int c = 0; c < 2; ++c) columns_[3 + c].append_values(narrow_[c].data(), ev.size());
}

}  // namespace wellsim::output

namespace wellsim::output {

void LedgerWriter::write_counts() {
  if (active_) h5::write_attribute(events_, "rows", static_cast<std::uint64_t>(columns_[0].rows()));
}

}  // namespace wellsim::output
