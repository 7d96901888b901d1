// Compiles and links the renderer's GLSL and throws with the driver's log, because a broken
// driver must say so rather than draw nothing.
#include "viz/gl/shader_program.hpp"

#include <string>

#include "sim/errors.hpp"

namespace wellsim::viz {

namespace {

GLuint compile(GLenum kind, const char* source) {
  const GLuint shader = glCreateShader(kind);
  glShaderSource(shader, 1, &source, nullptr);
  glCompileShader(shader);
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[1024] = {};
    glGetShaderInfoLog(shader, sizeof log - 1, nullptr, log);
    glDeleteShader(shader);
    throw sim::RuntimeError(std::string("OpenGL shader does not compile: ") + log);
  }
  return shader;
}

}  // namespace

ShaderProgram::ShaderProgram(const char* vertex_source, const char* fragment_source) {
  const GLuint vs = compile(GL_VERTEX_SHADER, vertex_source);
  const GLuint fs = compile(GL_FRAGMENT_SHADER, fragment_source);
  id_ = glCreateProgram();
  glAttachShader(id_, vs);
  glAttachShader(id_, fs);
  glLinkProgram(id_);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = 0;
  glGetProgramiv(id_, GL_LINK_STATUS, &ok);
  if (!ok) {
    char log[1024] = {};
    glGetProgramInfoLog(id_, sizeof log - 1, nullptr, log);
    glDeleteProgram(id_);
    throw sim::RuntimeError(std::string("OpenGL program does not link: ") + log);
  }
}

ShaderProgram::~ShaderProgram() { glDeleteProgram(id_); }

}  // namespace wellsim::viz
