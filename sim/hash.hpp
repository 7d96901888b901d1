#pragma once
// One stable text hash for identities stored in run files (the scenario hash, the replicate-set
// key): FNV-1a over 64 bits, printed as 16 hex digits. Stable across platforms and versions by
// construction, which std::hash is not.
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace wellsim::sim {

/// FNV-1a (64 bits) of `text` as 16 lower-case hex digits.
[[nodiscard]] inline std::string fnv1a_hex(std::string_view text) {
  std::uint64_t h = 14695981039346656037ull;                    // FNV offset basis
  for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;  // FNV prime
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace wellsim::sim
