#!/usr/bin/env python3
"""Finds file-local names that a unity build would put twice into one translation unit.

    scripts/check_unity_names.py [ROOT]

A unity build (cmake/unity.cmake; CI's Release and sanitizer trees) compiles the sources of a
target in batches, one translation unit each, so two files of one target that each define the
same name in an anonymous namespace, or `static` at namespace scope, fail to compile together
(or a call becomes ambiguous) once a merge shifts them into the same batch. This reads the
sources as text, without a compiler, and prints one line for every such name, naming both
files; exit 1 if there is any. Files in cmake/unity.cmake's WELLSIM_UNITY_SKIP are compiled alone
and so are left out. scripts/unity_clashes.py is the slower check with the compiler (it also
finds ambiguous overloads of names that are not file-local)."""
import collections
import glob
import os
import re
import sys

root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                       os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# The targets' sources, as the GLOBs of CMakeLists.txt and tests/CMakeLists.txt list them.
TARGETS = {
    "wellsim_sim": ["sim/*.cpp"],
    "wellsim_models": ["models/**/*.cpp"],
    "wellsim_output": ["output/*.cpp"],
    "wellsim_analysis": ["analysis/*.cpp"],
    "wellsim_batch": ["batch/*.cpp"],
    "wellsim_viz": ["viz/*.cpp"],
    "wellsim_viz_gl": ["viz/gl/*.cpp"],
    "wellsim": ["cli/*.cpp"],
    "wellsim_tests": ["tests/**/*.cpp"],
}
NOT_IN_TARGET = {"tests/batch/mpi_dispatch_check.cpp"}  # its own program, one file


def unity_skips():
    path = os.path.join(root, "cmake/unity.cmake")
    if not os.path.exists(path):
        return set()
    cmake = re.sub(r"#.*", "", open(path).read())
    match = re.search(r"set\(WELLSIM_UNITY_SKIP(.*?)\)", cmake, re.S)
    return set(match.group(1).split()) if match else set()


def strip(text):
    """The code without comments, string and character literals, and preprocessor lines."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            i = text.find("\n", i)
            i = n if i < 0 else i
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            out.append("\n" * text.count("\n", i, n if end < 0 else end))
            i = n if end < 0 else end + 2
        elif c == "R" and text.startswith('"', i + 1) and re.match(r'R"([^(\s]*)\(', text[i:]):
            delim = re.match(r'R"([^(\s]*)\(', text[i:]).group(1)
            end = text.find(")" + delim + '"', i)
            end = n if end < 0 else end + len(delim) + 2
            out.append('""' + "\n" * text.count("\n", i, end))
            i = end
        elif c in "\"'" and not (c == "'" and i > 0 and text[i - 1].isalnum()):
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(c + c)
            i = j + 1
        else:
            out.append(c)
            i += 1
    return re.sub(r"(?m)^[ \t]*#.*$", "", "".join(out))


IDENT = r"[A-Za-z_]\w*"
KEYWORDS = {"const", "constexpr", "static", "inline", "volatile", "thread_local", "struct",
            "class", "enum", "union", "unsigned", "signed", "long", "short", "int", "char",
            "bool", "double", "float", "void", "auto", "operator", "template", "typename",
            "noexcept", "override", "final", "return"}


def declared_name(statement):
    """The name a namespace-scope statement (up to its `;` or `{`) declares, or None."""
    s = re.sub(r"^\s*template\s*<.*?>\s*(?=\w)", "", statement.strip(), flags=re.S)
    s = re.sub(r"\[\[.*?\]\]", "", s)
    if not s or s.startswith(("using namespace", "static_assert", "extern", "friend")):
        return None
    m = re.match(r"using\s+(" + IDENT + r")\s*=", s)
    if m:
        return m.group(1)
    m = re.match(r"using\s+[\w:]*::(" + IDENT + r")\s*$", s)
    if m:
        return "using " + m.group(1)
    m = re.match(r"(?:enum\s+(?:class\s+|struct\s+)?|struct\s+|class\s+|union\s+)(" + IDENT + ")", s)
    if m and "(" not in s.split("{")[0]:
        return m.group(1)
    if "operator" in s:
        return None
    # A function: the name before the first parenthesis, unless an `=` comes first (a variable).
    paren, equals = s.find("("), s.find("=")
    head = s[:paren] if paren >= 0 and (equals < 0 or paren < equals) else s
    head = head.split("=")[0]
    head = re.sub(r"<[^<>]*>", "", re.sub(r"<[^<>]*>", "", head))  # template arguments
    head = re.sub(r"\[.*$", "", head)  # array bounds
    if re.search(r"::\s*~?" + IDENT + r"\s*$", head):
        return None  # a member or a qualified name, defined for a declaration elsewhere
    names = [w for w in re.findall(IDENT, head) if w not in KEYWORDS]
    return names[-1] if names else None


def parameter_types(statement):
    """A function's parameter types without names and defaults ("" for none), or None."""
    m = re.search(IDENT + r"\s*\((.*)\)[^()]*$", statement, re.S)
    if not m or "=" in statement.split("(")[0]:
        return None
    depth, params, cur = 0, [], ""
    for c in m.group(1):
        depth += c in "<([{"
        depth -= c in ">)]}"
        if c == "," and depth == 0:
            params.append(cur)
            cur = ""
        else:
            cur += c
    params.append(cur)
    types = []
    for param in params:
        param = param.split("=")[0].strip()
        words = re.findall(IDENT + r"|\S", param)
        if len(words) > 1 and re.fullmatch(IDENT, words[-1]) and words[-1] not in KEYWORDS:
            words = words[:-1]
        types.append("".join(words))
    return ",".join(types)


