#!/usr/bin/python3
"""Which interval for the Jacobian's moments m_k = tr((J^T J)^k)/N across
R networks (src/studies/deep_sample.c, jacobian_reduce; doc/numerics.md):
the coverage of the mean E m_k by the Student t interval on m_k, a
delta-method interval on log of the mean (mean * exp(+-t se/mean)) and
the modified Cox interval on log m_k (the one satstat uses for positive
quantities, estimate_positive), at nominal 90 % (5 % a side).  Linear
networks J = W_L ... W_1, W_l i.i.d. N(0, 1/N) entries, numpy (seeded);
the truth at that width is the mean over many products.

    /usr/bin/python3 tests/ref/jacobian_interval_coverage.py 3 32 5 2000
    /usr/bin/python3 tests/ref/jacobian_interval_coverage.py 8 16 8 2000

Output (numpy 1.24, scipy 1.10), misses below / above, per k = 1, 2, 3:

    L=3 W=32 R=5 reps=2000; truth [ 1.     4.197 24.962]
    cox [[0.038, 0.059], [0.028, 0.07], [0.024, 0.088]]
    delta [[0.036, 0.06], [0.032, 0.076], [0.028, 0.1]]
    t [[0.032, 0.064], [0.022, 0.091], [0.014, 0.129]]
    L=8 W=16 R=8 reps=2000; truth [  0.997  12.383 305.544]
    cox [[0.02, 0.074], [0.006, 0.121], [0.0, 0.16]]
    delta [[0.023, 0.094], [0.021, 0.226], [0.03, 0.402]]
    t [[0.014, 0.117], [0.002, 0.302], [0.0, 0.507]]

The t interval also reaches below 0 (its lower misses are few because it
is wide on that side, the upper ones many); Cox comes closest to nominal
and stays positive, but it too misses the mean from above when m_k spreads
over decades (m3 at L = 8, W = 16: a mean carried by rare large products).
"""
import sys

import numpy as np
from scipy import stats

rng = np.random.default_rng(7)


def moments(L, W, R):
    out = np.empty((R, 3))
    for r in range(R):
        J = np.eye(W)
        for _ in range(L):
            J = rng.standard_normal((W, W)) / np.sqrt(W) @ J
        s2 = np.linalg.svd(J, compute_uv=False) ** 2
        out[r] = [np.sum(s2 ** k) / W for k in (1, 2, 3)]
    return out


def cox(x, a):
    y = np.log(x)
    R = len(x)
    m, s2 = y.mean(), y.var(ddof=1)
    t = stats.t.ppf(1 - a / 2, R - 1)
    h = t * np.sqrt(s2 / R + s2 * s2 / (2 * (R - 1)))
    return np.exp(m + s2 / 2 - h), np.exp(m + s2 / 2 + h)


def delta(x, a):
    R = len(x)
    xb, se = x.mean(), x.std(ddof=1) / np.sqrt(R)
    t = stats.t.ppf(1 - a / 2, R - 1)
    return xb * np.exp(-t * se / xb), xb * np.exp(t * se / xb)


def tint(x, a):
    R = len(x)
    xb, se = x.mean(), x.std(ddof=1) / np.sqrt(R)
    t = stats.t.ppf(1 - a / 2, R - 1)
    return xb - t * se, xb + t * se


L, W, R, reps = [int(v) for v in sys.argv[1:5]]
a = 0.1
truth = moments(L, W, 20000 if W <= 32 else 6000).mean(axis=0)
miss = {n: np.zeros((3, 2)) for n in ("cox", "delta", "t")}
for _ in range(reps):
    x = moments(L, W, R)
    for n, f in (("cox", cox), ("delta", delta), ("t", tint)):
        for k in range(3):
            lo, hi = f(x[:, k], a)
            miss[n][k, 0] += truth[k] < lo
            miss[n][k, 1] += truth[k] > hi
print(f"L={L} W={W} R={R} reps={reps}; truth {truth.round(3)}")
for n in miss:
    print(n, (miss[n] / reps).round(3).tolist())
