#include "analysis/evidence.hpp"

#include <cctype>
#include <map>
#include <regex>
#include <sstream>
#include <vector>

namespace wellsim::generated {
std::string_view model_doc();  // cmake/embed_text.cmake
}

namespace wellsim::analysis {

namespace {

/// The cells of a Markdown table row ("| a | b \| c |" gives "a", "b \| c").
std::vector<std::string> cells(const std::string& row) {
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t k = 1; k < row.size(); ++k) {
    if (row[k] == '|' && row[k - 1] != '\\') {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += row[k];
    }
  }
  for (auto& c : out) {
    c.erase(0, c.find_first_not_of(' '));
    c.erase(c.find_last_not_of(' ') + 1);
  }
  return out;
}

/// `source` without "(see above)": the report quotes the cell away from the text above it.
std::string without_see_above(std::string source) {
  const std::string see = " (see above)";
  if (auto at = source.find(see); at != std::string::npos) source.erase(at, see.size());
  return source;
}

/// Key sources by "table.key" and type sources by "type:name".
using Sources = std::map<std::string, std::string>;

/// The prefix of the keys in the tables of a section: its first `[table]` mark (in the heading
/// or the paragraph under it); "type:" for the interventions section.
std::string prefix_of(const std::string& text) {
  if (text.find("`[[intervention]]`") != std::string::npos) return "type:";
  std::smatch m;
  if (std::regex_search(text, m, std::regex("`\\[([a-z_]+)\\]")) && m[1] != "run")
    return m[1].str() + ".";
  return "";
}

/// Every row of a table whose first column is key(s) or type and whose last is the source.
Sources parse(std::string_view doc) {
  Sources out;
  std::istringstream in{std::string(doc)};
  std::string line, section, prefix;
  bool in_table = false;
  while (std::getline(in, line)) {
    if (line.rfind("## ", 0) == 0) section = line, prefix.clear();
    if (!line.empty() && line[0] != '|' && prefix.empty()) prefix = prefix_of(section + line);
    if (line.empty() || line[0] != '|') {
      in_table = false;
      continue;
    }
    const auto c = cells(line);
    if (c.size() < 2) continue;
    if (c.back() == "source" && (c[0] == "key" || c[0] == "keys" || c[0] == "type")) {
      in_table = !prefix.empty();
      continue;
    }
    if (!in_table) continue;
    static const std::regex code("`([a-z_]+)`");
    for (std::sregex_iterator it(c[0].begin(), c[0].end(), code), end; it != end; ++it)
      out.emplace(prefix + (*it)[1].str(), without_see_above(plain_markdown(c.back())));
  }
  return out;
}

const Sources& sources() {
  static const Sources s = parse(generated::model_doc());
  return s;
}

std::string lookup(const std::string& key) {
  auto it = sources().find(key);
  return it == sources().end() ? "" : it->second;
}

}  // namespace

std::string evidence_for_key(const std::string& key) { return lookup(key); }

std::string evidence_for_type(const std::string& type) { return lookup("type:" + type); }

std::vector<std::string> model_omissions() {
  // Paragraphs joined into one line each, then split into sentences.
  std::string text;
  std::istringstream in{std::string(generated::model_doc())};
  for (std::string line; std::getline(in, line);)
    text += line.empty() || line[0] == '|' || line[0] == '#' ? "\n" : " " + line;
  static const std::regex sentence(
      "[^.;\\n]*(Not modelled|not modelled|no [a-z]+ is modelled)[^\\n]*?\\.");
  std::vector<std::string> out;
  for (std::sregex_iterator it(text.begin(), text.end(), sentence), end; it != end; ++it) {
    std::string s = plain_markdown(it->str());
    s.erase(0, s.find_first_not_of(' '));
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    out.push_back(s);
  }
  return out;
}

std::string plain_markdown(std::string_view text) {
  std::string out;
  for (std::size_t k = 0; k < text.size(); ++k) {
    if (text[k] == '`' || (text[k] == '*' && k + 1 < text.size() && text[k + 1] == '*')) {
      if (text[k] == '*') ++k;
      continue;
    }
    if (text[k] == '\\' && k + 1 < text.size()) ++k;
    out += text[k];
  }
  return out;
}

}  // namespace wellsim::analysis
