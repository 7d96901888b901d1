#pragma once
// FamilyService: what family support and relationship counselling share — one place per
// distressed couple, domestic-abuse screening, and a course that resolves the distress at a
// weekly rate (see family_service.cpp).
#include <cstdint>
#include <vector>

#include "models/interventions/service.hpp"

namespace wellsim::models {

/// The rate and course of a family service, read from its type's own keys.
struct FamilyCourse {
  double recovery_rate = 0;        ///< weekly probability the course resolves the distress
  std::uint32_t course_weeks = 1;  ///< weeks of a course when duration_weeks is 0
};

/// Base of the services that work with a couple in a distressed relationship ([family]).
class FamilyService : public Service {
 public:
  /// `needs_child`: only families with a child under 16 (a parenting programme).
  FamilyService(const InterventionSetup& setup, bool needs_child);

 protected:
  /// The first partnered adult of a distressed household (one place per couple), with a child
  /// under 16 when `needs_child`, and no domestic abuse in the household (screened out).
  bool eligible(const sim::AgentStore& a, std::uint32_t i) const override;
  /// Problems of the household's adult first, then its number of children.
  double need(const sim::AgentStore& a, std::uint32_t i) const override;
  /// A week of the course resolves the distress with probability recovery_rate.
  void serve(sim::StepContext& ctx, const sim::RandomStream& rng, std::uint32_t i,
             std::vector<sim::Event>& events) const override;
  void prepare_type(const sim::Network&, sim::AgentStore&, sim::Ledger& ledger) override;
  std::uint32_t duration() const override {
    return duration_ > 0 ? duration_ : course_.course_weeks;
  }

  FamilyCourse course_;

 private:
  /// Members [first, last) of agent i's household (i alone when households are not indexed).
  std::pair<std::uint32_t, std::uint32_t> household_of(const sim::AgentStore& a,
                                                       std::uint32_t i) const;
  bool needs_child_;
  std::uint16_t e_resolved_ = 0;
};

/// The keys rate and course of a family service with its defaults and their sources.
sim::ParamTable<FamilyCourse> family_course_table(double rate, std::uint32_t weeks,
                                                  const std::string& rate_source,
                                                  const std::string& weeks_source);

}  // namespace wellsim::models
