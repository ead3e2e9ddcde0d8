#!/usr/bin/python3
"""The seed job written the way numpy and PyTorch users write it.

Usage: peers.py IMPL N THREADS
  IMPL: numpy-natural  rng.standard_normal((chunk, n_in)) * s @ x + b
        numpy-active   only the weights that meet an input: (chunk, active)
        torch          nn.init.normal_ on a (chunk, n_in) tensor, then W @ x + b
Prints one JSON line: compute seconds (excluding interpreter start-up and
imports), and for each scheme Var z and the fraction with |z| >= 4, so the
caller can check that the timed work is the honest work.
"""
import json
import sys
import time

N_IN, ACTIVE, THRESHOLD, CHUNK = 1000, 500, 4.0, 5000
SCHEMES = {"standard": 1.0, "scaled": (1.0 / N_IN) ** 0.5}


def numpy_job(impl, n):
    import numpy as np
    rng = np.random.default_rng(1)
    x = np.zeros(N_IN)
    x[:ACTIVE] = 1.0
    out = {}
    t0 = time.perf_counter()
    for name, s in SCHEMES.items():
        total = sq = sat = 0.0
        done = 0
        while done < n:
            m = min(CHUNK, n - done)
            if impl == "numpy-natural":
                z = (rng.standard_normal((m, N_IN)) * s) @ x + rng.standard_normal(m)
            else:
                z = (rng.standard_normal((m, ACTIVE)) * s) @ x[:ACTIVE] + rng.standard_normal(m)
            total += z.sum()
            sq += (z * z).sum()
            sat += np.count_nonzero(np.abs(z) >= THRESHOLD)
            done += m
        mean = total / n
        out[name] = {"variance": (sq - n * mean * mean) / (n - 1), "saturated_fraction": sat / n}
    return time.perf_counter() - t0, out


def torch_job(n, threads):
    import torch
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    x = torch.zeros(N_IN, dtype=torch.float32)
    x[:ACTIVE] = 1.0
    w = torch.empty((CHUNK, N_IN), dtype=torch.float32)
    b = torch.empty(CHUNK, dtype=torch.float32)
    out = {}
    t0 = time.perf_counter()
    for name, s in SCHEMES.items():
        total = sq = sat = 0.0
        done = 0
        while done < n:
            m = min(CHUNK, n - done)
            torch.nn.init.normal_(w, 0.0, s)
            torch.nn.init.normal_(b, 0.0, 1.0)
            z = (w[:m] @ x + b[:m]).double()
            total += z.sum().item()
            sq += (z * z).sum().item()
            sat += (z.abs() >= THRESHOLD).sum().item()
            done += m
        mean = total / n
        out[name] = {"variance": (sq - n * mean * mean) / (n - 1), "saturated_fraction": sat / n}
    return time.perf_counter() - t0, out


def main():
    impl, n, threads = sys.argv[1], int(float(sys.argv[2])), int(sys.argv[3])
    if impl == "torch":
        seconds, stats = torch_job(n, threads)
    else:
        seconds, stats = numpy_job(impl, n)
    print(json.dumps({"impl": impl, "compute_seconds": seconds, "schemes": stats}))


if __name__ == "__main__":
    main()
