#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "output/run_records.hpp"

namespace wellsim::output {

/// What a run is, as the caller knows it before the first step: everything the manifest and
/// /scenario need so the file alone can reproduce the run (DESIGN invariant 7).
struct RunInfo {
  std::string scenario_path;           ///< the scenario file as given
  std::string scenario_text;           ///< its text, verbatim
  std::string effective_scenario;      ///< effective TOML: every key with the value used
  std::string scenario_hash;           ///< hash of the effective scenario
  std::vector<std::string> overrides;  ///< KEY=VALUE overrides, in order
  std::uint64_t seed = 0;              ///< scenario seed
  std::uint32_t replicate = 0;         ///< replicate number
  std::uint32_t threads = 0;           ///< worker threads used
  std::uint32_t steps_planned = 0;     ///< steps the run is meant to take
  std::string model;                   ///< wellbeing model name
  std::string network_source;          ///< network generator or importer name
  /// Scenario parameters, "table.key" -> TOML text of the value (/manifest/parameters).
  std::map<std::string, std::string> parameters;
  /// The same parameters typed, with unit and help (/parameters).
  std::vector<ParameterRecord> typed_parameters;
  /// The scenario's interventions, in scenario order (/interventions).
  std::vector<InterventionRecord> interventions;
};

/// Names of the codes in the person columns, stored beside them so a reader needs no code. The
/// model that fills the columns owns the names (models/community/vocabulary.hpp); the caller
/// passes them in, since output/ depends on sim/ only.
struct PeopleCodes {
  std::vector<std::string> domains;     ///< domain bits in bit order (/people domain_names)
  std::vector<std::string> activities;  ///< activity codes in code order (activity_names)
  std::vector<std::string> tenures;     ///< tenure codes in code order (tenure_names)
  std::vector<std::string> traits;      ///< trait bits in bit order (trait_names)
};

/// How the writer stores a run.
struct WriterOptions {
  std::uint32_t record_every = 4;  ///< per-agent wellbeing every k steps (0: first and last only)
  int compression = 1;             ///< deflate level 0-9 for large datasets, 0 = none
  bool overwrite = false;          ///< replace an existing file instead of refusing
  PeopleCodes people_codes;        ///< required when the agents have person columns
};

}  // namespace wellsim::output
