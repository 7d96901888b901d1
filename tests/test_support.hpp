#pragma once
#include <filesystem>
#include <string>

namespace wellsim::test {

/// A fresh empty folder under the system temp dir, removed when the object goes away.
class TempDir {
 public:
  /// Creates the folder; `tag` makes its name readable in failures.
  explicit TempDir(const std::string& tag);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  /// The folder.
  const std::filesystem::path& path() const { return path_; }
  /// A path inside the folder.
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  /// Writes `text` to a file inside the folder and returns its path.
  std::string write(const std::string& name, const std::string& text) const;

 private:
  std::filesystem::path path_;
};

/// Path of a file in ../shared/data, or "" when the shared data is absent (tests then SKIP).
std::string shared_data(const std::string& relative);

/// The whole content of a file ("" when it cannot be read).
std::string read_text(const std::string& path);

/// Path of a file in the source tree.
std::string source_path(const std::string& relative);

}  // namespace wellsim::test
