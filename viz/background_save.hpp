#pragma once
// Saving a live branch without stopping the lesson: a save runs the branch's scenario into a
// run file (seconds for a large town), so the live panel hands it to another thread and shows
// "saving ..." until it is done. The task works on a copy of the branch's scenario (see
// LiveModel::saver), so the session goes on stepping, and forking, meanwhile.
#include <functional>
#include <future>
#include <string>

namespace wellsim::viz {

/// One save at a time on a thread of its own, polled once a frame.
class BackgroundSave {
 public:
  /// Waits for a save still running (a window closed mid-save still writes a whole file).
  ~BackgroundSave();
  /// Starts `task` on another thread; `done` is the message once it succeeds ("saved X"), and
  /// `file` names it meanwhile. False (nothing started) while another save runs.
  bool start(std::function<void()> task, const std::string& file, const std::string& done);
  /// True while a save runs.
  bool busy() const { return future_.valid(); }
  /// "saving FILE ..." while busy, "" otherwise.
  std::string status() const;
  /// Once the save has ended: its message, or its error's (one line); "" while it runs or
  /// when none was started. Each outcome is returned once.
  std::string poll();

 private:
  std::future<std::string> future_;
  std::string file_;
};

}  // namespace wellsim::viz
