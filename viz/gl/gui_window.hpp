#pragma once
#include <string>

#include "viz/gl/gl.hpp"
#include "viz/view_transform.hpp"

namespace wellsim::viz {

/// A GLFW window with an OpenGL 3.3 core context and a Dear ImGui context on it, torn down in
/// reverse order. A missing display is a sim::RuntimeError that says how to get one.
class GuiWindow {
 public:
  /// Opens a `width` x `height` window (hidden when `visible` is false, for screenshots); ImGui
  /// text is drawn at `font_px` pixels.
  GuiWindow(int width, int height, const std::string& title, bool visible, float font_px);
  ~GuiWindow();
  GuiWindow(const GuiWindow&) = delete;
  GuiWindow& operator=(const GuiWindow&) = delete;

  /// The GLFW window.
  GLFWwindow* handle() const { return window_; }
  /// True once the user closed the window.
  bool should_close() const { return glfwWindowShouldClose(window_) != 0; }
  /// Processes events and starts an ImGui frame of the window's size, or of `size` when its
  /// width is positive (an offscreen target).
  void begin_frame(Vec2 size = {});
  /// Draws the ImGui frame into the bound framebuffer.
  void end_frame();
  /// Shows the frame.
  void swap() { glfwSwapBuffers(window_); }
  /// Size in window (ImGui) pixels.
  Vec2 size() const;
  /// Framebuffer pixels per window pixel (2 on a HiDPI screen).
  float framebuffer_scale() const;

 private:
  GLFWwindow* window_ = nullptr;
};

}  // namespace wellsim::viz
