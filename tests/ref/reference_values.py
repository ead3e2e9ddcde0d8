#!/usr/bin/python3
"""Recompute, independently of satstat, the reference values its tests use
(doc/numerics.md, "Reference values"), with mpmath and scipy.

    /usr/bin/python3 tests/ref/reference_values.py

prints one line per value; the tests carry these numbers.
"""
import mpmath as mp
import numpy as np
from scipy import stats

mp.mp.dps = 40


def sat(var, t):
    """P(|z| >= t) for z ~ N(0, var)."""
    return mp.erfc(t / mp.sqrt(2 * var))


def mean_sigmoid_slope(var):
    """E[s'(z)] for z ~ N(0, var), s the logistic function."""
    sd = mp.sqrt(var)
    f = lambda z: mp.exp(-abs(z)) / (1 + mp.exp(-abs(z))) ** 2 * mp.npdf(z, 0, sd)
    return 2 * mp.quad(f, [0, sd, 4 * sd, 12 * sd, mp.inf])


print("P(|z| >= 4), Var 501 / 1.5:", mp.nstr(sat(501, 4), 17), mp.nstr(sat(1.5, 4), 17))
print("P(|z| >= 2), Var 501 / 1.5:", mp.nstr(sat(501, 2), 17), mp.nstr(sat(1.5, 2), 17))
print("P(|z| >= 5), Var 501 / 1.5:", mp.nstr(sat(501, 5), 17), mp.nstr(sat(1.5, 5), 17))
print("E[sigmoid'(z)], Var 501 / 1.5:", mp.nstr(mean_sigmoid_slope(501), 17),
      mp.nstr(mean_sigmoid_slope(1.5), 17))

ks1 = [-1.23, 0.06, -0.60, 0.17, 0.66, -0.17, -0.08, 0.27, -0.98, -0.99]
r = stats.kstest(ks1, "norm", method="exact")
print("KS, 10-point sample vs N(0,1): D = %.15g, p = %.15g" % (r.statistic, r.pvalue))
r = stats.kstest(np.linspace(-1, 1, 9), "norm", method="exact")
print("KS, linspace(-1, 1, 9) vs N(0,1): D = %.17g, p = %.17g" % (r.statistic, r.pvalue))
print("Kolmogorov CDF K(32, 1/8) = P(D_32 < 1/8): %.17g" % stats.kstwo.cdf(0.125, 32))

print("chi2 nu = 1e5, x = 101000, Q:", mp.nstr(mp.gammainc(mp.mpf(1e5) / 2, 101000 / 2, mp.inf, regularized=True), 17))
print("chi2 nu = 1e6, x = 998586, P:", mp.nstr(mp.gammainc(mp.mpf(1e6) / 2, 0, 998586 / 2, regularized=True), 17))

z = mp.sqrt(2) * mp.erfinv(mp.mpf("0.95"))
n, k = 1000, 5
p = mp.mpf(k) / n
centre = (p + z * z / (2 * n)) / (1 + z * z / n)
half = z / (1 + z * z / n) * mp.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
print("Wilson 95 %, k = 5, n = 1000:", mp.nstr(centre - half, 11), mp.nstr(centre + half, 11))

# Mean field of deep tanh networks (Poole et al. 2016): sigma_w^2 W = 1,
# sigma_b^2 = 1, the fixed point of q = sigma_w^2 W E[tanh(sqrt(q) u)^2] +
# sigma_b^2 and chi1 = sigma_w^2 W E[tanh'(sqrt(q*) u)^2], u ~ N(0, 1).
def gauss(f):
    return mp.quad(lambda u: f(u) * mp.npdf(u), [-mp.inf, -8, 0, 8, mp.inf])


q = mp.mpf(1)
for _ in range(200):
    q = gauss(lambda u: mp.tanh(mp.sqrt(q) * u) ** 2) + 1
chi1 = gauss(lambda u: (1 - mp.tanh(mp.sqrt(q) * u) ** 2) ** 2)
print("deep tanh, sigma_w^2 W = 1, sigma_b^2 = 1: q* =", mp.nstr(q, 17), "chi1 =", mp.nstr(chi1, 17))
