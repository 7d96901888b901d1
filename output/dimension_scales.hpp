#pragma once
#include <string>

#include "output/h5_handle.hpp"

namespace wellsim::output::h5 {

/// Text of the NAME attribute that marks a netCDF-4 dimension without coordinate values
/// (netCDF-C writes it; h5netcdf and xarray read such a scale as a bare dimension).
inline constexpr const char* kDimensionOnly =
    "This is a netCDF dimension but not a netCDF variable.";

/// Makes dataset `path` of `loc` the dimension scale (coordinate variable) named `dimension`.
void make_scale(hid_t loc, const std::string& path, const std::string& dimension);
/// Creates `parent`/`name`, a dimension without coordinate values: an int32 dataset of `size`
/// entries (extendible when `unlimited`) that is never written, so it takes no file space.
void make_bare_dimension(hid_t parent, const std::string& name, hsize_t size, bool unlimited);
/// Attaches scale `scale_path` to axis `axis` of dataset `path` (both under `loc`).
void attach_scale(hid_t loc, const std::string& path, const std::string& scale_path, unsigned axis);
/// True if dataset `path` of `loc` is a dimension scale.
bool is_scale(hid_t loc, const std::string& path);

}  // namespace wellsim::output::h5
