// Why this file exists: see run_checks.hpp.
#include "output/run_checks.hpp"

#include <cmath>

#include "output/run_reader.hpp"
#include "output/schema.hpp"
#include "sim/errors.hpp"
#include "sim/param_spec.hpp"

namespace wellsim::output::checks {

namespace {

// Float rounding of a convex combination of values in [0, 10] may land a hair outside it.
constexpr double kSlack = 1e-3;

template <typename T>
void check_wellbeing(const std::string& file, const std::string& dataset, std::span<const T> v,
                     bool on_scale) {
  for (std::size_t i = 0; i < v.size(); ++i) {
    const double x = v[i];
    if (!std::isfinite(x) || (on_scale && (x < -kSlack || x > 10 + kSlack))) {
      std::string what = "holds ";
      what += sim::format_number(x) +
              (on_scale ? ", not a wellbeing on the 0-10 scale" : ", not a number");
      fail(file, dataset, what, i);
    }
  }
}

}  // namespace

void run_values(const RunReader& run) {
  (void)run.groups();
  (void)run.initial_wellbeing();
  (void)run.susceptibility();
  (void)run.steps();
  for (const StatField& f : kStatFields) (void)run.stat(f.name);
  (void)run.layout_x();
  (void)run.layout_y();
  const std::size_t rows = run.recorded_steps().size();
  if (rows > 0) (void)run.wellbeing_at(rows - 1);
  if (!run.has_people()) return;
  (void)run.households();
  for (const char* name : {"age", "traits", "tenure"}) (void)run.people_codes(name);
  for (const char* name : {"wage", "housing_cost", "set_point", "disposable"})
    (void)run.people_values(name);
  if (rows > 0) {
    (void)run.domains_at(rows - 1);
    (void)run.activity_at(rows - 1);
  }
  (void)run.events();
}

void fail(const std::string& file, const std::string& dataset, const std::string& what,
          std::size_t index) {
  throw sim::InputError(sim::where(file) + "damaged run file: " + dataset + " " + what +
                        " (entry " + std::to_string(index) + ")");
}

void wellbeing(const std::string& file, const std::string& dataset, std::span<const float> v,
               bool on_scale) {
  check_wellbeing(file, dataset, v, on_scale);
}

void wellbeing(const std::string& file, const std::string& dataset, std::span<const double> v,
               bool on_scale) {
  check_wellbeing(file, dataset, v, on_scale);
}

void finite(const std::string& file, const std::string& dataset, std::span<const float> v) {
  for (std::size_t i = 0; i < v.size(); ++i)
    if (!std::isfinite(v[i])) fail(file, dataset, "holds a value that is not a number", i);
}

void groups(const std::string& file, std::span<const std::int32_t> v, std::uint64_t limit) {
  for (std::size_t i = 0; i < v.size(); ++i)
    if (v[i] < -1 || (v[i] >= 0 && static_cast<std::uint64_t>(v[i]) >= limit)) {
      std::string what = "holds group ";
      what += std::to_string(v[i]) + " (-1 or below " + std::to_string(limit) + " expected)";
      fail(file, "/agents/group", what, i);
    }
}

}  // namespace wellsim::output::checks
