// `wellsim compare` end to end on two tiny real runs: replicate sets, tables, exit codes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "output/h5_util.hpp"
#include "output/run_reader.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;
using Catch::Contains;

namespace {

/// A 1,000-person town for 36 weeks: long enough for the support package (from week 30).
std::vector<std::string> tiny(const std::string& scenario, const std::string& out) {
  return {"run",     test::source_path("scenarios/" + scenario),
          "--set",   "population.sizes=[200,200,200,200,200]",
          "--steps", "36",
          "-o",      out,
          "-q"};
}

}  // namespace

TEST_CASE("compare reports a support package against the shock", "[analysis][cli]") {
  test::TempDir dir("cli-compare");
  auto shock = tiny("cost_of_living_shock.toml", dir.file("shock.h5"));
  shock.insert(shock.end(), {"--replicates", "2"});
  auto support = tiny("cost_of_living_support.toml", dir.file("support.h5"));
  support.insert(support.end(), {"--replicates", "2"});
  for (const auto& args : {shock, support}) {
    auto r = test::run_wellsim(args);
    INFO(r.err);
    REQUIRE(r.status == 0);
  }
  REQUIRE(std::filesystem::exists(dir.file("shock_r1.h5")));
  REQUIRE(std::filesystem::exists(dir.file("support_r1.h5")));

  auto r = test::run_wellsim({"compare", dir.file("shock_r0.h5"), dir.file("shock_r1.h5"),
                              "--policy", dir.file("support_r0.h5"), dir.file("support_r1.h5"),
                              "--horizon", "30", "36", "--csv", dir.file("csv"), "--json",
                              dir.file("c.json"), "--html", dir.file("r.html")});
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Contains("cost_of_living_support  vs  cost_of_living_shock (baseline)") &&
                        Contains("2 paired replicates, 1000 people, weeks 0-36") &&
                        Contains("WELLBYs (discounted)") && Contains("cost per WELLBY") &&
                        Contains("income quintile") && Contains("share through spillover") &&
                        Contains("fuel_poor") && Contains("warm_spaces *") &&
                        Contains("1 hop, by the tie to the nearest recipient"));
  for (const char* f : {"summary.csv", "effect_over_time.csv", "who_gains.csv", "ripple.csv",
                        "ripple_layers.csv", "domains.csv", "services.csv"})
    CHECK(std::filesystem::exists(dir.file(std::string("csv/") + f)));
  CHECK_THAT(test::read_text(dir.file("csv/effect_over_time.csv")),
             Contains("cost_of_living_support,36,"));
  const auto json = nlohmann::json::parse(test::read_text(dir.file("c.json")));
  CHECK(json["comparisons"][0]["headline"]["wellbys"]["mean"].is_number());
  CHECK_THAT(test::read_text(dir.file("csv/ripple_layers.csv")),
             Contains("cost_of_living_support,household,"));
  CHECK(json["comparisons"][0]["ripple_by_layer"][0]["layer"] == "household");
  const std::string html = test::read_text(dir.file("r.html"));
  // Plain words first, then charts; assumptions and provenance from the files, every file named.
  CHECK(html.find("In plain words") < html.find("Effect over time"));
  CHECK_THAT(html, Contains("energy_price_cap</td><td>added</td><td>price_cap (macro)") &&
                       Contains("Energy Price Guarantee") && Contains("effect_log_income") &&
                       Contains("Clark et al. (2018)") &&
                       Contains("Not modelled: partnership formation") && Contains("20261124") &&
                       Contains("Assumptions and caveats"));
  for (const char* f : {"shock_r0.h5", "shock_r1.h5", "support_r0.h5", "support_r1.h5"})
    CHECK_THAT(html, Contains("<code>" + dir.file(f) + "</code>"));
  CHECK_THAT(html, !Contains("%</b> [0."));  // a share and its interval in the same unit
  if (std::system("command -v chromium >/dev/null 2>&1") == 0) {
    auto pdf = test::run_wellsim({"compare", dir.file("shock_r0.h5"), dir.file("shock_r1.h5"),
                                  "--policy", dir.file("support_r0.h5"), dir.file("support_r1.h5"),
                                  "--pdf", dir.file("r.pdf"), "-q"});
    INFO(pdf.err);
    CHECK(pdf.status == 0);
    CHECK(test::read_text(dir.file("r.pdf")).rfind("%PDF", 0) == 0);
    CHECK_FALSE(std::filesystem::exists(dir.file("r.pdf.html")));  // the page it printed
  } else {
    WARN("chromium is not installed (Debian chromium): compare --pdf is not tested");
  }

  // Policy with another seed: not a twin of the baseline.
  auto other = tiny("cost_of_living_support.toml", dir.file("other.h5"));
  other.insert(other.end(), {"--seed", "5"});
  REQUIRE(test::run_wellsim(other).status == 0);
  auto bad = test::run_wellsim({"compare", dir.file("shock_r0.h5"), dir.file("other.h5")});
  CHECK(bad.status == 2);
  CHECK(bad.out.empty());
  CHECK_THAT(bad.err, Contains("cannot pair " + dir.file("shock_r0.h5") + " with " +
                               dir.file("other.h5") + ": different seeds (20261124 vs 5)"));
  CHECK(std::count(bad.err.begin(), bad.err.end(), '\n') == 1);
  auto unpaired = test::run_wellsim(
      {"compare", dir.file("shock_r0.h5"), dir.file("other.h5"), "--unpaired", "-q"});
  CHECK(unpaired.status == 0);
}

