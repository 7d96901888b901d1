#pragma once
// The evidence behind the model's numbers, as docs/model.md gives it: the "source" column of its
// tables of keys and of intervention types. The binary carries that page (cmake/embed_text.cmake),
// so a report quotes the same source the documentation shows, and an edit of the page changes
// both at once.
#include <string>
#include <string_view>
#include <vector>

namespace wellsim::analysis {

/// The source docs/model.md gives for scenario key `key` ("wellbeing.effect_unemployed"), as
/// plain text; "" when the page has none.
std::string evidence_for_key(const std::string& key);

/// The source docs/model.md gives for intervention type `type` ("price_cap"); "" when none.
std::string evidence_for_type(const std::string& type);

/// The sentences of docs/model.md that say what the model leaves out ("Not modelled: ...",
/// "no habituation is modelled"), as plain text.
std::vector<std::string> model_omissions();

/// Markdown `text` as plain text: emphasis, code marks and escapes removed.
std::string plain_markdown(std::string_view text);

}  // namespace wellsim::analysis
