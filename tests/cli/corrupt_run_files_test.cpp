// Run files are untrusted (issue 14): a corpus of damaged copies of a real run, made by
// tests/cli/corrupt_runs.py with h5py, each refused by `wellsim inspect`, `compare` and
// `view --screenshot` with exit 2 and one line naming the file, never a crash.
#include <sys/wait.h>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli/cli_runner.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;

namespace {

/// A small town run of 12 weeks with a layout: every group of the format is present.
std::vector<std::string> town_run(const std::string& scenario, const std::string& out) {
  return {"run",     test::source_path("scenarios/" + scenario),
          "--set",   "population.sizes=[60, 50, 40, 30, 20]",
          "--set",   "output.layout=true",
          "--steps", "12",
          "-o",      out,
          "-q"};
}

struct Damaged {
  std::string name, kind;  // kind: "value" (must be refused) or "flip" (refused or read)
};

/// The damaged copies of `run` in `dir`, or none (with a warning) without h5py.
std::vector<Damaged> make_corpus(const std::string& run, const std::string& dir) {
  if (std::system("/usr/bin/python3 -c 'import h5py' >/dev/null 2>&1") != 0) {
    WARN("h5py is not installed for /usr/bin/python3 (Debian python3-h5py): corpus not tested");
    return {};
  }
  const std::string list = dir + "/list.txt";
  const std::string cmd = "/usr/bin/python3 " + test::source_path("tests/cli/corrupt_runs.py") +
                          " " + run + " " + dir + " > " + list;
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::vector<Damaged> out;
  std::ifstream in(list);
  for (Damaged d; in >> d.name >> d.kind;) out.push_back(d);
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

/// A refusal: exit 2 and one line that names `file`.
void check_refused(const std::string& what, int status, const std::string& err,
                   const std::string& file) {
  INFO(what << ": exit " << status << ", stderr: " << err);
  CHECK(status == 2);
  const auto lines = lines_of(err);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].find(file) != std::string::npos);
}

/// A file that may read (a flip in unused bytes) or be refused, but never crashes anything.
void check_read_or_refused(const std::string& what, int status, const std::string& err,
                           const std::string& file) {
  INFO(what << ": exit " << status << ", stderr: " << err);
  CHECK((status == 0 || status == 2));
  if (status != 0) check_refused(what, status, err, file);
}

}  // namespace

TEST_CASE("damaged run files are refused by inspect and compare in one line, never a crash",
          "[cli][reliability][slow][damaged-hdf5]") {
  test::TempDir dir("corrupt-runs");
  const std::string base = dir.file("base.h5"), policy = dir.file("policy.h5");
  REQUIRE(test::run_wellsim(town_run("default.toml", base)).status == 0);
  REQUIRE(test::run_wellsim(town_run("cost_of_living_support.toml", policy)).status == 0);
  // The intact files read: the corpus tests the damage, not the command.
  REQUIRE(test::run_wellsim({"inspect", base}).status == 0);
  REQUIRE(test::run_wellsim({"compare", base, policy, "-q"}).status == 0);

  const auto corpus = make_corpus(base, dir.path().string());
  std::size_t values = 0;
  for (const Damaged& d : corpus) {
    const std::string file = dir.file(d.name + ".h5");
    const auto inspect = test::run_wellsim({"inspect", file});
    const auto compare = test::run_wellsim({"compare", file, policy, "-q"});
    if (d.kind == "value") {
      ++values;
      check_refused("inspect " + d.name, inspect.status, inspect.err, file);
      check_refused("compare " + d.name, compare.status, compare.err, file);
    } else {
      check_read_or_refused("inspect " + d.name, inspect.status, inspect.err, file);
      check_read_or_refused("compare " + d.name, compare.status, compare.err, file);
    }
  }
  if (!corpus.empty()) CHECK(values >= 30);
}

#ifdef WELLSIM_HAVE_VIEWER
TEST_CASE("damaged run files are refused by view --screenshot in one line, never a crash",
          "[cli][viz][reliability][slow][gl]") {
  if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) {
    WARN("xvfb-run is not installed (Debian xvfb): view not tested on damaged files");
    return;
  }
  test::TempDir dir("corrupt-view");
  const std::string base = dir.file("base.h5");
  REQUIRE(test::run_wellsim(town_run("default.toml", base)).status == 0);
  // A screenshot that cannot be written (a full device) is an error, not a success.
  const std::string full = "xvfb-run -a -s '-screen 0 640x480x24' '" + std::string(WELLSIM_EXE) +
                           "' view '" + base + "' --screenshot /dev/full 2>" + dir.file("full.err");
  CHECK(WEXITSTATUS(std::system(full.c_str())) == 1);
  std::ifstream full_err(dir.file("full.err"));
  const std::string said((std::istreambuf_iterator<char>(full_err)), {});
  // xvfb-run may add its own line when another X server's cleanup races it: not ours.
  auto lines = lines_of(said);
  std::erase_if(lines, [](const std::string& l) { return l.rfind("xvfb-run: ", 0) == 0; });
  CHECK(lines ==
        std::vector<std::string>{"wellsim: error: /dev/full: cannot write the PNG: No space left "
                                 "on device"});

  const auto corpus = make_corpus(base, dir.path().string());
  // One X server for the whole corpus: each file's exit status and stderr into NAME.status/.err.
  std::ofstream script(dir.file("view.sh"));
  for (const Damaged& d : corpus) {
    const std::string f = dir.file(d.name);
    script << "'" << WELLSIM_EXE << "' view '" << f << ".h5' --screenshot '" << f
           << ".png' --width 320 --height 240 >/dev/null 2>'" << f << ".err'; echo $? > '" << f
           << ".status'\n";
  }
  script.close();
  const std::string cmd = "xvfb-run -a -s '-screen 0 640x480x24' sh " + dir.file("view.sh");
  REQUIRE(std::system(cmd.c_str()) == 0);
  for (const Damaged& d : corpus) {
    const std::string f = dir.file(d.name);
    int status = -1;
    std::ifstream(f + ".status") >> status;
    std::ifstream err_in(f + ".err");
    const std::string err((std::istreambuf_iterator<char>(err_in)), {});
    if (d.kind == "value")
      check_refused("view " + d.name, status, err, f + ".h5");
    else
      check_read_or_refused("view " + d.name, status, err, f + ".h5");
  }
}
#endif
