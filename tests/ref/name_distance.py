#!/usr/bin/env python3
"""Reference distances for test_parse.c (satstat_name_distance).

The optimal-string-alignment (restricted Damerau-Levenshtein) distance,
computed here from its recursive definition (Boytsov 2011, eq. 2) by
memoised recursion over suffixes -- not by the three-row table of
src/model/parse.c -- with ASCII letters folded to lower case first.  The
unrestricted Damerau-Levenshtein distance is found by breadth-first search
over single edits, to show the pair where the two differ ("ca" -> "abc").

    python3 tests/ref/name_distance.py   # prints the C table
"""
from functools import lru_cache

PAIRS = [
    ("tanh", "tanh"), ("Tanh", "tanh"), ("tnah", "tanh"), ("tahn", "tanh"),
    ("tan", "tanh"), ("tanhh", "tanh"), ("sigmiod", "sigmoid"),
    ("he_normal", "he-normal"), ("HeNormal", "he-normal"), ("", "abc"),
    ("abc", ""), ("ca", "abc"), ("kitten", "sitting"),
    ("shceme", "scheme"), ("fan-in", "fan_in"), ("JSNO", "json"),
    ("variance_scaling", "variance-scaling"), ("glorotnormal", "glorot_normal"),
]


def fold(s):
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in s)


def osa(a, b):
    a, b = fold(a), fold(b)

    @lru_cache(maxsize=None)
    def d(i, j):  # distance between a[:i] and b[:j]
        if i == 0:
            return j
        if j == 0:
            return i
        best = min(d(i - 1, j) + 1, d(i, j - 1) + 1,
                   d(i - 1, j - 1) + (a[i - 1] != b[j - 1]))
        if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
            best = min(best, d(i - 2, j - 2) + 1)
        return best

    return d(len(a), len(b))


def unrestricted(a, b):
    a, b = fold(a), fold(b)
    alphabet = set(a + b)
    seen, frontier, k = {a}, [a], 0
    while b not in seen:
        nxt = []
        for s in frontier:
            cands = [s[:i] + s[i + 1:] for i in range(len(s))]
            cands += [s[:i] + c + s[i:] for i in range(len(s) + 1) for c in alphabet]
            cands += [s[:i] + c + s[i + 1:] for i in range(len(s)) for c in alphabet]
            cands += [s[:i] + s[i + 1] + s[i] + s[i + 2:] for i in range(len(s) - 1)]
            for t in cands:
                if t not in seen and len(t) <= len(a) + len(b):
                    seen.add(t)
                    nxt.append(t)
        frontier, k = nxt, k + 1
    return k


for a, b in PAIRS:
    print('        {"%s", "%s", %d}, /* unrestricted DL %d */'
          % (a, b, osa(a, b), unrestricted(a, b)))
