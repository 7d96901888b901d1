// libFuzzer target: the GraphML importer (models/network/graph_file.hpp, boost::read_graphml) on
// a file holding the fuzz input, with edge weights read from the attribute "weight".
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_support.hpp"
#include "models/network/graph_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto path = wellsim::fuzz::write_input(data, size, ".graphml");
  wellsim::fuzz::guarded([&] { (void)wellsim::models::read_graphml_file(path, "weight"); });
  return 0;
}
