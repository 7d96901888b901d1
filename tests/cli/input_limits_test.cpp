// Issue 14's corpus of bad inputs (scenarios, network files, options), found by fuzzing: each is
// refused with exit status 2 and exactly one line on stderr that names the file (and the line
// where there is one), by `validate` and by `run` alike (validate runs every check run does, so
// what validate passes, run accepts). Limits: docs/reliability.md, "Input limits".
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>

#include "models/memory_estimate.hpp"
#include "models/scenario_schema.hpp"
#include "sim/scenario.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;
using Catch::Contains;

namespace {

const char* kOpinion = "[run]\nsteps = 3\n[network]\nsource = \"watts_strogatz\"\nn = 200\nk = 4\n";

/// A small town extending the library's default scenario (5 neighbourhoods, 2,000 people).
std::string town(const std::string& extra) {
  return "extends = \"" + test::source_path("scenarios/default.toml") +
         "\"\n[run]\nsteps = 2\n[population]\nsizes = [520, 410, 390, 360, 320]\n" + extra;
}

/// Scenario text reading network file `file` with importer `source`.
std::string imported(const std::string& source, const std::string& file,
                     const std::string& extra = "") {
  return "[run]\nsteps = 3\n[network]\nsource = \"" + source + "\"\npath = \"" + file + "\"\n" +
         extra;
}

/// The refusal every case must give: status 2, one line on stderr, `expected` in it.
void refused(const test::CliResult& r, const std::string& expected) {
  INFO(r.err);
  CHECK(r.status == 2);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK(r.err.rfind("wellsim: ", 0) == 0);
  CHECK_THAT(r.err, Contains(expected));
}

/// `validate` and `run` of the same scenario give the same one-line refusal, and run leaves no
/// file behind.
void both_refuse(const test::TempDir& dir, const std::string& scenario,
                 const std::string& expected) {
  const auto v = test::run_wellsim({"validate", scenario, "-q"});
  refused(v, expected);
  const auto r = test::run_wellsim({"run", scenario, "-o", dir.file("out.h5"), "-q"});
  refused(r, expected);
  CHECK(r.err == v.err);
  CHECK_FALSE(std::filesystem::exists(dir.file("out.h5")));
}

std::string repeated(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("deeply nested GraphViz and GraphML files are refused before Boost reads them",
          "[reliability][cli]") {
  test::TempDir dir("limits-nesting");
  // ~9,000 nested subgraphs and ~30,000 nested elements overflowed the stack inside Boost.
  dir.write("deep.dot", "graph G {\n" + repeated("subgraph {\n", 9000) + "a -- b\n" +
                            repeated("}\n", 9000) + "}\n");
  both_refuse(dir, dir.write("dot.toml", imported("graphviz", "deep.dot")),
              "deep.dot:257: GraphViz braces nested deeper than 256 levels");
  dir.write("deep.graphml",
            "<?xml version=\"1.0\"?>\n<graphml>\n<graph edgedefault=\"undirected\">\n"
            "<node id=\"a\"/>\n" +
                repeated("<x>", 30000) + repeated("</x>", 30000) + "\n</graph>\n</graphml>\n");
  both_refuse(dir, dir.write("xml.toml", imported("graphml", "deep.graphml")),
              "deep.graphml:5: GraphML elements nested deeper than 256 levels");
}

TEST_CASE("devices, pipes, folders and oversized files are refused unread", "[reliability][cli]") {
  test::TempDir dir("limits-files");
  refused(test::run_wellsim({"validate", "/dev/urandom"}),
          "/dev/urandom: cannot read scenario file: it is a device");
  refused(test::run_wellsim({"validate", "/dev/zero"}),
          "/dev/zero: cannot read scenario file: it is a device");
  both_refuse(dir, dir.write("z.toml", imported("edge_list", "/dev/zero")),
              "z.toml:5: network.path: not a regular file (a device, pipe or folder): /dev/zero");
  refused(test::run_wellsim({"validate", dir.path().string()}),
          "cannot read scenario file: it is a folder");
  // Sparse files: the size is refused from fstat before a byte is read.
  const std::string big = dir.write("big.toml", "");
  std::filesystem::resize_file(big, (std::uintmax_t{16} << 20) + 1);
  refused(test::run_wellsim({"validate", big}),
          "big.toml: cannot read scenario file: 16.0 MiB, over the limit of 16 MiB");
  std::filesystem::resize_file(dir.write("big.graphml", ""), (std::uintmax_t{256} << 20) + 1);
  both_refuse(dir, dir.write("g.toml", imported("graphml", "big.graphml")),
              "big.graphml: cannot read GraphML file: 256.0 MiB, over the limit of 256 MiB");
  dir.write("long.dot", "graph G { a -- b }\n// " + std::string((1 << 20) + 10, 'x') + "\n");
  both_refuse(dir, dir.write("long.toml", imported("graphviz", "long.dot")),
              "long.dot:2: line of 1.0 MiB, over the limit of 1 MiB per line of a GraphViz file");
  const auto line = dir.write("line.toml", "# " + std::string((1 << 20) + 10, 'x') + "\n");
  refused(test::run_wellsim({"validate", line}), "line.toml:1: line of 1.0 MiB");
}

TEST_CASE("a population too large for this machine's memory is refused by validate",
          "[reliability][cli]") {
  test::TempDir dir("limits-memory");
  // The documented maximum SBM (2^32 - 2 agents) passed validate and the run ground on; it needs
  // about 840 GiB, more than any machine the tests run on.
  both_refuse(dir,
              dir.write("sbm.toml",
                        "[network]\nsource = \"sbm\"\nsizes = [4294967294]\ndegree_within = 10\n"),
              "sbm.toml: network: about 840.0 GiB of memory needed for 4.29e+09 agents");
  both_refuse(dir,
              dir.write("town.toml", "extends = \"" + test::source_path("scenarios/default.toml") +
                                         "\"\n[population]\nneighbourhoods = [\"a\"]\nsizes = "
                                         "[2147483647]\n[life]\nvictimisation_by_neighbourhood "
                                         "= []\n"),
              "town.toml: population: about 500.0 GiB of memory needed for 2.15e+09 people");
}

TEST_CASE("scenario values that were silently accepted are refused", "[reliability][cli]") {
  test::TempDir dir("limits-values");
  both_refuse(dir,
              dir.write("big.toml", std::string(kOpinion) +
                                        "[wellbeing]\nsusceptibility = 9223372036854775807\n"),
              "big.toml:8: wellbeing.susceptibility: expected a number in [0, 1], found "
              "9223372036854775807");
  both_refuse(dir,
              dir.write("cap.toml", town("[[intervention]]\ntype = \"food_bank\"\nname = "
                                         "\"extra\"\ncapacity = {}\n")),
              "cap.toml:9: intervention[5].capacity: expected an integer in [0, 1e+12], found a "
              "table");
  both_refuse(dir, dir.write("vic.toml", town("[life]\nvictimisation_by_neighbourhood = [1, 2]\n")),
              "vic.toml: life.victimisation_by_neighbourhood: expected 5 values (one per "
              "neighbourhood), found 2");
  both_refuse(dir,
              dir.write("lw.toml", std::string(kOpinion) + "[wellbeing]\nlayer_weights = [0]\n"),
              "lw.toml: wellbeing.layer_weights: expected at least one positive weight");
  both_refuse(
      dir, dir.write("lw2.toml", std::string(kOpinion) + "[wellbeing]\nlayer_weights = [1, 1]\n"),
      "lw2.toml: wellbeing.layer_weights: expected 1 weights (one per layer of the "
      "watts_strogatz network), found 2");
  both_refuse(dir, dir.write("ord.toml", std::string(kOpinion) + "ordering = \"groups\"\n"),
              "ord.toml: network.ordering: 'groups' needs a source that knows groups");
  dir.write("base.toml", kOpinion);
  both_refuse(dir, dir.write("ext.toml", "extends = \"base.toml\\u0000x\"\n"),
              "ext.toml:1: extends: expected a file path, found a control character (code 0)");
}

TEST_CASE("network files with unusable ties or no nodes are refused", "[reliability][cli]") {
  test::TempDir dir("limits-networks");
  dir.write("neg.txt", "1 2 1\n2 3 -0.5\n");
  both_refuse(dir, dir.write("neg.toml", imported("edge_list", "neg.txt")),
              "neg.txt:2: expected a positive finite number as the weight (third column), found "
              "'2 3 -0.5'");
  dir.write("zero.txt", "1 2 0\n2 3 0\n");
  both_refuse(dir, dir.write("zero.toml", imported("edge_list", "zero.txt")),
              "zero.txt:1: expected a positive finite number as the weight");
  dir.write("w.graphml",
            "<?xml version=\"1.0\"?>\n<graphml>\n<key id=\"w\" for=\"edge\" attr.name=\"weight\" "
            "attr.type=\"double\"/>\n<graph edgedefault=\"undirected\">\n<node id=\"1\"/><node "
            "id=\"2\"/>\n<edge source=\"1\" target=\"2\"><data key=\"w\">-1</data></edge>\n"
            "</graph>\n</graphml>\n");
  both_refuse(
      dir, dir.write("w.toml", imported("graphml", "w.graphml", "weight_attribute = \"weight\"\n")),
      "w.graphml: edge 1 (1 -- 2): expected a positive finite number as 'weight'");
  dir.write("empty.graphml",
            "<?xml version=\"1.0\"?>\n<graphml>\n<graph edgedefault=\"undirected\">\n</graph>\n"
            "</graphml>\n");
  both_refuse(dir, dir.write("e.toml", imported("graphml", "empty.graphml")),
              "empty.graphml: the graph has no nodes");
  dir.write("empty.dot", "graph G {}\n");
  both_refuse(dir, dir.write("d.toml", imported("graphviz", "empty.dot")),
              "empty.dot: the graph has no nodes");
}

TEST_CASE("bad options and paths give one short line", "[reliability][cli]") {
  test::TempDir dir("limits-options");
  const auto scenario = dir.write("s.toml", kOpinion);
  const auto steps = test::run_wellsim({"validate", scenario, "--steps", "ten"});
  refused(steps, "--steps: expected a whole number >= 0, found 'ten'");
  CHECK(steps.err.size() < 100);  // CLI11 printed its range as 300 digits
  refused(test::run_wellsim({"run", scenario, "--seed", "-1"}),
          "--seed: expected a whole number >= 0, found '-1'");
  refused(test::run_wellsim({"validate", dir.file("a\nb.toml")}),
          "a?b.toml: cannot read scenario file: No such file or directory");
  const auto long_path = test::run_wellsim({"validate", std::string(5000, 'a') + ".toml"});
  refused(long_path, "...aaaa");
  CHECK_THAT(long_path.err, Contains(": cannot read scenario file: File name too long"));
  CHECK(long_path.err.size() < 400);
  both_refuse(dir, dir.write("p.toml", imported("edge_list", std::string(5000, 'b'))),
              "p.toml:5: network.path: file not found: ");
}

TEST_CASE("the memory estimate of the whole UK has no term in people times neighbourhoods",
          "[reliability][cli]") {
  // scenarios/uk.toml: 67,596,281 people at 250 bytes. Its 8,450 neighbourhoods once added 224
  // bytes each per block of 8,192 people (15.6 GB) for the statistics' counters, and a 24 GB
  // machine refused it (docs/performance.md, "Peak memory").
  const sim::Scenario uk =
      sim::load_scenario(test::source_path("scenarios/uk.toml"), models::scenario_schema());
  CHECK(models::estimated_run_bytes(uk) == Approx(67596281.0 * 250));
}
