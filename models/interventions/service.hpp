#pragma once
// Service: the shared machinery of every capacity-limited micro and meso service — eligibility
// scan, uptake, waiting list, admission, weekly service, exits, and the service's series.
//
// Each active week, in the interventions phase:
//  1. exits: participants whose `duration_weeks` is done, or who are no longer eligible, leave
//     (a type with a course rule keeps them to the end of the course: see CourseRule);
//  2. intake: a deterministic parallel scan (sim::collect_blocks) finds people in the target
//     who are eligible, neither enrolled nor queued nor already asked this episode nor resting
//     after a course; each takes up the offer with probability `uptake` (times the travel decay
//     from their neighbourhood to the service's `location`, models/community/access.hpp, unless
//     it does outreach), drawn once per person per episode (an episode is an unbroken run of
//     weeks eligible) from the intervention's stream with a fixed draw index;
//  3. capacity = `capacity` x world.macro.capacity_micro|meso (service funding), rounded down;
//     0 means unlimited. If funding is cut below the current caseload, the latest admitted
//     leave first (a place withdrawn), so the caseload never exceeds capacity;
//  4. the waiting list is ordered by the `queue` policy — need: higher need() first, then
//     earlier arrival, then a hash of (agent, stream); first_come: arrival, then hash; random:
//     hash — a total order on stable keys, so the choice is the same for any thread count (DESIGN
//     invariant 4). Queued people no longer eligible leave the list. The list stays in that
//     order between weeks, so only newcomers and people whose need changed are sorted and merged
//     in (a total order has one sorted arrangement: the same list as a full sort);
//  5. the first free places are filled;
//  6. every participant gets the type's weekly effect (parallel over participants; each writes
//     only its own slots, draws keyed by (step, agent));
//  7. series "service/<name>/{enrolled,queue,admitted,mean_wait_weeks,capacity,cost}" are set
//     every step, 0 outside the active weeks. `capacity` is the population size when unlimited.
// At the end of `end_week` the service closes: participants leave and the list is cleared, so
// nothing of it acts afterwards (lasting effects a type documents, such as won benefit income
// or community ties, run their own course).
//
// Events: "intervention/<name>/queued", ".../left_queue", ".../start" (detail = weeks waited,
// capped at 65535), ".../end" (detail = why, a LeaveReason: 0 duration done, 1 no longer
// eligible, 2 place withdrawn by a capacity cut, 3 service closed).
//
// Source: the queueing discipline is that of UK statutory services (need-based triage, else
// first come first served); the design is ours. Why one class: every service shares the same
// capacity arithmetic and ordering, and the invariant tests (capacity never exceeded, order
// independent of threads) then cover every type at once.
#include <cstdint>
#include <vector>

#include "models/interventions/intervention.hpp"
#include "sim/rng.hpp"

namespace wellsim::models {

/// Why a participant left a service: the `detail` of its ".../end" event in the run file.
enum class LeaveReason : std::uint16_t {
  DurationDone = 0,      ///< `duration_weeks` served
  NoLongerEligible = 1,  ///< left the target or no longer eligible
  PlaceWithdrawn = 2,    ///< a funding cut took the place (latest admitted first)
  ServiceClosed = 3,     ///< the service ended in `end_week`
};

/// When a participant may come back as new. By default (both 0) a person leaves when no longer
/// eligible and is asked afresh when a new episode of need begins. A programme whose own effect
/// ends eligibility (social prescribing's ties lift loneliness; the ties fade and loneliness
/// returns) would otherwise take the same person in again and again, each start a new course
/// charged in full; a type declares its rule so that a person starts at most once per
/// `course_weeks + rest_weeks` of the run.
struct CourseRule {
  bool complete = false;         ///< participants stay to the end of the course once started
  std::uint32_t rest_weeks = 0;  ///< weeks after a course ends before a person can start again
};

/// Base of capacity-limited services: a type says who is eligible, how needy, and what a week of
/// service does (see the file comment for the weekly cycle).
class Service : public Intervention {
 public:
  /// `level` picks the funding multiplier (the service terms are read by Intervention).
  Service(const InterventionSetup& setup, Level level);
  /// Runs in the interventions phase.
  sim::PhaseMask phases() const override { return sim::bit(sim::Phase::Interventions); }
  /// Declares series and event kinds; sizes per-agent state.
  void prepare(const sim::Network& net, sim::AgentStore& agents, sim::Ledger& ledger) override;
  /// One week of the service (see the file comment).
  void run(sim::Phase phase, sim::StepContext& ctx) override;
  /// Who is asked, queued or enrolled, since when, and the waiting list.
  void state(sim::StateVisitor& v) override {
    sim::visit(v, "status", status_);
    sim::visit(v, "since", since_);
    sim::visit(v, "participants", participants_);
    sim::visit(v, "queue", queue_);
  }

  /// Participants now, in admission order.
  const std::vector<std::uint32_t>& participants() const { return participants_; }
  /// People waiting now, in the order they will be admitted.
  std::vector<std::uint32_t> waiting() const;
  /// The stable tie-break key of agent i for a run (seed, replicate): a hash of agent and stream.
  std::uint64_t order_hash(std::uint64_t seed, std::uint32_t replicate, std::uint32_t i) const;
  /// Person i is in the target and eligible now: who the intake scan takes in.
  bool qualifies_now(const sim::AgentStore& a, std::uint32_t i) const { return qualifies(a, i); }
  /// False when person i cannot qualify, by one test of their domains (required_domains): the
  /// screen the intake scan applies before the full test, so it must hold whenever qualifies_now
  /// does (tests/models/interventions/service_screen_test.cpp checks every type).
  bool may_qualify(const sim::AgentStore& a, std::uint32_t i) const {
    return screen_ == 0 || (a.domains[i] & screen_) != 0;
  }

