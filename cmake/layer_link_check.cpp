// The whole program of a `<layer>_link_check` (CMakeLists.txt): nothing runs. Its link takes
// every object of one layer with only the layers below it, so that link is the check.
int main() { return 0; }
