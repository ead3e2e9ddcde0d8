#!/usr/bin/python3
"""The mean-field correlation map and depth scales, for tests/test_deep.c
(test_depth_scales_reference): q*, c*, chi_c, xi_q and xi_c computed
independently of satstat with scipy (QUADPACK, nested adaptive quadrature
to 1e-13) and mpmath (closed forms).

    /usr/bin/python3 tests/ref/deep_corr.py

Independent of satstat's method in three ways:
  * the 2-D Gaussian expectations are nested adaptive scipy.integrate.quad
    over z1 outside and z2 inside (u1 = sqrt(q) z1, u2 = sqrt(q)(c z1 +
    sqrt(1-c^2) z2)), the inner split at the kink line u2 = 0 (satstat:
    composite fixed Gauss-Legendre rules); for erf and relu the map is
    also a closed form, in mpmath at 30 digits, which must agree with the
    quadrature to 1e-12:
      erf:  E[erf(u1)erf(u2)] = (2/pi) asin(2 q c / (1 + 2 q))  (Williams 1997)
      relu: q (sin t + (pi - t) cos t) / (2 pi), t = acos c  (Cho & Saul 2009)
  * the slope of the length map at q* is chi1 + sigma_w^2 W E[phi phi'']
    with phi'' written out (satstat uses Stein's lemma with phi, phi');
  * the fixed points are found by scipy's TOMS 748 (satstat: Brent), c* on
    the bracket [last c with map(c) > c, first with map(c) < c].
Bias mean 0.  xi = -1/ln(slope).

Output: one line per case,
  activation  sigma_w^2*W  sigma_b^2  q*  c*  chi_c  xi_q  xi_c
(the test copies these numbers).
"""
import math

import mpmath as mp
from scipy import integrate, optimize

mp.mp.dps = 30
LAMBDA = 1.0507009873554804934193349852946  # Klambauer et al. 2017
ALPHA = 1.6732632423543772848170429916717
SQ2PI = math.sqrt(2 * math.pi)
OPT = dict(epsabs=1e-15, epsrel=1e-13, limit=400)


def sig(z):
    return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))


# phi, phi', phi''
ACT = {
    'tanh': (math.tanh, lambda z: 1 / math.cosh(z) ** 2 if abs(z) < 300 else 0.0,
             lambda z: -2 * math.tanh(z) / math.cosh(z) ** 2 if abs(z) < 300 else 0.0),
    'erf': (math.erf, lambda z: 2 / math.sqrt(math.pi) * math.exp(-z * z),
            lambda z: -4 * z / math.sqrt(math.pi) * math.exp(-z * z)),
    'sigmoid': (sig, lambda z: sig(z) * sig(-z),
                lambda z: sig(z) * sig(-z) * (1 - 2 * sig(z))),
    'relu': (lambda z: max(z, 0.0), lambda z: 1.0 if z > 0 else 0.0, lambda z: 0.0),
    'selu': (lambda z: LAMBDA * z if z > 0 else LAMBDA * ALPHA * math.expm1(z),
             lambda z: LAMBDA if z > 0 else LAMBDA * ALPHA * math.exp(z),
             lambda z: 0.0 if z > 0 else LAMBDA * ALPHA * math.exp(z)),
}


def gauss(f, lo=-40.0, hi=40.0, pts=(0.0,)):
    """int f(z) phi(z) dz over [lo, hi] split at pts"""
    cuts = [lo] + [p for p in pts if lo < p < hi] + [hi]
    return sum(integrate.quad(lambda z: f(z) * math.exp(-z * z / 2), a, b, **OPT)[0]
               for a, b in zip(cuts, cuts[1:])) / SQ2PI


def ucuts(s, shift=0.0, scale=1.0):
    """z values where u = s (scale z + shift) crosses 0, +-1, +-2.5, +-5"""
    return tuple(sorted((u / s - shift) / scale for u in (-5, -2.5, -1, 0, 1, 2.5, 5)))


