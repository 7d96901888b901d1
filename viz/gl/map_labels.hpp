#pragma once
#include <vector>

#include "viz/group_boxes.hpp"
#include "viz/view_transform.hpp"
#include "viz/viewer_state.hpp"

namespace wellsim::viz {

/// The neighbourhood names on the map, each centred just above its shown members, so a caption
/// that says "village 1" points at something on screen.
class MapLabels {
 public:
  /// Draws the names of `state`'s shown neighbourhoods over the picture `view` shows, clear of
  /// nodes `point_px` across, behind the panels and clipped to the picture; a name that would
  /// overlap one drawn before it is left out.
  void draw(ViewerState& state, const ViewTransform& view, float point_px);

 private:
  std::vector<GroupBox> boxes_;
  unsigned filter_version_ = ~0u;
};

/// Draws the names of `boxes` (in layout coordinates) over the picture `view` shows, as
/// MapLabels does: the live viewer, whose people are all shown, computes its boxes once.
void draw_map_labels(const std::vector<GroupBox>& boxes, const ViewTransform& view, float point_px);

}  // namespace wellsim::viz
