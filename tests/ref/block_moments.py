#!/usr/bin/python3
"""Exact central moments of test_stats's ill-conditioned block, for
satstat_moments_push_array: x_i = 2^20 + k_i/1024, k_i = (7919 i mod 1000)
- 500, i = 0..n-1 (every x_i exact in a double; the mean is 2^20 + a small
offset, so the spread is 1e-9 of the values).  Exact rational arithmetic
(fractions), independent of satstat's two-pass formulas.
Run: /usr/bin/python3 tests/ref/block_moments.py"""
from fractions import Fraction

for n in (1, 7, 8, 1023):
    xs = [Fraction(2 ** 20) + Fraction((7919 * i) % 1000 - 500, 1024) for i in range(n)]
    mean = sum(xs) / n
    m = [sum((x - mean) ** k for x in xs) for k in (2, 3, 4)]
    print(f"    {{{n}, {float(mean)!r}, {float(m[0])!r}, {float(m[1])!r}, {float(m[2])!r}}},")
