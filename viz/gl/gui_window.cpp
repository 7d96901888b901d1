// Owns the GLFW window, its GL context and the ImGui context and tears them down in reverse
// order; a missing display becomes an error that says how to get one.
#include "viz/gl/gui_window.hpp"

#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "sim/errors.hpp"

namespace wellsim::viz {

namespace {

std::string last_glfw_error;

void remember_error(int, const char* description) { last_glfw_error = description; }

[[noreturn]] void no_window(const std::string& what) {
  throw sim::RuntimeError("cannot open a window: " + what + " (" + last_glfw_error +
                          "); on a machine without a display run under xvfb-run");
}

}  // namespace

GuiWindow::GuiWindow(int width, int height, const std::string& title, bool visible, float font_px) {
  glfwSetErrorCallback(remember_error);
  if (!glfwInit()) no_window("GLFW cannot start");
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
  window_ = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
  if (!window_) {
    glfwTerminate();
    no_window("no OpenGL 3.3 context");
  }
  glfwMakeContextCurrent(window_);
  glfwSwapInterval(visible ? 1 : 0);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a fixed layout: no imgui.ini left in the user's folder
  ImFontConfig font;
  font.SizePixels = font_px;
  io.Fonts->AddFontDefault(&font);
  ImGui::StyleColorsDark();
  ImGui_ImplGlfw_InitForOpenGL(window_, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
}

GuiWindow::~GuiWindow() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window_);
  glfwTerminate();
}

void GuiWindow::begin_frame(Vec2 size) {
  glfwPollEvents();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  if (size.x > 0) {
    ImGui::GetIO().DisplaySize = ImVec2(size.x, size.y);
    ImGui::GetIO().DisplayFramebufferScale = ImVec2(1, 1);
  }
  ImGui::NewFrame();
}

void GuiWindow::end_frame() {
  ImGui::Render();
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

Vec2 GuiWindow::size() const {
  int w = 0, h = 0;
  glfwGetWindowSize(window_, &w, &h);
  return {float(w), float(h)};
}

float GuiWindow::framebuffer_scale() const {
  int w = 0, h = 0, fw = 0, fh = 0;
  glfwGetWindowSize(window_, &w, &h);
  glfwGetFramebufferSize(window_, &fw, &fh);
  return w > 0 ? float(fw) / float(w) : 1.0f;
}

}  // namespace wellsim::viz
