// Shared plumbing of the network sources: located parameter errors, reading whole files, and the
// ordered, chunked parallel loop that keeps generation deterministic whatever the thread count.
//
// Generators split their rows into chunks whose boundaries depend only on the problem size, fill
// one piece per chunk in parallel (every draw is keyed by agent, so a piece's contents do not
// depend on which thread made it) and concatenate the pieces in chunk order. The result is
// therefore bit-identical for 1 or N threads (DESIGN invariant 1).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "models/network/network_source.hpp"
#include "sim/errors.hpp"
#include "sim/input_file.hpp"
#include "sim/network.hpp"
#include "sim/param_spec.hpp"

namespace wellsim::models {

/// An InputError "town.toml: network.KEY: MESSAGE" for a parameter that passed its declared
/// range but not a constraint that spans parameters (k even, k < n, ...).
sim::InputError param_error(const SourceContext& ctx, const std::string& key,
                            const std::string& message);

/// Largest agent count: agents are 32-bit indices and sim::freeze reserves the top one.
inline constexpr double kMaxAgents = 4294967294.0;

/// Checks that the value of integer parameter `key` fits an agent index and returns it.
sim::AgentId agent_count(std::int64_t value, const SourceContext& ctx, const std::string& key);

/// The whole file as text, read in one go (no per-line I/O); InputError "file: cannot read WHAT:
/// ..." when it cannot be opened or read, is not a regular file or holds more than `max_bytes`
/// (sim/input_file.hpp).
std::string read_text(const std::string& path, const std::string& what = "network file",
                      std::uint64_t max_bytes = sim::kMaxTableFileBytes);

/// A whole file as text ending in '\n', so a parser can scan for line ends without bounds checks.
/// Read into memory rather than mapped: a mapped file that another process truncates while we
/// parse it would kill wellsim with SIGBUS, and bad input must never crash (the copy costs about a
/// third of a 5M-line load, which stays well under its 0.5 s budget).
class LineText {
 public:
  /// Reads `path` (a WHAT, for messages); InputError "file: cannot read WHAT: ..." on failure.
  explicit LineText(const std::string& path, const std::string& what = "network file");
  /// The text; its last character is '\n'.
  std::string_view view() const { return text_; }

 private:
  std::string text_;
};

/// One chunk's ties (and their layers when the source is layered).
struct EdgePiece {
  std::vector<sim::AgentId> u, v;   ///< tie ends
  std::vector<std::uint8_t> layer;  ///< empty, or one layer per tie
};

/// Appends the pieces to `out` in order (u, v and, when any piece has them, layers).
void concatenate(std::vector<EdgePiece>& pieces, sim::EdgeList& out);

/// Number of fixed-size chunks covering `count` items; boundaries depend on `count` only.
std::size_t chunk_count(std::size_t count, std::size_t chunk);

}  // namespace wellsim::models
