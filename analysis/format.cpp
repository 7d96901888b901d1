#include "analysis/format.hpp"

#include <cmath>
#include <cstdio>

namespace wellsim::analysis {

std::string num(double x, int digits) {
  if (!std::isfinite(x)) return "n/a";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, x);
  return buf;
}

std::string money(double x) {
  if (!std::isfinite(x)) return "n/a";
  const bool negative = std::llround(x) < 0;
  std::string digits = std::to_string(std::llabs(std::llround(x)));
  std::string out;
  for (std::size_t k = 0; k < digits.size(); ++k) {
    if (k && (digits.size() - k) % 3 == 0) out += ',';
    out += digits[k];
  }
  return (negative ? "-\xC2\xA3" : "\xC2\xA3") + out;
}

std::string interval(const Estimate& e, int digits) {
  if (!e.has_interval()) return "(no interval)";
  return "[" + num(e.lo, digits) + ", " + num(e.hi, digits) + "]";
}

std::string money_interval(const Estimate& e) {
  if (!e.has_interval()) return "(no interval)";
  return "[" + money(e.lo) + ", " + money(e.hi) + "]";
}

std::string csv_number(double x) {
  if (!std::isfinite(x)) return "null";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", x);
  return buf;
}

std::string html_escape(const std::string& s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += ch;
    }
  }
  return out;
}

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const auto& s : parts) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

}  // namespace wellsim::analysis
