#include "tests/cli/cli_runner.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>
#include <string>

namespace wellsim::test {

namespace {

std::string drain(int fd) {
  std::string s;
  char buf[4096];
  for (ssize_t k; (k = ::read(fd, buf, sizeof buf)) > 0;) s.append(buf, static_cast<size_t>(k));
  return s;
}

/// Forks and execs wellsim with stdout/stderr on fresh pipes; returns the pid.
pid_t spawn(const std::vector<std::string>& args, int out[2], int err[2]) {
  if (::pipe(out) != 0 || ::pipe(err) != 0) throw std::runtime_error("pipe failed");
  pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    int devnull = ::open("/dev/null", O_RDONLY);
    ::dup2(devnull, 0);
    ::dup2(out[1], 1);
    ::dup2(err[1], 2);
    ::close(out[0]), ::close(err[0]);
    std::vector<char*> argv{const_cast<char*>(WELLSIM_EXE)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(WELLSIM_EXE, argv.data());
    ::_exit(127);
  }
  ::close(out[1]), ::close(err[1]);
  return pid;
}

int wait_status(pid_t pid) {
  int st = 0;
  ::waitpid(pid, &st, 0);
  return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

}  // namespace

CliResult run_wellsim(const std::vector<std::string>& args) {
  int out[2], err[2];
  pid_t pid = spawn(args, out, err);
  CliResult r;
  // stderr is small (one line); reading stdout to the end first cannot deadlock on it.
  r.out = drain(out[0]);
  r.err = drain(err[0]);
  ::close(out[0]), ::close(err[0]);
  r.status = wait_status(pid);
  return r;
}

bool kill_wellsim_after(const std::vector<std::string>& args, unsigned step) {
  int out[2], err[2];
  pid_t pid = spawn(args, out, err);
  ::close(out[0]);
  std::string seen;
  bool found = false;
  char buf[256];
  for (ssize_t k; !found && (k = ::read(err[0], buf, sizeof buf)) > 0;) {
    seen.append(buf, static_cast<size_t>(k));
    // Progress lines read "NAME: step DONE/TOTAL ..."; look at the last complete one.
    auto end = seen.rfind('\n');
    auto at = end == std::string::npos ? end : seen.rfind(": step ", end);
    found = at != std::string::npos && std::stoul(seen.substr(at + 7)) >= step;
  }
  if (found) ::kill(pid, SIGKILL);
  ::close(err[0]);
  wait_status(pid);
  return found;
}

RunningWellsim::RunningWellsim(const std::vector<std::string>& args) {
  int out[2], err[2];
  pid_ = spawn(args, out, err);
  out_ = out[0];
  err_ = err[0];
}

RunningWellsim::~RunningWellsim() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    wait_status(pid_);
  }
  if (out_ >= 0) ::close(out_);
  if (err_ >= 0) ::close(err_);
}

bool RunningWellsim::wait_for_step(unsigned step) {
  char buf[256];
  for (ssize_t k; (k = ::read(err_, buf, sizeof buf)) > 0;) {
    err_seen_.append(buf, static_cast<size_t>(k));
    auto end = err_seen_.rfind('\n');
    auto at = end == std::string::npos ? end : err_seen_.rfind(": step ", end);
    if (at != std::string::npos && std::stoul(err_seen_.substr(at + 7)) >= step) return true;
  }
  return false;
}

void RunningWellsim::signal(int signal) { ::kill(pid_, signal); }

CliResult RunningWellsim::finish() {
  CliResult r;
  r.out = drain(out_);
  r.err = drain(err_);
  // Only what came after the progress lines already read: the lines the run ended with.
  r.status = wait_status(pid_);
  pid_ = -1;
  return r;
}

CliResult signal_wellsim_after(const std::vector<std::string>& args, unsigned step, int signal,
                               bool* seen) {
  RunningWellsim run(args);
  *seen = run.wait_for_step(step);
  if (*seen) run.signal(signal);
  return run.finish();
}

}  // namespace wellsim::test
