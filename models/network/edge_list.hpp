// Importer for edge-list text files: one tie per line, "a b" or "a b weight".
//
// Format, as users' files come (SNAP, KONECT, pandas to_csv, survey exports): ids are whole
// numbers >= 0 separated by spaces, tabs or commas, in any count; an optional third column is
// the tie's weight; '#' or '%' starts a comment (a whole line, or after the columns); blank
// lines, CRLF endings and a UTF-8 byte-order mark are accepted; a first line that does not start
// with a number is a header (header = "auto"). A tie may be listed in one or both directions:
// sim::freeze makes ties undirected and drops copies. Agents are numbered in ascending id order
// and keep their file id in original_id, so 0- and 1-based files need no option. Agents without
// any tie do not appear in an edge list and so are not created.
//
// Why it is built this way: real inputs have millions of lines, so the file is read in one go,
// cut into 1 MiB chunks at line ends and parsed in parallel by hand (std::from_chars only for
// weights, no streams, no per-line allocation), and ids are mapped through IdMap's direct lookup
// vector. The first bad line in file order is reported with its number, whatever the threads.
#pragma once
#include <cstdint>
#include <string>

#include "models/network/network_source.hpp"
#include "sim/param_table.hpp"

namespace wellsim::models {

/// Whether the first content line of an edge list is a header.
enum class HeaderMode {
  Auto,  ///< a header when it does not start with a number
  Yes,   ///< always skip the first content line
  No,    ///< never: every content line is a tie
};

/// How to read an edge-list file.
struct EdgeListOptions {
  HeaderMode header = HeaderMode::Auto;  ///< header handling
  std::int64_t group_divisor = 0;        ///< > 0: group = id / group_divisor; 0: no groups
};

/// Reads an edge-list file; throws sim::InputError "file:line: ..." on the first bad line.
sim::EdgeList read_edge_list(const std::string& path, const EdgeListOptions& options = {});

/// The keys of [network] when source = "edge_list", each field named as its key.
struct EdgeListParams {
  std::string path;            ///< the file
  HeaderMode header;           ///< header handling
  std::int64_t group_divisor;  ///< > 0: group = id / group_divisor; 0: no groups
};

/// The edge_list keys, declared once and bound to EdgeListParams.
const sim::ParamTable<EdgeListParams>& edge_list_table();

/// The `edge_list` network source: parameters path, header, group_divisor.
NetworkSource edge_list_source();

}  // namespace wellsim::models
