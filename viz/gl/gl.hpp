#pragma once
// OpenGL 3.3 core, called directly: Linux's libGL (GLVND) exports every core entry point, so no
// loader is needed. GLFW is told not to include GL headers of its own.
#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
