#include "batch/design.hpp"
#include "sim/errors.hpp"

namespace wellsim::batch {

namespace {
constexpr std::pair<DesignKind, const char*> kKinds[] = {{DesignKind::Grid, "grid"},
                                                         {DesignKind::LatinHypercube, "lhs"},
                                                         {DesignKind::Sobol, "sobol"},
                                                         {DesignKind::Morris, "morris"}};
}

std::string design_kind_name(DesignKind kind) {
  for (const auto& [k, name] : kKinds)
    if (k == kind) return name;
  return "grid";
}

DesignKind design_kind_of(const std::string& name) {
  for (const auto& [k, n] : kKinds)
    if (name == n) return k;
  throw sim::InputError("design \"" + name + "\": expected one of grid, lhs, sobol, morris");
}

}  // namespace wellsim::batch
