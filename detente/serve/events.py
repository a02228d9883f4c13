"""Event search: filters become a parameterised WHERE clause over ``events``.

Only values travel as parameters; column names and sort keys come from the whitelists below,
never from the request.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

import duckdb

from detente.serve import event_match
from detente.serve.cache import RowMemo
from detente.serve.errors import ApiError, not_found
from detente.serve.event_rows import EventRows
from detente.store.cluster import pair_key
from detente.store.filters import EventFilters

EVENT_COLUMNS = (
    "cluster_id",
    "date",
    "date_precision",
    "source_key",
    "source_code",
    "source_country",
    "source_org",
    "target_key",
    "target_code",
    "target_country",
    "target_org",
    "reciprocal",
    "cameo",
    "root",
    "plover",
    "quad_class",
    "goldstein",
    "contexts",
    "location",
    "mention_count",
    "article_count",
    "sources",
    "urls",
    "first_seen",
)
SORTS = {"date": "date", "goldstein": "goldstein", "mentions": "mention_count", "articles": "article_count"}
ORDERS = {"asc": "ASC", "desc": "DESC"}
_ACTOR_SIDES = ("source_key", "source_code", "source_country", "source_org")


@dataclass(slots=True)
class EventFilter:
    """The search's own filters, plus ``common``: the filters shared with the series and the
    relationship summary (dates, status, sector, context, confidence, direction)."""

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    dyad: str | None = None
    cameo: str | None = None
    root: str | None = None
    plover: str | None = None
    quad_class: int | None = None
    q: str | None = None
    common: EventFilters = field(default_factory=EventFilters)

    def _actors(self) -> tuple[list[str], list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.actor:
            # the actor on either side, by any of its codes (key, CAMEO code, country, organisation)
            sides = [c for col in _ACTOR_SIDES for c in (col, col.replace("source", "target"))]
            clauses.append("(" + " OR ".join(f"{c} = ?" for c in sides) + ")")
            params.extend([self.actor.strip().upper()] * len(sides))
        if self.source:
            clauses.append("source_key = ?")
            params.append(self.source.strip().upper())
        if self.target:
            clauses.append("target_key = ?")
            params.append(self.target.strip().upper())
        if self.dyad:
            a, b = split_dyad(self.dyad)
            clauses.append("pair_key = ?")
            params.append(pair_key(a, b))
            direction, more = self.common.direction_where(a, b)
            clauses.append(direction)
            params.extend(more)
        return clauses, params

    def _codes(self) -> tuple[list[str], list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.cameo:
            clauses.append("starts_with(cameo, ?)")  # "05" is the root, "057" the code and its children
            params.append(self.cameo)
        if self.root:
            clauses.append("root = ?")
            params.append(self.root)
        if self.plover:
            clauses.append("plover = ?")
            params.append(self.plover.strip().upper())
        if self.quad_class is not None:
            clauses.append("quad_class = ?")
            params.append(self.quad_class)
        if self.q:
            # contains() rather than LIKE: the user's % and _ stay literal
            clauses.append(
                "EXISTS (SELECT 1 FROM reports r WHERE r.cluster_id = events.cluster_id "
                "AND contains(lower(r.evidence_text), ?))"
            )
            params.append(self.q.lower())
        return clauses, params

    def where(self) -> tuple[str, list[Any]]:
        common, params = self.common.where()
        actors, actor_params = self._actors()
        codes, code_params = self._codes()
        return " AND ".join([common, *actors, *codes]), [*params, *actor_params, *code_params]


def split_dyad(text: str) -> tuple[str, str]:
    """``CHN-RUS``, ``CHN|RUS`` or ``CHN,RUS`` -> ``("CHN", "RUS")``."""
    for sep in ("|", ",", "-"):
        parts = [p.strip().upper() for p in text.split(sep)]
        if len(parts) == 2 and all(parts):
            return parts[0], parts[1]
    raise ApiError(400, "bad_request", f"dyad {text!r}: write two actor codes as A-B, A|B or A,B")


def _event(row: tuple[Any, ...]) -> dict[str, Any]:
    out = dict(zip(EVENT_COLUMNS, row, strict=True))
    for key in ("date", "first_seen"):
        out[key] = out[key].isoformat() if out[key] else None
    out["location"] = json.loads(out["location"]) if out["location"] else None
    out["contexts"] = list(out["contexts"] or [])
    out["sources"] = list(out["sources"] or [])
    out["urls"] = list(out["urls"] or [])
    return out


def _reports(cur: duckdb.DuckDBPyConnection, cluster_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The reports of these events, most confident first, with their documents' ids and titles.

    Both are lookups: reports by their index on cluster_id (schema 3; a store at version 2 scans),
    then the documents by their primary key (two small queries beat one join that sorts and joins
    wide rows)."""
    if not cluster_ids:
        return {}
    rows = cur.execute(
        """SELECT report_id, cluster_id, doc_hash, date, cameo, confidence, status, trigger,
                  evidence_text, evidence_start, evidence_end
           FROM reports WHERE cluster_id = ANY(?::VARCHAR[])""",
        [cluster_ids],
    ).fetchall()
    hashes = sorted({row[2] for row in rows})
    docs = {
        row[0]: row[1:]
        for row in cur.execute(
            "SELECT doc_hash, doc_id, title, url, source FROM documents WHERE doc_hash = ANY(?::VARCHAR[])", [hashes]
        ).fetchall()
    }
    out: dict[str, list[dict[str, Any]]] = {}
    for report_id, cluster_id, doc_hash, date, cameo, conf, status, trigger, text, start, end in rows:
        doc_id, title, url, source = docs.get(doc_hash, ("", None, None, None))
        out.setdefault(cluster_id, []).append(
            {
                "report_id": report_id,
                "cluster_id": cluster_id,
                "doc_hash": doc_hash,
                "doc_id": doc_id,
                "title": title,
                "url": url,
                "doc_source": source,
                "date": date.isoformat() if date else None,
                "cameo": cameo,
                "confidence": conf,
                "status": status,
                "trigger": trigger,
                "evidence_text": text,
                "evidence_start": start,
                "evidence_end": end,
            }
        )
    for reports in out.values():
        reports.sort(key=lambda r: (-(r["confidence"] or 0.0), r["report_id"]))
    return out


