#include "viz/background_save.hpp"

#include <chrono>
#include <exception>

namespace wellsim::viz {

BackgroundSave::~BackgroundSave() {
  if (future_.valid()) future_.wait();
}

bool BackgroundSave::start(std::function<void()> task, const std::string& file,
                           const std::string& done) {
  if (busy()) return false;
  file_ = file;
  future_ = std::async(std::launch::async, [task = std::move(task), done] {
    task();
    return done;
  });
  return true;
}

std::string BackgroundSave::status() const { return busy() ? "saving " + file_ + " ..." : ""; }

std::string BackgroundSave::poll() {
  if (!future_.valid() || future_.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
    return "";
  try {
    return future_.get();
  } catch (const std::exception& e) {
    return e.what();
  }
}

}  // namespace wellsim::viz
