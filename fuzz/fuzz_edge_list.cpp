// libFuzzer target: the edge-list importer (models/network/edge_list.hpp) on a file holding the
// fuzz input, with header detection and, on every other input, groups by id / 10.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_support.hpp"
#include "models/network/edge_list.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto path = wellsim::fuzz::write_input(data, size, ".txt");
  wellsim::models::EdgeListOptions options;
  options.group_divisor = size % 2 == 0 ? 0 : 10;
  wellsim::fuzz::guarded([&] { (void)wellsim::models::read_edge_list(path, options); });
  return 0;
}
