"""Ingest throughput on one core: documents/s and MB/s including database writes, next to the
coder alone, on voa-dev.jsonl repeated with changed ids and text. Prints numbers; asserts nothing.

    .venv/bin/python benchmarks/bench_ingest.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from detente import Document, Pipeline, parse_date
from detente.store import Store

VOA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "voa-dev.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20, help="copies of the corpus (each with new ids and text)")
    args = parser.parse_args()
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
