#pragma once
// A guard, at our level, against libhdf5 1.10's trust in the global heap (issue 14): a flipped
// byte in the size of a variable-length string's heap object made H5HG_read copy past the heap
// collection (and the conversion buffer sized from the string's length), a crash inside the
// library that no error check of ours could catch afterwards.
#include <functional>
#include <string>

#include "output/h5_handle.hpp"

namespace wellsim::output::h5 {

/// Before `n` variable-length strings of type `file_type` are read: reads their raw on-disk
/// descriptors (length, heap collection address, object index) through `read` (an
/// H5Aread/H5Dread into the memory type it is given) without touching the heap, then walks each
/// collection they name in the file of `owner` exactly as libhdf5 does, and throws Error unless
/// every collection is well formed (signature, version, size within the file, every object
/// inside it) and every string's object exists with exactly the string's length. A file that
/// passes reads the same in libhdf5 with every copy in bounds.
void check_string_heap(hid_t owner, hid_t file_type, std::size_t n, const std::string& what,
                       const std::function<herr_t(hid_t, void*)>& read);

}  // namespace wellsim::output::h5
