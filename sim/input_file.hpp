#pragma once
// The limits on what wellsim reads from users' files (docs/reliability.md, "Input limits"), and
// the one reader that enforces them. A scenario or network file is text that a careless or hostile
// user may replace by anything: a device (/dev/zero never ends, /dev/urandom never ends either), a
// pipe, a file far larger than memory, or text nested deeper than a recursive parser's stack. Each
// is refused with one line naming the file before any parser sees it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace wellsim::sim {

/// Largest scenario file (TOML): 16 MiB, a thousand times the largest scenario in scenarios/.
inline constexpr std::uint64_t kMaxScenarioBytes = std::uint64_t{16} << 20;
/// Largest GraphML or GraphViz file: 256 MiB. Boost reads them into a tree of about 20 times the
/// text; larger networks belong in an edge list.
inline constexpr std::uint64_t kMaxGraphFileBytes = std::uint64_t{256} << 20;
/// Largest edge-list or village file: 64 GiB (2^32 - 2 agents at ~15 bytes per tie line).
inline constexpr std::uint64_t kMaxTableFileBytes = std::uint64_t{64} << 30;
/// Longest line of a scenario, GraphML or GraphViz file: 1 MiB.
inline constexpr std::size_t kMaxLineBytes = std::size_t{1} << 20;
/// Deepest nesting of GraphML elements or GraphViz braces and HTML strings: 256 levels. Boost's
/// readers recurse once per level, and ~9,000 levels overflow an 8 MiB stack.
inline constexpr int kMaxNesting = 256;

/// The whole of regular file `path` ("scenario", "GraphML file" in `what`) when it holds at most
/// `max_bytes`; otherwise an InputError of one line: "PATH: cannot read WHAT: REASON", with a
/// device, pipe or folder refused before a byte is read.
[[nodiscard]] std::string read_input_file(const std::string& path, const std::string& what,
                                          std::uint64_t max_bytes);

/// Throws InputError "PATH:LINE: line of N bytes, over the limit of 1 MiB ..." for the first
/// line of `text` longer than kMaxLineBytes.
void check_line_lengths(std::string_view text, const std::string& path, const std::string& what);

/// `bytes` for a message: "16 MiB", "3.2 GiB", "512 bytes".
[[nodiscard]] std::string format_bytes(std::uint64_t bytes);

}  // namespace wellsim::sim
