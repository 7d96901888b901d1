// Neighbourhood boxes and the shown nodes' bounds: what the map's names and the fit after a
// neighbourhood filter rest on.
#include "viz/group_boxes.hpp"

#include <catch2/catch.hpp>

using namespace wellsim;

TEST_CASE("group boxes cover each neighbourhood's shown members", "[viz]") {
  sim::Network net;
  net.group = {0, 0, 1, 1, -1};
  net.group_names = {"North", "South"};
  sim::Layout l;
  l.x = {0, 2, 5, 7, 100};
  l.y = {1, 3, -1, 0, 100};
  const auto boxes = viz::group_boxes(net, l, {1, 1, 1, 0, 1});
  REQUIRE(boxes.size() == 2);
  CHECK(boxes[0].name == "North");
  CHECK(boxes[0].box.x0 == 0);
  CHECK(boxes[0].box.x1 == 2);
  CHECK(boxes[0].box.y1 == 3);
  CHECK(boxes[1].name == "South");
  CHECK(boxes[1].box.x1 == 5);                                   // person 3 is hidden
  CHECK(viz::group_boxes(net, l, {0, 0, 1, 1, 1}).size() == 1);  // North hidden altogether
  const auto b = viz::shown_bounds(l, {0, 1, 1, 0, 0});
  REQUIRE(b);
  CHECK(b->x0 == 2);
  CHECK(b->x1 == 5);
  CHECK(b->y0 == -1);
  CHECK(b->y1 == 3);
  CHECK_FALSE(viz::shown_bounds(l, {0, 0, 0, 0, 0}));
}

TEST_CASE("labels that would overlap an earlier one are left out", "[viz]") {
  // a and b overlap; c touches a only at an edge; d overlaps b, which is left out, so d stays.
  const std::vector<viz::Box> boxes{{0, 0, 10, 5}, {8, 2, 18, 7}, {10, 0, 20, 1}, {15, 6, 25, 9}};
  CHECK(viz::kept_apart(boxes) == std::vector<bool>{true, false, true, true});
  CHECK(viz::kept_apart({}).empty());
}
