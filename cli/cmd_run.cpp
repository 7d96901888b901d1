// `wellsim run` and `wellsim validate`.
#include <tbb/global_control.h>
#include <tbb/info.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <mutex>
#include <thread>

#include "batch/run_scenario.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/progress.hpp"
#include "cli/stop_signal.hpp"
#include "models/assemble.hpp"
#include "output/run_reader.hpp"
#include "sim/errors.hpp"

namespace wellsim::cli {

namespace {

struct RunOptions {
  std::string scenario, out, progress = "auto";
  std::vector<std::string> sets;
  std::int64_t seed = -1, replicate = -1, steps = -1;
  unsigned threads = 0, replicates = 0;  // replicates > 0: a set of runs, replicates 0..N-1
  unsigned jobs = 0;                     // replicates at a time (0: one per worker thread)
  bool overwrite = false, quiet = false, profile = false, resume = false;
  std::string resume_file;                 // --resume RUN.h5: go on with that run, scenario and all
  std::uint32_t checkpoint_every = 0;      // --checkpoint-every N
  const std::atomic<int>* stop = nullptr;  // set by SIGINT/SIGTERM: stop after the current step
};

/// --seed, --replicate and --steps are shorthands for --set run.KEY=N, applied after any --set.
std::vector<std::string> overrides_of(const RunOptions& o) {
  std::vector<std::string> all = o.sets;
  if (o.seed >= 0) all.push_back("run.seed=" + std::to_string(o.seed));
  if (o.replicate >= 0) all.push_back("run.replicate=" + std::to_string(o.replicate));
  if (o.steps >= 0) all.push_back("run.steps=" + std::to_string(o.steps));
  return all;
}

std::string default_output(const sim::Scenario& sc) {
  const std::string configured = models::output_settings(sc).path;
  if (!configured.empty()) return configured;
  return "runs/" + std::filesystem::path(sc.path).stem().string() + ".h5";
}

/// The file of replicate `r` in a set: OUT_rR.h5 beside OUT.
std::string replicate_output(const std::string& out, std::uint32_t r) {
  std::filesystem::path p(out);
  std::string ext = p.has_extension() ? p.extension().string() : std::string(".h5");
  return (p.parent_path() / (p.stem().string() + "_r" + std::to_string(r) + ext)).string();
}

/// The set's progress line, shared by the replicates running at once: each adds the steps it
/// completes to `done` and redraws the line under `lock`.
struct SetProgress {
  Progress* progress = nullptr;
  std::mutex* lock = nullptr;
  std::atomic<std::uint64_t>* done = nullptr;
};

/// One line on a run that went on from a checkpoint, or had nothing left to do.
void say_resumed(const batch::RunOutcome& r, const std::string& out) {
  if (r.already_complete)
    std::printf("%s: already complete (%u steps); nothing to resume\n", out.c_str(), r.steps);
  else if (r.resumed_from > 0)
    std::printf("resumed %s from its checkpoint at step %u of %u\n", out.c_str(), r.resumed_from,
                r.steps);
  else
    std::printf("resumed %s from step 0 (no checkpoint was written before it stopped)\n",
                out.c_str());
}

/// One run: of `o.scenario` with `overrides` into `out` (default from the scenario), or, with
/// `resume`, the stopped run in `out` continued from its checkpoint (its own scenario).
int run_one(const RunOptions& o, const std::vector<std::string>& overrides, std::string out,
            const SetProgress& set, bool resume = false) {
  const auto& schema = models::scenario_schema();
  sim::Scenario sc =
      resume ? batch::scenario_of_run(out) : sim::load_scenario(o.scenario, schema, overrides);
  unsigned threads =
      o.threads ? o.threads : static_cast<unsigned>(tbb::info::default_concurrency());
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  const models::RunSettings run = models::run_settings(sc);
  if (out.empty()) out = default_output(sc);

  Progress progress(
      run.name, run.steps,
      o.quiet || set.progress ? ProgressMode::Never : parse_progress_mode(o.progress));
  std::uint32_t reported = 0;
  batch::RunRequest request{out,
                            threads,
                            o.overwrite,
                            [&](std::uint32_t done) {
                              progress.update(done);
                              if (!set.progress) return;
                              const std::uint64_t total =
                                  set.done->fetch_add(done - reported) + (done - reported);
                              reported = done;
                              std::lock_guard<std::mutex> hold(*set.lock);
                              set.progress->update(static_cast<std::uint32_t>(total));
                            },
                            o.stop,
                            o.checkpoint_every};
  batch::RunOutcome r;
  try {
    r = resume ? batch::resume_run(request) : batch::run_scenario(sc, request);
  } catch (const batch::Interrupted&) {
    progress.finish();
    throw;
  }
  progress.finish();
  if (resume && !o.quiet) say_resumed(r, out);
  if (r.already_complete) return 0;

  if (set.progress) {  // one line per file of a set; the set's own line says the rest
    if (!o.quiet)
      std::printf("wrote %s  (replicate %u, mean wellbeing %.3f -> %.3f, %.2f s)\n", out.c_str(),
                  r.replicate, r.mean_before, r.mean_after, r.setup_seconds + r.step_seconds);
    return 0;
  }
  if (!o.quiet)
    std::printf(
        "wrote %s\n  scenario %s (%s), seed %llu, replicate %u, %u threads\n"
        "  %zu agents, %zu ties, %u steps\n  mean wellbeing %.3f -> %.3f (ONS 0-10)\n"
        "  time: setup %.2f s (network %.2f s, freeze %.2f s), steps %.2f s (%.2f ms/step)\n",
        out.c_str(), r.name.c_str(), sc.path.c_str(), static_cast<unsigned long long>(r.seed),
        r.replicate, threads, r.agents, r.ties, r.steps, r.mean_before, r.mean_after,
        r.setup_seconds, r.build_seconds, r.freeze_seconds, r.step_seconds,
        r.steps > r.resumed_from ? 1e3 * r.step_seconds / (r.steps - r.resumed_from) : 0.0);
  if (o.profile) {
    std::printf("  time per step by mechanism (ms):\n");
    for (const auto& [name, seconds] : r.timings)
      std::printf("    %-40s %8.2f\n", name.c_str(),
                  r.steps > r.resumed_from ? 1e3 * seconds / (r.steps - r.resumed_from) : 0.0);
  }
  return 0;
}

/// What `--resume` (the flag) does with `file`, meant to hold scenario `sc`'s run.
enum class Found { Missing, Unfinished, Complete };

/// Whether `file` holds nothing, an unfinished or a complete run of `sc`. A file of another
/// scenario or replicate is never replaced without --overwrite (sim::InputError).
Found existing_run(const sim::Scenario& sc, const std::string& file) {
  if (!std::filesystem::exists(file)) return Found::Missing;
  const std::string want = sc.hash(models::scenario_schema());
  const std::uint32_t r = models::run_settings(sc).replicate;
  const output::RunReader existing(file);
  if (existing.scenario_hash() != want || existing.replicate() != r)
    throw sim::InputError(file + ": holds another run (scenario hash " + existing.scenario_hash() +
                          ", replicate " + std::to_string(existing.replicate()) + ", expected " +
                          want + ", replicate " + std::to_string(r) +
                          "); pass --overwrite to replace it or -o to choose another");
  return existing.status() == "complete" ? Found::Complete : Found::Unfinished;
}

/// The scenario of replicate `r` of a set: the set's with run.replicate = r (as run_set runs it).
sim::Scenario replicate_of(const sim::Scenario& sc, std::uint32_t r) {
  sim::Scenario replicate = sc;
  replicate.tables.at("run").set("replicate", std::int64_t{r});
  return replicate;
}

/// `--replicates N`: replicates 0..N-1, `--jobs` of them at a time (default: as many as there are
/// worker threads). A large run spreads over every core by itself, but a town of 20,000 keeps
/// about one core busy, so two side by side finish in 0.62 s where one after the other take
/// 1.0 s (measured on the 2-core VM). Every run's file is the same whatever the order or overlap
/// (each is deterministic for any thread count); HDF5 serialises the writes (Debian builds it
/// thread-safe). Each concurrent run holds its own population: `--jobs 1` for very large ones.
int run_set(const RunOptions& o) {
  const auto& schema = models::scenario_schema();
  sim::Scenario sc = sim::load_scenario(o.scenario, schema, overrides_of(o));
  const std::string out = o.out.empty() ? default_output(sc) : o.out;
  const auto steps = models::run_settings(sc).steps;
  // --replicate R with --replicates N runs the block R..R+N-1 (an array task's share).
  const std::uint32_t first = o.replicate >= 0 ? static_cast<std::uint32_t>(o.replicate) : 0;
  std::vector<std::uint32_t> todo;
  std::vector<std::string> outs;
  std::vector<bool> go_on;  // by replicate - first: an unfinished file to resume
  for (std::uint32_t r = first; r < first + o.replicates; ++r) {
    const std::string file = replicate_output(out, r);
    outs.push_back(file);
    const Found found =
        o.resume && !o.overwrite ? existing_run(replicate_of(sc, r), file) : Found::Missing;
    go_on.push_back(found == Found::Unfinished);
    if (found == Found::Complete) continue;
    if (!o.overwrite && !o.resume && std::filesystem::exists(file))
      throw sim::InputError(file +
                            ": exists; pass --resume to run only the missing and unfinished "
                            "replicates, --overwrite to replace it, or -o to choose another");
    todo.push_back(r);
  }
  const unsigned threads =
      o.threads ? o.threads : static_cast<unsigned>(tbb::info::default_concurrency());
  const auto count = static_cast<std::uint32_t>(todo.size());
  const unsigned jobs = std::max(1u, std::min<unsigned>(count, o.jobs ? o.jobs : threads));
  const std::string kept =
      count < o.replicates ? ", " + std::to_string(o.replicates - count) + " already complete" : "";
  if (!o.quiet)
    std::printf("running %u of replicates %u..%u of %s, %u at a time (%u threads in all)%s\n",
                count, first, first + o.replicates - 1, models::run_settings(sc).name.c_str(), jobs,
                threads, kept.c_str());
  Progress progress(models::run_settings(sc).name + " x" + std::to_string(count), steps * count,
                    o.quiet ? ProgressMode::Never : parse_progress_mode(o.progress));
  std::mutex lock;
  std::atomic<std::uint64_t> done{0};
  std::atomic<std::uint32_t> next{0};
  std::exception_ptr failure;
  auto worker = [&] {
    for (std::uint32_t k = next++; k < count && !failure; k = next++) {
      const std::uint32_t r = todo[k];
      std::vector<std::string> overrides = overrides_of(o);
      overrides.push_back("run.replicate=" + std::to_string(r));
      RunOptions one = o;
      one.overwrite = true;  // checked above: only missing, unfinished or --overwrite files
      try {
        run_one(one, overrides, outs[r - first], SetProgress{&progress, &lock, &done},
                go_on[r - first]);
      } catch (...) {
        std::lock_guard<std::mutex> hold(lock);
        if (!failure) failure = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned j = 1; j < jobs; ++j) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
  progress.finish();
  if (!o.quiet)
    std::printf("%u replicates in %.1f s: %s ... %s\n", count, progress.elapsed(),
                outs.front().c_str(), outs.back().c_str());
  return 0;
}

/// SIGINT/SIGTERM finish the current step, mark the file "interrupted" (never read as complete)
/// and end the command with one line and 128 + the signal.
int run(const RunOptions& options) {
  StopOnSignal signals;
  RunOptions o = options;
  o.stop = signals.flag();
  try {
    if (!o.resume_file.empty()) return run_one(o, {}, o.resume_file, SetProgress{}, true);
    if (o.replicates > 0) return run_set(o);
    if (o.resume && !o.overwrite) {  // go on with OUT if it is this scenario's unfinished run
      const sim::Scenario sc =
          sim::load_scenario(o.scenario, models::scenario_schema(), overrides_of(o));
      const std::string out = o.out.empty() ? default_output(sc) : o.out;
      const Found found = existing_run(sc, out);
      if (found != Found::Missing) return run_one(o, {}, out, SetProgress{}, true);
    }
    return run_one(o, overrides_of(o), o.out, SetProgress{});
  } catch (const batch::Interrupted& e) {
    const std::string again = o.replicates > 0
                                  ? "run the same command with --resume to finish the replicates"
                                  : "resume with: wellsim run --resume " + e.file;
    std::fprintf(stderr,
                 "wellsim: %s; the file keeps steps 0-%u, marked interrupted, and a checkpoint "
                 "of step %u; %s\n",
                 e.what(), e.step, e.step, again.c_str());
    return 128 + e.signal;
  }
}

int validate(const RunOptions& o) {
  const auto& schema = models::scenario_schema();
  sim::Scenario sc = sim::load_scenario(o.scenario, schema, overrides_of(o));
  models::check_scenario(sc);
  if (!o.quiet) {
    std::printf("%s: valid (hash %s)\n", sc.path.c_str(), sc.hash(schema).c_str());
    std::printf("%s", sc.effective_toml(schema).c_str());
  }
  return 0;
}

/// Sorts out SCENARIO and --resume once parsed: `--resume RUN.h5` alone continues that run;
/// `SCENARIO --resume` (the flag) resumes, skips or runs OUT. "--resume X.toml" is the flag
/// followed by the scenario, as CLI11 hands the value to the option.
void settle_resume(RunOptions& o, bool given) {
  o.resume = given;
  const auto is_toml = [](const std::string& f) {
    return std::filesystem::path(f).extension() == ".toml";
  };
  if (given && o.scenario.empty() && is_toml(o.resume_file)) {
    o.scenario = o.resume_file;
    o.resume_file.clear();
  }
  if (o.scenario.empty() && o.resume_file.empty())
    throw CLI::RequiredError("SCENARIO (or --resume RUN.h5)");
  if (o.resume_file.empty()) return;
  if (!o.scenario.empty())
    throw CLI::ValidationError("--resume", o.resume_file +
                                               " brings its own scenario; give SCENARIO or "
                                               "--resume RUN.h5, not both");
  if (!o.sets.empty() || o.seed >= 0 || o.replicate >= 0 || o.steps >= 0 || o.replicates > 0 ||
      !o.out.empty())
    throw CLI::ValidationError("--resume", o.resume_file +
                                               " goes on as it was started: --set, --seed, "
                                               "--replicate, --steps, --replicates and -o do not "
                                               "apply");
}

void add_scenario_options(CLI::App* cmd, RunOptions& o) {
  cmd->add_option("SCENARIO", o.scenario, "scenario file (TOML)");
  cmd->add_option("--set", o.sets, "override a scenario key, e.g. --set run.steps=10")
      ->type_name("TABLE.KEY=VALUE");
  cmd->add_option("--seed", o.seed, "override run.seed")->check(whole_number());
  cmd->add_option("--replicate", o.replicate, "override run.replicate")->check(whole_number());
  cmd->add_option("--steps", o.steps, "override run.steps")->check(whole_number());
  cmd->add_flag("-q,--quiet", o.quiet, "print nothing on success");
}

}  // namespace

void add_run_commands(CLI::App& app, std::function<int()>& handler) {
  static RunOptions run_opts, validate_opts;
  auto* cmd = app.add_subcommand("run", "run a scenario and write an HDF5 run file");
  add_scenario_options(cmd, run_opts);
  cmd->add_option("-o,--output", run_opts.out,
                  "run file (default: output.path, else runs/NAME.h5)");
  cmd->add_option("--threads", run_opts.threads, "worker threads (default: all cores)")
      ->check(CLI::Range(1u, 4096u));
  cmd->add_option("--replicates", run_opts.replicates,
                  "run replicates 0..N-1 (R..R+N-1 with --replicate R) into OUT_r0.h5 ... "
                  "(default runs/NAME_rK.h5)")
      ->check(CLI::Range(1u, 100000u));
  cmd->add_option("--jobs", run_opts.jobs,
                  "replicates run at a time (default: one per worker thread; 1 for very large "
                  "populations, since each holds its own)")
      ->check(CLI::Range(1u, 4096u));
  cmd->add_flag("--overwrite", run_opts.overwrite, "replace the run file if it exists");
  cmd->add_option("--resume", run_opts.resume_file,
                  "go on with the stopped run RUN.h5 from its checkpoint (its scenario is in the "
                  "file); as a flag after SCENARIO: resume OUT if it is this scenario's "
                  "unfinished run, skip it if complete, run it if missing (with --replicates, "
                  "each replicate's file)")
      ->expected(0, 1)
      ->type_name("[RUN.h5]");
  cmd->add_option("--checkpoint-every", run_opts.checkpoint_every,
                  "write the run's whole state to OUT.checkpoint every N steps (always on "
                  "SIGINT/SIGTERM), so a killed run can go on with --resume")
      ->check(CLI::Range(1u, 1000000000u));
  cmd->add_flag("--profile", run_opts.profile, "print the time per step of each mechanism");
  cmd->add_option("--progress", run_opts.progress,
                  "progress line: auto (only on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->callback([cmd, &handler] {
    settle_resume(run_opts, cmd->count("--resume") > 0);
    handler = [] { return run(run_opts); };
  });

  auto* val = app.add_subcommand(
      "validate",
      "check a scenario file as run would (input limits: docs/reliability.md) and print "
      "its effective form");
  add_scenario_options(val, validate_opts);
  val->get_option("SCENARIO")->required();
  val->callback([&handler] { handler = [] { return validate(validate_opts); }; });
}

}  // namespace wellsim::cli
