#!/usr/bin/python3
"""True means over networks of the per-network statistics that
`satstat deep` puts intervals on, for the coverage test of
tests/test_deep.c (test_interval_coverage), by an independent Monte Carlo
in numpy: it shares no code with satstat (numpy's own generator, float64
normals, its own forward and backward pass).

The network: tanh, `he-normal` weights (N(0, 2/fan_in)), bias N(0, 0.5^2),
3 layers of width 16, layer 1 of fan-in 32 fed the `half` inputs (the
first 16 equal to 1, the rest 0), saturated when |z| >= 1.  Per network
and layer l:
    var   the variance of z over the 16 units (denominator W - 1),
    sat   the fraction of units with |z| >= 1,
    gnorm ||delta^l||, delta^L = phi'(z^L) * g for g a uniform random unit
          vector, delta^l = phi'(z^l) * (W^{l+1})^T delta^{l+1}.
Printed: the mean over N networks and its standard error (sd / sqrt(N)).

    /usr/bin/python3 tests/ref/deep_interval_truth.py

Output with numpy 1.24.2 (N = 4e6, seed 20261205), pasted into test_deep.c:

    variance             layer 1: mean 1.2497815  se 2.28e-04  sd 0.45635
    variance             layer 2: mean 1.1202779  se 2.22e-04  sd 0.44486
    variance             layer 3: mean 1.0758318  se 2.16e-04  sd 0.43168
    saturated_fraction   layer 1: mean 0.3710284  se 6.04e-05  sd 0.12076
    saturated_fraction   layer 2: mean 0.3419054  se 6.18e-05  sd 0.12354
    saturated_fraction   layer 3: mean 0.3319322  se 6.17e-05  sd 0.12339
    gradient_norm        layer 1: mean 0.5392585  se 1.15e-04  sd 0.22973
    gradient_norm        layer 2: mean 0.6062337  se 9.61e-05  sd 0.19224
    gradient_norm        layer 3: mean 0.6641710  se 5.68e-05  sd 0.11366

(about six minutes on a shared machine)
"""
import numpy as np

W, L, NIN, ACTIVE, SB, T = 16, 3, 32, 16, 0.5, 1.0
N, CHUNK = 4_000_000, 100_000
rng = np.random.default_rng(20261205)

sums = np.zeros((3, L))
sqs = np.zeros((3, L))
for _ in range(N // CHUNK):
    n = CHUNK
    zs, Ws = [], []
    x = np.zeros((n, NIN))
    x[:, :ACTIVE] = 1.0
    h = x
    for l in range(L):
        fan = NIN if l == 0 else W
        Wl = rng.standard_normal((n, W, fan)) * np.sqrt(2.0 / fan)
        b = rng.standard_normal((n, W)) * SB
        z = np.einsum('nij,nj->ni', Wl, h) + b
        zs.append(z)
        Ws.append(Wl)
        h = np.tanh(z)
    g = rng.standard_normal((n, W))
    g /= np.linalg.norm(g, axis=1, keepdims=True)
    dphi = lambda z: 1.0 / np.cosh(z) ** 2
    d = dphi(zs[-1]) * g
    gn = [None] * L
    for l in range(L - 1, -1, -1):
        gn[l] = np.linalg.norm(d, axis=1)
        if l == 0:
            break
        d = dphi(zs[l - 1]) * np.einsum('nij,ni->nj', Ws[l], d)
    for l in range(L):
        vals = [zs[l].var(axis=1, ddof=1), (np.abs(zs[l]) >= T).mean(axis=1), gn[l]]
        for k, v in enumerate(vals):
            sums[k, l] += v.sum()
            sqs[k, l] += (v * v).sum()

names = ['variance', 'saturated_fraction', 'gradient_norm']
for k in range(3):
    for l in range(L):
        m = sums[k, l] / N
        sd = np.sqrt(sqs[k, l] / N - m * m)
        print(f'{names[k]:20s} layer {l + 1}: mean {m:.7f}  se {sd / np.sqrt(N):.2e}  sd {sd:.5f}')
