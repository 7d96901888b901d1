#include "models/network/edge_list.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

#include "models/network/id_map.hpp"
#include "models/network/source_support.hpp"
#include "sim/errors.hpp"

namespace wellsim::models {
namespace {

constexpr std::size_t kChunkBytes = std::size_t{1} << 20;
constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
constexpr std::size_t kExcerpt = 60;  // longest line shown in a message

bool is_sep(char c) { return c == ' ' || c == '\t' || c == ',' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_comment(char c) { return c == '#' || c == '%'; }
bool line_done(char c) { return c == '\n' || is_comment(c); }
const char* skip_seps(const char* p) {
  while (is_sep(*p)) ++p;
  return p;
}
// The text always ends in '\n', which bounds this scan.
const char* next_line(const char* p) {
  while (*p != '\n') ++p;
  return p + 1;
}

// The line starting at `line`, without its ending, cut to kExcerpt characters, in quotes.
std::string excerpt(const char* line) {
  const char* end = next_line(line) - 1;
  while (end > line && end[-1] == '\r') --end;
  auto length = static_cast<std::size_t>(end - line);
  std::string text(1, '\'');
  text.append(line, std::min(length, kExcerpt));
  // A binary file must not put control bytes into a one-line message.
  std::replace_if(
      text.begin(), text.end(), [](char c) { return c >= 0 && c < ' ' && c != '\t'; }, '?');
  return text.append(length > kExcerpt ? "...'" : "'");
}

enum class IdStatus { Ok, NotNumber, Negative, TooLarge };

// Parses a whole number >= 0 that fits int64 and is followed by a separator or the line's end.
IdStatus read_id(const char*& p, std::int64_t& out) {
  if (*p == '-' && is_digit(p[1])) return IdStatus::Negative;
  if (!is_digit(*p)) return IdStatus::NotNumber;
  while (*p == '0' && is_digit(p[1])) ++p;  // leading zeros do not count towards the limit
  const char* first = p;
  std::uint64_t value = 0;
  for (; is_digit(*p); ++p) value = value * 10 + static_cast<std::uint64_t>(*p - '0');
  // Up to 19 digits fit uint64 exactly, so one comparison replaces a check per digit.
  constexpr auto kMax = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (p - first > 19 || value > kMax) return IdStatus::TooLarge;
  if (!is_sep(*p) && *p != '\n') return IdStatus::NotNumber;
  out = static_cast<std::int64_t>(value);
  return IdStatus::Ok;
}

std::string id_problem(IdStatus status, const char* line) {
  switch (status) {
    case IdStatus::Negative:
      return "agent ids are whole numbers from 0, found a negative one: " + excerpt(line);
    case IdStatus::TooLarge:
      return "agent id larger than " + std::to_string(std::numeric_limits<std::int64_t>::max()) +
             ": " + excerpt(line);
    default: return "expected two agent ids (whole numbers from 0), found " + excerpt(line);
  }
}

// The ties of one chunk of lines, and the first problem in it.
struct Chunk {
  const char* begin = nullptr;
  const char* end = nullptr;
  std::vector<std::int64_t> a, b;
  std::vector<float> w;
  std::int64_t max_id = -1;
  std::size_t first_weighted = kNone, first_plain = kNone;  // offsets of line starts
  std::size_t error_at = kNone;                             // offset of the bad line
  std::string error;
};

// Parses the lines of `chunk`; stops at the first bad line. `base` is the file's first byte.
void parse(Chunk& chunk, const char* base) {
  auto fail = [&](const char* line, std::string message) {
    chunk.error_at = static_cast<std::size_t>(line - base);
    chunk.error = std::move(message);
  };
  // Reserving for every line up front spares regrowth copies and their page faults.
  auto lines = static_cast<std::size_t>(std::count(chunk.begin, chunk.end, '\n'));
  chunk.a.reserve(lines);
  chunk.b.reserve(lines);
  const char* p = chunk.begin;
  while (p < chunk.end) {
    const char* line = p;
    p = skip_seps(p);
    if (line_done(*p)) {
      p = next_line(p);
      continue;
    }
    std::int64_t x = 0, y = 0;
    IdStatus status = read_id(p, x);
    if (status == IdStatus::Ok) {
      p = skip_seps(p);
      if (line_done(*p))
        return fail(line, "expected two agent ids, found only one: " + excerpt(line));
      status = read_id(p, y);
    }
    if (status != IdStatus::Ok) return fail(line, id_problem(status, line));
    p = skip_seps(p);
    auto offset = static_cast<std::size_t>(line - base);
    if (line_done(*p)) {
      chunk.first_plain = std::min(chunk.first_plain, offset);
    } else {
      const char* token = p;
      while (!is_sep(*p) && *p != '\n') ++p;
      float weight = 0.0f;
      auto [stop, ec] = std::from_chars(token, p, weight);
      // Weights divide a person's social term by their row's sum: a negative or zero weight
      // sent wellbeing to +-1e21. A tie of weight 0 is no tie: leave its line out.
      if (ec != std::errc() || stop != p || !std::isfinite(weight) || !(weight > 0))
        return fail(line, "expected a positive finite number as the weight (third column), found " +
                              excerpt(line));
      p = skip_seps(p);
      if (!line_done(*p))
        return fail(line, "expected two agent ids and at most a weight, found more columns: " +
                              excerpt(line));
      chunk.first_weighted = std::min(chunk.first_weighted, offset);
      if (chunk.w.empty()) chunk.w.reserve(lines);
      chunk.w.push_back(weight);
    }
    chunk.a.push_back(x);
    chunk.b.push_back(y);
    chunk.max_id = std::max({chunk.max_id, x, y});
    p = next_line(p);
  }
}

// Start of the first tie line: skips a byte-order mark, blank and comment lines and the header.
const char* first_tie_line(const char* p, const char* end, HeaderMode mode) {
  if (end - p >= 3 && std::memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
  while (p < end) {
    const char* q = skip_seps(p);
    if (!line_done(*q)) {
      bool header =
          mode == HeaderMode::Yes || (mode == HeaderMode::Auto && !is_digit(*q) && *q != '-');
      return header ? next_line(q) : p;
    }
    p = next_line(q);
  }
  return p;
}

// The chunks of [begin, end), cut after a newline roughly every kChunkBytes.
std::vector<Chunk> cut(const char* begin, const char* end) {
  std::vector<Chunk> chunks;
  while (begin < end) {
    const char* stop = end - begin > static_cast<std::ptrdiff_t>(kChunkBytes)
                           ? next_line(begin + kChunkBytes - 1)
                           : end;
    chunks.emplace_back();
    chunks.back().begin = begin;
    chunks.back().end = stop;
    begin = stop;
  }
  return chunks;
}

// Throws the earliest problem in file order: a bad line, or a line whose weight column
// disagrees with the first tie line's.
void report_first_problem(const std::vector<Chunk>& chunks, std::string_view text,
                          const std::string& path) {
  std::size_t weighted = kNone, plain = kNone, error_at = kNone;
  std::string error;
  for (const auto& chunk : chunks) {
    weighted = std::min(weighted, chunk.first_weighted);
    plain = std::min(plain, chunk.first_plain);
    if (error_at == kNone && chunk.error_at != kNone) {
      error_at = chunk.error_at;
      error = chunk.error;
    }
  }
  auto line_of = [&](std::size_t offset) {
    return 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
  };
  if (weighted != kNone && plain != kNone && std::max(weighted, plain) < error_at) {
    bool has = weighted > plain;
    error_at = std::max(weighted, plain);
    error = std::string("this line ") + (has ? "has a weight" : "has no weight") + " but line " +
            std::to_string(line_of(std::min(weighted, plain))) + (has ? " has none" : " has one") +
            "; give a weight on every line or on none";
  }
  if (error_at != kNone) throw sim::InputError(sim::where(path, line_of(error_at)) + error);
}

}  // namespace

sim::EdgeList read_edge_list(const std::string& path, const EdgeListOptions& options) {
  LineText file(path);
  std::string_view text = file.view();
  const char* end = text.data() + text.size();
  std::vector<Chunk> chunks = cut(first_tie_line(text.data(), end, options.header), end);
  tbb::parallel_for(std::size_t{0}, chunks.size(),
                    [&](std::size_t c) { parse(chunks[c], text.data()); });
  report_first_problem(chunks, text, path);

  std::vector<std::size_t> offset{0};
  std::vector<std::span<const std::int64_t>> ids;
  std::int64_t max_id = -1;
  bool weighted = false;
  for (const auto& chunk : chunks) {
    offset.push_back(offset.back() + chunk.a.size());
    ids.insert(ids.end(), {chunk.a, chunk.b});
    max_id = std::max(max_id, chunk.max_id);
    weighted = weighted || !chunk.w.empty();
  }
  std::size_t ties = offset.back();
  if (ties == 0)
    throw sim::InputError(sim::where(path) +
                          "no ties found (the file is empty or holds only comments)");
  IdMap agent(ids, max_id);
  if (agent.size() > kMaxAgents)
    throw sim::InputError(sim::where(path) + "more than 2^32 - 2 distinct agent ids");

  sim::EdgeList out;
  out.n = agent.size();
  out.u.resize(ties);
  out.v.resize(ties);
  if (weighted) out.w.resize(ties);
  tbb::parallel_for(std::size_t{0}, chunks.size(), [&](std::size_t c) {
    const Chunk& chunk = chunks[c];
    for (std::size_t i = 0; i < chunk.a.size(); ++i) {
      out.u[offset[c] + i] = agent(chunk.a[i]);
      out.v[offset[c] + i] = agent(chunk.b[i]);
    }
    std::copy(chunk.w.begin(), chunk.w.end(), out.w.begin() + offset[c]);
  });
  out.original_id = agent.take_ids();
  if (options.group_divisor > 0) {
    out.group.reserve(out.n);
    for (std::int64_t id : out.original_id) {
      std::int64_t group = id / options.group_divisor;
      if (group > std::numeric_limits<std::int32_t>::max())
        throw sim::InputError(sim::where(path) + "group_divisor " +
                              std::to_string(options.group_divisor) + " gives id " +
                              std::to_string(id) + " a group over 2^31 - 1; use a larger one");
      out.group.push_back(static_cast<std::int32_t>(group));
    }
  }
  return out;
}

const sim::ParamTable<EdgeListParams>& edge_list_table() {
  using P = EdgeListParams;
  return sim::declared<P>([](sim::ParamTable<P>& t) {
    t.add("path", &P::path, "")
        .path()
        .required()
        .help("The file; ids are whole numbers, agents are numbered in ascending id order.");
    t.choice("header", &P::header, HeaderMode::Auto,
             {{"auto", HeaderMode::Auto}, {"yes", HeaderMode::Yes}, {"no", HeaderMode::No}})
        .help("Whether the first line is a header; auto: when it does not start with a number.");
    t.add("group_divisor", &P::group_divisor, 0)
        .at_least(0)
        .help(
            "Derive a group from id / divisor, e.g. 1000 for the Karnataka village ids; 0 = no "
            "groups.");
  });
}

namespace {

sim::EdgeList build(const sim::ParamSet& set, const SourceContext&) {
  const EdgeListParams params = edge_list_table().read(set);
  return read_edge_list(params.path, EdgeListOptions{params.header, params.group_divisor});
}

}  // namespace

NetworkSource edge_list_source() {
  return {
      "edge_list",
      "Edge-list file: one tie per line, two agent ids and an optional weight.",
      edge_list_table().specs(),
      &build,
  };
}

}  // namespace wellsim::models
