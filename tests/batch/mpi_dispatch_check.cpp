// Runs under `mpirun --oversubscribe -np 3` (CTest mpi_dispatch; not in the Catch2 suite, which
// runs without mpirun). 20 tasks of uneven length: task 0 sleeps 1.5 s, the others 20 ms, and
// task 13 fails. Rank 0 checks that every task ran exactly once and was reported once, that the
// failure came back with its text, that with 3 ranks the tasks went to ranks 1 and 2 and the slow
// task held up only its own rank, and that rank 0 slept rather than spun while it waited.
// Exit status 0 when every check passes; each failed check prints one "FAIL:" line.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "batch/mpi_dispatch.hpp"

namespace {

using wellsim::batch::DispatchResult;
using namespace std::chrono_literals;

constexpr std::uint32_t kTasks = 20;
constexpr std::uint32_t kFailing = 13;
const std::string kFailure = "task 13 fails on purpose";

std::string work(std::uint32_t task) {
  std::this_thread::sleep_for(task == 0 ? 1500ms : 20ms);
  return task == kFailing ? kFailure : "";
}

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec * 1e-6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

int g_failures = 0;

void check(bool ok, const std::string& what) {
  if (ok) return;
  std::fprintf(stderr, "FAIL: %s\n", what.c_str());
  ++g_failures;
}

// Every task exactly once, in task order, the right ones failed, each reported once.
void check_complete(const std::vector<DispatchResult>& results, const std::vector<int>& reported) {
  check(results.size() == kTasks, "rank 0 has " + std::to_string(results.size()) + " results");
  for (std::uint32_t i = 0; i < results.size() && i < kTasks; ++i) {
    const DispatchResult& r = results[i];
    const std::string name = "task " + std::to_string(i);
    check(r.task == i,
          name + ": result " + std::to_string(i) + " is task " + std::to_string(r.task));
    check(reported[i] == 1, name + ": on_result called " + std::to_string(reported[i]) + " times");
    if (i == kFailing)
      check(!r.ok && r.error == kFailure, name + ": expected failure, got \"" + r.error + "\"");
    else
      check(r.ok && r.error.empty(), name + ": unexpected failure \"" + r.error + "\"");
  }
}

// With 3 ranks: ranks 1 and 2 did the work, and the rank that drew the 1.5 s task ran 1-2 tasks.
void check_spread(const std::vector<DispatchResult>& results, int size) {
  std::map<int, int> per_rank;
  for (const DispatchResult& r : results) ++per_rank[r.rank];
  std::printf("tasks per rank:");
  for (const auto& [rank, n] : per_rank) std::printf(" %d:%d", rank, n);
  std::printf("\n");
  if (size == 1) {
    check(per_rank[0] == static_cast<int>(kTasks), "one rank: rank 0 should run every task");
    return;
  }
  check(per_rank.count(0) == 0, "rank 0 coordinates and should run no task");
  if (size != 3 || results.empty()) return;
  check(per_rank[1] > 0 && per_rank[2] > 0, "tasks should go to both rank 1 and rank 2");
  const int slow_rank = results[0].rank;
  check(per_rank[slow_rank] <= 2, "rank " + std::to_string(slow_rank) + " ran the slow task and " +
                                      std::to_string(per_rank[slow_rank]) + " tasks in all");
}

int run_rank0(const wellsim::batch::MpiSession& session) {
  std::vector<int> reported(kTasks, 0);
  auto on_result = [&](const DispatchResult& r) {
    if (r.task < kTasks) ++reported[r.task];
  };
  const double cpu0 = cpu_seconds();
  const auto t0 = std::chrono::steady_clock::now();
  const auto results = wellsim::batch::mpi_dispatch(session, kTasks, work, on_result);
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double cpu = cpu_seconds() - cpu0;
  std::printf("%d ranks: %u tasks in %.2f s; rank 0 used %.3f s CPU (%.0f%%)\n", session.size(),
              kTasks, wall, cpu, 100 * cpu / wall);
  check_complete(results, reported);
  check_spread(results, session.size());
  // A coordinator spinning in MPI_Recv would use most of a core for the whole 1.5 s.
  if (session.size() > 1) check(cpu < 0.25 * wall, "rank 0 should sleep between polls");
  return g_failures == 0 ? 0 : 1;
}

}  // namespace

int main() {
  wellsim::batch::MpiSession session;
  if (session.rank() == 0) return run_rank0(session);
  for (const DispatchResult& r : wellsim::batch::mpi_dispatch(session, kTasks, work))
    check(r.rank == session.rank(), "a worker's own results carry its rank");
  return g_failures == 0 ? 0 : 1;
}
