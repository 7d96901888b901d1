#pragma once
#include <hdf5.h>

#include <stdexcept>
#include <string>
#include <utility>

namespace wellsim::output::h5 {

/// A failed HDF5 call. Internal to output/: the writer turns it into sim::RuntimeError and the
/// reader into sim::InputError, each prefixed with the file's path, so users see one line.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Throws Error("what") when an HDF5 call returned a negative id or status; returns it otherwise.
template <typename T>
T check(T result, const std::string& what) {
  if (result < 0) throw Error(what);
  return result;
}

/// Owns one HDF5 identifier and closes it with `Close` (the kind-specific H5?close).
///
/// One template instead of a class per kind: a closing function of the wrong kind fails loudly
/// in HDF5, whereas H5Idec_ref would silently accept anything.
template <herr_t (*Close)(hid_t)>
class Handle {
 public:
  /// An empty handle.
  Handle() = default;
  /// Takes ownership of `id`; throws Error("what") if it is invalid (negative).
  Handle(hid_t id, const std::string& what) : id_(check(id, what)) {}
  ~Handle() { reset(); }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  /// Moves ownership.
  Handle(Handle&& other) noexcept : id_(std::exchange(other.id_, H5I_INVALID_HID)) {}
  /// Moves ownership, closing what this held.
  Handle& operator=(Handle&& other) noexcept {
    if (this != &other) {
      reset();
      id_ = std::exchange(other.id_, H5I_INVALID_HID);
    }
    return *this;
  }
  /// The raw id, for HDF5 calls.
  hid_t id() const { return id_; }
  /// Lets a handle be passed where HDF5 expects an hid_t.
  operator hid_t() const { return id_; }
  /// True when it holds an id.
  explicit operator bool() const { return id_ >= 0; }
  /// Closes the id now (errors are ignored: this runs in destructors).
  void reset() {
    if (id_ >= 0) Close(id_);
    id_ = H5I_INVALID_HID;
  }

 private:
  hid_t id_ = H5I_INVALID_HID;
};

using File = Handle<H5Fclose>;       ///< an open file
using Object = Handle<H5Oclose>;     ///< an open group or dataset, whichever it is
using Group = Handle<H5Gclose>;      ///< an open group
using Dataset = Handle<H5Dclose>;    ///< an open dataset
using Attribute = Handle<H5Aclose>;  ///< an open attribute
using Space = Handle<H5Sclose>;      ///< a dataspace
using Type = Handle<H5Tclose>;       ///< a datatype we created (never the predefined ones)
using Plist = Handle<H5Pclose>;      ///< a property list

/// Turns off HDF5's printing of its error stack for the calling thread (a thread-safe HDF5 keeps
/// one stack per thread): failures reach users as our one-line messages, never as HDF5 dumps.
void silence_errors();

}  // namespace wellsim::output::h5
