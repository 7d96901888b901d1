// Sex is not a column of the population: each person is female with probability `female_share`,
// except that the second partner of a couple takes the sex opposite the first (an assumption: the
// census population pairs a couple's two partners, and 97% of couples in England and Wales are of
// opposite sex, ONS Census 2021).
// Draw: word 0 of draw 1 of step 0 of the "demography" stream, keyed by the person's original id
// (its low 32 bits), not by agent index: the birth reserve (models/population/reserve.cpp) needs
// the sexes before freezing renumbers the agents, and an id is what both sides agree on.
#include "models/life/sexes.hpp"

#include "models/community/vocabulary.hpp"
#include "sim/deterministic_parallel.hpp"

namespace wellsim::models {

std::vector<std::uint8_t> draw_sexes(std::span<const std::int64_t> ids,
                                     std::span<const std::uint8_t> traits,
                                     std::span<const std::uint32_t> household_start,
                                     double female_share, const sim::RandomStream& demography) {
  std::vector<std::uint8_t> female(traits.size(), 0);
  const std::size_t households = household_start.empty() ? 0 : household_start.size() - 1;
  sim::for_blocks(households, [&](std::size_t b, std::size_t e) {
    for (std::size_t h = b; h < e; ++h) {
      int partner_sex = -1;  // the first partner's sex, which the second one's complements
      for (std::uint32_t i = household_start[h]; i < household_start[h + 1]; ++i) {
        const auto key = static_cast<std::uint32_t>(ids.empty() ? i : ids[i]);
        bool f = sim::word_below(demography.words(0, key, 1)[0], female_share);
        if (traits[i] & kPartnered) {
          if (partner_sex >= 0) f = partner_sex == 0;
          partner_sex = partner_sex >= 0 ? -2 : int{f};  // -2: the pair is complete
        }
        female[i] = f;
      }
    }
  });
  return female;
}

}  // namespace wellsim::models
