#include "sim/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "sim/errors.hpp"

namespace wellsim::sim {

namespace {

/// Closes a descriptor on every path out of the reader.
struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

std::string kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  if (S_ISFIFO(mode)) return "a pipe";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

std::string limit_text(const std::string& what, std::uint64_t max_bytes) {
  return std::string("over the limit of ")
      .append(format_bytes(max_bytes))
      .append(" for a ")
      .append(what)
      .append(" (docs/reliability.md, Input limits)");
}

}  // namespace

std::string format_bytes(std::uint64_t bytes) {
  const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
  double value = static_cast<double>(bytes);
  int unit = 0;
  while (value >= 1024 && unit < 4) value /= 1024, ++unit;
  char text[48];
  if (unit == 0 || value == static_cast<double>(static_cast<std::uint64_t>(value)))
    std::snprintf(text, sizeof text, "%.0f %s", value, units[unit]);
  else
    std::snprintf(text, sizeof text, "%.1f %s", value, units[unit]);
  return text;
}

std::string read_input_file(const std::string& path, const std::string& what,
                            std::uint64_t max_bytes) {
  const std::string cannot = where(path) + "cannot read " + what + ": ";
  // O_NONBLOCK: opening a FIFO with no writer must not hang before fstat can refuse it.
  Fd file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
  if (file.fd < 0) throw InputError(cannot + std::strerror(errno));
  struct stat st {};
  if (::fstat(file.fd, &st) != 0) throw InputError(cannot + std::strerror(errno));
  if (!S_ISREG(st.st_mode))
    throw InputError(cannot + "it is " + kind_of(st.st_mode) + "; give a regular file");
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (size > max_bytes)
    throw InputError(cannot + format_bytes(size) + ", " + limit_text(what, max_bytes));
  // One byte of slack so a caller can append a final newline without reallocating; the file may
  // still grow while it is read, so reading stops one byte past the limit.
  std::string text(static_cast<std::size_t>(size) + 1, '\0');
  std::size_t got_total = 0;
  for (;;) {
    if (got_total == text.size()) {
      if (got_total > max_bytes)
        throw InputError(cannot + "it grew while read, " + limit_text(what, max_bytes));
      text.resize(std::min<std::uint64_t>(text.size() * 2, max_bytes + 1));
    }
    const ssize_t got = ::read(file.fd, text.data() + got_total, text.size() - got_total);
    if (got < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (got < 0) throw InputError(cannot + std::strerror(errno));
    if (got == 0) break;
    got_total += static_cast<std::size_t>(got);
  }
  if (got_total > max_bytes)
    throw InputError(cannot + "it grew while read, " + limit_text(what, max_bytes));
  text.resize(got_total);
  return text;
}

void check_line_lengths(std::string_view text, const std::string& path, const std::string& what) {
  long line = 1;
  for (std::size_t start = 0; start < text.size(); ++line) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (end - start > kMaxLineBytes)
      throw InputError(where(path, line) + "line of " + format_bytes(end - start) +
                       ", over the limit of " + format_bytes(kMaxLineBytes) + " per line of a " +
                       what + " (docs/reliability.md, Input limits)");
    start = end + 1;
  }
}

}  // namespace wellsim::sim
