#!/usr/bin/python3
"""scipy.sparse reference for the step-time requirement (docs/performance.md).

Loads an edge list written by `wellsim_bench_yardstick --write-edges` (each tie once, "i j",
agent indices of the engine's frozen network), builds the symmetric adjacency as a CSR matrix
with float32 values, row-normalises it (W = D^-1 A, the DeGroot/Friedkin-Johnsen W), and times
`STEPS` products x <- W @ x, several repetitions, median ms/step. scipy's CSR matrix-vector
product is a single-threaded C++ loop (sparsetools csr_matvec), so this is a one-core figure.

Run with Debian's interpreter, which has numpy and scipy:
    /usr/bin/python3 bench/scipy_spmv.py /tmp/wellsim_ws_1m.edges --steps 52 --reps 5
"""
import argparse
import statistics
import time

import numpy as np
import scipy
import scipy.sparse as sp


def load(path):
    """The symmetric adjacency of the ties in `path` as CSR (duplicates summed, then set to 1)."""
    t0 = time.perf_counter()
    # np.fromfile parses whitespace-separated integers far faster than np.loadtxt.
    ij = np.fromfile(path, dtype=np.int64, sep=" ").reshape(-1, 2)
    n = int(ij.max()) + 1
    rows = np.concatenate([ij[:, 0], ij[:, 1]])
    cols = np.concatenate([ij[:, 1], ij[:, 0]])
    a = sp.csr_matrix((np.ones(rows.size, dtype=np.float32), (rows, cols)), shape=(n, n))
    a.data[:] = 1.0  # a tie listed twice counts once, as sim::freeze does
    a.sort_indices()
    deg = np.diff(a.indptr).astype(np.float32)
    inv = np.divide(1.0, deg, out=np.zeros_like(deg), where=deg > 0)
    w = sp.diags(inv, format="csr", dtype=np.float32) @ a
    return w.tocsr(), len(ij), time.perf_counter() - t0


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("edges", help="edge list, one tie per line")
    p.add_argument("--steps", type=int, default=52)
    p.add_argument("--reps", type=int, default=5)
    args = p.parse_args()

    w, ties, load_s = load(args.edges)
    print(f"{args.edges}: {w.shape[0]} agents, {ties} ties, {w.nnz} directed entries "
          f"(numpy {np.__version__}, scipy {scipy.__version__}, index {w.indices.dtype}, "
          f"values {w.data.dtype}); load + build {load_s:.2f} s")
    x = np.random.default_rng(1).uniform(0, 10, w.shape[0]).astype(np.float32)
    w @ x  # warm-up
    wall, cpu = [], []
    for _ in range(args.reps):
        y = x
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in range(args.steps):
            y = w @ y
        wall.append(1e3 * (time.perf_counter() - t0) / args.steps)
        cpu.append(1e3 * (time.process_time() - c0) / args.steps)
    med = statistics.median(wall)
    print(f"{args.steps} steps, {args.reps} repetitions, ms/step: wall median {med:.2f} "
          f"(min {min(wall):.2f}, max {max(wall):.2f}), process CPU median "
          f"{statistics.median(cpu):.2f}; {w.nnz / med * 1e3:.3e} entries/s")


if __name__ == "__main__":
    main()
