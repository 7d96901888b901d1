#include "models/network/source_support.hpp"

namespace wellsim::models {

sim::InputError param_error(const SourceContext& ctx, const std::string& key,
                            const std::string& message) {
  return sim::InputError(sim::where(ctx.scenario_path) + "network." + key + ": " + message);
}

sim::AgentId agent_count(std::int64_t value, const SourceContext& ctx, const std::string& key) {
  constexpr auto kMax = static_cast<std::int64_t>(kMaxAgents);
  if (value < 1 || value > kMax)
    throw param_error(
        ctx, key,
        "expected 1 to " + std::to_string(kMax) + " agents, found " + std::to_string(value));
  return static_cast<sim::AgentId>(value);
}

std::string read_text(const std::string& path, const std::string& what, std::uint64_t max_bytes) {
  return sim::read_input_file(path, what, max_bytes);
}

LineText::LineText(const std::string& path, const std::string& what)
    : text_(read_text(path, what)) {
  if (text_.empty() || text_.back() != '\n') text_.push_back('\n');
}

void concatenate(std::vector<EdgePiece>& pieces, sim::EdgeList& out) {
  std::size_t total = out.u.size();
  bool layered = false;
  for (const auto& piece : pieces) {
    total += piece.u.size();
    layered = layered || !piece.layer.empty();
  }
  out.u.reserve(total);
  out.v.reserve(total);
  if (layered) out.layer.reserve(total);
  for (auto& piece : pieces) {
    out.u.insert(out.u.end(), piece.u.begin(), piece.u.end());
    out.v.insert(out.v.end(), piece.v.begin(), piece.v.end());
    out.layer.insert(out.layer.end(), piece.layer.begin(), piece.layer.end());
    piece = EdgePiece{};  // release memory as we go: pieces can total gigabytes
  }
}

std::size_t chunk_count(std::size_t count, std::size_t chunk) {
  return (count + chunk - 1) / chunk;
}

}  // namespace wellsim::models
