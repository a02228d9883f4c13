"""Ingest throughput on one core: documents/s and MB/s including database writes, next to the
coder alone, on voa-dev.jsonl repeated with changed ids and text. Prints numbers; asserts nothing.

    .venv/bin/python benchmarks/bench_ingest.py [--repeat 20]
    .venv/bin/python benchmarks/bench_ingest.py --synthetic 20000

``--synthetic N`` needs no corpus: N crawl-like documents (dates advancing through a year, a few
busy country pairs) coded by a trivial coder, written in batches of 200; it prints the write time
per batch over the run. Re-clustering is incremental, so the last batches should cost about what
the first ones do instead of growing with the size of each pair's history.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from detente import Document, Pipeline, parse_date
from detente.model import Actor, Event, Evidence
from detente.store import Store

PAIRS = [("RUS", "CHN"), ("IRN", "USA"), ("SYR", "IRQ"), ("CHN", "USA")]
ACTIONS = [("040", 1, 1.0), ("057", 1, 8.0), ("112", 3, -2.0), ("190", 4, -10.0)]


class TrivialCoder:
    """Each line ``SRC TGT CAMEO`` is one event on the document's date."""

    def run(self, doc: Document) -> Document:
        doc.events = []
        for i, line in enumerate(doc.text.splitlines()):
            src, tgt, cameo = line.split()[:3]
            quad, gold = next((q, g) for c, q, g in ACTIONS if c == cameo)
            doc.events.append(
                Event(
                    doc_id=doc.doc_id,
                    event_id=f"{doc.doc_id}-{i}",
                    date=doc.date.isoformat() if doc.date else None,
                    date_precision="day",
                    source=Actor(text=src, code=src, country=src),
                    target=Actor(text=tgt, code=tgt, country=tgt),
                    cameo=cameo,
                    plover=None,
                    quad_class=quad,
                    goldstein=gold,
                    contexts=[],
                    location=None,
                    status="reported",
                    evidence=Evidence(line, 0, len(line)),
                    confidence=0.9,
                )
            )
        return doc


def synthetic(n: int) -> int:
    import detente.store.ingest as ingest_module

    rng = random.Random(1)
    timings: list[float] = []
    write = ingest_module.write_batch

    def timed(conn, documents, reports):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        write(conn, documents, reports)
        timings.append(time.perf_counter() - started)

    ingest_module.write_batch = timed
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "synthetic.jsonl"
        with corpus.open("w", encoding="utf-8") as out:
            for i in range(n):
                date = dt.date(2014, 1, 1) + dt.timedelta(days=i * 365 // n + rng.randint(-3, 3))
                lines = [f"{a} {b} {rng.choice(ACTIONS)[0]} story {i}" for a, b in rng.choices(PAIRS, k=5)]
                out.write(json.dumps({"id": f"s{i}", "date": date.isoformat(), "text": "\n".join(lines)}) + "\n")
        with Store(Path(tmp) / "bench.duckdb", coder=TrivialCoder()) as store:
            report = store.ingest([corpus])
            counts = store.counts()
    ingest_module.write_batch = write
    tenth = max(1, len(timings) // 10)
    print(f"synthetic: {n} documents, {counts['reports']} reports, {counts['events']} events, {len(timings)} batches")
    print(f"ingest (all): {n / report.seconds:8.0f} docs/s")
    for k in range(0, len(timings), tenth):
        chunk = timings[k : k + tenth]
        print(f"  batches {k + 1:4d}-{k + len(chunk):4d}: write {1000 * sum(chunk) / len(chunk):7.1f} ms/batch")
    return 0


VOA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "voa-dev.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20, help="copies of the corpus (each with new ids and text)")
    parser.add_argument("--synthetic", type=int, metavar="N", help="N generated documents instead of voa-dev")
    args = parser.parse_args()
    if args.synthetic:
        return synthetic(args.synthetic)
    if not VOA.exists():
        print(f"skipped: {VOA} is absent")
        return 0
    records = [json.loads(line) for line in VOA.open(encoding="utf-8")]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "voa-repeated.jsonl"
        with corpus.open("w", encoding="utf-8") as out:
            for copy in range(args.repeat):
                for r in records:
                    text = f"{r['text']}\n(copy {copy})"  # a new content hash per copy
                    out.write(json.dumps({"id": f"{r['id']}#{copy}", "date": r["date"], "text": text}) + "\n")
        megabytes = corpus.stat().st_size / 1e6
        docs = len(records) * args.repeat

        pipe = Pipeline()
        started = time.perf_counter()
        for line in corpus.open(encoding="utf-8"):
            r = json.loads(line)
            pipe.run(Document(doc_id=r["id"], text=r["text"], date=parse_date(r["date"])))
        coder_s = time.perf_counter() - started

        with Store(Path(tmp) / "bench.duckdb", coder=pipe) as store:
            report = store.ingest([corpus])
            again = store.ingest([corpus])
            counts = store.counts()
    print(f"corpus: {docs} documents, {megabytes:.1f} MB ({args.repeat} copies of voa-dev)")
    print(f"coder only:   {docs / coder_s:8.0f} docs/s  {megabytes / coder_s:6.2f} MB/s")
    print(f"ingest (all): {docs / report.seconds:8.0f} docs/s  {megabytes / report.seconds:6.2f} MB/s")
    print(f"re-ingest (all present): {docs / again.seconds:8.0f} docs/s")
    print(f"stored: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
