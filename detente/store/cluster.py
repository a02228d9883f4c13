"""Cross-article deduplication: reports of one real event become one event.

The rule (see docs/store.md): two reports are the same event when they have

* the same actor pair -- country, else organisation, else actor code, on each side; the pair is
  unordered, but a directed report (A acts on B) joins only reports in the same direction or
  reciprocal ones (A and B act on each other), so "A accuses B" and "B accuses A" stay apart;
* the same CAMEO root (the first two digits), so a meeting and a deal between the same pair on
  the same day stay two events;
* dates within 2 days of each other: reports are swept in date order and each joins the first
  open event whose earliest report is at most 2 days before it, so every member of an event lies
  within 2 days of every other (no chaining of a daily story into one endless event).

Reports dated only to a month or year, or not at all, cannot be placed within 2 days and each
stay their own event. Cluster ids are derived from the event's first report, so an unchanged
corpus always gets the same ids.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from detente.model import Event

WINDOW_DAYS = 2
DAY_PRECISIONS = frozenset({"day", "publication"})


def actor_key(country: str | None, org: str | None, code: str | None) -> str | None:
    return country or org or code or None


def pair_key(source_key: str | None, target_key: str | None) -> str:
    """The unordered pair, e.g. ``CHN|RUS``; a missing side is ``-``."""
    return "|".join(sorted((source_key or "-", target_key or "-")))


@dataclass(frozen=True, slots=True)
class ClusterInput:
    report_id: str
    source_key: str | None
    target_key: str | None
    root: str
    date: dt.date | None
    date_precision: str
    reciprocal: bool

    @property
    def group(self) -> tuple[str, str]:
        return pair_key(self.source_key, self.target_key), self.root


@dataclass(slots=True)
class _Open:
    anchor: dt.date
    first: ClusterInput
    direction: tuple[str | None, str | None] | None  # None once a reciprocal report has joined
    members: list[str]


def _compatible(cluster: _Open, item: ClusterInput) -> bool:
    if item.reciprocal or cluster.direction is None:
        return True
    return cluster.direction == (item.source_key, item.target_key)


def _cluster_id(first: ClusterInput) -> str:
    raw = f"{first.group[0]}|{first.root}|{first.date}|{first.report_id}"
    return hashlib.sha1(raw.encode()).hexdigest()[:16]


def cluster_group(items: list[ClusterInput]) -> dict[str, str]:
    """Clusters one (pair, root) group; returns report_id -> cluster_id."""
    out: dict[str, str] = {}
    dated = [i for i in items if i.date is not None and i.date_precision in DAY_PRECISIONS]
    for item in items:
        if item.date is None or item.date_precision not in DAY_PRECISIONS:
            out[item.report_id] = _cluster_id(item)
    dated.sort(key=lambda i: (i.date, i.report_id))
    window = dt.timedelta(days=WINDOW_DAYS)
    open_clusters: list[_Open] = []
    for item in dated:
        assert item.date is not None
        open_clusters = [c for c in open_clusters if item.date - c.anchor <= window]
        home = next((c for c in open_clusters if _compatible(c, item)), None)
        if home is None:
            direction = None if item.reciprocal else (item.source_key, item.target_key)
            home = _Open(item.date, item, direction, [])
            open_clusters.append(home)
        elif item.reciprocal:
            home.direction = None
        home.members.append(item.report_id)
        out[item.report_id] = _cluster_id(home.first)
    return out


def cluster_reports(items: Iterable[ClusterInput]) -> dict[str, str]:
    """report_id -> cluster_id for any set of reports (grouped by pair and root first)."""
    groups: dict[tuple[str, str], list[ClusterInput]] = defaultdict(list)
    for item in items:
        groups[item.group].append(item)
    out: dict[str, str] = {}
    for members in groups.values():
        out.update(cluster_group(members))
    return out


def parse_event_date(value: str | None) -> dt.date | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` -> the first day it can mean."""
    if not value:
        return None
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2][:2]) if len(parts) > 2 else 1
        return dt.date(year, month, day)
    except (ValueError, IndexError):
        return None


def input_of(event: Event, report_id: str | None = None, fallback: dt.date | None = None) -> ClusterInput:
    """The clustering view of a coded event; ``fallback`` (publication date) stands in for no date."""
    date = parse_event_date(event.date)
    precision = event.date_precision
    if date is None and fallback is not None:
        date, precision = fallback, "publication"
    target = event.target
    return ClusterInput(
        report_id=report_id or event.event_id,
        source_key=actor_key(event.source.country, event.source.org, event.source.code),
        target_key=actor_key(target.country, target.org, target.code) if target else None,
        root=event.cameo[:2],
        date=date,
        date_precision=precision,
        reciprocal=event.reciprocal,
    )


def cluster_events(events: Iterable[Event]) -> dict[str, str]:
    """event_id -> cluster_id for coded events (each event_id must be unique)."""
    return cluster_reports(input_of(e) for e in events)
