// Faults while writing a run file (issue 14): two runs on one file, signals, a full disk, a
// read-only folder, -o a folder or a device. Each ends in one line and a stated exit status,
// and no file is left that reads as complete when it is not.
#include <signal.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "output/run_reader.hpp"
#include "tests/batch/batch_fixture.hpp"
#include "tests/cli/cli_runner.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;
using Catch::Contains;

namespace {

const char* kLong = R"([run]
name = "long"
seed = 5
steps = 100000

[network]
source = "watts_strogatz"
n = 20000
k = 6
p = 0.2

[output]
record_every = 50
)";

/// The lines of `err` that are not progress reports.
std::vector<std::string> message_lines(const std::string& err) {
  std::vector<std::string> out;
  std::istringstream in(err);
  for (std::string line; std::getline(in, line);)
    if (line.find(": step ") == std::string::npos) out.push_back(line);
  return out;
}

std::vector<std::string> run_args(const std::string& scenario, const std::string& out) {
  return {"run", scenario, "-o", out, "--threads", "1", "--progress", "always"};
}

/// Files whose name says they are a run's temporary file.
std::size_t temporaries(const std::filesystem::path& dir) {
  std::size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    n += e.path().filename().string().find(".tmp-") != std::string::npos;
  return n;
}

/// A small tmpfs mounted on a folder while alive (root only; `ok` false where it cannot be).
struct SmallDisk {
  std::string dir;
  bool ok = false;
  SmallDisk(const std::string& path, const char* options) : dir(path) {
    std::filesystem::create_directories(dir);
    ok = ::geteuid() == 0 && ::mount("tmpfs", dir.c_str(), "tmpfs", 0, options) == 0;
  }
  ~SmallDisk() {
    if (ok) ::umount2(dir.c_str(), MNT_DETACH);
  }
};

}  // namespace

TEST_CASE("a second run on a file another run is writing is refused; the first's file is intact",
          "[cli][reliability]") {
  test::TempDir dir("fault-two-runs");
  const auto scenario = dir.write("long.toml", kLong);
  const auto out = dir.file("run.h5");
  test::RunningWellsim first(run_args(scenario, out));
  REQUIRE(first.wait_for_step(3));
  auto args = run_args(scenario, out);
  args.push_back("--overwrite");
  args.insert(args.end(), {"--steps", "5"});
  const auto second = test::run_wellsim(args);
  INFO(second.err);
  CHECK(second.status == 1);
  const auto lines = message_lines(second.err);
  REQUIRE(lines.size() == 1);
  CHECK_THAT(lines[0], Contains(out) && Contains("in use by another process"));
  CHECK(temporaries(dir.path()) == 0);  // the second run removed its own temporary file
  // The first run is unharmed: still writing its own file, which reads.
  REQUIRE(first.wait_for_step(8));
  first.signal(SIGTERM);
  const auto ended = first.finish();
  CHECK(ended.status == 143);
  output::RunReader run(out);
  CHECK(run.steps_completed() >= 8);
  CHECK(run.status() == "interrupted");
  CHECK(temporaries(dir.path()) == 0);
}

TEST_CASE("SIGINT and SIGTERM stop a run after a complete step, marked interrupted",
          "[cli][reliability]") {
  test::TempDir dir("fault-signal");
  const auto scenario = dir.write("long.toml", kLong);
  for (const int sig : {SIGINT, SIGTERM}) {
    const std::string name = sig == SIGINT ? "SIGINT" : "SIGTERM";
    const auto out = dir.file(name + ".h5");
    bool seen = false;
    const auto r = test::signal_wellsim_after(run_args(scenario, out), 4, sig, &seen);
    REQUIRE(seen);
    INFO(r.err);
    CHECK(r.status == 128 + sig);
    const auto lines = message_lines(r.err);
    REQUIRE(lines.size() == 1);
    CHECK_THAT(lines[0], Contains(out) && Contains("interrupted by " + name) &&
                             Contains("resume with: wellsim run --resume " + out));
    output::RunReader run(out);
    CHECK(run.status() == "interrupted");
    CHECK(run.manifest().at("interrupted_by") == name);
    CHECK(run.steps_completed() >= 4);
    CHECK(run.steps_completed() < 100000);
    CHECK(run.steps().size() == run.steps_completed() + 1);
  }
  // A set of replicates stopped by a signal says to finish it with --resume.
  bool seen = false;
  auto args = run_args(scenario, dir.file("set.h5"));
  args.insert(args.end(), {"--replicates", "2", "--jobs", "1"});
  const auto r = test::signal_wellsim_after(args, 4, SIGINT, &seen);
  REQUIRE(seen);
  CHECK(r.status == 130);
  CHECK_THAT(r.err, Contains("--resume"));
}

TEST_CASE("a run file named by -o that is a folder or a device is refused in one line",
          "[cli][reliability]") {
  test::TempDir dir("fault-target");
  const auto scenario = dir.write("long.toml", kLong);
  std::filesystem::create_directories(dir.file("folder.h5"));
  for (const std::string& target : {dir.file("folder.h5"), std::string("/dev/full")}) {
    for (const bool overwrite : {false, true}) {
      std::vector<std::string> args = {"run", scenario, "-o", target, "--steps", "2"};
      if (overwrite) args.push_back("--overwrite");
      const auto r = test::run_wellsim(args);
      INFO(r.err);
      CHECK(r.status == 1);
      CHECK(message_lines(r.err).size() == 1);
      CHECK_THAT(r.err, Contains(target) &&
                            (Contains("is a folder") || Contains("is not a regular file")));
    }
  }
  CHECK(std::filesystem::is_directory(dir.file("folder.h5")));
}

