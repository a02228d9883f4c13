#!/usr/bin/env python3
"""Dask ingest throughput at 1 and 2 worker processes, and the scaling ratio.

Usage: python benchmarks/bench_dask.py [--copies 20] [--workers 1 2] [--partition-docs 100]
                                       [--corpus ../shared/corpora/voa-dev.jsonl]

Writes the VOA development corpus --copies times into one JSON Lines file (each copy's text
marked with its copy number, or the store would deduplicate the copies by content hash), then
ingests it into a fresh database with the local engine and with ``--engine dask`` at each worker
count, and prints documents/s: ``run`` from reading to the last event (the engine's own timer),
``wall`` including starting and stopping the local cluster. Prints only; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from detente.scale import DaskOptions, ingest  # noqa: E402


def _write_corpus(source: Path, copies: int, out: Path) -> int:
    rows = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    with out.open("w", encoding="utf-8") as stream:
        for copy in range(copies):
            for row in rows:
                record = {k: row.get(k) for k in ("id", "date", "source", "title", "url") if row.get(k)}
                record["id"] = f"{row['id']}#{copy}"
                record["text"] = f"{row['text']}\n(copy {copy})"
                stream.write(json.dumps(record) + "\n")
    return copies * len(rows)


def _run(corpus: Path, db: Path, engine: str, options: DaskOptions | None) -> tuple[float, float, int]:
    started = time.perf_counter()
    report = ingest(db, [corpus], skip_bad=True, engine=engine, options=options)
    wall = time.perf_counter() - started
    return report.documents_read / report.seconds, report.documents_read / wall, report.events_after


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpora" / "voa-dev.jsonl")
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--partition-docs", type=int, default=100)
    opts = parser.parse_args()
    if not opts.corpus.exists():
        print(f"skipped: {opts.corpus} is absent")
        return
    with tempfile.TemporaryDirectory(prefix="bench-dask-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        n = _write_corpus(opts.corpus, opts.copies, corpus)
        print(f"{n} documents ({opts.copies} copies of {opts.corpus.name}), {opts.partition_docs} per partition")
        run, wall, events = _run(corpus, Path(tmp) / "local.duckdb", "local", None)
        print(f"local engine      : {run:7.1f} docs/s run, {wall:7.1f} docs/s wall, {events} events")
        rates: dict[int, float] = {}
        for workers in opts.workers:
            options = DaskOptions(workers=workers, partition_docs=opts.partition_docs)
            run, wall, events = _run(corpus, Path(tmp) / f"dask{workers}.duckdb", "dask", options)
            rates[workers] = run
            print(f"dask, {workers} worker(s): {run:7.1f} docs/s run, {wall:7.1f} docs/s wall, {events} events")
        if 1 in rates and len(rates) > 1:
            for workers, rate in rates.items():
                if workers != 1:
                    print(f"scaling {workers} vs 1 worker: {rate / rates[1]:.2f}x (ideal {workers}.00x)")


if __name__ == "__main__":
    main()
