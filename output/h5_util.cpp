// Why this file exists: the HDF5 C API in the few shapes the run format uses (groups, string
// and numeric attributes, 1-D and row-wise arrays), with every failure turned into h5::Error, so
// the writer and reader read as the layout they implement rather than as HDF5 calls.
#include "output/h5_util.hpp"

#include "output/heap_guard.hpp"

#include <algorithm>
#include <exception>

#include "sim/param_spec.hpp"

namespace wellsim::output::h5 {

namespace {

/// Variable-length UTF-8 strings: what h5py writes for str and reads back as str.
Type string_type() {
  Type t(H5Tcopy(H5T_C_S1), "cannot copy the string type");
  check(H5Tset_size(t, H5T_VARIABLE), "cannot size the string type");
  check(H5Tset_cset(t, H5T_CSET_UTF8), "cannot set UTF-8 on the string type");
  return t;
}

Attribute open_attribute(hid_t obj, const std::string& name) {
  return Attribute(H5Aopen(obj, name.c_str(), H5P_DEFAULT), "cannot open attribute " + name);
}

Attribute recreate_attribute(hid_t obj, const std::string& name, hid_t type, hid_t space) {
  // An array may change length, so an existing attribute is replaced rather than rewritten.
  if (has_attribute(obj, name))
    check(H5Adelete(obj, name.c_str()), "cannot replace attribute " + name);
  return Attribute(H5Acreate2(obj, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT),
                   "cannot create attribute " + name);
}

Dataset open_dataset(hid_t loc, const std::string& path) {
  return Dataset(H5Dopen2(loc, path.c_str(), H5P_DEFAULT), "cannot open dataset " + path);
}

/// Reads every string of an attribute or dataset (`read` does the H5Aread/H5Dread into the
/// memory type it is given), whether stored variable- or fixed-length.
template <typename Read>
std::vector<std::string> read_strings(hid_t owner, hid_t file_type, hid_t space,
                                      const std::string& what, Read read) {
  if (H5Tget_class(file_type) != H5T_STRING) throw Error(what + " is not a string");
  const hssize_t n = check(H5Sget_simple_extent_npoints(space), "cannot size " + what);
  std::vector<std::string> out;
  if (n == 0) return out;  // an empty list (no --set overrides): HDF5 refuses a zero-size read
  if (check(H5Tis_variable_str(file_type), "cannot inspect " + what)) {
    check_string_heap(owner, file_type, static_cast<std::size_t>(n), what, read);
    Type mem = string_type();
    std::vector<char*> ptrs(static_cast<std::size_t>(n), nullptr);
    check(read(mem.id(), ptrs.data()), "cannot read " + what);
    for (char* p : ptrs) {
      out.emplace_back(p ? p : "");
      H5free_memory(p);
    }
    return out;
  }
  const std::size_t size = H5Tget_size(file_type);
  Type mem(H5Tcopy(file_type), "cannot copy the type of " + what);
  std::string buffer(size * static_cast<std::size_t>(n), '\0');
  check(read(mem.id(), buffer.data()), "cannot read " + what);
  for (hssize_t i = 0; i < n; ++i) {
    std::string s = buffer.substr(static_cast<std::size_t>(i) * size, size);
    out.push_back(s.substr(0, s.find('\0')));
  }
  return out;
}

}  // namespace

std::vector<std::string> read_strings_attribute(hid_t obj, const std::string& name) {
  Attribute a = open_attribute(obj, name);
  Type type(H5Aget_type(a), "cannot get the type of attribute " + name);
  Space space(H5Aget_space(a), "cannot get the shape of attribute " + name);
  return read_strings(obj, type, space, "attribute " + name,
                      [&](hid_t mem, void* out) { return H5Aread(a, mem, out); });
}

namespace {

std::vector<std::string> read_dataset_strings(hid_t d, hid_t type, hid_t space,
                                              const std::string& path) {
  return read_strings(d, type, space, path, [&](hid_t mem, void* out) {
    return H5Dread(d, mem, H5S_ALL, H5S_ALL, H5P_DEFAULT, out);
  });
}

template <typename T>
T read_scalar_attribute(hid_t obj, const std::string& name) {
  T value{};
  Attribute a = open_attribute(obj, name);
  // H5Aread fills every element: an array where one number belongs would overrun `value`.
  Space space(H5Aget_space(a), "cannot get the shape of attribute " + name);
  if (H5Sget_simple_extent_npoints(space) != 1)
    throw Error("attribute " + name + " is not a single number");
  check(H5Aread(a, TypeOf<T>::mem(), &value), "cannot read attribute " + name);
  return value;
}

std::string attribute_text(hid_t obj, const std::string& name) {
  Attribute a = open_attribute(obj, name);
  Type type(H5Aget_type(a), "cannot get the type of attribute " + name);
  switch (H5Tget_class(type)) {
    case H5T_STRING: {
      std::string joined;
      for (const auto& s : read_strings_attribute(obj, name))
        joined += (joined.empty() ? "" : ", ") + s;
      return joined;
    }
    case H5T_INTEGER:
      return H5Tget_sign(type) == H5T_SGN_NONE
                 ? std::to_string(read_scalar_attribute<std::uint64_t>(obj, name))
                 : std::to_string(read_scalar_attribute<std::int64_t>(obj, name));
    case H5T_FLOAT: return sim::format_number(read_scalar_attribute<double>(obj, name));
    default: return "<unsupported type>";
  }
}

}  // namespace

void silence_errors() {
  thread_local bool silenced = false;
  if (!silenced) {
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    silenced = true;
  }
}

bool error_stack_has(hid_t minor) {
  struct Search {
    hid_t minor;
    bool found;
  } search{minor, false};
  auto cb = [](unsigned, const H5E_error2_t* e, void* data) -> herr_t {
    auto* s = static_cast<Search*>(data);
    s->found = s->found || e->min_num == s->minor;
    return 0;
  };
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, cb, &search);
  return search.found;
}

