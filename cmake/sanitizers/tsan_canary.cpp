// Proves that the ThreadSanitizer configuration's silence means something (scripts/sanitize.sh
// thread; cmake/sanitizers/tbb_tsan.c). Without an argument: the main thread fills a vector, a
// parallel_for on 2 threads reads it and writes another, the main thread reads that back: no
// race, and with TBB's edges made visible TSan must say nothing (without them it reports dozens).
// With the argument "race": every task also increments one plain int, a real race that TSan must
// still report. The two ctest tests `tsan_canary_*` check both.
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <cstdio>
#include <string>
#include <vector>

namespace {
int shared_counter = 0;
}

int main(int argc, char** argv) {
  const bool race = argc > 1 && std::string(argv[1]) == "race";
  tbb::global_control threads(tbb::global_control::max_allowed_parallelism, 2);
  long sum = 0;
  for (int rep = 0; rep < 20; ++rep) {
    std::vector<int> in(100000, rep);
    std::vector<int> out(in.size());
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, in.size(), 1000), [&](const auto& r) {
      for (auto i = r.begin(); i != r.end(); ++i) out[i] = in[i] * 2;
      if (race) ++shared_counter;
    });
    for (int x : out) sum += x;
  }
  std::printf("sum %ld\n", sum);
  return 0;
}
