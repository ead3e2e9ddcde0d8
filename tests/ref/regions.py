#!/usr/bin/python3
"""Reference saturation regions for tests/test_activation.c and
tests/test_analytic.c, computed independently of satstat's C code.

Brute force: every phi and phi' is written here again in mpmath (30
digits), sampled on a grid of step 1/64 over [-L, L]; each component of
{z : |phi'(z)| <= R sup|phi'|} (deriv:R) or of {z : |phi(z) - limit| <= E}
that reaches z = -L or +L on a side where phi has a finite limit
(output:E) is kept, and every crossing between two grid points is refined
by bisection to 1e-25.  A component touching -L or +L is taken to extend
to -inf or +inf: beyond |z| = 8 every phi and phi' here is monotone, so
the condition at L holds all the way out.  sup|phi'| is found the same
way: the largest |phi'| on the grid, refined by golden-section search.

Then P(z in region) for z ~ N(0, 1.5) (the `scaled` scheme of the seed
experiment: 500 inputs on of n_in = 1000, weights N(0, 1/1000), bias
N(0, 1)) by mpmath.quad of the normal density over each interval.

Run: /usr/bin/python3 tests/ref/regions.py  (prints the C tables pasted
into the tests).
"""
import mpmath as mp

mp.mp.dps = 30
H = mp.mpf(1) / 64

SELU_ALPHA = mp.mpf('1.6732632423543772848170429916717')
SELU_LAMBDA = mp.mpf('1.0507009873554804934193349852946')


def npdf(z):
    return mp.exp(-z * z / 2) / mp.sqrt(2 * mp.pi)


def ncdf(z):
    return mp.erfc(-z / mp.sqrt(2)) / 2


def leaky(s):
    return (lambda z: z if z > 0 else s * z,
            lambda z: mp.mpf(1) if z > 0 else mp.mpf(s))


# name: (phi, phi', limit at -inf, limit at +inf, L); None: no finite limit.
# phi' at a kink is the left value (PyTorch's convention, as satstat).
ROWS = {
    'sigmoid': (lambda z: 1 / (1 + mp.exp(-z)),
                lambda z: mp.exp(-z) / (1 + mp.exp(-z)) ** 2, 0, 1, 40),
    'tanh': (mp.tanh, lambda z: mp.sech(z) ** 2, -1, 1, 40),
    'softsign': (lambda z: z / (1 + abs(z)), lambda z: 1 / (1 + abs(z)) ** 2,
                 -1, 1, 120),
    'erf': (mp.erf, lambda z: 2 / mp.sqrt(mp.pi) * mp.exp(-z * z), -1, 1, 40),
    'relu': (lambda z: z if z > 0 else mp.mpf(0),
             lambda z: mp.mpf(1) if z > 0 else mp.mpf(0), None, None, 40),
    'leaky-relu': leaky(mp.mpf('0.01')) + (None, None, 40),
    'leaky-relu:0.05': leaky(mp.mpf('0.05')) + (None, None, 40),
    'gelu': (lambda z: z * ncdf(z), lambda z: ncdf(z) + z * npdf(z), 0, None,
             40),
    'selu': (lambda z: SELU_LAMBDA * z if z > 0
             else SELU_LAMBDA * SELU_ALPHA * mp.expm1(z),
             lambda z: SELU_LAMBDA if z > 0
             else SELU_LAMBDA * SELU_ALPHA * mp.exp(z),
             -SELU_LAMBDA * SELU_ALPHA, None, 40),
}

R_VALUES = ['0.9', '0.886', '0.885', '0.5', '0.2', '0.115', '0.114', '0.1', '0.05',
            '0.01']
E_VALUES = ['0.5', '0.1', '0.01']


def grid(L):
    n = int(2 * L / H)
    return [-L + k * H for k in range(n + 1)]


def bisect(f, a, b):
    """a root of f (f(a) <= 0 < f(b) or the reverse) to 1e-25"""
    fa = f(a) <= 0
    while abs(b - a) > mp.mpf('1e-25'):
        m = (a + b) / 2
        if (f(m) <= 0) == fa:
            a = m
        else:
            b = m
    return (a + b) / 2


def components(f, zs, tails_only=False, keep_below=True, keep_above=True):
    """components of {f <= 0} on the grid zs, as (lo, hi) with -inf/+inf
    for one touching an end; with tails_only, only those touching an end
    allowed by keep_below / keep_above"""
    inside = [f(z) <= 0 for z in zs]
    comps, start = [], None
    for k, z in enumerate(zs):
        if inside[k] and start is None:
            start = -mp.inf if k == 0 else bisect(f, zs[k - 1], z)
        if start is not None and (not inside[k] or k == len(zs) - 1):
            end = mp.inf if inside[k] else bisect(f, zs[k - 1], z)
            comps.append((start, end))
            start = None
    return [c for c in comps
            if not tails_only or (keep_below and c[0] == -mp.inf) or (keep_above and c[1] == mp.inf)]