def _events_by_id(
    cur: duckdb.DuckDBPyConnection, cluster_ids: list[str], best_evidence: bool = False
) -> dict[str, dict[str, Any]]:
    """These events with their evidence (the most confident report stands for the event).

    With ``best_evidence`` (a store at schema 4 on) the evidence is read with the event, from the
    column the writer keeps (the same object :func:`_reports` builds, as JSON): one keyed read
    instead of three. Without it the reports and their documents are looked up."""
    if not cluster_ids:
        return {}
    columns = ", ".join(EVENT_COLUMNS)
    if best_evidence:
        sql = f"SELECT {columns}, best_evidence FROM events WHERE cluster_id = ANY(?::VARCHAR[])"
        events = {}
        for row in cur.execute(sql, [cluster_ids]).fetchall():
            event = _event(row[:-1])
            event["evidence"] = json.loads(row[-1]) if row[-1] is not None else None
            events[row[0]] = event
        return events
    sql = f"SELECT {columns} FROM events WHERE cluster_id = ANY(?::VARCHAR[])"
    events = {row[0]: _event(row) for row in cur.execute(sql, [cluster_ids]).fetchall()}
    reports = _reports(cur, list(events))
    for cluster_id, event in events.items():
        best = reports.get(cluster_id)
        event["evidence"] = best[0] if best else None
    return events


@dataclass(frozen=True, slots=True)
class Memo:
    """Events already read for this generation of the store (see :class:`RowMemo`), and searches'
    matches (:class:`Matches`, by filters other than the dates, sort and order)."""

    rows: RowMemo
    generation: int
    matches: RowMemo | None = None


MATCH_MEMO_ROWS = 50_000  # most matches of one search kept (about 80 bytes each); more: searched each time


@dataclass(frozen=True, slots=True)
class Matches:
    """A search's matches over all dates, in its order: their keys and dates (day ordinals, 0 for
    none; ``dated`` of them have one, and sorted by date those come first)."""

    ids: tuple[str, ...]
    days: array[int]
    dated: int


def _page_sql(where: str, key: str, direction: str) -> str:
    """The matches read once: their count, and the page's keys (the sort carries the key and one
    column instead of every column of every match up to the offset); rows come after."""
    return f"""WITH m AS MATERIALIZED (SELECT cluster_id, {key} FROM events WHERE {where})
        SELECT (SELECT count(*) FROM m),
               (SELECT list(cluster_id ORDER BY {key} {direction} NULLS LAST, cluster_id)
                FROM (SELECT cluster_id, {key} FROM m
                      ORDER BY {key} {direction} NULLS LAST, cluster_id LIMIT ? OFFSET ?))"""


def _kept_matches(
    cur: duckdb.DuckDBPyConnection, filt: EventFilter, key: str, direction: str, memo: Memo, table: EventRows | None
) -> Matches | None:
    """The matches of ``filt`` without its dates, read once per filters and order until the next
    write (None: more than :data:`MATCH_MEMO_ROWS`, remembered as such): dashboards page through
    and narrow the same searches, and the matching query is most of a page's cost. With every
    event kept in memory (``table``), found there where its filters allow."""
    assert memo.matches is not None
    undated = dataclasses.replace(filt, common=dataclasses.replace(filt.common, start=None, end=None))
    where, params = undated.where()
    name = f"{key} {direction} {where} {params!r}"
    known = memo.matches.get_many(memo.generation, [name])
    if name in known:
        return known[name]  # type: ignore[no-any-return]
    try:
        if table is None:
            raise event_match.Unsupported("no kept events")
        ids, days = event_match.matches(table, undated, key, direction)
    except event_match.Unsupported:
        found = _query_matches(cur, where, params, key, direction)
    else:
        found = (ids, days) if len(ids) <= MATCH_MEMO_ROWS else None
    if found is None:
        memo.matches.put_many(memo.generation, {name: None})
        return None
    ids, days = found
    kept = Matches(ids, days, len(days) - days.count(0))
    memo.matches.put_many(memo.generation, {name: kept}, weight=len(ids) + 1)
    return kept


