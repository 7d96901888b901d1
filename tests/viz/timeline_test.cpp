#include "viz/timeline.hpp"

#include <catch2/catch.hpp>

using namespace wellsim::viz;

TEST_CASE("a week maps to the nearest recorded row, the earlier on a tie", "[viz]") {
  const std::vector<std::int32_t> weeks{0, 4, 8, 10};
  CHECK(nearest_row(weeks, -5) == 0);
  CHECK(nearest_row(weeks, 1.9) == 0);
  CHECK(nearest_row(weeks, 2.0) == 0);
  CHECK(nearest_row(weeks, 2.1) == 1);
  CHECK(nearest_row(weeks, 8) == 2);
  CHECK(nearest_row(weeks, 9) == 2);
  CHECK(nearest_row(weeks, 9.5) == 3);
  CHECK(nearest_row(weeks, 99) == 3);
}

TEST_CASE("the timeline plays, pauses at the end and restarts", "[viz]") {
  Timeline t({0, 4, 8, 10});
  CHECK(t.week() == 0);
  CHECK_FALSE(t.playing());
  t.advance(1.0);  // paused: nothing moves
  CHECK(t.week() == 0);
  t.set_speed(4);
  t.play();
  t.advance(0.5);
  CHECK(t.week() == Approx(2));
  CHECK(t.shown_week() == 0);
  t.advance(0.75);
  CHECK(t.week() == Approx(5));
  CHECK(t.shown_week() == 4);
  t.advance(10);
  CHECK(t.week() == 10);
  CHECK_FALSE(t.playing());
  t.play();  // from the end: starts again
  CHECK(t.week() == 0);
  CHECK(t.playing());
  t.toggle();
  CHECK_FALSE(t.playing());
}

TEST_CASE("the timeline steps between recorded weeks and scrubs within them", "[viz]") {
  Timeline t({0, 4, 8, 10});
  t.step_back();
  CHECK(t.week() == 0);
  t.step_forward();
  CHECK(t.week() == 4);
  t.scrub(6.5);  // shows week 8
  t.step_forward();
  CHECK(t.week() == 10);
  t.step_forward();
  CHECK(t.week() == 10);
  t.step_back();
  CHECK(t.week() == 8);
  t.scrub(-3);
  CHECK(t.week() == 0);
  t.scrub(77);
  CHECK(t.week() == 10);
  t.set_speed(1e9);
  CHECK(t.speed() == Timeline::kMaxSpeed);
  t.set_speed(0);
  CHECK(t.speed() == Timeline::kMinSpeed);
  CHECK_THROWS(Timeline({}));
  Timeline one({0});
  one.play();  // nothing to play
  CHECK_FALSE(one.playing());
}

TEST_CASE("the week caption says when the shown week is the nearest recorded one", "[viz]") {
  Timeline t({0, 4, 8, 10});
  CHECK(week_caption(t) == "week 0 of 10");
  t.scrub(7);
  CHECK(week_caption(t) == "week 8 of 10 (nearest recorded to 7)");
  t.scrub(6);  // a tie: the earlier week
  CHECK(week_caption(t) == "week 4 of 10 (nearest recorded to 6)");
  t.step_forward();
  CHECK(week_caption(t) == "week 8 of 10");
  t.scrub(2.6);
  t.set_speed(1);
  t.play();  // playing: the playhead is between weeks by design, and nothing is added
  CHECK(week_caption(t) == "week 4 of 10");
}
