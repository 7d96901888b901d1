// Why this file exists: a run killed by SIGINT or SIGTERM used to leave status "running" and
// no message. The handler only stores the signal (async-signal-safe: a lock-free atomic); the
// run checks it between steps, marks its file and exits 128 + signal.
#include "cli/stop_signal.hpp"

#include <csignal>

namespace wellsim::cli {

namespace {

std::atomic<int> g_stop{0};
static_assert(std::atomic<int>::is_always_lock_free);
struct sigaction g_old_int {
}, g_old_term{};

extern "C" void on_stop_signal(int sig) { g_stop.store(sig); }

}  // namespace

StopOnSignal::StopOnSignal() {
  g_stop.store(0);
  struct sigaction sa {};
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  // SA_RESETHAND: the second Ctrl-C kills at once, for a user who will not wait for the step.
  sa.sa_flags = SA_RESTART | SA_RESETHAND;
  sigaction(SIGINT, &sa, &g_old_int);
  sigaction(SIGTERM, &sa, &g_old_term);
}

StopOnSignal::~StopOnSignal() {
  sigaction(SIGINT, &g_old_int, nullptr);
  sigaction(SIGTERM, &g_old_term, nullptr);
}

const std::atomic<int>* StopOnSignal::flag() const { return &g_stop; }

int StopOnSignal::exit_status() const { return 128 + g_stop.load(); }

}  // namespace wellsim::cli
