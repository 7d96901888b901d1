#include "models/network/graph_text_limits.hpp"

#include <algorithm>

#include "sim/errors.hpp"
#include "sim/input_file.hpp"

namespace wellsim::models {
namespace {

/// A forward scan over text that keeps the current line number.
class Scan {
 public:
  explicit Scan(std::string_view text) : text_(text) {}
  bool done() const { return at_ >= text_.size(); }
  char peek(std::size_t ahead = 0) const {
    return at_ + ahead < text_.size() ? text_[at_ + ahead] : '\0';
  }
  bool starts_with(std::string_view s) const { return text_.substr(at_).starts_with(s); }
  long line() const { return line_; }
  /// Moves to `to` (at most the end), counting the newlines passed.
  void move_to(std::size_t to) {
    to = std::min(to, text_.size());
    line_ += std::count(text_.begin() + static_cast<std::ptrdiff_t>(at_),
                        text_.begin() + static_cast<std::ptrdiff_t>(to), '\n');
    at_ = to;
  }
  void advance(std::size_t n = 1) { move_to(at_ + n); }
  /// Moves past the next `end` (to the end of the text when there is none).
  void skip_past(std::string_view end) {
    const std::size_t found = text_.find(end, at_);
    move_to(found == std::string_view::npos ? text_.size() : found + end.size());
  }
  /// Moves to the next character of `chars` (or the end).
  void skip_to_any(std::string_view chars) {
    const std::size_t found = text_.find_first_of(chars, at_);
    move_to(found == std::string_view::npos ? text_.size() : found);
  }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
  long line_ = 1;
};

[[noreturn]] void too_deep(const std::string& path, long line, const std::string& what) {
  throw sim::InputError(sim::where(path, line) + what + " nested deeper than " +
                        std::to_string(sim::kMaxNesting) +
                        " levels (docs/reliability.md, Input limits)");
}

/// Moves past the '>' that ends a start tag, skipping quoted attribute values; true when the
/// tag closes itself ("/>").
bool skip_start_tag(Scan& s) {
  char quote = 0, last = 0;
  for (; !s.done(); s.advance()) {
    const char c = s.peek();
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      s.advance();
      return last == '/';
    }
    last = c;
  }
  return false;
}

/// Moves past a DOT quoted string (the scan is at its opening quote).
void skip_dot_string(Scan& s) {
  for (s.advance(); !s.done(); s.advance()) {
    if (s.peek() == '\\') {
      s.advance();
    } else if (s.peek() == '"') {
      s.advance();
      return;
    }
  }
}

/// Moves past a DOT HTML string `<...>`, whose angle brackets nest (the scan is at its '<').
void skip_dot_html(Scan& s, const std::string& path) {
  int depth = 0;
  for (; !s.done(); s.advance()) {
    if (s.peek() == '<' && ++depth > sim::kMaxNesting)
      too_deep(path, s.line(), "GraphViz HTML strings");
    if (s.peek() == '>' && --depth == 0) {
      s.advance();
      return;
    }
  }
}

}  // namespace

void check_xml_nesting(std::string_view text, const std::string& path) {
  Scan s(text);
  int depth = 0;
  for (s.skip_to_any("<"); !s.done(); s.skip_to_any("<")) {
    if (s.starts_with("<!--")) {
      s.skip_past("-->");
    } else if (s.starts_with("<![CDATA[")) {
      s.skip_past("]]>");
    } else if (s.starts_with("<?")) {
      s.skip_past("?>");
    } else if (s.starts_with("<!")) {
      s.skip_past(">");
    } else if (s.starts_with("</")) {
      --depth;
      s.skip_past(">");
    } else {
      const long line = s.line();
      if (!skip_start_tag(s) && ++depth > sim::kMaxNesting)
        too_deep(path, line, "GraphML elements");
    }
  }
}

void check_dot_nesting(std::string_view text, const std::string& path) {
  Scan s(text);
  int depth = 0;
  bool line_start = true;
  while (!s.done()) {
    const char c = s.peek();
    if (c == '"') {
      skip_dot_string(s);
    } else if (c == '<') {
      skip_dot_html(s, path);
    } else if (s.starts_with("//") || (c == '#' && line_start)) {
      s.skip_to_any("\n");
    } else if (s.starts_with("/*")) {
      s.skip_past("*/");
    } else {
      if (c == '{' && ++depth > sim::kMaxNesting) too_deep(path, s.line(), "GraphViz braces");
      if (c == '}') --depth;
      s.advance();
    }
    line_start = c == '\n' || (line_start && (c == ' ' || c == '\t'));
  }
}

}  // namespace wellsim::models
