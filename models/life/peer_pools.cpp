// Pools and donors for ties made at school start and work entry (school_work.cpp).
//
// Donors: a child who starts school makes as many ties in each layer as a week-0 pupil of their
// neighbourhood drawn at random has in the frozen network (a week-0 worker for a job entrant).
// Why copy a donor and not the generator's parameters: the frozen counts are what the generator
// actually gave (its sociability spread, workplaces too small for `colleagues`, the share
// working out of town, classes smaller than `classmates`), for any network source with those
// layers, so the newcomers' ties have the week-0 distribution, tail included, and loneliness,
// which lives in that tail, is comparable between people born before and during a run.
#include "models/life/peer_pools.hpp"

#include <algorithm>

#include "models/community/layers.hpp"
#include "models/community/vocabulary.hpp"

namespace wellsim::models {

PeerLayers::PeerLayers(const sim::Network& net) {
  for (std::size_t l = 0; l < net.layer_names.size() && l < 255; ++l) {
    const auto code = static_cast<std::uint8_t>(l);
    const std::string& name = net.layer_names[l];
    if (name == kLayerNames[kCloseFriend]) close_friend = code;
    if (name == kLayerNames[kFriend]) friend_ = code;
    if (name == kLayerNames[kSchool]) school = code;
    if (name == kLayerNames[kWorkplace]) workplace = code;
  }
}

std::size_t group_total(const sim::Network& net) {
  std::size_t groups = 1;
  for (const std::int32_t g : net.group)
    groups = std::max<std::size_t>(groups, static_cast<std::size_t>(std::max(g, 0)) + 1);
  return groups;
}

namespace {

bool pupil_now(const sim::AgentStore& a, std::size_t i) {
  return a.is_present(i) && a.activity[i] == static_cast<std::uint8_t>(Activity::Child) &&
         a.age[i] >= kSchoolStart && a.age[i] <= kSchoolEnd;
}

bool employed_now(const sim::AgentStore& a, std::size_t i) {
  return a.is_present(i) && a.activity[i] == static_cast<std::uint8_t>(Activity::Employed);
}

/// In the labour market: employed or looking for work. The life events move people between the
/// two, and policies move those hazards, but only demography moves people in or out.
bool in_labour_market(const sim::AgentStore& a, std::size_t i) {
  return a.is_present(i) && (a.activity[i] == static_cast<std::uint8_t>(Activity::Employed) ||
                             a.activity[i] == static_cast<std::uint8_t>(Activity::Unemployed));
}

/// Counting sort of the agents `key` puts in a bucket (key < buckets; keys >= buckets are left
/// out): members bucket by bucket in agent order, and the buckets' starts.
template <class Key>
void bucket(std::size_t n, std::size_t buckets, Key&& key, std::vector<std::uint32_t>& start,
            std::vector<std::uint32_t>& members) {
  start.assign(buckets + 1, 0);
  for (std::size_t i = 0; i < n; ++i)
    if (const std::size_t b = key(i); b < buckets) ++start[b + 1];
  for (std::size_t b = 0; b < buckets; ++b) start[b + 1] += start[b];
  members.resize(start[buckets]);
  std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
  for (std::size_t i = 0; i < n; ++i)
    if (const std::size_t b = key(i); b < buckets)
      members[fill[b]++] = static_cast<std::uint32_t>(i);
}

}  // namespace

Donors::Donors(const sim::Network& net, const sim::AgentStore& a, const PeerLayers& layers) {
  const std::size_t groups = group_total(net), none = groups;
  const bool layered = net.layer.size() == net.entries();
  auto counts = [&](std::uint32_t i) {
    DonorCounts c;
    if (!layered) return c;
    for (auto k = net.offsets[i]; k < net.offsets[i + 1]; ++k) {
      const std::uint8_t l = net.layer[k];
      c.close_friend += l == layers.close_friend;
      c.friend_ += l == layers.friend_;
      c.school += l == layers.school;
      c.workplace += l == layers.workplace;
    }
    return c;
  };
  std::vector<std::uint32_t> members;
  bucket(
      a.size(), groups, [&](std::size_t i) { return pupil_now(a, i) ? group_of(net, i) : none; },
      pupil_start, members);
  for (const std::uint32_t i : members) pupils.push_back(counts(i));
  bucket(
      a.size(), groups, [&](std::size_t i) { return employed_now(a, i) ? group_of(net, i) : none; },
      worker_start, members);
  for (const std::uint32_t i : members) workers.push_back(counts(i));
}

const DonorCounts& Donors::pick(bool pupil, std::size_t g, std::uint32_t word) const {
  static const DonorCounts kNobody;
  const auto& list = pupil ? pupils : workers;
  const auto& start = pupil ? pupil_start : worker_start;
  if (list.empty()) return kNobody;
  std::uint32_t lo = 0, count = static_cast<std::uint32_t>(list.size());
  if (g + 1 < start.size() && start[g + 1] > start[g]) lo = start[g], count = start[g + 1] - lo;
  return list[lo + static_cast<std::uint32_t>((std::uint64_t{word} * count) >> 32)];
}

std::span<const std::uint32_t> PeerPools::pupils_of(std::size_t g, unsigned age) const {
  const std::size_t b = g * (kSchoolEnd - kSchoolStart + 1) + (age - kSchoolStart);
  if (b + 1 >= pupil_start.size()) return {};
  return {pupils.data() + pupil_start[b], pupil_start[b + 1] - pupil_start[b]};
}

std::span<const std::uint32_t> PeerPools::workers_of(std::size_t g) const {
  if (g + 1 >= worker_start.size()) return {};
  return {workers.data() + worker_start[g], worker_start[g + 1] - worker_start[g]};
}

PeerPools build_pools(const sim::Network& net, const sim::AgentStore& a, const PoolRequest& r) {
  constexpr std::size_t kYears = kSchoolEnd - kSchoolStart + 1;
  const std::size_t groups = r.groups;
  const auto& starting = *r.starting;
  const auto& entering = *r.entering;
  PeerPools p;
  if (r.pupils)
    bucket(
        a.size(), groups * kYears,
        [&](std::size_t i) {
          if (starting[i] || !pupil_now(a, i)) return groups * kYears;
          return group_of(net, i) * kYears + (a.age[i] - kSchoolStart);
        },
        p.pupil_start, p.pupils);
  if (r.workers)
    bucket(
        a.size(), groups,
        [&](std::size_t i) {
          return entering[i] || !in_labour_market(a, i) ? groups : group_of(net, i);
        },
        p.worker_start, p.workers);
  return p;
}

}  // namespace wellsim::models