def e1(f, q):
    s = math.sqrt(q)
    return gauss(lambda z: f(s * z), pts=ucuts(s))


def e2(f, g, q, c):
    s, r = math.sqrt(q), math.sqrt(max(0.0, 1 - c * c))

    def inner(z1):
        fv = f(s * z1)
        if fv == 0:
            return 0.0
        if r == 0:
            return fv * g(s * z1)
        return fv * gauss(lambda z2: g(s * (c * z1 + r * z2)), pts=ucuts(s, c * z1, r))

    return gauss(inner, pts=ucuts(s))


def closed(name, q, c):
    q, c = mp.mpf(q), mp.mpf(c)
    if name == 'erf':
        return float(2 / mp.pi * mp.asin(2 * q * c / (1 + 2 * q)))
    if name == 'relu':
        t = mp.acos(c)
        return float(q * (mp.sin(t) + (mp.pi - t) * mp.cos(t)) / (2 * mp.pi))
    return None


def case(name, a_text, sb2_text):
    phi, d1, d2 = ACT[name]
    a, sb2 = float(a_text), float(sb2_text)
    lm = lambda q: a * e1(lambda u: phi(u) ** 2, q) + sb2
    q = 1.0
    for _ in range(60):
        q = lm(q)
    lo, hi = q * 0.9, q * 1.1
    q = optimize.toms748(lambda x: lm(x) - x, lo, hi, xtol=1e-300, rtol=4e-16)
    chi1 = a * e1(lambda u: d1(u) ** 2, q)
    slope = chi1 + a * e1(lambda u: phi(u) * d2(u), q)

    def cov(c):
        v = e2(phi, phi, q, c)
        cf = closed(name, q, c)
        if cf is not None:
            assert abs(v - cf) < 1e-12, (name, c, v, cf)
        return a * v + sb2

    if chi1 <= 1:
        cstar, chic = 1.0, chi1
    else:
        F = lambda c: cov(c) / q - c
        if abs(F(0.0)) < 1e-15:
            cstar = 0.0
        else:
            lo, d = 0.0, 0.5
            while F(1 - d) > 0:
                lo, d = 1 - d, d / 2
            cstar = optimize.toms748(F, lo, 1 - d, xtol=1e-300, rtol=4e-16)
        chic = a * e2(d1, d1, q, cstar)
    xi_q = -1 / math.log(slope)
    xi_c = -1 / math.log(chic) if chic != 1 else math.inf
    print(f'{name:8s} {a_text:5s} {sb2_text:5s} {q:.17g} {cstar:.17g} {chic:.17g} '
          f'{xi_q:.17g} {xi_c:.17g}', flush=True)


CASES = [
    ('tanh', '2.5', '0.05'),     # the chaotic point
    ('tanh', '1.5', '0'),        # chaotic, c* = 0 (odd phi, no bias)
    ('tanh', '0.8', '0.1'),      # ordered
    ('tanh', '1.77', '0.05'),    # just chaotic: chi1 - 1 = 1.9e-3, xi_c ~ 500
    ('tanh', '1.76', '0.05'),    # just ordered: chi1 - 1 = -2.0e-4, xi_c ~ 5000
    ('erf', '2', '0.01'),        # chaotic (closed form checks the 2-D rule)
    ('relu', '1.5', '0.1'),      # ordered (relu is never chaotic with a finite q*)
    ('selu', '1.5', '0.1'),      # chaotic, kink at 0 in both u1 and u2
    ('sigmoid', '16', '0.5'),    # ordered, phi(0) != 0
    ('tanh', '1000', '0'),       # q* ~ 640: tanh a step of width 1 in a normal of sd 25
    ('selu', '1', '100'),        # q* ~ 220: a large q with a kink
]
if __name__ == '__main__':
    for c in CASES:
        case(*c)
