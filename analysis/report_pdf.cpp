// `compare --pdf`: the HTML report printed by headless Chromium, so the PDF is the page a reader
// sees, charts and print styling included (Chart.js draws into canvases, which only a browser
// runs; a second renderer would drift from the page).
#include <spawn.h>
#include <sys/wait.h>

#include <fcntl.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

#include "analysis/report.hpp"
#include "sim/errors.hpp"

extern char** environ;

namespace wellsim::analysis {

namespace {

/// `path` as a file:// URL, every byte outside the unreserved set percent-encoded.
std::string file_url(const std::filesystem::path& path) {
  std::string url = "file://";
  for (unsigned char ch : std::filesystem::absolute(path).string()) {
    if (std::isalnum(ch) || std::string("/-._~").find(char(ch)) != std::string::npos) {
      url += char(ch);
    } else {
      static const char* hex = "0123456789ABCDEF";
      url += '%';
      url += hex[ch >> 4];
      url += hex[ch & 15];
    }
  }
  return url;
}

/// The last non-empty line of the file at `path` ("" when none).
std::string last_line(const std::string& path) {
  std::ifstream f(path);
  std::string line, last;
  while (std::getline(f, line))
    if (!line.empty()) last = line;
  return last;
}

/// Runs `argv` with stdout and stderr into `log`; returns its exit status (-1: not started).
int run_logged(const std::vector<std::string>& argv, const std::string& log) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return -1;
  int status = 0;
  if (waitpid(pid, &status, 0) < 0) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

void write_pdf(const std::string& html, const std::string& pdf) {
  namespace fs = std::filesystem;
  // A profile of its own: two reports printed at once must not share Chromium's profile lock.
  std::string profile = (fs::temp_directory_path() / "wellsim-pdf-XXXXXX").string();
  if (!mkdtemp(profile.data())) throw sim::RuntimeError(pdf + ": cannot make a temporary folder");
  const std::string log = profile + "/chromium.log";
  fs::remove(pdf);
  // `timeout` bounds a browser that hangs; --no-sandbox lets it run as root (containers, CI).
  const int rc = run_logged({"timeout", "300", "chromium", "--headless", "--no-sandbox",
                             "--disable-gpu", "--no-pdf-header-footer",
                             "--user-data-dir=" + profile, "--print-to-pdf=" + pdf, file_url(html)},
                            log);
  const std::string why = last_line(log);
  std::error_code ignored;
  fs::remove_all(profile, ignored);
  if (rc == -1 || rc == 127)
    throw sim::RuntimeError(pdf +
                            ": cannot print: chromium is not installed (Debian package "
                            "chromium)");
  std::error_code ec;
  if (rc != 0 || !fs::exists(pdf) || fs::file_size(pdf, ec) == 0)
    throw sim::RuntimeError(pdf + ": chromium could not print " + html + " (exit status " +
                            std::to_string(rc) + (why.empty() ? "" : ": " + why) + ")");
}

}  // namespace wellsim::analysis
