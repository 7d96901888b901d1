#pragma once
// The live panel's "add an intervention" form, without the widgets: one field per parameter the
// registry declares for a type (DESIGN extension points: the declaration drives the viewer's
// sliders too), each with the range its slider covers, turned into the [[intervention]] table
// the live session reads. Headless, so a test can fill a form and read its TOML.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "sim/param_spec.hpp"
#include "viz/live_model.hpp"

namespace wellsim::viz {

/// How a field is edited.
enum class FieldWidget {
  Slider,          ///< a number between `lo` and `hi`
  Checkbox,        ///< a boolean
  Combo,           ///< one of the spec's choices
  Neighbourhoods,  ///< a tick box per neighbourhood of the network
  Text,            ///< TOML text typed in (strings, lists)
};

/// One parameter of the form.
struct FormField {
  sim::ParamSpec spec;    ///< its declaration
  FieldWidget widget;     ///< how it is edited
  sim::ParamValue value;  ///< what it holds now
  double lo = 0, hi = 1;  ///< the slider's ends (Slider only)
  std::string raw;        ///< a list typed as TOML ("[\"unemployed\"]"); "" keeps `value`
  bool edited() const;    ///< true when `value` differs from the declared default, or `raw` set
};

/// A form for one intervention type.
struct InterventionForm {
  std::string type;                         ///< scenario `type`
  std::vector<FormField> fields;            ///< every parameter the panel edits, declaration order
  std::vector<std::string> neighbourhoods;  ///< the network's, for the tick boxes
  /// The form as one [[intervention]] table: `type`, then every required or edited key.
  std::string to_toml() const;
  /// The field of key `name`, or nullptr.
  FormField* field(const std::string& name);
};

/// The keys the form leaves out: `type` (the form's own) and `start_week` (the live session
/// sets it to the week the change is made).
bool form_skips(const std::string& key);

/// The slider range of a number parameter: its declared bounds when both are finite and at most
/// `kSliderSpan` apart, otherwise from its lower bound (or 0) to a few times its default, so a
/// "places (0 = unlimited, up to 10^12)" slider still moves in useful steps.
std::pair<double, double> slider_range(const sim::ParamSpec& spec);

/// Sets each field whose key `values` has to that value (an intervention's, for "change"); a
/// value of another kind than the field's is left out.
void fill_form(InterventionForm& form, const std::map<std::string, sim::ParamValue>& values);

/// Points the form at one person: target.people = [person_id] and no named household (the
/// panel's "target: this person" for the person clicked on the map).
void target_person(InterventionForm& form, std::int64_t person_id);
/// Points the form at one household: target.households = [household] and no named person.
void target_household(InterventionForm& form, std::int64_t household);

/// A fresh form for `type`, every field at its default; `neighbourhoods` are the network's, and
/// a week key's slider (unit "week": end_week) runs over the run's weeks 1..`last_week`.
InterventionForm make_form(const LiveInterventionType& type,
                           const std::vector<std::string>& neighbourhoods, std::uint32_t last_week);

}  // namespace wellsim::viz