 protected:
  /// Person i qualifies for this service now (besides the target).
  virtual bool eligible(const sim::AgentStore& a, std::uint32_t i) const = 0;
  /// Domains of which a person must have at least one to be eligible (0: no such rule). The
  /// weekly intake scan skips everyone else without asking eligible(), which is most people.
  virtual DomainBits required_domains() const { return 0; }
  /// Extra gate for joining (not for staying), e.g. a referral; default true.
  virtual bool admissible(const sim::StepContext&, const sim::RandomStream&, std::uint32_t) const {
    return true;
  }
  /// Priority under the need policy (higher first).
  virtual double need(const sim::AgentStore&, std::uint32_t) const { return 1; }
  /// Called in admission order when person i starts (one thread).
  virtual void on_start(sim::StepContext&, const sim::RandomStream&, std::uint32_t) {}
  /// Called in order when person i leaves (one thread).
  virtual void on_end(sim::StepContext&, std::uint32_t) {}
  /// A week of service for participant i; runs in parallel and writes only i's own slots.
  virtual void serve(sim::StepContext& ctx, const sim::RandomStream& rng, std::uint32_t i,
                     std::vector<sim::Event>& events) const = 0;
  /// Called once after serving, on one thread: community ties and other shared effects.
  virtual void after_serve(sim::StepContext&, const sim::RandomStream&) {}
  /// Declares a type's own series and event kinds.
  virtual void prepare_type(const sim::Network&, sim::AgentStore&, sim::Ledger&) {}
  /// Places before the funding multiplier (0 = unlimited).
  virtual std::uint64_t base_capacity() const { return capacity_; }
  /// Weeks a participant is served (0 = while eligible).
  virtual std::uint32_t duration() const { return duration_; }
  /// GBP per participant per week.
  virtual double participant_week_cost() const { return costs_.per_participant_week; }
  /// The type's course and re-referral rule (default: leave when no longer eligible, no rest).
  virtual CourseRule course_rule() const { return {}; }

  /// Draw indices 0..7 are the service's own; types use kFirstTypeDraw and up.
  static constexpr std::uint32_t kFirstTypeDraw = 8;

  Level level_;
  const sim::Network* net_ = nullptr;  // set in prepare; the network outlives the run

 private:
  // kResting: a course ended less than CourseRule::rest_weeks ago (since_ holds the week it
  // ended); the person is not taken in as new until the rest is over.
  enum Status : std::uint8_t { kIdle, kAsked, kQueued, kEnrolled, kResting };
  struct Waiting {
    std::uint32_t agent, arrival;
    std::uint64_t hash;
    double need;
  };
  bool qualifies(const sim::AgentStore& a, std::uint32_t i) const {
    return target_.contains(a, *net_, i) && eligible(a, i);
  }
  /// Admissions of one week: how many started and their total weeks on the list.
  struct Admitted {
    std::size_t count = 0;
    double weeks_waited = 0;
  };
  static constexpr std::uint64_t kUnlimited = ~std::uint64_t{0};

  // The weekly cycle, one step each (see the file comment).
  void release_finished(sim::StepContext& ctx);
  void take_in(sim::StepContext& ctx, const sim::RandomStream& rng);
  std::uint64_t capacity_now() const;
  /// Share of the uptake left to person i by the journey to the service (1 without travel).
  double reach_of(std::uint32_t i) const;
  void withdraw_places(sim::StepContext& ctx, std::uint64_t cap);
  void order_waiting_list(sim::StepContext& ctx);
  Admitted admit(sim::StepContext& ctx, const sim::RandomStream& rng, std::uint64_t cap);
  void serve_participants(sim::StepContext& ctx, const sim::RandomStream& rng);
  void record_week(sim::StepContext& ctx, const Admitted& admitted, std::uint64_t cap) const;
  void leave(sim::StepContext& ctx, std::uint32_t i, LeaveReason why, Status next);
  void close(sim::StepContext& ctx);
  void set_series(double enrolled, double queue, double admitted, double wait, double cap,
                  double cost, sim::Ledger& ledger) const;

  std::vector<double> reach_;  // per home neighbourhood: uptake's share left by travel; empty: 1
  std::vector<std::uint8_t> status_;
  std::vector<std::uint32_t> since_;  // admission week of participants; end week of the resting
  std::vector<std::uint32_t> participants_;
  std::vector<Waiting> queue_;
  std::vector<Waiting> moved_;  // order_waiting_list's scratch: entries whose place changed
  DomainBits screen_ = 0;       // required_domains(), read once in prepare
  std::size_t s_enrolled_ = 0, s_queue_ = 0, s_admitted_ = 0, s_wait_ = 0, s_capacity_ = 0,
              s_cost_ = 0;
  std::uint16_t e_queued_ = 0, e_left_ = 0, e_start_ = 0, e_end_ = 0;
};

}  // namespace wellsim::models
