#include "sim/param_spec.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace wellsim::sim {

std::string describe(ParamType type) {
  switch (type) {
    case ParamType::Integer: return "an integer";
    case ParamType::Real: return "a number";
    case ParamType::Boolean: return "true or false";
    case ParamType::String: return "a string";
    case ParamType::Choice: return "a name";
    case ParamType::Path: return "a file path";
    case ParamType::RealList: return "a list of numbers";
    case ParamType::StringList: return "a list of strings";
  }
  return "a value";
}

namespace {

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string number(double x) {
  std::string s = format_number(x);
  // A TOML float needs a fraction or exponent, or it would read back as an integer.
  if (std::isfinite(x) && s.find_first_of(".eE") == std::string::npos) s += ".0";
  return s;
}

}  // namespace

std::string format_number(double x) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x);
  return ec == std::errc() ? std::string(buf, end) : std::string("nan");
}

std::string to_text(const ParamValue& value) {
  struct Visitor {
    std::string operator()(std::int64_t v) const { return std::to_string(v); }
    std::string operator()(double v) const { return number(v); }
    std::string operator()(bool v) const { return v ? "true" : "false"; }
    std::string operator()(const std::string& v) const { return quoted(v); }
    std::string operator()(const std::vector<double>& v) const {
      std::string s = "[";
      for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + number(v[i]);
      return s + "]";
    }
    std::string operator()(const std::vector<std::string>& v) const {
      std::string s = "[";
      for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + quoted(v[i]);
      return s + "]";
    }
  };
  return std::visit(Visitor{}, value);
}

const ParamValue& ParamSet::at(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) throw std::logic_error("parameter '" + name + "' was not declared");
  return it->second;
}

template <class T>
static const T& get_as(const ParamValue& v, const std::string& name) {
  if (auto p = std::get_if<T>(&v)) return *p;
  throw std::logic_error("parameter '" + name + "' read as the wrong type");
}

std::int64_t ParamSet::integer(const std::string& name) const {
  return get_as<std::int64_t>(at(name), name);
}

double ParamSet::real(const std::string& name) const {
  const ParamValue& v = at(name);
  if (auto p = std::get_if<std::int64_t>(&v)) return static_cast<double>(*p);
  return get_as<double>(v, name);
}

bool ParamSet::boolean(const std::string& name) const { return get_as<bool>(at(name), name); }

const std::string& ParamSet::string(const std::string& name) const {
  return get_as<std::string>(at(name), name);
}

const std::vector<double>& ParamSet::reals(const std::string& name) const {
  return get_as<std::vector<double>>(at(name), name);
}

const std::vector<std::string>& ParamSet::strings(const std::string& name) const {
  return get_as<std::vector<std::string>>(at(name), name);
}

const ParamSpec* find_spec(const std::vector<ParamSpec>& specs, const std::string& name) {
  for (const auto& s : specs)
    if (s.name == name) return &s;
  return nullptr;
}

static std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string nearest_name(const std::vector<std::string>& names, const std::string& name) {
  std::string best;
  std::size_t best_d = std::max<std::size_t>(2, name.size() / 3) + 1;
  for (const auto& n : names) {
    std::size_t d = edit_distance(name, n);
    if (d < best_d) best_d = d, best = n;
  }
  return best;
}

std::string nearest_name(const std::vector<ParamSpec>& specs, const std::string& name) {
  std::vector<std::string> names;
  for (const auto& s : specs) names.push_back(s.name);
  return nearest_name(names, name);
}

}  // namespace wellsim::sim
