// Week-0 ranks, sorted in parallel: the values handed out follow the score exactly, and the
// result is the same to the bit on 1, 2 and 4 threads.
#include "models/wellbeing/week0_ranks.hpp"

#include <tbb/global_control.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstring>

#include "sim/rng.hpp"

using namespace wellsim;

namespace {

/// People of all ages with drawn values in tenths (many ties, both zeros) and coarse scores.
struct Week0Input {
  sim::AgentStore agents;
  std::vector<float> score;
};

Week0Input make_week0_input(std::size_t n) {
  Week0Input in;
  in.agents.resize(n);
  in.agents.resize_people(n);
  in.score.resize(n);
  sim::RandomStream r(5, 0, "test.week0_ranks");
  for (std::uint32_t i = 0; i < n; ++i) {
    in.agents.age[i] = static_cast<std::uint8_t>(r.below(95, 0, i, 0));
    const float v = static_cast<float>(r.below(101, 0, i, 1)) / 10;
    in.agents.wellbeing[i] = v == 0 && i % 2 ? -0.f : v;
    in.score[i] = static_cast<float>(r.below(1000, 0, i, 2)) / 7;
  }
  return in;
}

std::vector<float> assigned_week0(const Week0Input& in, const std::vector<double>& profile,
                                  int threads) {
  tbb::global_control c(tbb::global_control::max_allowed_parallelism, threads);
  sim::AgentStore a = in.agents;
  models::assign_week0_by_rank(a, in.score, profile);
  return a.wellbeing;
}

bool same_week0_bits(const std::vector<float>& x, const std::vector<float>& y) {
  return x.size() == y.size() && std::memcmp(x.data(), y.data(), x.size() * sizeof(float)) == 0;
}

}  // namespace

TEST_CASE("week-0 values follow the score and are the same on any thread count",
          "[models][wellbeing]") {
  const Week0Input in = make_week0_input(200000);
  const std::vector<float> plain = assigned_week0(in, {}, 2);
  // Without a profile: among adults, and among children, a higher (score, index) never gets a
  // lower value, and the values are those drawn for that group.
  for (bool adult : {false, true}) {
    std::vector<std::uint32_t> who;
    for (std::uint32_t i = 0; i < in.score.size(); ++i)
      if ((in.agents.age[i] >= 16) == adult) who.push_back(i);
    std::sort(who.begin(), who.end(), [&](std::uint32_t p, std::uint32_t q) {
      return in.score[p] != in.score[q] ? in.score[p] < in.score[q] : p < q;
    });
    std::vector<float> drawn, got;
    for (std::uint32_t i : who) drawn.push_back(in.agents.wellbeing[i]), got.push_back(plain[i]);
    CHECK(std::is_sorted(got.begin(), got.end()));
    std::sort(drawn.begin(), drawn.end());
    CHECK(drawn == got);
  }
  const std::vector<float> one = assigned_week0(in, models::default_age_profile(), 1);
  CHECK(same_week0_bits(one, assigned_week0(in, models::default_age_profile(), 2)));
  CHECK(same_week0_bits(one, assigned_week0(in, models::default_age_profile(), 4)));
  CHECK(same_week0_bits(plain, assigned_week0(in, {}, 1)));
}
