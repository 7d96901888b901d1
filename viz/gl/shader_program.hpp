#pragma once
#include "viz/gl/gl.hpp"

namespace wellsim::viz {

/// A linked GLSL program, deleted with the object. Compile or link failures throw
/// sim::RuntimeError with the driver's log (a broken driver, not the user's input).
class ShaderProgram {
 public:
  /// Compiles and links a vertex and a fragment shader.
  ShaderProgram(const char* vertex_source, const char* fragment_source);
  ~ShaderProgram();
  ShaderProgram(const ShaderProgram&) = delete;
  ShaderProgram& operator=(const ShaderProgram&) = delete;
  /// The program's id, for glUseProgram.
  GLuint id() const { return id_; }
  /// Location of a uniform.
  GLint uniform(const char* name) const { return glGetUniformLocation(id_, name); }

 private:
  GLuint id_ = 0;
};

}  // namespace wellsim::viz
