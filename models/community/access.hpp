#pragma once
// Rural access: services sit in a neighbourhood, people travel to them, and fewer take up an
// offer the longer the journey (see access.cpp for the model and its sources). Off unless the
// scenario's [access] table gives travel times, so every other scenario is unchanged.
#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include "sim/network.hpp"
#include "sim/param_table.hpp"

namespace wellsim::models {

/// Travel times between neighbourhoods and the decay of uptake with them ([access]).
struct Access {
  std::vector<double> minutes;  ///< groups x groups, row = home, column = the service's place
  double decay = 0.03;          ///< per minute of travel
  std::size_t groups = 0;       ///< neighbourhoods (rows)

  /// Its keys, declared once.
  static const sim::ParamTable<Access>& table();
  /// True when travel times are given (the mechanism is on).
  bool on() const { return !minutes.empty(); }
  /// Share of the uptake left for someone living in `home` when the service is in `place`:
  /// exp(-decay x minutes).
  double reach(std::size_t home, std::size_t place) const {
    return std::exp(-decay * minutes[home * groups + place]);
  }
};

/// Reads [access] for a network's neighbourhoods; throws sim::InputError "access.KEY: ..." when
/// the travel times are not one per pair of neighbourhoods.
Access read_access(const sim::ParamSet& table, const sim::Network& net);

}  // namespace wellsim::models
