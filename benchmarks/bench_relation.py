"""How often the relationship summary names the right direction on synthetic dyads with a known
trend (tests/store/synthetic_relations.py), per shape and size, and how long one summary takes.

    python benchmarks/bench_relation.py [SEEDS]      # default 1000 seeds per shape and size
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "store"))

from synthetic_relations import PERIODS, SHAPES, SIZES, SPARSE_RATE, draw  # noqa: E402

from detente.store.trend import NOT_ENOUGH, assess  # noqa: E402


def main(seeds: int) -> None:
    started = time.perf_counter()
    calls = 0
    print(f"{'shape':14} {'size':8} {'events/period':>13} {'hit rate':>9}  expected")
    for shape, (_, expected) in SHAPES.items():
        cells = [*SIZES.items(), ("sparse", SPARSE_RATE)]
        for size, rate in cells:
            want = NOT_ENOUGH if size == "sparse" else expected
            hits = sum(assess(*draw(shape, rate, seed), PERIODS).verdict == want for seed in range(seeds))
            calls += seeds
            print(f"{shape:14} {size:8} {rate:13.1f} {hits / seeds:9.3f}  {want}")
    seconds = time.perf_counter() - started
    print(f"{calls} summaries in {seconds:.1f} s ({1000 * seconds / calls:.2f} ms each)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
