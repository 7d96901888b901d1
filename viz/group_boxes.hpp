#pragma once
#include <optional>
#include <string>
#include <vector>

#include "sim/layout.hpp"
#include "sim/network.hpp"

namespace wellsim::viz {

/// A box in layout coordinates.
struct Box {
  float x0, y0, x1, y1;  ///< lowest and highest x and y
};

/// Where a neighbourhood's shown members are: the name drawn on the map goes just above it.
struct GroupBox {
  std::string name;  ///< the group's name from the run file
  Box box;           ///< the members' bounding box
};

/// The bounding box of every group with at least one shown member (`sizes[i] > 0`), in group
/// order; empty for a network without groups.
std::vector<GroupBox> group_boxes(const sim::Network& net, const sim::Layout& layout,
                                  const std::vector<float>& sizes);

/// The bounding box of the shown nodes (`sizes[i] > 0`), nullopt when none is shown: what "fit
/// to view" fits after a neighbourhood filter.
std::optional<Box> shown_bounds(const sim::Layout& layout, const std::vector<float>& sizes);

/// Which of `boxes` (screen rectangles of labels, in drawing order) to draw so that none
/// overlaps another: each is kept unless it overlaps one kept before it.
std::vector<bool> kept_apart(const std::vector<Box>& boxes);

}  // namespace wellsim::viz
