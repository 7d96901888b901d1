// The weekly cycle of a capacity-limited service: see service.hpp.
#include "models/interventions/service.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/deterministic_parallel.hpp"
#include "sim/series_names.hpp"

namespace wellsim::models {

namespace {
constexpr std::uint32_t kDrawUptake = 0;
constexpr std::uint32_t kDrawOrder = 1;
constexpr std::uint32_t kOrderStep = 0xFFFFFFFFu;  // a step no run reaches: the key is fixed
}  // namespace

Service::Service(const InterventionSetup& s, Level level) : Intervention(s), level_(level) {}

std::uint64_t Service::order_hash(std::uint64_t seed, std::uint32_t replicate,
                                  std::uint32_t i) const {
  auto w = sim::RandomStream(seed, replicate, name()).words(kOrderStep, i, kDrawOrder);
  return (std::uint64_t{w[0]} << 32) | w[1];
}

void Service::prepare(const sim::Network& net, sim::AgentStore& agents, sim::Ledger& ledger) {
  net_ = &net;
  screen_ = required_domains();
  status_.assign(agents.size(), kIdle);
  since_.assign(agents.size(), 0);
  participants_.clear();
  queue_.clear();
  namespace series = sim::series;
  s_enrolled_ = ledger.add_series(series::service(label_, series::kEnrolled));
  s_queue_ = ledger.add_series(series::service(label_, series::kQueue));
  s_admitted_ = ledger.add_series(series::service(label_, series::kAdmitted));
  s_wait_ = ledger.add_series(series::service(label_, series::kMeanWait));
  s_capacity_ = ledger.add_series(series::service(label_, series::kCapacity));
  s_cost_ = ledger.add_series(series::service(label_, series::kCost));
  const std::string e = name() + "/";
  e_queued_ = ledger.add_event_kind(e + "queued");
  e_left_ = ledger.add_event_kind(e + "left_queue");
  e_start_ = ledger.add_event_kind(e + "start");
  e_end_ = ledger.add_event_kind(e + "end");
  if (world_ && world_->referral.size() != agents.size()) world_->referral.resize(agents.size(), 0);
  if (world_ && world_->relieved.size() != agents.size()) world_->relieved.resize(agents.size(), 0);
  reach_.clear();
  if (location_group_ >= 0 && !outreach_ && world_ && world_->access.on())
    for (std::size_t g = 0; g < world_->access.groups; ++g)
      reach_.push_back(world_->access.reach(g, static_cast<std::size_t>(location_group_)));
  prepare_type(net, agents, ledger);
}

std::vector<std::uint32_t> Service::waiting() const {
  std::vector<std::uint32_t> out;
  for (const auto& w : queue_) out.push_back(w.agent);
  return out;
}

void Service::set_series(double enrolled, double queue, double admitted, double wait, double cap,
                         double cost, sim::Ledger& ledger) const {
  ledger.set(s_enrolled_, enrolled);
  ledger.set(s_queue_, queue);
  ledger.set(s_admitted_, admitted);
  ledger.set(s_wait_, wait);
  ledger.set(s_capacity_, cap);
  ledger.set(s_cost_, cost);
}

void Service::leave(sim::StepContext& ctx, std::uint32_t i, LeaveReason why, Status next) {
  on_end(ctx, i);
  status_[i] = next;
  if (next == kResting) since_[i] = ctx.step;  // the rest runs from the end of the course
  ctx.ledger.record(
      sim::Event{ctx.step, i, sim::kNoAgent, e_end_, static_cast<std::uint16_t>(why)});
}

void Service::close(sim::StepContext& ctx) {
  for (std::uint32_t i : participants_) leave(ctx, i, LeaveReason::ServiceClosed, kIdle);
  participants_.clear();
  for (const auto& w : queue_) {
    status_[w.agent] = kIdle;
    ctx.ledger.record(sim::Event{ctx.step, w.agent, sim::kNoAgent, e_left_, 0});
  }
  queue_.clear();
}

void Service::run(sim::Phase, sim::StepContext& ctx) {
  if (!active(ctx.step)) {
    set_series(0, 0, 0, 0, 0, 0, ctx.ledger);
    return;
  }
  const sim::RandomStream rng(ctx.seed, ctx.replicate, name());
  release_finished(ctx);
  take_in(ctx, rng);
  const std::uint64_t cap = capacity_now();
  withdraw_places(ctx, cap);
  order_waiting_list(ctx);
  const Admitted admitted = admit(ctx, rng, cap);
  serve_participants(ctx, rng);
  record_week(ctx, admitted, cap);
  if (ctx.step == end_) close(ctx);
}

void Service::release_finished(sim::StepContext& ctx) {
  // In admission order, so the events and the list keep a fixed order.
  // A course that ends (done, or no longer eligible) starts the rest of the course rule; with
  // no rest the person is asked again only in a new episode of need.
  const std::uint32_t weeks = duration();
  const CourseRule rule = course_rule();
  const bool rests = rule.rest_weeks > 0;
  const bool keep_to_end = rule.complete && weeks > 0;
  std::size_t kept = 0;
  for (std::uint32_t i : participants_) {
    if (!ctx.agents.is_present(i))  // died ([demography]): the place is freed whatever the rule
      leave(ctx, i, LeaveReason::NoLongerEligible, kIdle);
    else if (weeks > 0 && ctx.step - since_[i] >= weeks)
      leave(ctx, i, LeaveReason::DurationDone, rests ? kResting : kAsked);
    else if (!keep_to_end && !qualifies(ctx.agents, i))
      leave(ctx, i, LeaveReason::NoLongerEligible, rests ? kResting : kIdle);
    else
      participants_[kept++] = i;
  }
  participants_.resize(kept);
}

void Service::take_in(sim::StepContext& ctx, const sim::RandomStream& rng) {
  // Each agent writes only its own status slot; newcomers come back in block order.
  const sim::AgentStore& a = ctx.agents;
  const std::uint32_t step = ctx.step, rest = course_rule().rest_weeks;
  auto arrivals = sim::collect_blocks<std::uint32_t>(
      a.size(), [&](std::size_t b, std::size_t e, std::vector<std::uint32_t>& out) {
        for (std::size_t k = b; k < e; ++k) {
          const auto i = static_cast<std::uint32_t>(k);
          std::uint8_t st = status_[i];
          if (st == kQueued || st == kEnrolled) continue;
          if (st == kResting) {
            if (step - since_[i] < rest) continue;
            st = status_[i] = kIdle;  // rested: a new referral is a new course
          }
          const bool q = may_qualify(a, i) && qualifies(a, i);
          if (st == kAsked) {
            if (!q) status_[i] = kIdle;  // the episode is over: a later one is asked afresh
            continue;
          }
          if (!q || !admissible(ctx, rng, i)) continue;
          if (rng.uniform(step, i, kDrawUptake) < uptake_ * reach_of(i)) {
            status_[i] = kQueued;
            out.push_back(i);
          } else {
            status_[i] = kAsked;
          }
        }
      });
  for (std::uint32_t i : arrivals) {
    queue_.push_back({i, step, order_hash(ctx.seed, ctx.replicate, i), 0});
    ctx.ledger.record(sim::Event{step, i, sim::kNoAgent, e_queued_, 0});
  }
}

double Service::reach_of(std::uint32_t i) const {
  if (reach_.empty()) return 1.0;
  const std::int32_t g = net_->group[i];
  return g >= 0 && static_cast<std::size_t>(g) < reach_.size() ? reach_[g] : 1.0;
}

std::uint64_t Service::capacity_now() const {
  const double mult =
      level_ == Level::Meso ? world_->macro.capacity_meso : world_->macro.capacity_micro;
  const std::uint64_t base = base_capacity();
  return base == 0 ? kUnlimited
                   : static_cast<std::uint64_t>(std::floor(static_cast<double>(base) * mult));
}

void Service::withdraw_places(sim::StepContext& ctx, std::uint64_t cap) {
  // The latest admitted leave first when funding falls below the caseload.
  while (participants_.size() > cap) {
    leave(ctx, participants_.back(), LeaveReason::PlaceWithdrawn, kIdle);
    participants_.pop_back();
  }
}

void Service::order_waiting_list(sim::StepContext& ctx) {
  const sim::AgentStore& a = ctx.agents;
  std::size_t kept = 0;
  for (const auto& w : queue_) {
    if (!qualifies(a, w.agent)) {
      status_[w.agent] = kIdle;
      ctx.ledger.record(sim::Event{ctx.step, w.agent, sim::kNoAgent, e_left_, 0});
    } else {
      queue_[kept++] = w;
    }
  }
  queue_.resize(kept);
  const auto before = [&](const Waiting& x, const Waiting& y) {
    if (policy_ == QueuePolicy::Need && x.need != y.need) return x.need > y.need;
    if (policy_ != QueuePolicy::Random && x.arrival != y.arrival) return x.arrival < y.arrival;
    if (x.hash != y.hash) return x.hash < y.hash;
    return x.agent < y.agent;
  };
  // Last week's list was in order and its keys are fixed but need: the people whose key is
  // unchanged are still in order among themselves; newcomers and changed needs are sorted and
  // merged in. A list that is not in order (a resumed older run) is sorted whole.
  moved_.clear();
  kept = 0;
  for (auto w : queue_) {
    bool stays = w.arrival != ctx.step;  // this week's newcomers have not been placed yet
    if (policy_ == QueuePolicy::Need) {
      const double now = need(a, w.agent);
      stays = stays && now == w.need;
      w.need = now;
    }
    (stays ? queue_[kept++] : moved_.emplace_back()) = w;
  }
  queue_.resize(kept);
  if (!std::is_sorted(queue_.begin(), queue_.end(), before))
    std::sort(queue_.begin(), queue_.end(), before);
  std::sort(moved_.begin(), moved_.end(), before);
  const std::size_t settled = queue_.size();
  queue_.insert(queue_.end(), moved_.begin(), moved_.end());
  std::inplace_merge(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(settled),
                     queue_.end(), before);
}

Service::Admitted Service::admit(sim::StepContext& ctx, const sim::RandomStream& rng,
                                 std::uint64_t cap) {
  Admitted out;
  out.count = cap > participants_.size() ? static_cast<std::size_t>(std::min<std::uint64_t>(
                                               cap - participants_.size(), queue_.size()))
                                         : 0;
  for (std::size_t k = 0; k < out.count; ++k) {
    const std::uint32_t i = queue_[k].agent;
    const std::uint32_t wait = ctx.step - queue_[k].arrival;
    out.weeks_waited += wait;
    status_[i] = kEnrolled;
    since_[i] = ctx.step;
    participants_.push_back(i);
    ctx.ledger.record(sim::Event{ctx.step, i, sim::kNoAgent, e_start_,
                                 static_cast<std::uint16_t>(std::min<std::uint32_t>(wait, 65535))});
    on_start(ctx, rng, i);
  }
  queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(out.count));
  return out;
}

void Service::serve_participants(sim::StepContext& ctx, const sim::RandomStream& rng) {
  const auto events = sim::collect_blocks<sim::Event>(
      participants_.size(), [&](std::size_t b, std::size_t e, std::vector<sim::Event>& out) {
        for (std::size_t k = b; k < e; ++k) serve(ctx, rng, participants_[k], out);
      });
  ctx.ledger.record(events);
  after_serve(ctx, rng);
}

void Service::record_week(sim::StepContext& ctx, const Admitted& admitted,
                          std::uint64_t cap) const {
  const auto started = static_cast<double>(admitted.count);
  double cost = costs_.per_week + costs_.per_participant * started +
                participant_week_cost() * static_cast<double>(participants_.size());
  if (ctx.step == start_) cost += costs_.fixed;
  if (outreach_) cost += outreach_cost_;
  set_series(static_cast<double>(participants_.size()), static_cast<double>(queue_.size()), started,
             admitted.count ? admitted.weeks_waited / started : 0,
             cap == kUnlimited ? static_cast<double>(ctx.agents.size()) : static_cast<double>(cap),
             cost, ctx.ledger);
}

}  // namespace wellsim::models
