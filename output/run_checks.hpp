#pragma once
// Checks of the values a run file hands out: everything in a run file is untrusted (a damaged
// disk, a hand-edited file, a fuzzer), so an index that would address memory, a wellbeing that
// is not a number on the 0-10 scale or a series that runs backwards is refused with one line
// naming the file and the dataset, before any caller uses it.
#include <cstdint>
#include <span>
#include <string>

namespace wellsim::output {
class RunReader;
}

namespace wellsim::output::checks {

/// Reads every per-agent and per-step column of `run` once through its checked accessors
/// (groups, wellbeing, people, events, layout, the last per-agent row): what the constructor
/// calls, so a damaged value is refused on opening, whichever command opened the file. Other
/// per-agent rows are checked as they are read.
void run_values(const RunReader& run);

/// Throws sim::InputError "FILE: damaged run file: DATASET WHAT (entry I)".
[[noreturn]] void fail(const std::string& file, const std::string& dataset, const std::string& what,
                       std::size_t index);

/// Every value is a finite wellbeing (or a statistic of one), and on the ONS 0-10 scale when
/// `on_scale` (the town model clamps to it; opinion models need not stay inside it).
void wellbeing(const std::string& file, const std::string& dataset, std::span<const float> v,
               bool on_scale);
/// As wellbeing(), for the per-step statistics (float64).
void wellbeing(const std::string& file, const std::string& dataset, std::span<const double> v,
               bool on_scale);
/// Every value is finite (no NaN, no infinity).
void finite(const std::string& file, const std::string& dataset, std::span<const float> v);

/// Every value is below `limit` (an index into something of that size); `except` is allowed
/// too (a "none" marker such as ~0u).
template <typename T>
void below(const std::string& file, const std::string& dataset, std::span<const T> v,
           std::uint64_t limit, const char* of, std::uint64_t except = ~std::uint64_t{0}) {
  for (std::size_t i = 0; i < v.size(); ++i) {
    const auto x = static_cast<std::uint64_t>(v[i]);
    if (x >= limit && x != except) {
      std::string what = "holds ";
      what += std::to_string(x) + ", beyond the " + std::to_string(limit) + " " + of;
      fail(file, dataset, what, i);
    }
  }
}

/// Every value is one of the bits 0..bits-1 set (a bit set of `bits` named flags).
template <typename T>
void bits(const std::string& file, const std::string& dataset, std::span<const T> v,
          std::size_t bits) {
  const std::uint64_t mask = bits >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << bits) - 1;
  for (std::size_t i = 0; i < v.size(); ++i)
    if ((static_cast<std::uint64_t>(v[i]) & ~mask) != 0)
      fail(file, dataset, "has bits beyond the " + std::to_string(bits) + " named ones", i);
}

/// Group ids: -1 (none) or below `limit`.
void groups(const std::string& file, std::span<const std::int32_t> v, std::uint64_t limit);

/// Values never decrease (strictly increase when `strict`).
template <typename T>
void increasing(const std::string& file, const std::string& dataset, std::span<const T> v,
                bool strict) {
  for (std::size_t i = 1; i < v.size(); ++i)
    if (strict ? !(v[i - 1] < v[i]) : v[i] < v[i - 1])
      fail(file, dataset, strict ? "does not increase" : "decreases", i);
}

}  // namespace wellsim::output::checks
