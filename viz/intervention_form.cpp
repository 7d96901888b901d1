#include "viz/intervention_form.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace wellsim::viz {

namespace {

constexpr double kSliderSpan = 1000;

/// The field's starting value: the default, or for a required key the first value it allows.
sim::ParamValue initial(const sim::ParamSpec& s) {
  if (s.fallback) return *s.fallback;
  switch (s.type) {
    case sim::ParamType::Integer: return std::int64_t(s.has_min() ? s.min : 0);
    case sim::ParamType::Real: return s.has_min() ? s.min : 0.0;
    case sim::ParamType::Boolean: return false;
    case sim::ParamType::Choice: return s.choices.empty() ? std::string() : s.choices.front();
    case sim::ParamType::RealList: return std::vector<double>{};
    case sim::ParamType::StringList: return std::vector<std::string>{};
    default: return std::string();
  }
}

FieldWidget widget_of(const sim::ParamSpec& s) {
  switch (s.type) {
    case sim::ParamType::Integer:
    case sim::ParamType::Real: return FieldWidget::Slider;
    case sim::ParamType::Boolean: return FieldWidget::Checkbox;
    case sim::ParamType::Choice: return FieldWidget::Combo;
    case sim::ParamType::StringList:
      return s.name == "target.neighbourhoods" ? FieldWidget::Neighbourhoods : FieldWidget::Text;
    default: return FieldWidget::Text;
  }
}

}  // namespace

bool FormField::edited() const {
  return !raw.empty() || !spec.fallback || !(value == *spec.fallback);
}

bool form_skips(const std::string& key) { return key == "type" || key == "start_week"; }

std::pair<double, double> slider_range(const sim::ParamSpec& s) {
  const double lo = s.has_min() ? s.min : 0.0;
  if (s.has_max() && s.max - lo <= kSliderSpan) return {lo, s.max};
  double typical = 0;
  if (s.fallback) {
    if (const auto* i = std::get_if<std::int64_t>(&*s.fallback)) typical = double(*i);
    if (const auto* d = std::get_if<double>(&*s.fallback)) typical = *d;
  }
  // A default that means "forever" (end_week) or "none" (0) says nothing about scale.
  if (!std::isfinite(typical) || std::fabs(typical) >= kSliderSpan * 1e3) typical = 0;
  const double hi = std::max(lo + (s.type == sim::ParamType::Integer ? 100.0 : 10.0),
                             lo + 4 * std::fabs(typical - lo));
  return {lo, s.has_max() ? std::min(hi, s.max) : hi};
}

InterventionForm make_form(const LiveInterventionType& type,
                           const std::vector<std::string>& neighbourhoods,
                           std::uint32_t last_week) {
  InterventionForm form;
  form.type = type.name;
  form.neighbourhoods = neighbourhoods;
  for (const auto& spec : type.params) {
    if (form_skips(spec.name)) continue;
    FormField f{spec, widget_of(spec), initial(spec), 0, 1, ""};
    std::tie(f.lo, f.hi) = slider_range(spec);
    if (spec.unit == "week") std::tie(f.lo, f.hi) = std::pair{1.0, double(last_week)};
    form.fields.push_back(std::move(f));
  }
  return form;
}

std::string InterventionForm::to_toml() const {
  std::string out = "[[intervention]]\ntype = " + sim::to_text(std::string(type)) + "\n";
  for (const auto& f : fields)
    if (f.edited())
      out += f.spec.name + " = " + (f.raw.empty() ? sim::to_text(f.value) : f.raw) + "\n";
  return out;
}

void fill_form(InterventionForm& form, const std::map<std::string, sim::ParamValue>& values) {
  for (auto& f : form.fields) {
    const auto it = values.find(f.spec.name);
    if (it != values.end() && it->second.index() == f.value.index()) f.value = it->second;
  }
}

namespace {

/// Sets list field `key` to the one id (typed as TOML, so the table says `[12]`, not `[12.0]`)
/// and clears list field `other`.
void name_one(InterventionForm& form, const char* key, const char* other, std::int64_t id) {
  for (FormField& f : form.fields) {
    if (f.spec.name != key && f.spec.name != other) continue;
    f.value = std::vector<double>{};
    f.raw.clear();
    if (f.spec.name != key) continue;
    // Formatted, not "[" + std::to_string(id) + "]": GCC 12 warns falsely (-Wrestrict) on that.
    char text[32];
    std::snprintf(text, sizeof text, "[%lld]", static_cast<long long>(id));
    f.raw = text;
  }
}

}  // namespace

void target_person(InterventionForm& form, std::int64_t person_id) {
  name_one(form, "target.people", "target.households", person_id);
}

void target_household(InterventionForm& form, std::int64_t household) {
  name_one(form, "target.households", "target.people", household);
}

FormField* InterventionForm::field(const std::string& name) {
  for (auto& f : fields)
    if (f.spec.name == name) return &f;
  return nullptr;
}

}  // namespace wellsim::viz
