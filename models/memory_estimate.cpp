#include "models/memory_estimate.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "models/assemble_community.hpp"
#include "models/network/sources.hpp"
#include "models/population/census.hpp"
#include "sim/errors.hpp"
#include "sim/input_file.hpp"

namespace wellsim::models {

namespace {

/// People of a community scenario from its population keys; 0 when they come from files.
double community_people(const sim::Scenario& sc) {
  if (sc.variant("population") != "census") return 0;
  double people = 0;
  const double scale = sc.table("population").real("scale");
  for (double size : sc.table("population").reals("sizes")) people += scaled_size(size, scale);
  return people;
}

/// A cgroup v2 limit on this process's memory, or 0 when there is none.
std::uint64_t cgroup_limit() {
  std::ifstream in("/sys/fs/cgroup/memory.max");
  std::uint64_t limit = 0;
  return in >> limit ? limit : 0;  // "max" (no limit) does not read as a number
}

std::string count_text(double x) {
  char text[32];
  std::snprintf(text, sizeof text, x < 1e6 ? "%.0f" : "%.3g", x);
  return text;
}

}  // namespace

double birth_reserve_share(double weeks) {
  static constexpr double kYears[] = {0, 1, 10, 30, 50}, kShare[] = {0, 0.16, 0.45, 0.79, 0.85};
  const double years = weeks / 52;
  for (std::size_t k = 1; k < std::size(kYears); ++k)
    if (years <= kYears[k])
      return kShare[k - 1] +
             (kShare[k] - kShare[k - 1]) * (years - kYears[k - 1]) / (kYears[k] - kYears[k - 1]);
  return kShare[std::size(kShare) - 1];
}

double estimated_run_bytes(const sim::Scenario& sc) {
  if (is_community(sc)) {
    const double people = community_people(sc);
    if (!sc.table("demography").boolean("enabled")) return people * kBytesPerPerson;
    // Every row, reserved or not, costs a person and demography's columns.
    const double rows = people * (1 + birth_reserve_share(sc.table("run").real("steps")));
    return rows * (kBytesPerPerson + kBytesPerPersonDemography);
  }
  const NetworkSource* source = find_network_source(sc.variant("network"));
  if (!source || !source->size) return 0;
  const NetworkSize size = source->size(sc.table("network"));
  return size.agents * kBytesPerAgent + size.ties * kBytesPerTie;
}

std::uint64_t usable_memory_bytes() {
  const long pages = ::sysconf(_SC_PHYS_PAGES), page = ::sysconf(_SC_PAGE_SIZE);
  std::uint64_t memory = pages > 0 && page > 0
                             ? static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page)
                             : 0;
  const std::uint64_t cgroup = cgroup_limit();
  if (cgroup > 0) memory = memory ? std::min(memory, cgroup) : cgroup;
  return memory;
}

void check_memory(const sim::Scenario& sc) {
  const double need = estimated_run_bytes(sc);
  const std::uint64_t have = usable_memory_bytes();
  if (have == 0 || need <= static_cast<double>(have)) return;
  std::string what;
  if (is_community(sc)) {
    what = count_text(community_people(sc)).append(" people");
  } else {
    const NetworkSize size = find_network_source(sc.variant("network"))->size(sc.table("network"));
    what = count_text(size.agents).append(" agents and ").append(count_text(size.ties));
    what += " ties";
  }
  const std::string table = is_community(sc) ? "population" : "network";
  throw sim::InputError(sim::where(sc.path) + table + ": about " +
                        sim::format_bytes(static_cast<std::uint64_t>(need)) +
                        " of memory needed for " + what + ", more than the " +
                        sim::format_bytes(have) +
                        " this machine has (docs/reliability.md, Input limits)");
}

}  // namespace wellsim::models
