#include "models/community/tie_overlay.hpp"

#include <algorithm>

namespace wellsim::models {

void TieOverlay::add(std::uint32_t a, std::uint32_t b, float weight, std::uint32_t until) {
  if (a == b) return;
  if (a > b) std::swap(a, b);
  pending_.push_back({a, b, weight, until});
}

std::size_t TieOverlay::publish(std::uint32_t step, std::size_t n) {
  const std::size_t before = ties_.size();
  std::erase_if(ties_, [&](const Tie& t) { return t.until < step; });
  const std::size_t ended = before - ties_.size();
  if (ended == 0 && pending_.empty() && offsets_.size() == n + 1) return 0;
  ties_.insert(ties_.end(), pending_.begin(), pending_.end());
  pending_.clear();
  std::erase_if(ties_, [&](const Tie& t) { return t.until < step || t.b >= n; });
  std::sort(ties_.begin(), ties_.end(),
            [](const Tie& x, const Tie& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
  // Merge repeats of a pair: the pair keeps its strongest weight and its latest end.
  std::size_t out = 0;
  for (std::size_t k = 0; k < ties_.size(); ++k) {
    if (out > 0 && ties_[out - 1].a == ties_[k].a && ties_[out - 1].b == ties_[k].b) {
      ties_[out - 1].weight = std::max(ties_[out - 1].weight, ties_[k].weight);
      ties_[out - 1].until = std::max(ties_[out - 1].until, ties_[k].until);
    } else {
      ties_[out++] = ties_[k];
    }
  }
  ties_.resize(out);

  offsets_.assign(n + 1, 0);
  for (const Tie& t : ties_) ++offsets_[t.a + 1], ++offsets_[t.b + 1];
  for (std::size_t i = 0; i < n; ++i) offsets_[i + 1] += offsets_[i];
  neighbours_.resize(offsets_[n]);
  weights_.resize(offsets_[n]);
  std::vector<std::uint64_t> fill(offsets_.begin(), offsets_.end() - 1);
  // Ties are sorted by (a, b), so each row comes out sorted by neighbour for a-side entries; the
  // order within a row does not matter to any reader, only that it is the same every run.
  for (const Tie& t : ties_) {
    neighbours_[fill[t.a]] = t.b, weights_[fill[t.a]++] = t.weight;
    neighbours_[fill[t.b]] = t.a, weights_[fill[t.b]++] = t.weight;
  }
  return ended;
}

}  // namespace wellsim::models
