// Proposes the sibling replicate files of a viewed run from its name (OUT_rK.h5), the naming
// `wellsim run --replicates` uses.
#include "viz/replicate_files.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <utility>

namespace wellsim::viz {

namespace fs = std::filesystem;

std::optional<ReplicateName> parse_replicate_name(const std::string& file_name) {
  const std::string ext = ".h5";
  if (file_name.size() <= ext.size() ||
      file_name.compare(file_name.size() - ext.size(), ext.size(), ext) != 0)
    return std::nullopt;
  const std::string base = file_name.substr(0, file_name.size() - ext.size());
  std::size_t digits = base.size();
  while (digits > 0 && base[digits - 1] >= '0' && base[digits - 1] <= '9') --digits;
  // At least one digit, then "_r", then a stem of at least one character.
  if (digits == base.size() || digits < 3 || base.compare(digits - 2, 2, "_r") != 0)
    return std::nullopt;
  const std::string number = base.substr(digits);
  if (number.size() > 9) return std::nullopt;  // beyond any replicate count; avoids overflow
  return ReplicateName{base.substr(0, digits - 2), std::uint32_t(std::stoul(number))};
}

std::vector<std::string> replicate_siblings(const std::string& path,
                                            const std::vector<std::string>& folder_names) {
  const fs::path p(path);
  const auto own = parse_replicate_name(p.filename().string());
  if (!own) return {path};
  std::vector<std::pair<std::uint32_t, std::string>> found;
  bool self = false;
  for (const std::string& name : folder_names) {
    const auto r = parse_replicate_name(name);
    if (!r || r->stem != own->stem) continue;
    // `_r1.h5` and `_r01.h5` would both claim replicate 1: the file's contents settle which
    // replicate it is, so both stay candidates.
    self = self || name == p.filename().string();
    found.emplace_back(r->replicate, (p.parent_path() / name).string());
  }
  if (!self) found.emplace_back(own->replicate, path);
  std::sort(found.begin(), found.end());
  std::vector<std::string> out;
  for (auto& [k, file] : found) out.push_back(std::move(file));
  return out;
}

std::vector<std::string> list_folder(const std::string& folder) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(folder.empty() ? "." : folder, ec), end; !ec && it != end;
       it.increment(ec))
    if (it->is_regular_file(ec)) names.push_back(it->path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace wellsim::viz
