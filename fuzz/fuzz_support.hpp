// Shared by the libFuzzer targets in fuzz/ (scripts/fuzz.sh, docs/reliability.md "Fuzzing").
//
// What counts as a finding: a signal or a sanitizer report (AddressSanitizer, UBSan), a hang or
// runaway memory (libFuzzer's -timeout and -rss_limit_mb). An exception is how our readers refuse
// bad input, and the command line turns any std::exception into one line and exit 1, so the
// targets accept them. With WELLSIM_FUZZ_STRICT=1 only sim::InputError is accepted: any other
// exception (std::out_of_range, std::bad_alloc, ...) is a message the user cannot act on and
// aborts, so the fuzzer saves the input.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace wellsim::fuzz {

/// Runs `body`, accepting the exceptions described above and aborting on any other.
void guarded(const std::function<void()>& body);

/// Writes the fuzz input to a private temporary file (per process) and returns its path; the
/// importers and the run reader read files, not memory.
std::string write_input(const std::uint8_t* data, std::size_t size, const std::string& suffix);

}  // namespace wellsim::fuzz
