#!/usr/bin/python3
"""`satstat deep`'s job written the way numpy and PyTorch users write it.

Usage: deep_peers.py IMPL LAYERS WIDTH NETWORKS ACTIVATION THRESHOLD THREADS
  IMPL: numpy  a loop over networks and layers, float64:
               Wl = rng.standard_normal((W, fan_in)) * s
               z = Wl @ h + rng.standard_normal(W);  h = phi(z)
               the matrices are kept for the backward pass
               delta = dphi(z) * (W_{l+1}.T @ delta)   (numpy has no autograd)
        torch  nn.Linear layers built once (parameters frozen), re-drawn per
               network with nn.init.normal_ under torch.no_grad(); forward
               with torch.tanh (etc.), float32, then the deltas with
               torch.autograd.grad(g . phi(z_L), [z_1..z_L])
The job is satstat deep's defaults: layer 1 has fan-in N_IN = 1000 and sees
the first 500 inputs at 1 (satstat's --inputs half), layers 2..L fan-in W;
schemes standard (N(0,1)) and scaled (N(0, 1/fan_in)); bias N(0,1); g a
random unit vector.  Every network also gets, per layer, what satstat deep
computes over its W units: mean and Var z, saturated fraction (|z| >= T),
mean phi'(z) and the norm of delta.

Prints one JSON line: compute seconds (excluding interpreter start-up,
imports and building the layers), and per scheme and layer the mean over
networks and its standard error (networks are the unit), so the caller can
check that the timed work is the honest work.
"""
import json
import math
import sys
import time

N_IN, ACTIVE = 1000, 500
QUANTITIES = ("variance", "saturated_fraction", "dphi", "gradient_norm")


def summarize(per_net):
    """per_net[q][r][l] -> {q: {"value": [L], "se": [L]}} over networks r."""
    out = {}
    for q, rows in per_net.items():
        R, L = len(rows), len(rows[0])
        value, se = [], []
        for l in range(L):
            xs = [rows[r][l] for r in range(R)]
            m = sum(xs) / R
            v = sum((x - m) ** 2 for x in xs) / (R - 1) if R > 1 else float("nan")
            value.append(m)
            se.append(math.sqrt(v / R))
        out[q] = {"value": value, "se": se}
    return out


def scales(width):
    """Weight standard deviation of layer 1 and of layers 2..L per scheme."""
    return {"standard": (1.0, 1.0), "scaled": (N_IN ** -0.5, width ** -0.5)}


def numpy_job(L, W, R, activation, T):
    import numpy as np
    if activation == "tanh":
        phi = np.tanh
        def dphi(z): return 1.0 - np.tanh(z) ** 2
    elif activation == "sigmoid":
        def phi(z): return 1.0 / (1.0 + np.exp(-z))
        def dphi(z):
            s = 1.0 / (1.0 + np.exp(-z))
            return s * (1.0 - s)
    elif activation == "relu":
        def phi(z): return np.maximum(z, 0.0)
        def dphi(z): return (z > 0).astype(z.dtype)
    else:
        raise SystemExit(f"deep_peers: activation {activation} not written for numpy")
    rng = np.random.default_rng(1)
    x = np.zeros(N_IN)
    x[:ACTIVE] = 1.0
    out = {}
    t0 = time.perf_counter()
    for name, (s1, sW) in scales(W).items():
        per = {q: [] for q in QUANTITIES}
        for _ in range(R):
            h, mats, zs = x, [], []
            for l in range(L):
                w = rng.standard_normal((W, h.size)) * (s1 if l == 0 else sW)
                z = w @ h + rng.standard_normal(W)
                mats.append(w)
                zs.append(z)
                h = phi(z)
            g = rng.standard_normal(W)
            g /= np.linalg.norm(g)
            d = dphi(zs[-1]) * g
            gn = [0.0] * L
            for l in range(L - 1, -1, -1):
                gn[l] = float(np.linalg.norm(d))
                if l:
                    d = dphi(zs[l - 1]) * (mats[l].T @ d)
            Z = np.stack(zs)
            per["variance"].append(Z.var(axis=1, ddof=1).tolist())
            per["saturated_fraction"].append((np.abs(Z) >= T).mean(axis=1).tolist())
            per["dphi"].append(dphi(Z).mean(axis=1).tolist())
            per["gradient_norm"].append(gn)
        out[name] = summarize(per)
    return time.perf_counter() - t0, out


def torch_job(L, W, R, activation, T, threads):
    import torch
    from torch import nn
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    phi = {"tanh": torch.tanh, "sigmoid": torch.sigmoid, "relu": torch.relu}.get(activation)
    if phi is None:
        raise SystemExit(f"deep_peers: activation {activation} not written for torch")
    dphi = {"tanh": lambda z: 1.0 - torch.tanh(z) ** 2,
            "sigmoid": lambda z: torch.sigmoid(z) * (1.0 - torch.sigmoid(z)),
            "relu": lambda z: (z > 0).double()}[activation]
    layers = [nn.Linear(N_IN, W)] + [nn.Linear(W, W) for _ in range(L - 1)]
    for lin in layers:
        lin.requires_grad_(False)
    x0 = torch.zeros(N_IN)
    x0[:ACTIVE] = 1.0
    out = {}
    t0 = time.perf_counter()
    for name, (s1, sW) in scales(W).items():
        per = {q: [] for q in QUANTITIES}
        for _ in range(R):
            with torch.no_grad():
                for l, lin in enumerate(layers):
                    nn.init.normal_(lin.weight, 0.0, s1 if l == 0 else sW)
                    nn.init.normal_(lin.bias, 0.0, 1.0)
            h = x0.clone().requires_grad_(True)
            zs = []
            for lin in layers:
                z = lin(h)
                zs.append(z)
                h = phi(z)
            g = torch.randn(W)
            g /= g.norm()
            deltas = torch.autograd.grad((g * h).sum(), zs)
            with torch.no_grad():
                Z = torch.stack(zs).double()
                dz = dphi(Z)
                per["variance"].append(Z.var(dim=1).tolist())
                per["saturated_fraction"].append((Z.abs() >= T).double().mean(dim=1).tolist())
                per["dphi"].append(dz.mean(dim=1).tolist())
                per["gradient_norm"].append(torch.stack(deltas).double().norm(dim=1).tolist())
        out[name] = summarize(per)
    return time.perf_counter() - t0, out


def main():
    impl = sys.argv[1]
    L, W, R = (int(float(a)) for a in sys.argv[2:5])
    activation, T, threads = sys.argv[5], float(sys.argv[6]), int(sys.argv[7])
    if impl == "torch":
        seconds, stats = torch_job(L, W, R, activation, T, threads)
    elif impl == "numpy":
        seconds, stats = numpy_job(L, W, R, activation, T)
    else:
        raise SystemExit(f"deep_peers: unknown implementation {impl}")
    print(json.dumps({"impl": impl, "compute_seconds": seconds, "schemes": stats}))


if __name__ == "__main__":
    main()
