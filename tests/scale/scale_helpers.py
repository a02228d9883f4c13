"""Helpers for the Dask engine tests: a generated corpus and a table-by-table database comparison."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import duckdb

PAIRS = [
    ("Russia", "China"),
    ("Iran", "the United States"),
    ("Syria", "Iraq"),
    ("India", "Pakistan"),
    ("Japan", "China"),
]
TEMPLATES = [
    "{a} and {b} signed a gas supply agreement, officials in {a} said.",
    "The foreign minister of {a} met his counterpart from {b} for talks on trade.",
    "{a} accused {b} of violating the ceasefire along the border.",
    "Troops from {a} attacked positions held by {b} forces, the army said.",
    "{a} imposed new sanctions on {b} over its nuclear programme.",
]


def write_corpus(path: Path, n: int = 150, seed: int = 11) -> Path:
    """``n`` short JSON Lines documents from the templates over a few pairs and a few weeks, so that
    reports of one event recur across articles; every 25th document repeats an earlier text."""
    rng = random.Random(seed)
    texts: list[str] = []
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            if i % 25 == 24:
                text = texts[rng.randrange(len(texts))]  # a syndicated copy: deduplicated by content hash
            else:
                lines = []
                for _ in range(rng.randint(1, 3)):
                    a, b = rng.choice(PAIRS)
                    if rng.random() < 0.5:
                        a, b = b, a
                    lines.append(rng.choice(TEMPLATES).format(a=a, b=b))
                lines.append(f"Story {i}.")
                text = " ".join(lines)
            texts.append(text)
            date = f"2014-05-{rng.randint(1, 20):02d}"
            record = {"id": f"gen-{i}", "date": date, "source": f"outlet{i % 4}", "text": text}
            out.write(json.dumps(record) + "\n")
    return path


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the three tables, in key order; ``ingested_at`` (wall clock) left out."""
    conn = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "documents": conn.execute("SELECT * EXCLUDE (ingested_at) FROM documents ORDER BY doc_hash").fetchall(),
            "reports": conn.execute("SELECT * FROM reports ORDER BY report_id").fetchall(),
            "events": conn.execute("SELECT * FROM events ORDER BY cluster_id").fetchall(),
        }
    finally:
        conn.close()


def assert_same(got: dict[str, list[tuple[Any, ...]]], want: dict[str, list[tuple[Any, ...]]]) -> None:
    for name in ("documents", "reports", "events"):
        assert len(got[name]) == len(want[name]), f"{name}: {len(got[name])} rows, want {len(want[name])}"
        for a, b in zip(got[name], want[name], strict=True):
            assert a == b, f"{name} differ:\n{a}\n{b}"
