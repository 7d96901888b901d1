// One person's story from the event log (services queued for and received, programme ties),
// gathered once on selection rather than scanned every frame.
#include "viz/person_history.hpp"

#include <algorithm>

namespace wellsim::viz {

namespace {

/// What an event kind means to the history, parsed once per kind rather than once per event.
struct KindInfo {
  enum What { Skip, Queued, Start, End, LeftQueue, Outcome, Tie, Life } what = Skip;
  std::string name;     // the intervention or programme, or the life event
  std::string outcome;  // for Outcome: what happened ("recovered")
};

KindInfo parse_kind(const std::string& kind) {
  static const std::string kIntervention = "intervention/", kTie = "tie/";
  if (kind.rfind(kIntervention, 0) == 0) {
    const std::size_t slash = kind.rfind('/');
    if (slash <= kIntervention.size()) return {};
    const std::string name = kind.substr(kIntervention.size(), slash - kIntervention.size());
    const std::string step = kind.substr(slash + 1);
    if (step == "queued") return {KindInfo::Queued, name, ""};
    if (step == "start") return {KindInfo::Start, name, ""};
    if (step == "end") return {KindInfo::End, name, ""};
    if (step == "left_queue") return {KindInfo::LeftQueue, name, ""};
    return {KindInfo::Outcome, name, step};
  }
  if (kind.rfind(kTie, 0) == 0) return {KindInfo::Tie, kind.substr(kTie.size()), ""};
  if (kind.rfind("onset/", 0) == 0 || kind.rfind("end/", 0) == 0 || kind == "job_loss" ||
      kind == "job_found" || kind == "bereavement")
    return {KindInfo::Life, kind, ""};
  return {};
}

/// The person's latest spell of `name` for which `open` holds, or null.
template <class Open>
ProgrammeSpell* latest(std::vector<ProgrammeSpell>& spells, const std::string& name, Open open) {
  for (auto it = spells.rbegin(); it != spells.rend(); ++it)
    if (it->intervention == name && open(*it)) return &*it;
  return nullptr;
}

}  // namespace

PersonHistory person_history(const output::RunReader::Events& events,
                             const std::vector<std::string>& kinds, sim::AgentId agent) {
  std::vector<KindInfo> info;
  info.reserve(kinds.size());
  for (const std::string& k : kinds) info.push_back(parse_kind(k));
  PersonHistory h;
  const std::size_t n =
      std::min({events.step.size(), events.agent.size(), events.other.size(), events.kind.size()});
  for (std::size_t e = 0; e < n; ++e) {
    const bool mine = events.agent[e] == agent;
    if (!mine && events.other[e] != agent) continue;
    if (events.kind[e] >= info.size()) continue;
    const KindInfo& k = info[events.kind[e]];
    const auto week = static_cast<std::int32_t>(events.step[e]);
    if (k.what == KindInfo::Tie) {
      h.ties.push_back({k.name, mine ? events.other[e] : events.agent[e], week});
      continue;
    }
    if (!mine) continue;  // only ties name the other person
    auto waiting = [](const ProgrammeSpell& s) { return s.start < 0 && s.left_queue < 0; };
    auto running = [](const ProgrammeSpell& s) { return s.start >= 0 && s.end < 0; };
    switch (k.what) {
      case KindInfo::Queued: h.spells.push_back({k.name, week, -1, -1, -1, {}}); break;
      case KindInfo::Start:
        if (ProgrammeSpell* s = latest(h.spells, k.name, waiting))
          s->start = week;
        else
          h.spells.push_back({k.name, -1, week, -1, -1, {}});
        break;
      case KindInfo::End:
        if (ProgrammeSpell* s = latest(h.spells, k.name, running))
          s->end = week;
        else  // started before the events began (or the file lost the start): still shown
          h.spells.push_back({k.name, -1, -1, week, -1, {}});
        break;
      case KindInfo::LeftQueue:
        if (ProgrammeSpell* s = latest(h.spells, k.name, waiting))
          s->left_queue = week;
        else
          h.spells.push_back({k.name, -1, -1, -1, week, {}});
        break;
      case KindInfo::Outcome: {
        ProgrammeSpell* s = latest(h.spells, k.name, [](const ProgrammeSpell&) { return true; });
        if (!s) s = &h.spells.emplace_back(ProgrammeSpell{k.name, -1, -1, -1, -1, {}});
        s->outcomes.emplace_back(k.outcome, week);
        break;
      }
      case KindInfo::Life: h.life.push_back({k.name, week}); break;
      default: break;
    }
  }
  return h;
}

}  // namespace wellsim::viz
