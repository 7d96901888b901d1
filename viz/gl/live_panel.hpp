#pragma once
// The live viewer's controls: play, pause, step and speed; what the map shows; the policy
// branch's interventions with remove and change; a form built from the registry's declarations
// to add one; saving either branch and exporting the edited scenario.
#include <map>
#include <optional>
#include <string>

#include "viz/background_save.hpp"
#include "viz/intervention_form.hpp"
#include "viz/live_view.hpp"
#include "viz/view_transform.hpp"

namespace wellsim::viz {

/// What the panel keeps between frames.
struct LivePanelState {
  int type = -1;          ///< index of the form's type in LiveModel::types() (-1: none)
  InterventionForm form;  ///< the add (or change) form
  std::string changing;   ///< the intervention the form replaces ("" : it adds)
  std::string save_stem;  ///< file names the save buttons use: STEM-policy.h5, ...
  std::string message;    ///< the last action's outcome or error (one line)
  std::optional<sim::AgentId> selected;  ///< the person clicked on the map (or --select)
  BackgroundSave saving;                 ///< a branch being saved while the lesson goes on
};

/// Opens the add form on intervention type `type`; false (nothing changed) for an unknown type.
bool open_type_form(LiveModel& model, LivePanelState& panel, const std::string& type,
                    const std::string& replaces = "",
                    const std::map<std::string, sim::ParamValue>& values = {});
/// The play controls and the week, along the bottom.
void live_timeline_panel(LiveView& view, const Viewport& where);
/// The side panel: legend, mean charts, interventions, the form, save and export.
void live_side_panel(LiveView& view, LivePanelState& panel, const Viewport& where);

}  // namespace wellsim::viz
