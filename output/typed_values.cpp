// Why this file exists: /parameters and /interventions store scenario values with their own
// HDF5 types (docs/output-format.md) so that readers never parse TOML text; the typed write and
// the generic read-back of one attribute live here, beside h5_util's fixed-type helpers.
#include "output/typed_values.hpp"

#include <type_traits>

#include "output/h5_handle.hpp"
#include "output/h5_util.hpp"

namespace wellsim::output::h5 {

namespace {

void write_reals_attribute(hid_t obj, const std::string& name, const std::vector<double>& v) {
  const hsize_t n = v.size();
  Space space = make_space(1, &n);
  if (H5Aexists(obj, name.c_str()) > 0)
    check(H5Adelete(obj, name.c_str()), "cannot replace attribute " + name);
  Attribute a(H5Acreate2(obj, name.c_str(), H5T_IEEE_F64LE, space, H5P_DEFAULT, H5P_DEFAULT),
              "cannot create attribute " + name);
  if (n > 0) check(H5Awrite(a, H5T_NATIVE_DOUBLE, v.data()), "cannot write attribute " + name);
}

}  // namespace

void write_value_attribute(hid_t obj, const std::string& name, const sim::ParamValue& value) {
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, bool>)
          write_attribute(obj, name, static_cast<std::uint8_t>(v ? 1 : 0));
        else if constexpr (std::is_same_v<T, std::vector<double>>)
          write_reals_attribute(obj, name, v);
        else
          write_attribute(obj, name, v);
      },
      value);
}

sim::ParamValue read_value_attribute(hid_t obj, const std::string& name) {
  Attribute a(H5Aopen(obj, name.c_str(), H5P_DEFAULT), "cannot open attribute " + name);
  Type type(H5Aget_type(a), "cannot get the type of attribute " + name);
  Space space(H5Aget_space(a), "cannot get the shape of attribute " + name);
  const bool list = H5Sget_simple_extent_ndims(space) > 0;
  const hssize_t n = check(H5Sget_simple_extent_npoints(space), "cannot size attribute " + name);
  // A scalar is read into one element: a null or odd dataspace must not reach H5Aread.
  if (H5Sget_simple_extent_type(space) == H5S_NULL || (!list && n != 1) ||
      H5Sget_simple_extent_ndims(space) > 1)
    throw Error("attribute " + name + " is neither one value nor a list");
  switch (H5Tget_class(type)) {
    case H5T_STRING:
      if (list) return read_strings_attribute(obj, name);
      return read_string_attribute(obj, name);
    case H5T_FLOAT: {
      std::vector<double> v(static_cast<std::size_t>(n));
      if (n > 0) check(H5Aread(a, H5T_NATIVE_DOUBLE, v.data()), "cannot read attribute " + name);
      if (list) return v;
      return v.at(0);
    }
    case H5T_INTEGER: {
      if (list) break;
      if (H5Tget_size(type) == 1 && H5Tget_sign(type) == H5T_SGN_NONE) {
        std::uint8_t b = 0;
        check(H5Aread(a, H5T_NATIVE_UINT8, &b), "cannot read attribute " + name);
        return b != 0;
      }
      std::int64_t i = 0;
      check(H5Aread(a, H5T_NATIVE_INT64, &i), "cannot read attribute " + name);
      return i;
    }
    default: break;
  }
  throw Error("attribute " + name + " is not a scenario value (number, flag, text or list)");
}

std::vector<std::string> attribute_names(hid_t obj) {
  std::vector<std::string> out;
  auto cb = [](hid_t, const char* name, const H5A_info_t*, void* data) -> herr_t {
    static_cast<std::vector<std::string>*>(data)->push_back(name);
    return 0;
  };
  check(H5Aiterate2(obj, H5_INDEX_NAME, H5_ITER_INC, nullptr, cb, &out), "cannot list attributes");
  return out;
}

std::string type_name(sim::ParamType type) {
  switch (type) {
    case sim::ParamType::Integer: return "integer";
    case sim::ParamType::Real: return "real";
    case sim::ParamType::Boolean: return "boolean";
    case sim::ParamType::String: return "string";
    case sim::ParamType::Choice: return "choice";
    case sim::ParamType::Path: return "path";
    case sim::ParamType::RealList: return "real_list";
    case sim::ParamType::StringList: return "string_list";
  }
  return "unknown";
}

}  // namespace wellsim::output::h5
