#pragma once
#include "viz/viewer_state.hpp"

namespace wellsim::viz {

/// The key problems' prevalence (homeless, food insecure, fuel poor, mental illness, lonely,
/// unemployment) over the weeks, with the shown week and the intervention ticks; comparing, the
/// baseline's lines dimmed. Draws nothing for a run without /series.
void prevalence_chart(ViewerState& state, float height);
/// Every service's queue and enrolment over the weeks (one line per service, its places in the
/// legend), under a header that starts open (closed in presenter mode). Draws nothing for a run
/// without services.
void service_charts(ViewerState& state, float height, bool presenter);

}  // namespace wellsim::viz
