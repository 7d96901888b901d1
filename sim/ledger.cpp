#include "sim/ledger.hpp"

#include <stdexcept>

namespace wellsim::sim {

std::size_t Ledger::add_series(const std::string& name) {
  if (!series_index_.emplace(name, series_names_.size()).second)
    throw std::logic_error("Ledger: series declared twice: " + name);
  series_names_.push_back(name);
  values_.push_back(0.0);
  return series_names_.size() - 1;
}

std::uint16_t Ledger::add_event_kind(const std::string& name) {
  for (std::size_t k = 0; k < event_kinds_.size(); ++k)
    if (event_kinds_[k] == name) return static_cast<std::uint16_t>(k);
  if (event_kinds_.size() >= 65535) throw std::logic_error("Ledger: too many event kinds");
  event_kinds_.push_back(name);
  return static_cast<std::uint16_t>(event_kinds_.size() - 1);
}

long Ledger::find_series(const std::string& name) const {
  const auto found = series_index_.find(name);
  return found == series_index_.end() ? -1 : static_cast<long>(found->second);
}

}  // namespace wellsim::sim
