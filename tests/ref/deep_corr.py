#!/usr/bin/python3
"""The mean-field correlation map and depth scales, for tests/test_deep.c
(test_depth_scales_reference): q*, c*, chi_c, xi_q and xi_c computed
independently of satstat with mpmath at 25 digits.

    /usr/bin/python3 tests/ref/deep_corr.py

Independent of satstat's formulas in three ways:
  * the 2-D Gaussian expectations are mpmath's tanh-sinh quadrature over
    z1 outside and z2 inside (u1 = sqrt(q) z1, u2 = sqrt(q)(c z1 +
    sqrt(1-c^2) z2)), each split at the activation's kink; for erf and
    relu also closed forms, which must agree with the quadrature to 1e-18:
    erf: E[erf(u1)erf(u2)] = (2/pi) asin(2 q c / (1 + 2 q))
    (Williams 1997), relu: the arc-cosine kernel q (sin t + (pi - t) cos t)
    / (2 pi), t = acos c (Cho & Saul 2009);
  * the slope of the length map at q* is chi1 + sigma_w^2 W E[phi phi'']
    with phi'' written out (satstat uses Stein's lemma with phi, phi' only);
  * the fixed points are mpmath findroot (secant/anderson) from a bracket,
    not Brent.
Bias mean 0.  xi = -1/ln(slope); at chi1 = 1 exactly xi_c is infinite.

Output: one line per case,
  activation  sigma_w^2*W  sigma_b^2  q*  c*  chi_c  xi_q  xi_c
(the test copies these numbers).
"""
import mpmath as mp

mp.mp.dps = 25
LAMBDA = mp.mpf('1.0507009873554804934193349852946')  # Klambauer et al. 2017
ALPHA = mp.mpf('1.6732632423543772848170429916717')
SQ2PI = mp.sqrt(2 * mp.pi)

# phi, phi', phi'' and the kink (None: smooth)
ACT = {
    'tanh': (mp.tanh, lambda z: mp.sech(z) ** 2,
             lambda z: -2 * mp.tanh(z) * mp.sech(z) ** 2, None),
    'erf': (mp.erf, lambda z: 2 / mp.sqrt(mp.pi) * mp.exp(-z * z),
            lambda z: -4 * z / mp.sqrt(mp.pi) * mp.exp(-z * z), None),
    'sigmoid': (lambda z: 1 / (1 + mp.exp(-z)),
                lambda z: mp.exp(-z) / (1 + mp.exp(-z)) ** 2,
                lambda z: (mp.exp(-z) / (1 + mp.exp(-z)) ** 2)
                * (1 - 2 / (1 + mp.exp(-z))), None),
    'relu': (lambda z: z if z > 0 else mp.mpf(0),
             lambda z: mp.mpf(1) if z > 0 else mp.mpf(0),
             lambda z: mp.mpf(0), 0),
    'selu': (lambda z: LAMBDA * z if z > 0 else LAMBDA * ALPHA * (mp.exp(z) - 1),
             lambda z: LAMBDA if z > 0 else LAMBDA * ALPHA * mp.exp(z),
             lambda z: mp.mpf(0) if z > 0 else LAMBDA * ALPHA * mp.exp(z), 0),
}


def e1(f, q, kink):
    """E f(sqrt(q) z), z ~ N(0,1)"""
    s = mp.sqrt(q)
    g = lambda z: f(s * z) * mp.exp(-z * z / 2)
    pts = [-mp.inf, 0, mp.inf]
    return mp.quad(g, pts) / SQ2PI


def e2(f, g, q, c, kink):
    """E f(u1) g(u2) for (u1, u2) ~ N(0, q [[1, c], [c, 1]])"""
    s = mp.sqrt(q)
    r = mp.sqrt(1 - c * c)

    def inner(z1):
        fv = f(s * z1)
        if fv == 0:
            return mp.mpf(0)
        if r == 0:
            return fv * g(s * z1) * mp.exp(-z1 * z1 / 2)
        h = lambda z2: g(s * (c * z1 + r * z2)) * mp.exp(-z2 * z2 / 2)
        k = -c * z1 / r  # u2 = 0 there
        return fv * mp.quad(h, [-mp.inf, k, mp.inf]) / SQ2PI * mp.exp(-z1 * z1 / 2)

    return mp.quad(inner, [-mp.inf, 0, mp.inf]) / SQ2PI


def closed(name, q, c):
    if name == 'erf':
        return 2 / mp.pi * mp.asin(2 * q * c / (1 + 2 * q))
    if name == 'relu':
        t = mp.acos(c)
        return q * (mp.sin(t) + (mp.pi - t) * mp.cos(t)) / (2 * mp.pi)
    return None


def case(name, a, sb2):
    phi, d1, d2, kink = ACT[name]
    a, sb2 = mp.mpf(a), mp.mpf(sb2)
    lm = lambda q: a * e1(lambda u: phi(u) ** 2, q, kink) + sb2
    # q*: iterate from 1 a little, then the root of lm(q) - q
    q = mp.mpf(1)
    for _ in range(30):
        q = lm(q)
    q = mp.findroot(lambda x: lm(x) - x, q)
    chi1 = a * e1(lambda u: d1(u) ** 2, q, kink)
    slope = chi1 + a * e1(lambda u: phi(u) * d2(u), q, kink)

    def cov(c):
        v = e2(phi, phi, q, c, kink)
        cf = closed(name, q, c)
        if cf is not None:
            assert abs(v - cf) < mp.mpf(10) ** -18, (name, c, v, cf)
        return a * v + sb2

    if chi1 <= 1:
        cstar, chic = mp.mpf(1), chi1
    else:
        F = lambda c: cov(c) / q - c
        if abs(F(mp.mpf(0))) < mp.mpf(10) ** -20:
            cstar = mp.mpf(0)
        else:
            lo, hi = mp.mpf(0), mp.mpf('0.5')
            while F(hi) > 0:
                lo, hi = hi, (1 + hi) / 2
            cstar = mp.findroot(F, (lo, hi), solver='anderson')
        chic = a * e2(d1, d1, q, cstar, kink)
    xi_q = -1 / mp.log(slope)
    xi_c = -1 / mp.log(chic) if chic != 1 else mp.inf
    print(f'{name:8s} {mp.nstr(a, 8):8s} {mp.nstr(sb2, 6):6s} {mp.nstr(q, 17):24s} '
          f'{mp.nstr(cstar, 17):24s} {mp.nstr(chic, 17):24s} {mp.nstr(xi_q, 17):24s} '
          f'{mp.nstr(xi_c, 17)}', flush=True)


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
]
if __name__ == '__main__':
    for c in CASES:
        case(*c)
