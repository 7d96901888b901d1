// Every dataset the writer makes carries units, a description and a dimension scale on each axis
// (output/run_labels.hpp), in a fresh file and in one cut back and continued by a resume.
#include "output/run_labels.hpp"

#include <H5DSpublic.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "output/h5_util.hpp"
#include "output/run_writer.hpp"
#include "sim/series_names.hpp"
#include "tests/output/run_fixture.hpp"
#include "tests/test_support.hpp"

using namespace wellsim;
namespace h5 = output::h5;

namespace {

/// The path of the one scale attached to `axis` of `d` ("" if none or several).
std::string attached_scale(hid_t d, unsigned axis) {
  if (H5DSget_num_scales(d, axis) != 1) return "";
  std::string path;
  auto name_of = [](hid_t, unsigned, hid_t scale, void* out) -> herr_t {
    char buf[256] = {};
    H5Iget_name(scale, buf, sizeof buf);
    *static_cast<std::string*>(out) = buf;
    return 1;
  };
  H5DSiterate_scales(d, axis, nullptr, name_of, &path);
  return path;
}

const output::DatasetLabel* label_of(const std::string& path) {
  const auto labels = output::dataset_labels();
  const auto it = std::find_if(labels.begin(), labels.end(),
                               [&](const output::DatasetLabel& l) { return path == l.path; });
  return it == labels.end() ? nullptr : &*it;
}

void check_labels(const std::string& file) {
  h5::File f(H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "cannot open " + file);
  for (const std::string& path : h5::dataset_paths(f)) {
    INFO(path);
    const output::DatasetLabel* label = label_of(path);
    REQUIRE(label != nullptr);
    h5::Dataset d(H5Dopen2(f, path.c_str(), H5P_DEFAULT), path);
    CHECK(h5::read_string_attribute(d, "units") == label->units);
    CHECK(h5::read_string_attribute(d, "description") == label->description);
    const std::string group = path.substr(0, path.rfind('/'));
    const int rank = static_cast<int>(h5::shape(f, path).size());
    for (int axis = 0; axis < rank; ++axis) {
      INFO("axis " << axis);
      REQUIRE(label->dims[axis] != nullptr);
      const std::string scale = group + "/" + label->dims[axis];
      if (scale == path)
        CHECK(H5DSis_scale(d) > 0);
      else
        CHECK(attached_scale(d, static_cast<unsigned>(axis)) == scale);
    }
  }
}

}  // namespace

TEST_CASE("every dataset of a run file has units, a description and named dimensions", "[output]") {
  test::TempDir dir("output-labels");
  const std::string path = dir.file("run.h5");
  const bool resumed = GENERATE(false, true);
  const output::WriterOptions opts{2, 1, false, {}};
  if (!resumed) {
    test::write_small_run(path, 6, 6, opts);
  } else {
    // Killed after step 4, resumed from a checkpoint of step 3: the datasets are cut back and
    // extended again under the scales attached when they were made.
    test::write_small_run(path, 6, 4, opts, false);
    auto writer = output::RunWriter::reopen(path, 3, opts);
    sim::AgentStore agents = test::small_agents();
    for (std::uint32_t s = 4; s <= 6; ++s) {
      test::advance(agents, s);
      writer->on_step(s, agents, {});
    }
    writer->on_finish(6);
  }
  check_labels(path);
}

TEST_CASE("series units follow their names", "[output]") {
  using sim::series::unit;
  CHECK(unit("prevalence/homeless/Bacup") == "share");
  CHECK(unit("service/food_bank/queue") == "people");
  CHECK(unit("service/food_bank/mean_wait_weeks") == "weeks");
  CHECK(unit("service/food_bank/cost") == "GBP");
  CHECK(unit("policy/price_cap/cost") == "GBP");
  CHECK(unit("income/mean_disposable") == "GBP/week");
  CHECK(unit("wellbeing/mean/minority") == "points (0-10)");
  CHECK(unit("something/new") == "");
}
