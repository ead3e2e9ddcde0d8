#!/usr/bin/python3
"""The finite-width bias of the Fuss-Catalan moments, for tests/test_deep.c
(test_jacobian_fuss_catalan): products J = W_3 W_2 W_1 of independent real
Gaussian N x N matrices with entries N(0, 1/N), numpy, 20000 products per
N (seeded), m_k = tr((J^T J)^k)/N averaged; against the N -> infinity
Fuss-Catalan values m2 = L + 1 = 4, m3 = C(3L+3, 3)/(3L+1) = 22.  Also the
spread of m2 and m3 over products, which sets the width of the test's
intervals across R networks.

    /usr/bin/python3 tests/ref/jacobian_fuss_catalan.py

Output (numpy 1.24):

    N = 32: E m2 = 4.2155 +- 0.0083 (bias +0.2155), sd 1.1760; E m3 = 25.216 +- 0.092 (bias +3.216), sd 13.000
    N = 64: E m2 = 4.0947 +- 0.0040 (bias +0.0947), sd 0.5615; E m3 = 23.387 +- 0.040 (bias +1.387), sd 5.706

At N = 64 with R = 30 networks the 99.9 % t interval's half-width is
about t(0.9995, 29)·sd/sqrt(30) = 3.66·0.56/5.48 = 0.38 for m2 and 3.8 for
m3, four and three times the biases 0.095 and 1.39: the test checks the
N -> infinity values there.  (The bias falls as 1/N, as does the spread of
a trace, so their ratio depends on R, not N: below R of about 100 for m2.)
"""
import numpy as np

L, TRIALS = 3, 20000
rng = np.random.default_rng(20261205)
for N in (32, 64):
    m2s, m3s = np.empty(TRIALS), np.empty(TRIALS)
    for t in range(TRIALS):
        J = np.eye(N)
        for _ in range(L):
            J = rng.standard_normal((N, N)) / np.sqrt(N) @ J
        s2 = np.linalg.svd(J, compute_uv=False) ** 2
        m2s[t], m3s[t] = np.sum(s2 ** 2) / N, np.sum(s2 ** 3) / N
    se2, se3 = m2s.std(ddof=1) / np.sqrt(TRIALS), m3s.std(ddof=1) / np.sqrt(TRIALS)
    print(f'N = {N}: E m2 = {m2s.mean():.4f} +- {se2:.4f} (bias {m2s.mean() - 4:+.4f}), '
          f'sd {m2s.std(ddof=1):.4f}; E m3 = {m3s.mean():.3f} +- {se3:.3f} '
          f'(bias {m3s.mean() - 22:+.3f}), sd {m3s.std(ddof=1):.3f}', flush=True)
