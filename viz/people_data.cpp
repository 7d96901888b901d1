// The person inspector's facts (household, age, tenure, problems) read once from /people, so
// hovering and selecting never touch the file.
#include "viz/people_data.hpp"

#include <algorithm>

namespace wellsim::viz {

namespace {

/// Code names as the run file writes them ("social_rent"), as the inspector shows them.
std::vector<std::string> shown(std::vector<std::string> names) {
  for (auto& name : names) std::replace(name.begin(), name.end(), '_', ' ');
  return names;
}

}  // namespace

PeopleData::PeopleData(const output::RunReader& reader)
    : reader_(reader), present_(reader.has_people()) {
  if (!present_) return;
  households_ = reader.households();
  age_ = reader.people_codes("age");
  tenure_ = reader.people_codes("tenure");
  domain_names_ = reader.domain_names();
  // The run file names each code: the model owns the vocabulary.
  activity_names_ = shown(reader.people_names("activity_names"));
  tenure_names_ = shown(reader.people_names("tenure_names"));
}

// A household's members are consecutive agents (docs/output-format.md), so look either side.
std::vector<sim::AgentId> PeopleData::household(sim::AgentId agent) const {
  if (agent >= households_.size()) return {};
  const std::uint32_t h = households_[agent];
  sim::AgentId first = agent, last = agent;
  while (first > 0 && households_[first - 1] == h) --first;
  while (last + 1 < households_.size() && households_[last + 1] == h) ++last;
  std::vector<sim::AgentId> out;
  for (sim::AgentId a = first; a <= last; ++a) out.push_back(a);
  return out;
}

int PeopleData::age(sim::AgentId agent) const {
  return agent < age_.size() ? int(age_[agent]) : -1;
}

std::string PeopleData::tenure(sim::AgentId agent) const {
  if (agent >= tenure_.size()) return "";
  const std::size_t t = tenure_[agent];
  return t < tenure_names_.size() ? tenure_names_[t] : "tenure " + std::to_string(t);
}

std::vector<std::string> PeopleData::domains(sim::AgentId agent, std::size_t row) {
  std::vector<std::string> out;
  if (!present_) return out;
  if (domains_row_ != row) {
    domains_ = reader_.domains_at(row);
    domains_row_ = row;
  }
  if (agent >= domains_.size()) return out;
  constexpr std::size_t kBits = 8 * sizeof(domains_[0]);  // the column's width (32 since schema 3)
  for (std::size_t bit = 0; bit < domain_names_.size() && bit < kBits; ++bit)
    if (domains_[agent] >> bit & 1u) out.push_back(domain_names_[bit]);
  return out;
}

std::string PeopleData::activity(sim::AgentId agent, std::size_t row) {
  if (!present_) return "";
  if (activity_row_ != row) {
    activity_ = reader_.activity_at(row);
    activity_row_ = row;
  }
  if (agent >= activity_.size()) return "";
  const std::size_t a = activity_[agent];
  return a < activity_names_.size() ? activity_names_[a] : "activity " + std::to_string(a);
}

PersonHistory PeopleData::history(sim::AgentId agent) {
  if (!events_read_) {
    kinds_ = reader_.event_kinds();
    events_ = reader_.events();
    events_read_ = true;
  }
  return person_history(events_, kinds_, agent);
}

}  // namespace wellsim::viz
