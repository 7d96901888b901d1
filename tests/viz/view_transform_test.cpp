#include "viz/view_transform.hpp"

#include <catch2/catch.hpp>

using namespace wellsim::viz;

TEST_CASE("the view fits the world, and pan and zoom keep screen and world in step", "[viz]") {
  ViewTransform v;
  v.fit(-1, -1, 1, 1, {100, 50, 400, 200}, 10);
  CHECK(v.scale() == Approx(90));  // (200 - 2*10) / 2
  const Vec2 c = v.to_screen({0, 0});
  CHECK(c.x == Approx(300));
  CHECK(c.y == Approx(150));
  CHECK(v.to_screen({0, 1}).y == Approx(60));  // y up in the world, down on screen
  v.zoom_at({350, 100}, 2.5f);
  const Vec2 w = v.to_world({350, 100});
  v.zoom_at({350, 100}, 0.7f);
  CHECK(v.to_world({350, 100}).x == Approx(w.x));
  CHECK(v.to_world({350, 100}).y == Approx(w.y));
  const Vec2 before = v.to_screen({0.3f, -0.2f});
  v.pan({15, -7});
  const Vec2 after = v.to_screen({0.3f, -0.2f});
  CHECK(after.x == Approx(before.x + 15));
  CHECK(after.y == Approx(before.y - 7));
  const Vec2 back = v.to_world(v.to_screen({0.25f, 0.75f}));
  CHECK(back.x == Approx(0.25f));
  CHECK(back.y == Approx(0.75f));
  // Clip space: the viewport's right edge is x = +1.
  const auto ndc = v.ndc_scale();
  const Vec2 right = v.to_world({500, 150});
  CHECK((right.x - v.centre().x) * ndc[0] == Approx(1));
}