// ---- writing ---------------------------------------------------------------------------------

Space make_space(int rank, const hsize_t* dims, const hsize_t* max) {
  return Space(H5Screate_simple(rank, dims, max), "cannot create a dataspace");
}

Group create_group(hid_t parent, const std::string& name) {
  return Group(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
               "cannot create group " + name);
}

void write_attribute(hid_t obj, const std::string& name, const std::string& value) {
  // An existing one is rewritten in place: the text goes to the global heap and the object
  // header keeps its size, so changing the run's status moves nothing else.
  Type type = string_type();
  Space space(H5Screate(H5S_SCALAR), "cannot create a dataspace");
  Attribute a = has_attribute(obj, name) ? open_attribute(obj, name)
                                         : recreate_attribute(obj, name, type, space);
  const char* p = value.c_str();
  check(H5Awrite(a, type, &p), "cannot write attribute " + name);
}

void write_attribute(hid_t obj, const std::string& name, const std::vector<std::string>& values) {
  Type type = string_type();
  const hsize_t n = values.size();
  Space space = make_space(1, &n);
  Attribute a = recreate_attribute(obj, name, type, space);
  std::vector<const char*> ptrs;
  for (const auto& v : values) ptrs.push_back(v.c_str());
  if (n > 0) check(H5Awrite(a, type, ptrs.data()), "cannot write attribute " + name);
}

void write_scalar_attribute(hid_t obj, const std::string& name, hid_t mem, hid_t file,
                            const void* value) {
  // Rewritten in place when it exists: steps_completed changes every step.
  Attribute a;
  if (has_attribute(obj, name)) {
    a = open_attribute(obj, name);
  } else {
    Space space(H5Screate(H5S_SCALAR), "cannot create a dataspace");
    a = Attribute(H5Acreate2(obj, name.c_str(), file, space, H5P_DEFAULT, H5P_DEFAULT),
                  "cannot create attribute " + name);
  }
  check(H5Awrite(a, mem, value), "cannot write attribute " + name);
}

