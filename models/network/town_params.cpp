// The [network] keys of a town (source = "town"), each declared once with its range, unit and
// source; kept apart from the generator in town.cpp, which reads them as TownParams.
#include "models/network/town.hpp"

namespace wellsim::models {

// Long because it is the list of [network] keys of the town, one declaration each.
const sim::ParamTable<TownParams>& town_table() {
  using P = TownParams;
  return sim::declared<P>([](sim::ParamTable<P>& t) {
    t.add("kin_households", &P::kin_households, 2.0)
        .range(0, 50)
        .unit("households")
        .help(
            "Mean number of other households a household is related to (adult-to-adult kin "
            "ties).");
    t.add("kin_local", &P::kin_local, 0.7)
        .range(0, 1)
        .help(
            "Share of kin households in the same neighbourhood (UKHLS: most relatives live "
            "near).");
    t.add("close_friends", &P::close_friends, 4.0)
        .range(0, 100)
        .unit("ties")
        .help("Mean close friends per person aged 5+ (Dunbar support clique ~5 incl. household).");
    t.add("friends", &P::friends, 10.0)
        .range(0, 500)
        .unit("ties")
        .help("Mean wider friends per person aged 5+ (Dunbar sympathy group ~15).");
    t.add("sociability_sd", &P::sociability_sd, 0.9)
        .range(0, 3)
        .help(
            "SD of log sociability, which scales the friendships each person starts (0 = "
            "everyone alike; the skew gives the few-friends tail where loneliness lies).");
    t.add("friend_local", &P::friend_local, 0.7)
        .range(0, 1)
        .help("Share of friendships made within one's own neighbourhood.");
    t.add("friend_age_sd", &P::friend_age_sd, 5.0)
        .range(0, 50)
        .unit("years")
        .help("SD of the age difference between adult friends (age homophily).");
    t.add("child_friend_age_sd", &P::child_friend_age_sd, 1.0)
        .range(0, 10)
        .unit("years")
        .help("SD of the age difference between child friends (ages 5-15).");
    t.add("friend_window", &P::friend_window, 64)
        .range(0, 1e9)
        .unit("people")
        .help(
            "Friends of a given age are drawn among this many people of that age on either side "
            "of the chooser's own place in a neighbourhood (people are laid out household by "
            "household, so ties join people who live near each other; 0 = anywhere in it). Only "
            "neighbourhoods with more than 2w + 1 people of an age are affected: up to about "
            "10,000 people, a town is drawn as without a window.");
    t.add("work_in_town", &P::work_in_town, 0.8)
        .range(0, 1)
        .help(
            "Share of employed people whose workplace is in town (the rest have no colleagues "
            "in the model).");
    t.add("colleagues", &P::colleagues, 5.0)
        .range(0, 100)
        .unit("ties")
        .help(
            "Colleague ties per worker in workplaces bigger than that (smaller ones are "
            "cliques).");
    t.add("workplace_size_exponent", &P::workplace_size_exponent, 1.06)
        .range(0.5, 5)
        .help("Zipf exponent of workplace sizes, P(size >= s) = s^-a (Axtell 2001: about 1.06).");
    t.add("workplace_max", &P::workplace_max, 1000)
        .range(1, 1e7)
        .unit("people")
        .help("Largest workplace.");
    t.add("class_size", &P::class_size, 27)
        .range(1, 1000)
        .unit("pupils")
        .help("Pupils per school class (DfE 2023: 26.6 in primary schools).");
    t.add("classmates", &P::classmates, 6.0)
        .range(0, 100)
        .unit("ties")
        .help("Ties per pupil within the class.");
    t.add("regions", &P::regions, std::vector<std::string>{})
        .help(
            "Region of each neighbourhood, one name per neighbourhood with each region's "
            "neighbourhoods listed together (empty: the town is one region). Kin and friends "
            "outside the neighbourhood are then drawn within the region, workplaces are filled "
            "within it (scenarios/uk.toml: local-authority-sized areas).");
    t.add("beyond_region", &P::beyond_region, 0.3)
        .range(0, 1)
        .help(
            "With regions: share of the kin and friends outside the neighbourhood who live "
            "anywhere in the population rather than in the region (assumed; docs/model.md).");
  });
}

const std::vector<sim::ParamSpec>& town_params() { return town_table().specs(); }

}  // namespace wellsim::models
