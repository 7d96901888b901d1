#include "analysis/report.hpp"
namespace wellsim::analysis {
bool write_html(const std::string&, const std::vector<Comparison>&, const std::string&) { return false; }
}
