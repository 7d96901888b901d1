// Video export through Debian's ffmpeg program: frames go down a pipe as raw RGBA, so the
// viewer needs no codec library and the encoder is the one the system maintains.
#include "viz/video_pipe.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "sim/errors.hpp"

extern char** environ;

namespace wellsim::viz {

namespace {

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

/// ffmpeg's arguments: raw frames in, flipped upright, encoded by extension. H.264 in yuv420p
/// needs even sides, so an odd side gains one padding pixel; a GIF gets a palette made from
/// the clip itself (the default web palette bands the colour scale).
std::vector<std::string> ffmpeg_args(const RecordPlan& plan, int w, int h) {
  const std::string size = std::to_string(w) + "x" + std::to_string(h);
  std::vector<std::string> a{"ffmpeg",
                             "-loglevel",
                             "error",
                             "-nostdin",
                             "-y",
                             "-f",
                             "rawvideo",
                             "-pix_fmt",
                             "rgba",
                             "-s",
                             size,
                             "-r",
                             std::to_string(plan.fps),
                             "-i",
                             "-"};
  if (plan.gif) {
    a.insert(a.end(), {"-vf", "vflip,split[a][b];[a]palettegen[p];[b][p]paletteuse", "-f", "gif"});
  } else {
    a.insert(a.end(), {"-vf", "vflip,pad=ceil(iw/2)*2:ceil(ih/2)*2", "-c:v", "libx264", "-pix_fmt",
                       "yuv420p", "-movflags", "+faststart", "-f", "mp4"});
  }
  a.push_back(plan.path);
  return a;
}

}  // namespace

bool on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "";
  for (std::size_t start = 0; start <= dirs.size();) {
    const std::size_t end = std::min(dirs.find(':', start), dirs.size());
    const std::string dir = end > start ? dirs.substr(start, end - start) : ".";
    const std::string file = dir + "/" + program;
    struct stat st {};
    if (::stat(file.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(file.c_str(), X_OK) == 0)
      return true;
    start = end + 1;
  }
  return false;
}

RecordPlan plan_recording(const std::string& path, int from, int to, int fps,
                          const std::vector<std::int32_t>& weeks) {
  RecordPlan plan;
  plan.path = path;
  plan.fps = fps;
  plan.gif = ends_with(path, ".gif");
  if (!plan.gif && !ends_with(path, ".mp4"))
    throw sim::InputError(path + ": --record writes a .mp4 or a .gif file");
  const int first = weeks.empty() ? 0 : weeks.front(), last = weeks.empty() ? 0 : weeks.back();
  if (from < 0) from = first;
  if (to < 0) to = last;
  if (from > to)
    throw sim::InputError("--from " + std::to_string(from) + " is after --to " +
                          std::to_string(to));
  for (std::size_t r = 0; r < weeks.size(); ++r)
    if (weeks[r] >= from && weeks[r] <= to) plan.rows.push_back(r);
  if (plan.rows.empty())
    throw sim::InputError("no recorded week from " + std::to_string(from) + " to " +
                          std::to_string(to) + " (the run records weeks " + std::to_string(first) +
                          " to " + std::to_string(last) + ")");
  if (!on_path("ffmpeg"))
    throw sim::InputError(
        "--record needs the ffmpeg program: install Debian's ffmpeg (scripts/install-deps.sh)");
  // Found out now rather than after every frame is rendered, by creating the file (removed
  // again if it was not there: a failed start leaves nothing behind).
  const bool existed = ::access(path.c_str(), F_OK) == 0;
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT, 0644);
  if (fd < 0) throw sim::InputError(path + ": cannot write: " + std::strerror(errno));
  ::close(fd);
  if (!existed) ::unlink(path.c_str());
  return plan;
}

VideoPipe::VideoPipe(const RecordPlan& plan, int width, int height)
    : path_(plan.path), frame_bytes_(std::size_t(width) * std::size_t(height) * 4) {
  int fds[2];
  if (::pipe(fds) != 0)
    throw sim::RuntimeError(std::string("cannot start ffmpeg: pipe: ") + std::strerror(errno));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO);
  posix_spawn_file_actions_addclose(&actions, fds[1]);
  const auto args = ffmpeg_args(plan, width, height);
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int err = posix_spawnp(&pid, "ffmpeg", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[0]);
  if (err != 0) {
    ::close(fds[1]);
    throw sim::RuntimeError(std::string("cannot start ffmpeg: ") + std::strerror(err));
  }
  pid_ = pid;
  fd_ = fds[1];
  // A write to an ffmpeg that died is an error to report, not a signal that kills the viewer.
  std::signal(SIGPIPE, SIG_IGN);
}

VideoPipe::~VideoPipe() {
  if (pid_ < 0) return;
  ::close(fd_);
  ::kill(pid_, SIGTERM);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  std::remove(path_.c_str());
}

void VideoPipe::write_frame(const std::vector<std::uint8_t>& rgba) {
  if (rgba.size() != frame_bytes_) throw sim::RuntimeError("video frame of the wrong size");
  std::size_t done = 0;
  while (done < rgba.size()) {
    const ssize_t n = ::write(fd_, rgba.data() + done, rgba.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0)
      throw sim::RuntimeError(path_ + ": ffmpeg stopped taking frames: " + std::strerror(errno));
    done += std::size_t(n);
  }
}

void VideoPipe::finish() {
  ::close(fd_);
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::remove(path_.c_str());
    throw sim::RuntimeError(path_ + ": ffmpeg failed (its message is above)");
  }
}

}  // namespace wellsim::viz