def file_locals(text):
    """(namespace, name, line, parameter types or None) for each file-local name."""
    found = []
    scopes = []  # per open brace: "ns:NAME", "anon", "other" or "init" (a braced initialiser)
    start, i, parens = 0, 0, 0
    in_initialiser = False  # after an initialiser's closing brace, up to its `;`
    while i < len(text):
        c = text[i]
        parens += (c == "(") - (c == ")")
        if c in "{;}" and parens == 0:  # not a default argument's braces
            statement = text[start:i]
            at_namespace = all(s in ("anon",) or s.startswith("ns:") for s in scopes)
            line = text.count("\n", 0, i - len(statement.lstrip())) + 1
            named = at_namespace and c != "}" and not in_initialiser
            name = declared_name(statement) if named else None
            is_static = re.match(r"\s*(template\s*<.*?>\s*)?static\b", statement, re.S)
            # An anonymous namespace's names are seen in the one around it, as `static` ones are.
            path = "::".join(s[3:] for s in scopes if s.startswith("ns:"))
            if name and ("anon" in scopes or is_static) and not statement.strip().startswith(
                    "namespace"):
                found.append((path, name, line, parameter_types(statement)))
            if c == "{":
                m = re.match(r"\s*(inline\s+)?namespace\s*([\w:]*)\s*$", statement)
                outside_parens = re.sub(r"\(.*\)", "", statement, flags=re.S)
                if m and at_namespace:
                    scopes.append("ns:" + m.group(2) if m.group(2) else "anon")
                elif in_initialiser or re.search(r"[^=!<>]=[^=]", outside_parens):
                    scopes.append("init")
                else:
                    scopes.append("other")  # a class or function body, or a block
            elif c == "}" and scopes:
                in_initialiser = scopes.pop() == "init" and all(s != "init" for s in scopes)
            elif c == ";":
                in_initialiser = False
            start = i + 1
        i += 1
    return found


def clashing_pair(places):
    """Two places in different files that cannot share a translation unit, or None. Functions
    with different parameter types are overloads, and the same using-declaration may repeat."""
    for k, (f1, l1, using1, types1) in enumerate(places):
        for f2, l2, using2, types2 in places[k + 1:]:
            if f1 == f2 or (using1 and using2):
                continue
            if types1 is not None and types2 is not None and types1 != types2:
                continue
            return (f1, l1), (f2, l2)
    return None


def main():
    skips = unity_skips()
    clashes = 0
    for target, patterns in TARGETS.items():
        files = sorted({os.path.relpath(f, root) for p in patterns
                        for f in glob.glob(os.path.join(root, p), recursive=True)})
        seen = collections.defaultdict(list)
        for f in files:
            if f in skips or f in NOT_IN_TARGET:
                continue
            for path, name, line, types in file_locals(
                    strip(open(os.path.join(root, f)).read())):
                key = (path, name.replace("using ", ""))
                seen[key].append((f, line, name.startswith("using "), types))
        for (path, name), places in sorted(seen.items()):
            pair = clashing_pair(places)
            if not pair:
                continue
            (f1, l1), (f2, l2) = pair
            print("%s:%d: file-local `%s` (in %s) is also defined in %s:%d, the same target "
                  "(%s): a unity batch would hold both; rename one, or list a file in "
                  "cmake/unity.cmake" % (f2, l2, name, path or "::", f1, l1, target))
            clashes += 1
    if clashes:
        print("%d file-local name(s) defined in two files of one target" % clashes)
    return 1 if clashes else 0


if __name__ == "__main__":
    sys.exit(main())
