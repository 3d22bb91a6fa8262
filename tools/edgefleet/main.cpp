#include <cstdio>
int main() { std::puts("edgefleet " EDGEFLEET_VERSION); }
