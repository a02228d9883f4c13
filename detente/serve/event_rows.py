"""Every event's page columns in memory, for one generation of the store: an events page then
takes its events from here instead of a keyed read (DuckDB 2.0.1 scans the whole table for any
key lookup, 3-6 ms a page; here 50 events cost about 0.3 ms).

Built in a background thread on first use and again after each write (reads use DuckDB until it
is ready), in chunks of rows so that it never holds a reader for long; values repeated between
events (codes, dates, lists) are stored once. The events are the dicts :func:`detente.serve.events._event`
builds from a row, with the evidence parsed from ``events.best_evidence``, so a page's bytes are
those of the keyed read (``tests/serve/test_serve_event_rows.py``).
"""

from __future__ import annotations

import json
import time
from array import array
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

EVENT_ROWS_MAX = 400_000  # more events than this: pages read by key (about 0.4 kB an event here)
CHUNK_ROWS = 25_000  # rows fetched at a time: a short hold of a reader, a small transient peak
# the evidence's fields, in the order of ``BEST_EVIDENCE_SQL``'s object, and their SQL types
EVIDENCE_FIELDS = (
    ("report_id", "VARCHAR"), ("cluster_id", "VARCHAR"), ("doc_hash", "VARCHAR"), ("doc_id", "VARCHAR"),
    ("title", "VARCHAR"), ("url", "VARCHAR"), ("doc_source", "VARCHAR"), ("date", "VARCHAR"),
    ("cameo", "VARCHAR"), ("confidence", "DOUBLE"), ("status", "VARCHAR"), ("trigger", "VARCHAR"),
    ("evidence_text", "VARCHAR"), ("evidence_start", "BIGINT"), ("evidence_end", "BIGINT"),
)  # fmt: skip
SEARCHED = (("status", "coalesce(status, 'reported')"), ("pair_key", "pair_key"))  # for searches only
_DATES = ("date", "first_seen")
_LISTS = ("contexts", "sources", "urls")
_CODES = (("B", pa.uint8(), 255), ("H", pa.uint16(), 65_535), ("I", pa.uint32(), 2**32 - 1))
Column = tuple["array[int] | None", list[Any]]  # codes into the values (None: a value an event)


def _select(names: tuple[str, ...]) -> str:
    """The query of a chunk: the event's columns (lists as JSON text), whether its evidence is
    missing or not of the known shape, and the evidence's fields (its JSON parsed once)."""
    event = [f"to_json({n}) AS {n}" if n in _LISTS else n for n in names]
    keys = ", ".join(f"'{k}'" for k, _ in EVIDENCE_FIELDS)
    shape = "{" + ", ".join(f'"{k}": "{t}"' for k, t in EVIDENCE_FIELDS) + "}"
    return ", ".join(
        [
            *event,
            "best_evidence IS NULL AS ev_none",
            f"best_evidence IS NULL OR json_keys(best_evidence) = [{keys}] AS ev_known",
            *(f"json_transform(best_evidence, '{shape}').{k} AS ev_{k}" for k, _ in EVIDENCE_FIELDS),
            *(f"{sql} AS x_{name}" for name, sql in SEARCHED),
        ]
    )


class EventRows:
    """The events of one generation, by cluster id: a :data:`Column` per event column (dates as
    ISO strings, lists as tuples, ``location`` as its JSON), then whether the evidence is missing
    and its fields. A value shared by many events is stored once, with a code per event."""

    __slots__ = ("columns", "derived", "generation", "index", "keys", "names", "rank", "searched")

    def __init__(
        self,
        generation: int,
        names: tuple[str, ...],
        columns: list[Column],
        keys: list[str],
        searched: dict[str, Column],
    ) -> None:
        self.generation = generation
        self.names = names
        self.columns = columns
        self.keys = keys
        self.index = {key: i for i, key in enumerate(keys)}
        self.searched = searched  # columns only searched: the status (NULL as 'reported'), the pair
        # each event's place among the keys in order, for ties in a search's order
        self.rank = np.empty(len(keys), dtype=np.int32)
        self.rank[np.argsort(np.array(keys, dtype=str), kind="stable")] = np.arange(len(keys), dtype=np.int32)
        self.derived: dict[object, Any] = {}  # arrays searches derive from the columns, made once

    def column(self, name: str) -> Column:
        """An event column or a searched one, by name."""
        if name in self.searched:
            return self.searched[name]
        return self.columns[self.names.index(name)]

    def __len__(self) -> int:
        return len(self.index)

    def events(self, keys: list[str]) -> dict[str, dict[str, Any]]:
        """The events of these keys that exist, as a keyed read returns them."""
        out = {}
        width = len(self.names)
        for key in keys:
            i = self.index.get(key)
            if i is None:
                continue
            row = [values[i] if codes is None else values[codes[i]] for codes, values in self.columns]
            event = dict(zip(self.names, row[:width], strict=True))
            event["location"] = json.loads(event["location"]) if event["location"] else None
            for name in _LISTS:
                event[name] = list(event[name] or ())  # NULL: the code past the values
            fields = zip((k for k, _ in EVIDENCE_FIELDS), row[width + 1 :], strict=True)
            event["evidence"] = None if row[width] else dict(fields)
            out[key] = event
        return out


