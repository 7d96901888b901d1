// A compressed per-agent row wider than the chunk filter's window: stored whole and exact, the
// same bytes on any thread count, with only one window of encoded chunks held.
#include "output/extendible.hpp"

#include <tbb/global_control.h>

#include <catch2/catch.hpp>

#include "tests/test_support.hpp"

using namespace wellsim;
namespace h5 = output::h5;

namespace {

/// 2.5 windows of chunks, the last one partial.
constexpr std::size_t kWideRow =
    (2 * h5::kChunkWindow + h5::kChunkWindow / 2) * h5::kMaxChunkElements + 5;

std::vector<float> wide_row(std::uint32_t r) {
  std::vector<float> x(kWideRow);
  for (std::size_t i = 0; i < kWideRow; ++i) x[i] = float((i * 7 + r) % 101) / 10;
  return x;
}

/// The stored (filtered) bytes of every chunk of dataset "values" in `path`, in order.
std::vector<std::vector<char>> stored_chunks(const std::string& path) {
  h5::File file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "open");
  h5::Dataset values(H5Dopen2(file, "values", H5P_DEFAULT), "open values");
  std::vector<std::vector<char>> chunks;
  for (hsize_t r = 0; r < 2; ++r)
    for (hsize_t c = 0; c < kWideRow; c += h5::kMaxChunkElements) {
      const hsize_t offset[2] = {r, c};
      hsize_t bytes = 0;
      REQUIRE(H5Dget_chunk_storage_size(values, offset, &bytes) >= 0);
      std::vector<char> chunk(bytes);
      std::uint32_t filters = 0;
      REQUIRE(H5Dread_chunk(values, H5P_DEFAULT, offset, &filters, chunk.data()) >= 0);
      chunks.push_back(std::move(chunk));
    }
  return chunks;
}

/// Writes two rows with `threads` threads; returns what the chunk filter holds afterwards.
std::size_t write_wide_rows(const std::string& path, int threads) {
  tbb::global_control c(tbb::global_control::max_allowed_parallelism, threads);
  h5::File file(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), "create");
  h5::Extendible values(file, "values", H5T_IEEE_F32LE, kWideRow, 1, 1);
  for (std::uint32_t r = 0; r < 2; ++r) values.append(wide_row(r).data());
  return values.buffered_bytes();
}

}  // namespace

TEST_CASE("a compressed row wider than the filter's window is stored exactly, one window held",
          "[output]") {
  test::TempDir dir("output-window");
  const std::size_t held = write_wide_rows(dir.file("one.h5"), 1);
  const std::size_t held_two = write_wide_rows(dir.file("two.h5"), 2);
  CHECK((stored_chunks(dir.file("one.h5")) == stored_chunks(dir.file("two.h5"))));
  // Per chunk: the shuffled copy and the compressed one (deflate's bound, a few bytes over);
  // the whole row's chunks would hold 2.5 times that.
  const std::size_t chunk = h5::kMaxChunkElements * sizeof(float);
  CHECK(held <= h5::kChunkWindow * (2 * chunk + chunk / 100) + chunk);
  CHECK(held_two <= h5::kChunkWindow * (2 * chunk + chunk / 100) + chunk);

  h5::File file(H5Fopen(dir.file("two.h5").c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "open");
  h5::Dataset values(H5Dopen2(file, "values", H5P_DEFAULT), "open values");
  std::vector<float> back(2 * kWideRow);
  REQUIRE(H5Dread(values, H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, back.data()) >= 0);
  for (std::uint32_t r = 0; r < 2; ++r) {
    const std::vector<float> want = wide_row(r);
    CHECK(std::equal(want.begin(), want.end(), back.begin() + r * kWideRow));
  }
  CHECK(H5Dget_storage_size(values) < 2 * kWideRow * sizeof(float) / 2);
}
