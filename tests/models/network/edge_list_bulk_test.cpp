// Edge lists large enough to be cut into many chunks and parsed in parallel, checked against a
// plain reference reader; and the real data sets in ../shared/data.
#include <catch2/catch.hpp>

#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include "models/network/edge_list.hpp"
#include "tests/models/network/network_fixture.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;
using Ties = std::vector<std::pair<std::int64_t, std::int64_t>>;

namespace {

// Random ties with ids below `max_id`, written with varied separators, comments and CRLF.
std::string random_file(std::size_t lines, std::int64_t max_id, Ties& ties) {
  std::mt19937_64 gen(12345);
  std::uniform_int_distribution<std::int64_t> id(0, max_id - 1);
  const char* seps[] = {" ", "\t", "  ", " \t "};
  std::string text = "from to\n";
  for (std::size_t i = 0; i < lines; ++i) {
    ties.emplace_back(id(gen), id(gen));
    text += std::to_string(ties.back().first) + seps[i % 4] + std::to_string(ties.back().second);
    text += i % 7 == 0 ? "\r\n" : i % 11 == 0 ? " # note\n" : "\n";
    if (i % 1000 == 0) text += "% a comment line\n\n";
  }
  return text;
}

// The number of distinct ids in a file of "a b" lines, read the slow, obvious way.
std::size_t distinct_ids(const std::string& path) {
  std::ifstream in(path);
  std::set<std::int64_t> ids;
  std::int64_t a = 0, b = 0;
  while (in >> a >> b) ids.insert({a, b});
  return ids.size();
}

}  // namespace

TEST_CASE("edge_list parses a many-chunk file exactly for dense or sparse ids on any thread count",
          "[network][models]") {
  for (std::int64_t max_id : {std::int64_t{300000}, std::int64_t{1} << 60}) {
    Ties ties;
    test::TempDir dir("edge-list-bulk");
    std::string path = dir.write("big.txt", random_file(400000, max_id, ties));
    sim::EdgeList e = models::read_edge_list(path);
    REQUIRE(e.n == e.original_id.size());
    REQUIRE(test::original_ties(e) == ties);
    REQUIRE(std::is_sorted(e.original_id.begin(), e.original_id.end()));
    REQUIRE(std::adjacent_find(e.original_id.begin(), e.original_id.end()) == e.original_id.end());
    test::require_thread_count_independent([&] { return models::read_edge_list(path); });
  }
}

TEST_CASE("edge_list reports the first bad line of a many-chunk file", "[network][models]") {
  std::string text;
  for (int i = 0; i < 300000; ++i) text += std::to_string(i) + " " + std::to_string(i + 1) + "\n";
  text += "oops\n";  // line 300001, in a late chunk
  for (int i = 0; i < 300000; ++i) text += "1 2\n";
  text += "also bad\n";
  test::TempDir dir("edge-list-late-error");
  REQUIRE_THROWS_WITH(models::read_edge_list(dir.write("late.txt", text)),
                      Catch::Contains("late.txt:300001: ") && Catch::Contains("'oops'"));
}

TEST_CASE("edge_list loads the SNAP Facebook ego network", "[network][models]") {
  std::string path = test::shared_data("snap_ego_facebook/facebook_combined.txt");
  if (path.empty()) {
    WARN("shared data absent: snap_ego_facebook/facebook_combined.txt");
    return;
  }
  sim::EdgeList e = models::read_edge_list(path);
  REQUIRE(e.n == 4039);
  REQUIRE(e.u.size() == 88234);
  REQUIRE(e.original_id.front() == 0);
  REQUIRE(e.original_id.back() == 4038);
}

TEST_CASE("edge_list loads the Karnataka village households with village groups",
          "[network][models]") {
  std::string path = test::shared_data("banerjee_karnataka_villages/microfi_edges.txt");
  if (path.empty()) {
    WARN("shared data absent: banerjee_karnataka_villages/microfi_edges.txt");
    return;
  }
  sim::EdgeList e = models::read_edge_list(path, {models::HeaderMode::Auto, 1000});
  REQUIRE(e.u.size() == 80356);  // each tie listed in both directions
  REQUIRE(e.n == distinct_ids(path));
  auto ties = test::sorted_ties(e);
  ties.erase(std::unique(ties.begin(), ties.end()), ties.end());
  REQUIRE(ties.size() == 40178);
  std::set<std::int32_t> villages;
  for (std::size_t i = 0; i < e.n; ++i) {
    REQUIRE(e.group[i] == e.original_id[i] / 1000);
    villages.insert(e.group[i]);
  }
  REQUIRE(villages.size() == 38);
  for (std::size_t t = 0; t < e.u.size(); ++t) REQUIRE(e.group[e.u[t]] == e.group[e.v[t]]);
}