std::vector<std::uint8_t> bytes(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

TEST_CASE("run --replicates runs a block, refuses existing files, and resumes", "[analysis][cli]") {
  test::TempDir dir("cli-replicates");
  auto args = tiny("default.toml", dir.file("d.h5"));
  args[5] = "4";  // --steps 4
  auto block = args;
  block.insert(block.end(), {"--replicates", "2", "--replicate", "3"});
  REQUIRE(test::run_wellsim(block).status == 0);  // replicates 3 and 4
  CHECK(output::RunReader(dir.file("d_r4.h5")).replicate() == 4);
  CHECK_FALSE(std::filesystem::exists(dir.file("d_r0.h5")));

  args.insert(args.end(), {"--replicates", "3"});
  REQUIRE(test::run_wellsim(args).status == 0);
  auto again = test::run_wellsim(args);
  CHECK(again.status == 2);
  CHECK_THAT(again.err, Contains("d_r0.h5: exists; pass --resume"));

  // A killed replicate 1 and a missing replicate 2: --resume runs those two only.
  {
    output::h5::File f(H5Fopen(dir.file("d_r1.h5").c_str(), H5F_ACC_RDWR, H5P_DEFAULT), "open");
    output::h5::Group m(H5Gopen2(f, "manifest", H5P_DEFAULT), "manifest");
    output::h5::write_attribute(m, "status", std::string("running"));
  }
  std::filesystem::remove(dir.file("d_r2.h5"));
  const auto kept = bytes(dir.file("d_r0.h5"));
  auto resume = args;
  resume.push_back("--resume");
  resume.erase(std::find(resume.begin(), resume.end(), "-q"));
  auto r = test::run_wellsim(resume);
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Contains("running 2 of replicates 0..2") && Contains("1 already complete"));
  CHECK(bytes(dir.file("d_r0.h5")) == kept);  // untouched
  for (const char* f : {"d_r1.h5", "d_r2.h5"})
    CHECK(output::RunReader(dir.file(f)).status() == "complete");

  // A file of another run in the way is refused, never replaced, without --overwrite.
  std::filesystem::copy_file(dir.file("d_r3.h5"), dir.file("d_r1.h5"),
                             std::filesystem::copy_options::overwrite_existing);
  auto refused = test::run_wellsim(resume);
  CHECK(refused.status == 2);
  CHECK_THAT(refused.err, Contains("d_r1.h5: holds another run") && Contains("replicate 3"));
  CHECK(output::RunReader(dir.file("d_r1.h5")).replicate() == 3);
}

TEST_CASE("replicates run side by side write the files they write one at a time",
          "[analysis][cli]") {
  test::TempDir dir("cli-replicate-jobs");
  for (const char* jobs : {"1", "3"}) {
    auto args = tiny("default.toml", dir.file(std::string("j") + jobs + ".h5"));
    args[5] = "8";  // --steps 8
    args.insert(args.end(), {"--replicates", "3", "--jobs", jobs});
    auto r = test::run_wellsim(args);
    INFO(r.err);
    REQUIRE(r.status == 0);
  }
  for (int rep = 0; rep < 3; ++rep) {
    const std::string suffix = "_r" + std::to_string(rep) + ".h5";
    output::RunReader one(dir.file("j1" + suffix)), three(dir.file("j3" + suffix));
    CHECK(one.replicate() == static_cast<std::uint32_t>(rep));
    for (const auto& ds : one.dataset_names()) {
      INFO(ds << " of replicate " << rep);
      CHECK(one.raw_bytes(ds) == three.raw_bytes(ds));
    }
  }
}

TEST_CASE("compare refuses a killed run unless asked, and then names it", "[analysis][cli]") {
  test::TempDir dir("cli-compare-incomplete");
  for (const auto& args : {tiny("cost_of_living_shock.toml", dir.file("shock.h5")),
                           tiny("cost_of_living_support.toml", dir.file("support.h5"))}) {
    auto r = test::run_wellsim(args);
    INFO(r.err);
    REQUIRE(r.status == 0);
  }
  {  // what a run killed after week 20 leaves behind
    const std::string path = dir.file("support.h5");
    output::h5::File f(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), "open");
    output::h5::Group m(H5Gopen2(f, "manifest", H5P_DEFAULT), "manifest");
    output::h5::write_attribute(m, "steps_completed", std::uint32_t{20});
    output::h5::write_attribute(m, "status", std::string("running"));
  }
  auto refused = test::run_wellsim({"compare", dir.file("shock.h5"), dir.file("support.h5")});
  CHECK(refused.status == 2);
  CHECK(refused.err == "wellsim: " + dir.file("support.h5") +
                           ": incomplete run (20 of 36 weeks written); finish it, or pass "
                           "--include-incomplete to compare the weeks it has\n");
  auto included = test::run_wellsim(
      {"compare", dir.file("shock.h5"), dir.file("support.h5"), "--include-incomplete"});
  INFO(included.err);
  CHECK(included.status == 0);
  CHECK_THAT(included.err,
             Contains("note: " + dir.file("support.h5") + " is incomplete (20 of 36 weeks)"));
}