def sup_abs(fn, zs):
    vals = [abs(fn(z)) for z in zs]
    k = max(range(len(zs)), key=lambda i: vals[i])
    a, b = zs[max(k - 1, 0)], zs[min(k + 1, len(zs) - 1)]
    g = (mp.sqrt(5) - 1) / 2
    for _ in range(200):
        c, d = b - g * (b - a), a + g * (b - a)
        if abs(fn(c)) >= abs(fn(d)):
            b = d
        else:
            a = c
    return max(vals[k], abs(fn((a + b) / 2)))


def prob(comps, var):
    sd = mp.sqrt(var)
    return sum(mp.quad(lambda z: npdf(z / sd) / sd, [lo, hi]) for lo, hi in comps)


def c_num(x):
    if x == mp.inf:
        return 'INFINITY'
    if x == -mp.inf:
        return '-INFINITY'
    if abs(x) < mp.mpf('1e-20'):
        return '0.0'  # a jump of phi' at 0 (relu, leaky-relu, selu)
    return mp.nstr(x, 20, min_fixed=-30, max_fixed=30)


def main():
    cases = []
    for name, (phi, dphi, lim_lo, lim_hi, L) in ROWS.items():
        zs = grid(mp.mpf(L))
        sup = sup_abs(dphi, zs)
        for r in R_VALUES:
            t = mp.mpf(r) * sup
            cases.append((name, 'deriv:' + r,
                          components(lambda z: abs(dphi(z)) - t, zs)))
        if lim_lo is None and lim_hi is None:
            continue
        for e in E_VALUES:
            def margin(z, e=mp.mpf(e)):
                lo = abs(phi(z) - lim_lo) if lim_lo is not None else mp.inf
                hi = abs(phi(z) - lim_hi) if lim_hi is not None else mp.inf
                return min(lo, hi) - e
            comps = components(margin, zs, True, lim_lo is not None,
                               lim_hi is not None)
            cases.append((name, 'output:' + e, comps))
    print('/* tests/ref/regions.py: {activation, rule, n, {lo, hi}...}; n = 0: no')
    print(' * component, or one covering every z (an error for satstat) */')
    for name, rule, comps in cases:
        full = len(comps) == 1 and comps[0] == (-mp.inf, mp.inf)
        n = 0 if full else len(comps)
        iv = ', '.join('{%s, %s}' % (c_num(lo), c_num(hi))
                       for lo, hi in comps[:n]) or '{0, 0}'
        print('    {"%s", "%s", %d, {%s}},' % (name, rule, n, iv))
    print()
    print('/* P(z in region), z ~ N(0, 1.5): gelu with the scaled scheme */')
    gelu = ROWS['gelu']
    zs = grid(mp.mpf(40))
    sup = sup_abs(gelu[1], zs)
    print('/* sup gelu\' = %s */' % mp.nstr(sup, 25))
    for r in ['0.1', '0.05']:
        t = mp.mpf(r) * sup
        comps = components(lambda z: abs(gelu[1](z)) - t, zs)
        print('/* gelu deriv:%s: %s -> %s */' % (
            r, ' u '.join('[%s, %s]' % (c_num(a), c_num(b)) for a, b in comps),
            mp.nstr(prob(comps, mp.mpf('1.5')), 20)))


def irwin_hall_3():
    """gelu deriv:0.05 under z = 2 S - 3, S the Irwin-Hall sum of three
    U(0, 1) (three U(-1, 1) weights on inputs 1, no bias): F_S(s) =
    sum_{k <= s} (-1)^k C(3, k) (s - k)^3 / 3! (Irwin 1927; Hall 1927)."""
    def F(z):
        s = (z + 3) / 2
        if s <= 0:
            return mp.mpf(0)
        if s >= 3:
            return mp.mpf(1)
        return sum((-1) ** k * mp.binomial(3, k) * (s - k) ** 3
                   for k in range(int(mp.floor(s)) + 1)) / 6
    zs = grid(mp.mpf(40))
    dphi = ROWS['gelu'][1]
    t = mp.mpf('0.05') * sup_abs(dphi, zs)
    comps = components(lambda z: abs(dphi(z)) - t, zs)
    p = sum((F(hi) if hi != mp.inf else 1) - (F(lo) if lo != -mp.inf else 0)
            for lo, hi in comps)
    print('/* gelu deriv:0.05, z = 2 IH3 - 3: %s */' % mp.nstr(p, 20))


if __name__ == '__main__':
    main()
    irwin_hall_3()
