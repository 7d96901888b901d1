# Writes the text of IN into OUT as a C++ function returning it, so the binary carries a document
# it quotes (analysis/evidence.cpp reads the sources in docs/model.md) and cannot drift from it.
# cmake -DIN=docs/model.md -DOUT=model_doc.cpp -DNAME=model_doc -P cmake/embed_text.cmake
file(READ ${IN} text)
file(WRITE ${OUT} "// Generated from ${IN} by cmake/embed_text.cmake; do not edit.\n"
  "#include <string_view>\nnamespace wellsim::generated {\n"
  "std::string_view ${NAME}() {\n  return R\"embedded_md(${text})embedded_md\";\n}\n}\n")
