#pragma once
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "output/h5_handle.hpp"

namespace wellsim::output::h5 {

/// The HDF5 types of a C++ element type: `mem` is the native layout, `file` the little-endian
/// type stored on disk, so files are identical whatever machine wrote them.
template <typename T>
struct TypeOf;

/// Declares TypeOf<T> for one element type.
#define WELLSIM_H5_TYPE(T, MEM, FILE)    \
  template <>                            \
  struct TypeOf<T> {                     \
    static hid_t mem() { return MEM; }   \
    static hid_t file() { return FILE; } \
  };
WELLSIM_H5_TYPE(double, H5T_NATIVE_DOUBLE, H5T_IEEE_F64LE)
WELLSIM_H5_TYPE(float, H5T_NATIVE_FLOAT, H5T_IEEE_F32LE)
WELLSIM_H5_TYPE(std::int32_t, H5T_NATIVE_INT32, H5T_STD_I32LE)
WELLSIM_H5_TYPE(std::int64_t, H5T_NATIVE_INT64, H5T_STD_I64LE)
WELLSIM_H5_TYPE(std::uint8_t, H5T_NATIVE_UINT8, H5T_STD_U8LE)
WELLSIM_H5_TYPE(std::uint16_t, H5T_NATIVE_UINT16, H5T_STD_U16LE)
WELLSIM_H5_TYPE(std::uint32_t, H5T_NATIVE_UINT32, H5T_STD_U32LE)
WELLSIM_H5_TYPE(std::uint64_t, H5T_NATIVE_UINT64, H5T_STD_U64LE)
#undef WELLSIM_H5_TYPE

/// Translates an h5::Error escaping `f` into `Err` ("PATH: what"), the one place where HDF5
/// failures become user-facing errors.
template <typename Err, typename F>
auto translate(const std::string& path, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const Error& e) {
    throw Err(path + ": " + e.what());
  }
}

/// Largest chunk, in elements: 2^18 = 1 MiB of float32, big enough for deflate to work well and
/// for one write call per chunk, small enough that a reader of one slice inflates little.
inline constexpr hsize_t kMaxChunkElements = hsize_t{1} << 18;

/// True if the calling thread's HDF5 error stack (from the last failed call) holds `minor`.
bool error_stack_has(hid_t minor);

// ---- writing ---------------------------------------------------------------------------------

/// A simple dataspace of `rank` dimensions (`max` null: fixed size).
Space make_space(int rank, const hsize_t* dims, const hsize_t* max = nullptr);
/// Creation properties of a chunked dataset, with shuffle+deflate when `compression` > 0.
Plist chunked(int rank, const hsize_t* chunk, int compression, const std::string& name);

/// Creates group `name` under `parent`.
Group create_group(hid_t parent, const std::string& name);
/// Writes a variable-length UTF-8 string attribute (h5py reads it as str).
void write_attribute(hid_t obj, const std::string& name, const std::string& value);
/// Writes a 1-D array of variable-length UTF-8 strings as an attribute.
void write_attribute(hid_t obj, const std::string& name, const std::vector<std::string>& values);
/// Writes a scalar numeric attribute of the given memory/file types, in place if it exists.
void write_scalar_attribute(hid_t obj, const std::string& name, hid_t mem, hid_t file,
                            const void* value);
/// Writes a scalar numeric attribute.
template <typename T>
void write_attribute(hid_t obj, const std::string& name, T value) {
  write_scalar_attribute(obj, name, TypeOf<T>::mem(), TypeOf<T>::file(), &value);
}
/// Writes `text` as a scalar variable-length UTF-8 string dataset.
Dataset write_text(hid_t parent, const std::string& name, const std::string& text);
/// Writes a 1-D dataset of variable-length UTF-8 strings (h5py: `.asstr()[:]` gives str).
void write_strings(hid_t parent, const std::string& name, const std::vector<std::string>& values);
/// Writes a fixed-size 1-D dataset; chunked with shuffle+deflate when `compression` > 0.
void write_raw_array(hid_t parent, const std::string& name, hid_t mem, hid_t file,
                     std::size_t count, const void* data, int compression);
/// Writes a fixed-size 1-D dataset of `values`.
template <typename T>
void write_array(hid_t parent, const std::string& name, std::span<const T> values,
                 int compression) {
  write_raw_array(parent, name, TypeOf<T>::mem(), TypeOf<T>::file(), values.size(), values.data(),
                  compression);
}

// ---- reading ---------------------------------------------------------------------------------

/// True if `obj` has attribute `name`.
bool has_attribute(hid_t obj, const std::string& name);
/// True if `path` names a dataset under `loc` (every intermediate group must exist).
bool has_dataset(hid_t loc, const std::string& path);
/// Reads a string attribute (variable- or fixed-length).
std::string read_string_attribute(hid_t obj, const std::string& name);
/// Reads a 1-D string-array attribute.
std::vector<std::string> read_strings_attribute(hid_t obj, const std::string& name);
/// Reads a scalar numeric (integer or floating) attribute as a double.
double read_double_attribute(hid_t obj, const std::string& name);
/// Reads an integer attribute as uint64 (fails on a negative or non-integer one).
std::uint64_t read_uint_attribute(hid_t obj, const std::string& name);
/// Every scalar or string attribute of `obj` rendered as text, by name.
std::map<std::string, std::string> attributes_as_text(hid_t obj);
/// Reads a scalar string dataset.
std::string read_text(hid_t loc, const std::string& path);
/// Reads a 1-D dataset of strings (variable- or fixed-length).
std::vector<std::string> read_strings(hid_t loc, const std::string& path);
/// The type class (H5T_FLOAT, H5T_INTEGER, H5T_STRING, ...) of dataset `path`.
H5T_class_t type_class(hid_t loc, const std::string& path);
/// The shape of dataset `path`.
std::vector<hsize_t> shape(hid_t loc, const std::string& path);
/// The length of dataset `path`, which must be 1-D (a scalar or a matrix is an Error).
hsize_t length_1d(hid_t loc, const std::string& path);
/// Reads rows [first, first+count) of a numeric dataset into `out` (converted to `mem`): a 1-D
/// one when `width` is 0, else a 2-D one of exactly `width` columns (`out` holds count*width).
/// Any other rank, width, type class or row range is an Error, never a read past `out`.
void read_raw_rows(hid_t loc, const std::string& path, hid_t mem, hsize_t first, hsize_t count,
                   hsize_t width, void* out);
/// Reads `count` entries of a 1-D numeric dataset, or all of them when `count` is the default.
template <typename T>
std::vector<T> read_array(hid_t loc, const std::string& path, hsize_t count = ~hsize_t{0}) {
  if (count == ~hsize_t{0}) count = length_1d(loc, path);
  std::vector<T> out(count);
  read_raw_rows(loc, path, TypeOf<T>::mem(), 0, count, 0, out.data());
  return out;
}
/// Every dataset under `loc` as an absolute path, sorted.
std::vector<std::string> dataset_paths(hid_t loc);
/// The stored bytes of a dataset in its file type (strings as their UTF-8 bytes).
std::vector<std::uint8_t> raw_bytes(hid_t loc, const std::string& path);

}  // namespace wellsim::output::h5