def _vocabulary(name: str, values: list[Any]) -> list[Any]:
    if name in _DATES:
        return [d.isoformat() if d else None for d in values]
    if name in _LISTS:
        return [tuple(json.loads(v)) if v is not None else () for v in values]
    return values


def _column(name: str, data: pa.Array) -> Column:
    """A fetched column: its distinct values and a code an event, unless most are distinct."""
    encoded = pc.dictionary_encode(data)
    vocabulary = _vocabulary(name, encoded.dictionary.to_pylist())
    if len(vocabulary) > len(data) // 2:
        return None, _vocabulary(name, data.to_pylist())
    # the smallest codes that hold every value and NULL (the code past the values)
    typecode, arrow_type = next((t, a) for t, a, top in _CODES if len(vocabulary) < top)
    codes = encoded.indices.fill_null(len(vocabulary)).cast(arrow_type).to_numpy(zero_copy_only=False)
    return array(typecode, codes.tobytes()), [*vocabulary, None]


Borrow = Callable[[], AbstractContextManager[duckdb.DuckDBPyConnection]]


def _fetch(borrow: Borrow, names: tuple[str, ...]) -> pa.Table:
    """Every event's columns, a chunk of rowids at a time."""
    with borrow() as cur:
        first, last = cur.execute("SELECT min(rowid), max(rowid) FROM events").fetchall()[0]
    query = f"SELECT {_select(names)} FROM events WHERE rowid >= $lo AND rowid < $hi"
    chunks = []
    for lo in range(first or 0, (last if last is not None else -1) + 1, CHUNK_ROWS):
        with borrow() as cur:
            chunks.append(cur.sql(query, params={"lo": lo, "hi": lo + CHUNK_ROWS}).to_arrow_table())
    return pa.concat_tables(chunks) if chunks else pa.table({})


def load(borrow: Borrow, names: tuple[str, ...], generation: int, max_events: int = EVENT_ROWS_MAX) -> EventRows | None:
    """Every event's ``names`` columns (the first the key) and its evidence, read through cursors
    from ``borrow``; None when the store holds more than ``max_events`` or an evidence of another
    shape (pages then read by key)."""
    with borrow() as cur:
        if cur.execute("SELECT count(*) FROM events").fetchall()[0][0] > max_events:
            return None
    table = _fetch(borrow, names)
    if table.num_rows == 0:
        empty = {name: (None, []) for name, _ in SEARCHED}
        return EventRows(generation, names, [(None, [])] * (len(names) + 1 + len(EVIDENCE_FIELDS)), [], empty)
    if not pc.all(table.column("ev_known")).as_py():
        return None
    keys = table.column(names[0]).to_pylist()
    labels = [*names, "ev_none", *(f"ev_{k}" for k, _ in EVIDENCE_FIELDS)]
    columns = [(None, keys), *(_column(label, table.column(label).combine_chunks()) for label in labels[1:])]
    searched = {name: _column(name, table.column(f"x_{name}").combine_chunks()) for name, _ in SEARCHED}
    del table
    for at in (len(names) + 1, len(names) + 2):  # the report's id and cluster id: often the event's key
        codes, own = columns[at]
        if codes is None:
            columns[at] = (None, [k if k == e else e for k, e in zip(keys, own, strict=True)])
    pa.default_memory_pool().release_unused()  # the fetched table's memory, back to the system
    return EventRows(generation, names, columns, keys, searched)


class Loader:
    """Builds :class:`EventRows` in the background for the store's current generation: one build
    at a time, not before ``quiet`` seconds after the last write (a live ingest writes batch after
    batch), and a build a write overtook is thrown away."""

    def __init__(self, quiet: float = 2.0) -> None:
        self.quiet = quiet
        self.rows: EventRows | None = None
        self.running = False
        self.last_write = float("-inf")
        self.failed: BaseException | None = None

    def current(self, generation: int) -> EventRows | None:
        rows = self.rows
        return rows if rows is not None and rows.generation == generation else None

    def wrote(self) -> None:
        self.rows = None  # stale: let its memory go
        self.last_write = time.monotonic()

    def should_start(self, generation: int) -> bool:
        """Whether a build for ``generation`` may start now (the caller then runs :meth:`build`)."""
        if self.running or self.current(generation) is not None or self.failed is not None:
            return False
        if time.monotonic() - self.last_write < self.quiet:
            return False
        self.running = True
        return True

    def build(self, borrow: Borrow, names: tuple[str, ...], generation: int, now: Callable[[], int]) -> None:
        try:
            rows = load(borrow, names, generation)
            if rows is None:
                self.failed = ValueError("too many events to keep")  # stays with keyed reads
            elif now() == generation:
                self.rows = rows
        except Exception as exc:  # noqa: BLE001 - a closed server, a broken file: pages keep reading by key
            self.failed = exc
        finally:
            self.running = False
