// Common keys of every intervention, declared and read once (see intervention.hpp).
#include "models/interventions/intervention.hpp"

#include "models/interventions/intervention_registry.hpp"
#include "sim/errors.hpp"

namespace wellsim::models {

Intervention::Intervention(const InterventionSetup& s)
    : params_(s.entry.values),
      type_(s.entry.variant),
      path_(s.entry.file.empty() ? s.scenario_path : s.entry.file),
      line_(s.entry.line),
      index_(s.index),
      world_(s.world) {
  common_table().read(params_, *this);
  label_ = intervention_name(s.entry);
  target_ = Target(target_keys_, s.network,
                   s.world ? s.world->household_start : std::vector<std::uint32_t>{}, at(""));
  locate(s.network);
}

void Intervention::locate(const sim::Network& net) {
  if (location_.empty()) return;
  const auto& names = net.group_names;
  for (std::size_t g = 0; g < names.size(); ++g)
    if (names[g] == location_) location_group_ = static_cast<std::int32_t>(g);
  if (location_group_ < 0) {
    std::string known;
    for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
    throw sim::InputError(at("location") + "unknown neighbourhood '" + location_ +
                          "'; known: " + known);
  }
  if (!world_ || !world_->access.on())
    throw sim::InputError(at("location") +
                          "a location needs travel times between neighbourhoods: give [access] "
                          "travel_minutes");
}

namespace {

sim::ParamTable<Costs> cost_table() {
  sim::ParamTable<Costs> t;
  t.add("cost_fixed", &Costs::fixed, 0.0)
      .range(0, 1e15)
      .unit("GBP")
      .help("one-off cost in the start week");
  t.add("cost_per_week", &Costs::per_week, 0.0)
      .range(0, 1e15)
      .unit("GBP")
      .help("running cost per active week");
  t.add("cost_per_participant", &Costs::per_participant, 0.0)
      .range(0, 1e15)
      .unit("GBP")
      .help("cost per person who starts");
  t.add("cost_per_participant_week", &Costs::per_participant_week, 0.0)
      .range(0, 1e15)
      .unit("GBP")
      .help("cost per person served per week");
  return t;
}

sim::ParamTable<TargetKeys> target_table() {
  sim::ParamTable<TargetKeys> t;
  // Ids are whole numbers; a list of numbers holds any id below 2^53 exactly.
  constexpr double kMaxId = 9007199254740992.0;
  t.add("target.neighbourhoods", &TargetKeys::neighbourhoods, std::vector<std::string>{})
      .help("neighbourhoods it serves (empty = all)");
  t.add("target.filter", &TargetKeys::filter, std::vector<std::string>{})
      .help(
          "conditions a person must all meet, e.g. \"unemployed\", \"age>=65\", "
          "\"tenure=social_rent\", \"!minority\"");
  t.add("target.people", &TargetKeys::people, std::vector<double>{})
      .range(0, kMaxId)
      .help(
          "only these people, by the id the network source gives them (the viewer's \"person "
          "ID\"); with target.households, anyone in either (empty = no such limit)");
  t.add("target.households", &TargetKeys::households, std::vector<double>{})
      .range(0, kMaxId)
      .help(
          "only the members of these households, by index (/people/household in the run file; "
          "the viewer's \"household H\") (empty = no such limit)");
  return t;
}

}  // namespace

const sim::ParamTable<Intervention>& Intervention::common_table() {
  return sim::declared<Intervention>([](sim::ParamTable<Intervention>& t) {
    std::vector<std::string> types;
    for (const auto& type : intervention_types()) types.push_back(type.name);
    const double kMaxWeek = static_cast<double>(kForever);
    t.declare("type", sim::ParamType::Choice, std::nullopt)
        .choices(types)
        .help("the kind of intervention");
    t.add("name", &Intervention::label_, "")
        .help(
            "its name in series, events and its random stream (default: the type); must be "
            "unique");
    t.add("start_week", &Intervention::start_, 1)
        .range(1, kMaxWeek)
        .unit("week")
        .help("first week it acts");
    t.add("end_week", &Intervention::end_, kForever)
        .range(1, kMaxWeek)
        .unit("week")
        .help("last week it acts (default: to the end of the run)");
    t.include(&Intervention::target_keys_, target_table());
    t.add("uptake", &Intervention::uptake_, 1.0)
        .range(0, 1)
        .help("probability that a newly eligible person takes up the offer (once per episode)");
    t.add("capacity", &Intervention::capacity_, 0)
        .range(0, 1e12)
        .unit("places")
        .help("places at once (0 = unlimited)");
    t.choice("queue", &Intervention::policy_, QueuePolicy::Need,
             {{"need", QueuePolicy::Need},
              {"first_come", QueuePolicy::FirstCome},
              {"random", QueuePolicy::Random}})
        .help("waiting-list order: highest need first, first come first served, or random");
    t.add("duration_weeks", &Intervention::duration_, 0)
        .range(0, kMaxWeek)
        .unit("weeks")
        .help("weeks a participant is served (0 = while eligible)");
    t.include(&Intervention::costs_, cost_table());
    t.add("location", &Intervention::location_, "")
        .help(
            "neighbourhood the service sits in: uptake falls with travel time from home "
            "([access]); \"\" = no travel");
    t.add("outreach", &Intervention::outreach_, false)
        .help("the service goes to people (mobile or outreach): no fall in uptake with travel");
    t.add("outreach_cost_per_week", &Intervention::outreach_cost_, 0.0)
        .range(0, 1e15)
        .unit("GBP")
        .help("extra cost per active week of going out (with outreach = true)");
  });
}

std::string Intervention::at(const std::string& key) const {
  return sim::where(path_, line_) + "intervention[" + std::to_string(index_) + "]." + key +
         (key.empty() ? "" : ": ");
}

}  // namespace wellsim::models
