// The wellbeing model's effect tables hold, bit for bit, what the step computed per person before
// they existed: the domain effects added bit by bit from the lowest, by sign, energy bills left
// out under fuel poverty or strain, and the support share min(1, s / support_ties).
#include <catch2/catch.hpp>
#include <cstring>

#include "models/wellbeing/community_wellbeing.hpp"
#include "models/wellbeing/effect_tables.hpp"
#include "sim/rng.hpp"

using namespace wellsim;

namespace {

std::uint32_t float_bits(float x) {
  std::uint32_t b;
  std::memcpy(&b, &x, sizeof b);
  return b;
}

}  // namespace

TEST_CASE("effect tables hold the per-person sums bit for bit, every domain combination",
          "[models][wellbeing]") {
  models::CircumstanceEffects fx;
  sim::RandomStream r(5, 0, "test.effect_tables");
  // Effects of both signs, zero and of very different sizes, so that a sum in another order or
  // a term in the wrong sum shows in the bits.
  for (unsigned d = 0; d < models::kDomainCount; ++d)
    fx.domain[d] = d == 3 ? 0.f : static_cast<float>((r.uniform(0, d, 0) - 0.7) * (1 << d) / 7);
  fx.support_ties = 3.7f;
  const models::EffectTables t = models::effect_tables(fx);
  REQUIRE(t.domains.size() == std::size_t{1} << models::kDomainCount);
  for (unsigned key = 0; key < t.domains.size(); ++key) {
    unsigned domains = key;
    if (domains & (models::kFuelPoor | models::kFinancialStrain))
      domains &= ~static_cast<unsigned>(models::kEnergyBills);
    float neg = 0, pos = 0;
    for (unsigned b = 0; b < models::kDomainCount; ++b)
      if (domains >> b & 1) (fx.domain[b] < 0 ? neg : pos) += fx.domain[b];
    INFO("domains " << key);
    REQUIRE(float_bits(t.of(key).neg) == float_bits(neg));
    REQUIRE(float_bits(t.of(key).pos) == float_bits(pos));
  }
  for (float ties : {0.5f, 3.7f, 5.f, 999.9f, 1000.f}) {
    fx.support_ties = ties;
    const models::EffectTables s = models::effect_tables(fx);
    for (std::uint32_t close = 0; close <= 65535; ++close) {
      INFO("support_ties " << ties << ", close ties " << close);
      REQUIRE(float_bits(s.support_share(close)) ==
              float_bits(std::min(1.f, static_cast<std::uint16_t>(close) / ties)));
    }
  }
}
