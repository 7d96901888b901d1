// Why this file exists: HDF5 dimension scales (the H5DS API of hdf5_hl) are what netCDF-4
// readers (h5netcdf, xarray, netCDF-C) turn into named dimensions and coordinates; the run file
// labels its axes with them once, when the datasets are created (docs/output-format.md).
#include "output/dimension_scales.hpp"

#include <H5DSpublic.h>

#include <cstdio>

#include "output/h5_util.hpp"

namespace wellsim::output::h5 {

namespace {

Dataset open_dataset(hid_t loc, const std::string& path) {
  return Dataset(H5Dopen2(loc, path.c_str(), H5P_DEFAULT), "cannot open " + path);
}

}  // namespace

void make_scale(hid_t loc, const std::string& path, const std::string& dimension) {
  Dataset d = open_dataset(loc, path);
  check(H5DSset_scale(d, dimension.c_str()), "cannot make " + path + " a dimension scale");
}

void make_bare_dimension(hid_t parent, const std::string& name, hsize_t size, bool unlimited) {
  const hsize_t max = unlimited ? H5S_UNLIMITED : size;
  Space space = make_space(1, &size, &max);
  const hsize_t chunk = 1;
  Plist dcpl;
  if (unlimited) dcpl = chunked(1, &chunk, 0, name);
  Dataset d(H5Dcreate2(parent, name.c_str(), H5T_STD_I32LE, space, H5P_DEFAULT,
                       dcpl ? dcpl.id() : H5P_DEFAULT, H5P_DEFAULT),
            "cannot create dimension " + name);
  // netCDF-C's spelling: the sentence, then the dimension's length in ten columns.
  char label[96];
  std::snprintf(label, sizeof label, "%s%10llu", kDimensionOnly,
                static_cast<unsigned long long>(size));
  check(H5DSset_scale(d, label), "cannot make " + name + " a dimension");
}

void attach_scale(hid_t loc, const std::string& path, const std::string& scale_path,
                  unsigned axis) {
  Dataset d = open_dataset(loc, path);
  Dataset scale = open_dataset(loc, scale_path);
  check(H5DSattach_scale(d, scale, axis), "cannot attach " + scale_path + " to " + path);
}

bool is_scale(hid_t loc, const std::string& path) {
  Dataset d = open_dataset(loc, path);
  return check(H5DSis_scale(d), "cannot look at " + path) > 0;
}

}  // namespace wellsim::output::h5
