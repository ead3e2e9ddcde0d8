#!/usr/bin/python3
"""chi1 at a zero fixed point, for tests/test_deep.c (test_chi1_zero_limit):
the limit q -> 0+ of sigma_w^2 W E[phi'(sqrt(q) u)^2], u ~ N(0, 1),
computed with mpmath by quadrature of the Gaussian integral (split at 0,
where the activations have their kink) at q = 1e-40, 1e-60 and 1e-80:
the three agree to the digits printed, so the limit is reached.  No
formula of satstat's is used: phi' is written out here.

    /usr/bin/python3 tests/ref/deep_chi1_limits.py

Output (mpmath 1.2.1, 30 digits):

    relu            sigma_w^2 W = 1     chi1 -> 0.5
    relu            sigma_w^2 W = 0.5   chi1 -> 0.25
    leaky-relu:0.1  sigma_w^2 W = 1     chi1 -> 0.505
    selu            sigma_w^2 W = 0.25  chi1 -> 0.5243607321397203221
    tanh            sigma_w^2 W = 0.5   chi1 -> 0.5
"""
import mpmath as mp

mp.mp.dps = 30
LAMBDA = mp.mpf('1.0507009873554804934193349852946')  # Klambauer et al. 2017
ALPHA = mp.mpf('1.6732632423543772848170429916717')

derivs = {
    'relu': lambda z: mp.mpf(1) if z > 0 else mp.mpf(0),
    'leaky-relu:0.1': lambda z: mp.mpf(1) if z > 0 else mp.mpf('0.1'),
    'selu': lambda z: LAMBDA if z > 0 else LAMBDA * ALPHA * mp.exp(z),
    'tanh': lambda z: mp.sech(z) ** 2,
}


def chi(name, sw2w, q):
    d = derivs[name]
    f = lambda u: d(mp.sqrt(q) * u) ** 2 * mp.exp(-u * u / 2)
    return sw2w * mp.quad(f, [-mp.inf, 0, mp.inf]) / mp.sqrt(2 * mp.pi)


cases = [('relu', 1), ('relu', mp.mpf('0.5')), ('leaky-relu:0.1', 1),
         ('selu', mp.mpf('0.25')), ('tanh', mp.mpf('0.5'))]
for name, sw2w in cases:
    vals = [chi(name, sw2w, mp.mpf(10) ** -e) for e in (40, 60, 80)]
    assert all(abs(v - vals[-1]) < mp.mpf(10) ** -18 for v in vals)
    print(f'{name:15s} sigma_w^2 W = {mp.nstr(sw2w, 4):5s} chi1 -> {mp.nstr(vals[-1], 20)}')
