// libFuzzer target: the GraphViz DOT importer (models/network/graph_file.hpp,
// boost::read_graphviz) on a file holding the fuzz input, with edge weights from "weight".
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_support.hpp"
#include "models/network/graph_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto path = wellsim::fuzz::write_input(data, size, ".dot");
  wellsim::fuzz::guarded([&] { (void)wellsim::models::read_graphviz_file(path, "weight"); });
  return 0;
}
