#!/usr/bin/python3
"""K(n, d) = P(D_n < d) from scipy.stats.kstwo (Simard & L'Ecuyer 2011:
for n <= 140 an exact method, which agrees with satstat's Marsaglia-Tsang-
Wang to about 1e-15), at sizes whose MTW matrix (m = 2 floor(nd) + 1) spans
several of stats.c's 4 x 16 tiles, with rows past the last group of four.
Run: /usr/bin/python3 tests/ref/ks_tiles.py"""
from scipy.stats import kstwo

for n, d in ((129, 0.1), (140, 0.15), (137, 0.2)):
    m = 2 * int(n * d) + 1
    print(f"    {{{n}, {d}, {kstwo.cdf(d, n)!r}}}, /* m = {m} */")
