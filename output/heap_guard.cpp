// Why this file exists: see heap_guard.hpp. How: a soft conversion, registered once, from a
// variable-length string to an opaque type of ours copies nothing, so H5Aread/H5Dread into that
// type hand back the stored descriptors; the heap collections they point to are then read with
// pread(2) and checked. Layouts: HDF5 File Format Specification 3.0, III.E (Global Heap) and the
// variable-length "Global Heap ID" (4-byte length, address, 4-byte index).
#include "output/heap_guard.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <map>
#include <mutex>
#include <vector>

namespace wellsim::output::h5 {

namespace {

constexpr const char* kRawTag = "wellsim raw vlen descriptor";

/// Leaves the buffer as it is: the source elements are the stored descriptors.
herr_t keep_descriptors(hid_t src, hid_t dst, H5T_cdata_t* cdata, size_t, size_t, size_t, void*,
                        void*, hid_t) {
  if (cdata->command != H5T_CONV_INIT) return 0;
  cdata->need_bkg = H5T_BKG_NO;
  if (H5Tis_variable_str(src) <= 0 || H5Tget_class(dst) != H5T_OPAQUE) return -1;
  char* tag = H5Tget_tag(dst);
  const bool ours = tag && std::strcmp(tag, kRawTag) == 0;
  H5free_memory(tag);
  // Same size or HDF5 would have to move elements: only the descriptor's own size is ours.
  return ours && H5Tget_size(src) == H5Tget_size(dst) ? 0 : -1;
}

/// The opaque memory type of a descriptor of `size` bytes (registered once per size).
Type raw_type(std::size_t size) {
  static std::mutex lock;
  static std::map<std::size_t, bool> registered;
  Type t(H5Tcreate(H5T_OPAQUE, size), "cannot create a raw type");
  check(H5Tset_tag(t, kRawTag), "cannot tag a raw type");
  std::lock_guard<std::mutex> hold(lock);
  if (!registered[size]) {
    Type vlen(H5Tcopy(H5T_C_S1), "cannot copy the string type");
    check(H5Tset_size(vlen, H5T_VARIABLE), "cannot size the string type");
    check(H5Tregister(H5T_PERS_SOFT, "wellsim_raw_vlen", vlen, t, keep_descriptors),
          "cannot register the descriptor conversion");
    registered[size] = true;
  }
  return t;
}

std::uint64_t decode(const unsigned char* p, std::size_t bytes) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < bytes; ++i) v |= std::uint64_t{p[i]} << (8 * i);
  return v;
}

/// The file's bytes, read on demand.
struct FileBytes {
  int fd = -1;
  std::uint64_t size = 0, base = 0;
  std::size_t sizeof_addr = 8, sizeof_size = 8;
  ~FileBytes() {
    if (fd >= 0) ::close(fd);
  }
  bool read(std::uint64_t at, std::uint64_t n, std::vector<unsigned char>& out) const {
    if (at > size || n > size - at) return false;
    out.resize(n);
    return ::pread(fd, out.data(), n, static_cast<off_t>(at)) == static_cast<ssize_t>(n);
  }
};

void open_bytes(hid_t owner, FileBytes& f) {
  const hid_t file = H5Iget_file_id(owner);
  File held(file, "cannot find the file");
  const ssize_t len = H5Fget_name(file, nullptr, 0);
  std::string name(static_cast<std::size_t>(check(len, "cannot name the file")), '\0');
  H5Fget_name(file, name.data(), name.size() + 1);
  Plist fcpl(H5Fget_create_plist(file), "cannot get the file's creation properties");
  hsize_t userblock = 0;
  check(H5Pget_userblock(fcpl, &userblock), "cannot get the user block");
  check(H5Pget_sizes(fcpl, &f.sizeof_addr, &f.sizeof_size), "cannot get the file's sizes");
  f.base = userblock;
  f.fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st {};
  if (f.fd < 0 || ::fstat(f.fd, &st) != 0) throw Error("cannot read the file's heap");
  f.size = static_cast<std::uint64_t>(st.st_size);
}

/// Object index -> size of every object in the collection at `addr`, walked as
/// H5HG__cache_heap_deserialize walks it; throws unless it is well formed.
std::map<std::uint64_t, std::uint64_t> collection(const FileBytes& f, std::uint64_t addr,
                                                  const std::string& what) {
  const std::string bad = what + ": damaged global heap (variable-length strings)";
  const std::size_t header = 8 + f.sizeof_size, objhdr = 8 + f.sizeof_size;
  std::vector<unsigned char> buf;
  if (!f.read(f.base + addr, header, buf) || std::memcmp(buf.data(), "GCOL", 4) != 0 || buf[4] != 1)
    throw Error(bad);
  const std::uint64_t size = decode(buf.data() + 8, f.sizeof_size);
  if (size < header || !f.read(f.base + addr, size, buf)) throw Error(bad);
  std::map<std::uint64_t, std::uint64_t> objects;
  for (std::uint64_t p = header; p < size;) {
    if (p + objhdr > size) break;  // too small for a header: free space, as HDF5 reads it
    const std::uint64_t idx = decode(&buf[p], 2), osize = decode(&buf[p + 8], f.sizeof_size);
    const std::uint64_t need = idx > 0 ? objhdr + ((osize + 7) & ~std::uint64_t{7}) : osize;
    if (osize > size || need < objhdr || need > size - p) throw Error(bad);
    if (idx > 0 && !objects.emplace(idx, osize).second) throw Error(bad);
    p += need;
  }
  return objects;
}

}  // namespace

void check_string_heap(hid_t owner, hid_t file_type, std::size_t n, const std::string& what,
                       const std::function<herr_t(hid_t, void*)>& read) {
  if (n == 0) return;
  FileBytes f;
  open_bytes(owner, f);
  // On disk a string is a 4-byte length, the collection's address and a 4-byte index (the
  // type's own size is its in-memory one, a pointer).
  if (H5Tis_variable_str(file_type) <= 0) throw Error(what + " is not a variable-length string");
  const std::size_t size = 8 + f.sizeof_addr;
  std::vector<unsigned char> raw(n * size);
  Type mem = raw_type(size);
  check(read(mem.id(), raw.data()), "cannot read " + what);
  std::map<std::uint64_t, std::map<std::uint64_t, std::uint64_t>> seen;
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned char* d = &raw[i * size];
    const std::uint64_t length = decode(d, 4), addr = decode(d + 4, f.sizeof_addr),
                        idx = decode(d + 4 + f.sizeof_addr, 4);
    if (length == 0) continue;  // an empty string reads nothing from the heap
    auto it = seen.find(addr);
    if (it == seen.end()) it = seen.emplace(addr, collection(f, addr, what)).first;
    const auto obj = it->second.find(idx);
    // libhdf5 copies the object's size into a buffer of the string's length: they must agree.
    if (obj == it->second.end() || obj->second != length)
      throw Error(what + ": damaged global heap (a string's length disagrees with its object)");
  }
}

}  // namespace wellsim::output::h5
