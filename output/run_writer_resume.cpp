// Why this file exists: a resumed run appends to the file the stopped run left, which must first
// be cut back to the step its checkpoint holds, so the datasets come out as one uninterrupted
// run's would (docs/reliability.md "Checkpoint and resume").
#include <algorithm>

#include "output/file_open.hpp"
#include "output/run_writer.hpp"
#include "sim/errors.hpp"

namespace wellsim::output {

std::unique_ptr<RunWriter> RunWriter::reopen(const std::string& path, std::uint32_t step,
                                             const WriterOptions& opts) {
  h5::silence_errors();
  std::unique_ptr<RunWriter> w(new RunWriter());
  w->path_ = path;
  w->opts_ = opts;
  w->file_ = open_file(path, Access::ReadWrite);
  w->installed_ = true;  // the file has its name; nothing to discard
  h5::translate<sim::InputError>(path, [&] { w->cut_back(step); });
  return w;
}

void RunWriter::cut_back(std::uint32_t step) {
  manifest_ = h5::Group(H5Gopen2(file_, "manifest", H5P_DEFAULT), "no /manifest");
  const std::uint64_t completed = h5::read_uint_attribute(manifest_, "steps_completed");
  if (completed < step)
    throw h5::Error("holds steps 0-" + std::to_string(completed) + ", not step " +
                    std::to_string(step) + " of its checkpoint");
  steps_planned_ = static_cast<std::uint32_t>(h5::read_uint_attribute(manifest_, "steps_planned"));
  h5::Group steps(H5Gopen2(file_, "steps", H5P_DEFAULT), "no /steps");
  for (std::size_t i = 0; i < kStatFields.size(); ++i)
    stats_[i] = h5::Extendible::reopen(steps, kStatFields[i].name, hsize_t{step} + 1, 0);
  step_ = h5::Extendible::reopen(steps, "step", hsize_t{step} + 1, 0);

  wellbeing_group_ = h5::Group(H5Gopen2(file_, "wellbeing", H5P_DEFAULT), "no /wellbeing");
  // Recorded rows are in step order; only the counted ones are known to be whole.
  const std::uint64_t counted = h5::read_uint_attribute(wellbeing_group_, "rows");
  const auto recorded = h5::read_array<std::int32_t>(wellbeing_group_, "steps", counted);
  const auto keep = static_cast<hsize_t>(
      std::upper_bound(recorded.begin(), recorded.end(), static_cast<std::int32_t>(step)) -
      recorded.begin());
  if (keep == 0) throw h5::Error("/wellbeing/steps holds no row of step 0");
  last_recorded_ = static_cast<std::uint32_t>(recorded[keep - 1]);
  recorded_ = h5::Extendible::reopen(wellbeing_group_, "steps", keep, 0);
  values_ = h5::Extendible::reopen(wellbeing_group_, "values", keep, opts_.compression);
  if (h5::has_dataset(wellbeing_group_, "domains")) {
    domains_ = h5::Extendible::reopen(wellbeing_group_, "domains", keep, opts_.compression);
    activity_ = h5::Extendible::reopen(wellbeing_group_, "activity", keep, opts_.compression);
  }
  ledger_ = LedgerWriter::reopen(file_, step, opts_.compression);

  std::string resumed = h5::has_attribute(manifest_, "resumed")
                            ? h5::read_string_attribute(manifest_, "resumed") + "; "
                            : std::string();
  resumed += "after step " + std::to_string(step) + " at " + utc_now();
  h5::write_attribute(manifest_, "resumed", resumed);
  if (h5::has_attribute(manifest_, "interrupted_by"))
    h5::check(H5Adelete(manifest_, "interrupted_by"), "cannot clear interrupted_by");
  h5::write_attribute(manifest_, "status", std::string("running"));
  h5::write_attribute(manifest_, "finished_at", std::string());
  last_step_ = step;
  started_ = true;
  commit(step);
}

}  // namespace wellsim::output