TEST_CASE("a full disk or a read-only folder ends a run in one line, leaving nothing complete",
          "[cli][reliability][damaged-hdf5]") {
  test::TempDir dir("fault-disk");
  const auto scenario = dir.write("long.toml", kLong);
  SECTION("the disk fills during the run") {
    SmallDisk disk(dir.file("small"), "size=2m");
    if (!disk.ok) {
      WARN("cannot mount a small tmpfs (needs root): disk-full not tested");
      return;
    }
    const auto out = disk.dir + "/run.h5";
    const auto r = test::run_wellsim({"run", scenario, "-o", out, "--steps", "2000"});
    INFO(r.err);
    CHECK(r.status == 1);
    REQUIRE(message_lines(r.err).size() == 1);
    CHECK_THAT(r.err, Contains(out) && Contains("No space left on device"));
    CHECK(temporaries(disk.dir) == 0);
    if (std::filesystem::exists(out)) CHECK(output::RunReader(out).status() == "running");
  }
  SECTION("the disk is full before the run starts") {
    SmallDisk disk(dir.file("full"), "size=64k");
    if (!disk.ok) {
      WARN("cannot mount a small tmpfs (needs root): disk-full not tested");
      return;
    }
    {
      std::ofstream fill(disk.dir + "/filler", std::ios::binary);
      const std::string block(4096, 'x');
      for (int i = 0; i < 64 && fill; ++i) fill << block;
    }
    const auto out = disk.dir + "/run.h5";
    const auto r = test::run_wellsim({"run", scenario, "-o", out, "--steps", "2"});
    INFO(r.err);
    CHECK(r.status == 1);
    REQUIRE(message_lines(r.err).size() == 1);
    CHECK_THAT(r.err, Contains(out) && Contains("No space left on device"));
    CHECK(!std::filesystem::exists(out));  // no 0-byte file left behind
    CHECK(temporaries(disk.dir) == 0);
  }
  SECTION("the folder is read-only") {
    SmallDisk disk(dir.file("ro"), "size=64k,ro");
    const std::string ro = dir.file("ro");
    if (!disk.ok) {
      if (::geteuid() == 0) {
        WARN("cannot mount a read-only tmpfs: read-only folder not tested");
        return;
      }
      std::filesystem::permissions(
          ro, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    }
    const auto out = ro + "/run.h5";
    const auto r = test::run_wellsim({"run", scenario, "-o", out, "--steps", "2"});
    INFO(r.err);
    CHECK(r.status == 1);
    REQUIRE(message_lines(r.err).size() == 1);
    CHECK_THAT(r.err, Contains(out) &&
                          (Contains("Read-only file system") || Contains("Permission denied")));
    CHECK(!std::filesystem::exists(out));
    if (!disk.ok) std::filesystem::permissions(ro, std::filesystem::perms::owner_all);
  }
}

TEST_CASE("compare and view check their writes and refuse a NaN option", "[cli][reliability]") {
  test::TempDir dir("fault-writes");
  const auto scenario = dir.write("long.toml", kLong);
  const auto a = dir.file("a.h5");
  REQUIRE(test::run_wellsim({"run", scenario, "-o", a, "--steps", "3", "-q"}).status == 0);
  auto r = test::run_wellsim({"inspect", a});
  REQUIRE(r.status == 0);
  if (std::filesystem::exists("/dev/full")) {
    // Standard output on a full device: the buffered summary cannot be written.
    const std::string cmd =
        std::string(WELLSIM_EXE) + " inspect " + a + " >/dev/full 2>" + dir.file("err.txt");
    const int status = std::system(cmd.c_str());
    CHECK(WEXITSTATUS(status) == 1);
    std::ifstream in(dir.file("err.txt"));
    std::string line;
    std::getline(in, line);
    CHECK_THAT(line, Contains("cannot write the standard output: No space left on device"));
  }
  r = test::run_wellsim({"compare", a, a, "--discount", "nan"});
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Contains("--discount") && Contains("not a finite number"));
  r = test::run_wellsim({"compare", a, a, "--wellby-value", "inf"});
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Contains("--wellby-value") && Contains("not a finite number"));
}

TEST_CASE("SIGINT stops a sweep after a complete step; running it again finishes it",
          "[cli][batch][reliability]") {
  test::TempDir dir("fault-sweep-signal");
  std::string text = test::tiny_experiment("tiny", "", 1);
  text.replace(text.find("run.steps = 20"), 14, "run.steps = 400");
  const std::string exp = dir.write("e.toml", text);
  const std::string out = dir.file("out");
  bool seen = false;
  const auto r = test::signal_wellsim_after(
      {"sweep", exp, "-o", out, "-j", "1", "--threads", "1", "--progress", "always"}, 30, SIGINT,
      &seen);
  REQUIRE(seen);
  INFO(r.err);
  CHECK(r.status == 130);
  const auto lines = message_lines(r.err);
  REQUIRE(lines.size() == 1);
  CHECK_THAT(lines[0], Contains("sweep interrupted by SIGINT") &&
                           Contains("run the same command again to finish them"));
  auto status = test::run_wellsim({"sweep", exp, "-o", out, "--status"});
  INFO(status.out);
  CHECK_THAT(status.out, Contains("1 failed") && Contains("interrupted by SIGINT"));
  CHECK_THAT(status.out, !Contains("0 failed"));
  const auto again = test::run_wellsim({"sweep", exp, "-o", out, "-q"});
  CHECK(again.status == 0);
  status = test::run_wellsim({"sweep", exp, "-o", out, "--status"});
  CHECK_THAT(status.out, Contains("0 failed, 0 missing"));
}