Dataset write_text(hid_t parent, const std::string& name, const std::string& text) {
  Type type = string_type();
  Space space(H5Screate(H5S_SCALAR), "cannot create a dataspace");
  Dataset d(H5Dcreate2(parent, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
            "cannot create dataset " + name);
  const char* p = text.c_str();
  check(H5Dwrite(d, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, &p), "cannot write dataset " + name);
  return d;
}

Plist chunked(int rank, const hsize_t* chunk, int compression, const std::string& name) {
  Plist dcpl(H5Pcreate(H5P_DATASET_CREATE), "cannot create a property list");
  check(H5Pset_chunk(dcpl, rank, chunk), "cannot chunk " + name);
  if (compression > 0) {
    check(H5Pset_shuffle(dcpl), "cannot add shuffle to " + name);
    check(H5Pset_deflate(dcpl, static_cast<unsigned>(compression)), "cannot compress " + name);
  }
  return dcpl;
}

void write_strings(hid_t parent, const std::string& name, const std::vector<std::string>& values) {
  Type type = string_type();
  const hsize_t n = values.size();
  Space space = make_space(1, &n);
  Dataset d(H5Dcreate2(parent, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
            "cannot create dataset " + name);
  std::vector<const char*> ptrs;
  for (const auto& v : values) ptrs.push_back(v.c_str());
  if (n > 0)
    check(H5Dwrite(d, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data()), "cannot write " + name);
}

void write_raw_array(hid_t parent, const std::string& name, hid_t mem, hid_t file,
                     std::size_t count, const void* data, int compression) {
  const hsize_t n = count;
  Space space = make_space(1, &n);
  // Contiguous when uncompressed (or empty: a chunk cannot have zero size).
  const hsize_t chunk = std::min(n, kMaxChunkElements);
  Plist dcpl;
  if (compression > 0 && n > 0) dcpl = chunked(1, &chunk, compression, name);
  Dataset d(H5Dcreate2(parent, name.c_str(), file, space, H5P_DEFAULT,
                       dcpl ? dcpl.id() : H5P_DEFAULT, H5P_DEFAULT),
            "cannot create dataset " + name);
  if (n > 0) check(H5Dwrite(d, mem, H5S_ALL, H5S_ALL, H5P_DEFAULT, data), "cannot write " + name);
}

// ---- reading ---------------------------------------------------------------------------------

bool has_attribute(hid_t obj, const std::string& name) {
  return check(H5Aexists(obj, name.c_str()), "cannot look up attribute " + name) > 0;
}

bool has_dataset(hid_t loc, const std::string& path) {
  // H5Lexists fails rather than answering "no" when an intermediate group is missing, so every
  // prefix is checked in turn.
  for (std::size_t slash = path.find('/', 1);; slash = path.find('/', slash + 1)) {
    const std::string prefix = path.substr(0, slash);
    if (H5Lexists(loc, prefix.c_str(), H5P_DEFAULT) <= 0) return false;
    if (slash == std::string::npos) break;
  }
  Object obj(H5Oopen(loc, path.c_str(), H5P_DEFAULT), "cannot open " + path);
  return H5Iget_type(obj) == H5I_DATASET;
}

std::string read_string_attribute(hid_t obj, const std::string& name) {
  auto values = read_strings_attribute(obj, name);
  if (values.size() != 1) throw Error("attribute " + name + " is not a single string");
  return values[0];
}

double read_double_attribute(hid_t obj, const std::string& name) {
  Attribute a = open_attribute(obj, name);
  Type type(H5Aget_type(a), "cannot get the type of attribute " + name);
  const H5T_class_t c = H5Tget_class(type);
  if (c != H5T_INTEGER && c != H5T_FLOAT) throw Error("attribute " + name + " is not a number");
  Space space(H5Aget_space(a), "cannot get the shape of attribute " + name);
  if (H5Sget_simple_extent_npoints(space) != 1)
    throw Error("attribute " + name + " is not a single number");
  return read_scalar_attribute<double>(obj, name);
}

std::uint64_t read_uint_attribute(hid_t obj, const std::string& name) {
  Attribute a = open_attribute(obj, name);
  Type type(H5Aget_type(a), "cannot get the type of attribute " + name);
  if (H5Tget_class(type) != H5T_INTEGER) throw Error("attribute " + name + " is not an integer");
  if (H5Tget_sign(type) == H5T_SGN_NONE) return read_scalar_attribute<std::uint64_t>(obj, name);
  const std::int64_t v = read_scalar_attribute<std::int64_t>(obj, name);
  if (v < 0) throw Error("attribute " + name + " is negative (" + std::to_string(v) + ")");
  return static_cast<std::uint64_t>(v);
}

std::map<std::string, std::string> attributes_as_text(hid_t obj) {
  struct Visit {
    hid_t obj;
    std::map<std::string, std::string> out;
    std::exception_ptr error;
  } visit{obj, {}, nullptr};
  // Exceptions must not unwind through HDF5's C frames: park them and rethrow after.
  auto cb = [](hid_t, const char* name, const H5A_info_t*, void* data) -> herr_t {
    auto* v = static_cast<Visit*>(data);
    try {
      v->out[name] = attribute_text(v->obj, name);
      return 0;
    } catch (...) {
      v->error = std::current_exception();
      return -1;
    }
  };
  herr_t rc = H5Aiterate2(obj, H5_INDEX_NAME, H5_ITER_INC, nullptr, cb, &visit);
  if (visit.error) std::rethrow_exception(visit.error);
  check(rc, "cannot list attributes");
  return visit.out;
}

std::string read_text(hid_t loc, const std::string& path) {
  Dataset d = open_dataset(loc, path);
  Type type(H5Dget_type(d), "cannot get the type of " + path);
  Space space(H5Dget_space(d), "cannot get the shape of " + path);
  auto values = read_dataset_strings(d, type, space, path);
  if (values.size() != 1) throw Error(path + " is not a single string");
  return values[0];
}

std::vector<std::string> read_strings(hid_t loc, const std::string& path) {
  Dataset d = open_dataset(loc, path);
  Type type(H5Dget_type(d), "cannot get the type of " + path);
  Space space(H5Dget_space(d), "cannot get the shape of " + path);
  if (H5Sget_simple_extent_ndims(space) != 1) throw Error(path + " is not a 1-D dataset");
  return read_dataset_strings(d, type, space, path);
}

H5T_class_t type_class(hid_t loc, const std::string& path) {
  Dataset d = open_dataset(loc, path);
  Type type(H5Dget_type(d), "cannot get the type of " + path);
  return H5Tget_class(type);
}

std::vector<hsize_t> shape(hid_t loc, const std::string& path) {
  Dataset d = open_dataset(loc, path);
  Space space(H5Dget_space(d), "cannot get the shape of " + path);
  const int rank = check(H5Sget_simple_extent_ndims(space), "cannot get the rank of " + path);
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  check(H5Sget_simple_extent_dims(space, dims.data(), nullptr), "cannot get the shape of " + path);
  return dims;
}

hsize_t length_1d(hid_t loc, const std::string& path) {
  const std::vector<hsize_t> dims = shape(loc, path);
  if (dims.size() != 1)
    throw Error(path + " is not a 1-D dataset (it has " + std::to_string(dims.size()) +
                " dimensions)");
  return dims[0];
}

void read_raw_rows(hid_t loc, const std::string& path, hid_t mem, hsize_t first, hsize_t count,
                   hsize_t width, void* out) {
  Dataset d = open_dataset(loc, path);
  Type type(H5Dget_type(d), "cannot get the type of " + path);
  const H5T_class_t cls = H5Tget_class(type);
  if (cls != H5T_INTEGER && cls != H5T_FLOAT) throw Error(path + " does not hold numbers");
  Space file_space(H5Dget_space(d), "cannot get the shape of " + path);
  hsize_t dims[2] = {0, 1};
  // The caller's buffer holds count * max(width, 1) elements: the stored shape must be exactly
  // that, or HDF5 would write past its end.
  const int rank = H5Sget_simple_extent_ndims(file_space);
  if (rank != (width == 0 ? 1 : 2))
    throw Error(path + (width == 0 ? " is not a 1-D dataset" : " is not a 2-D dataset"));
  check(H5Sget_simple_extent_dims(file_space, dims, nullptr), "cannot get the shape of " + path);
  if (width != 0 && dims[1] != width)
    throw Error(path + " has " + std::to_string(dims[1]) + " columns, " + std::to_string(width) +
                " were expected");
  if (first > dims[0] || count > dims[0] - first)
    throw Error(path + " has " + std::to_string(dims[0]) + " rows, " +
                std::to_string(first + count) + " were expected");
  if (count == 0 || dims[1] == 0) return;
  const hsize_t start[2] = {first, 0};
  const hsize_t block[2] = {count, dims[1]};
  check(H5Sselect_hyperslab(file_space, H5S_SELECT_SET, start, nullptr, block, nullptr),
        "cannot select rows of " + path);
  const hsize_t n = count * dims[1];
  Space mem_space = make_space(1, &n);
  check(H5Dread(d, mem, mem_space, file_space, H5P_DEFAULT, out), "cannot read " + path);
}

std::vector<std::string> dataset_paths(hid_t loc) {
  std::vector<std::string> out;
  auto cb = [](hid_t group, const char* name, const H5L_info_t*, void* data) -> herr_t {
    hid_t obj = H5Oopen(group, name, H5P_DEFAULT);
    if (obj < 0) return -1;
    if (H5Iget_type(obj) == H5I_DATASET)
      static_cast<std::vector<std::string>*>(data)->push_back(std::string("/") + name);
    H5Oclose(obj);
    return 0;
  };
  check(H5Lvisit(loc, H5_INDEX_NAME, H5_ITER_INC, cb, &out), "cannot list datasets");
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::uint8_t> raw_bytes(hid_t loc, const std::string& path) {
  Dataset d = open_dataset(loc, path);
  Type type(H5Dget_type(d), "cannot get the type of " + path);
  Space space(H5Dget_space(d), "cannot get the shape of " + path);
  std::vector<std::uint8_t> out;
  if (H5Tget_class(type) == H5T_STRING) {
    // Variable-length strings are pointers in memory: compare their text, NUL-separated.
    for (const auto& s : read_dataset_strings(d, type, space, path)) {
      out.insert(out.end(), s.begin(), s.end());
      out.push_back(0);
    }
    return out;
  }
  const hssize_t n = check(H5Sget_simple_extent_npoints(space), "cannot size " + path);
  out.resize(static_cast<std::size_t>(n) * H5Tget_size(type));
  // Reading with the file type as the memory type copies the stored bytes with no conversion.
  if (!out.empty())
    check(H5Dread(d, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()), "cannot read " + path);
  return out;
}

}  // namespace wellsim::output::h5
