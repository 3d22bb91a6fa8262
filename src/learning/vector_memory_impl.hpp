#pragma once
// Unaligned loads and stores of GCC vector types, by value: a vector whose address is taken (an
// array element passed to memcpy) stays in memory, loads and stores through these keep it in a
// register. Builtins only: included inside the anonymous namespace of each instruction set's
// kernels (row_kernels_impl.hpp, argmax_logits_impl.hpp).

template <typename V, typename T>
[[gnu::always_inline]] inline V load(const T* p) {
  V v;
  __builtin_memcpy(&v, p, sizeof v);
  return v;
}
template <typename V, typename T>
[[gnu::always_inline]] inline void store(T* p, V v) {
  __builtin_memcpy(p, &v, sizeof v);
}