def _query_matches(
    cur: duckdb.DuckDBPyConnection, where: str, params: list[Any], key: str, direction: str
) -> tuple[tuple[str, ...], array[int]] | None:
    """The matches' keys and day ordinals from the store (None: more than can be kept)."""
    # one scan, stopped at one match too many (sorting the first 50,000 of every event instead costs
    # 90-150 ms, counting first a second scan); none come back when there are too many, or none
    cap = MATCH_MEMO_ROWS
    rows = cur.execute(
        f"""WITH m AS MATERIALIZED (SELECT cluster_id, date, {key} AS sort_key FROM events WHERE {where} LIMIT ?)
            SELECT cluster_id, date FROM m WHERE (SELECT count(*) FROM m) <= ?
            ORDER BY sort_key {direction} NULLS LAST, cluster_id""",
        [*params, cap + 1, cap],
    ).fetchall()
    if not rows and _any_match(cur, where, params):
        return None
    return tuple(c for c, _ in rows), array("i", [d.toordinal() if d else 0 for _, d in rows])


def _any_match(cur: duckdb.DuckDBPyConnection, where: str, params: list[Any]) -> bool:
    return bool(cur.execute(f"SELECT EXISTS (SELECT 1 FROM events WHERE {where})", params).fetchall()[0][0])


def _cut(matches: Matches, start: dt.date | None, end: dt.date | None, by_date: bool, asc: bool) -> list[str]:
    """The keys of the matches between these dates (inclusive; none: every match), in order. Sorted
    by date, the dated matches are monotonic: two bisections find them."""
    if start is None and end is None:
        return list(matches.ids)
    lo_day, hi_day = start.toordinal() if start else 1, end.toordinal() if end else dt.date.max.toordinal()
    days, dated = matches.days, matches.dated
    if by_date and asc:
        return list(matches.ids[bisect_left(days, lo_day, 0, dated) : bisect_right(days, hi_day, 0, dated)])
    if by_date:

        def down(day: int) -> int:
            return -day

        first = bisect_left(days, -hi_day, 0, dated, key=down)
        return list(matches.ids[first : bisect_right(days, -lo_day, 0, dated, key=down)])
    return [c for c, d in zip(matches.ids, days, strict=True) if d and lo_day <= d <= hi_day]


def _page_keys(  # noqa: PLR0913 - the page's arguments and where it may look
    cur: duckdb.DuckDBPyConnection,
    filt: EventFilter,
    limit: int,
    offset: int,
    sort: str,
    order: str,
    memo: Memo | None,
    table: EventRows | None = None,
) -> tuple[int, list[str]]:
    """How many events match, and the keys of the page's, in order: cut from the kept matches
    where a memo has them (the same keys in the same order: the dates only remove matches), else
    read with one query."""
    key, direction = SORTS[sort], ORDERS[order]  # both from whitelists
    kept = None
    if memo and memo.matches is not None and memo.matches.max_items:
        kept = _kept_matches(cur, filt, key, direction, memo, table)
    if kept is not None:
        keys = _cut(kept, filt.common.start, filt.common.end, sort == "date", order == "asc")
        return len(keys), keys[offset : offset + limit]
    where, params = filt.where()
    total, page = cur.execute(_page_sql(where, key, direction), [*params, limit, offset]).fetchall()[0]
    return int(total), page or []


def search_events(
    cur: duckdb.DuckDBPyConnection,
    filt: EventFilter,
    limit: int,
    offset: int,
    sort: str,
    order: str,
    memo: Memo | None = None,
    best_evidence: bool = False,
    table: EventRows | None = None,
) -> dict[str, Any]:
    """A page of events matching ``filt`` and their total; ``best_evidence``: the store has
    ``events.best_evidence`` (schema 4 on), see :func:`_events_by_id`; ``table``: every event in
    memory for the memo's generation (:mod:`detente.serve.event_rows`), read instead of the store."""
    total, page = _page_keys(cur, filt, limit, offset, sort, order, memo, table)
    if table is not None:
        found = table.events(page)
        return {"total": total, "limit": limit, "offset": offset, "events": [found[c] for c in page if c in found]}
    known = memo.rows.get_many(memo.generation, page) if memo else {}
    read = _events_by_id(cur, [c for c in page if c not in known], best_evidence)
    if memo and read:
        memo.rows.put_many(memo.generation, read)
    events = [e for c in page if (e := known.get(c) or read.get(c))]  # one a write removed is left out
    return {"total": total, "limit": limit, "offset": offset, "events": events}


def get_event(cur: duckdb.DuckDBPyConnection, cluster_id: str) -> dict[str, Any]:
    rows = cur.execute(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE cluster_id = ?", [cluster_id]).fetchall()
    if not rows:
        raise not_found("event", cluster_id)
    event = _event(rows[0])
    event["reports"] = _reports(cur, [cluster_id]).get(cluster_id, [])
    return event
