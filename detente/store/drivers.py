"""What drives a relationship's trend: the slope split by event type, with evidence.

The trend's slope is a weighted sum of event scores (``slope = sum(w_i * s_i)``, see
:func:`detente.store.trend.event_weights`), so each CAMEO event type's share in it is exact:
with scores centred on the window's mean, a type pushes towards warming when it is more
cooperative than usual late in the window (or more conflictual early), and towards cooling the
other way round. The shares of all types add up to the slope.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

import duckdb
import numpy as np

from detente.store.names import cameo_name, plover_name
from detente.store.trend import COOLING, WARMING, event_weights

if TYPE_CHECKING:
    from detente.store.relation import ScoredEvent


def _order_key(verdict: str) -> Any:
    """Towards the verdict first; with no direction, the largest shares either way."""
    if verdict == WARMING:
        return lambda g: (-g["contribution"], -g["count"], g["cameo"])
    if verdict == COOLING:
        return lambda g: (g["contribution"], -g["count"], g["cameo"])
    return lambda g: (-abs(g["contribution"]), -g["count"], g["cameo"])


def _groups(events: list[ScoredEvent]) -> list[dict[str, Any]]:
    scores = np.array([e.score for e in events], dtype=float)
    # centred scores give the same total (the weights sum to zero) but credit what is unusual for
    # the window: one clash in a friendly year, not the many friendly events around it
    shares = event_weights(np.array([e.period for e in events])) * (scores - scores.mean())
    groups: dict[str, dict[str, Any]] = {}
    for event, share in zip(events, shares, strict=True):
        group = groups.setdefault(event.cameo, {"cameo": event.cameo, "members": [], "plovers": Counter()})
        group["members"].append((float(share), event))
        group["plovers"][event.plover] += 1
    out = []
    for group in groups.values():
        members = group.pop("members")
        golds = [e.goldstein for _, e in members if e.goldstein is not None]
        plover = group.pop("plovers").most_common(1)[0][0]
        out.append(
            {
                **group,
                "cameo_name": cameo_name(group["cameo"]),
                "plover": plover,
                "plover_name": plover_name(plover),
                "count": len(members),
                "goldstein_mean": round(sum(golds) / len(golds), 3) if golds else None,
                "contribution": round(sum(s for s, _ in members), 6),
                "_members": members,
            }
        )
    return out


def _evidence(conn: duckdb.DuckDBPyConnection, cluster_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The most confident report of each event, with its document's hash and id."""
    if not cluster_ids:
        return {}
    rows = conn.execute(
        """SELECT r.cluster_id, arg_max(r.doc_hash, (r.confidence, r.report_id)),
                  arg_max(d.doc_id, (r.confidence, r.report_id)), arg_max(r.evidence_text, (r.confidence, r.report_id))
           FROM reports r JOIN documents d USING (doc_hash)
           WHERE r.cluster_id = ANY(?::VARCHAR[]) GROUP BY r.cluster_id""",
        [cluster_ids],
    ).fetchall()
    return {row[0]: {"doc_key": row[1], "doc_id": row[2], "text": row[3]} for row in rows}


def drivers(
    conn: duckdb.DuckDBPyConnection, events: list[ScoredEvent], verdict: str, limit: int, per_driver: int
) -> list[dict[str, Any]]:
    """The ``limit`` event types contributing most to the trend, each with up to ``per_driver``
    events as evidence (those with the largest share in the slope, latest first on ties)."""
    if not events:
        return []
    top = sorted(_groups(events), key=_order_key(verdict))[:limit]
    picked: list[list[ScoredEvent]] = []
    for group in top:
        members = sorted(group.pop("_members"), key=lambda m: (-abs(m[0]), -m[1].date.toordinal(), m[1].cluster_id))
        picked.append([e for _, e in members[:per_driver]])
    found = _evidence(conn, [e.cluster_id for chosen in picked for e in chosen])
    for group, chosen in zip(top, picked, strict=True):
        group["evidence"] = [
            {
                "cluster_id": e.cluster_id,
                "date": e.date.isoformat(),
                "direction": f"{e.source_key}->{e.target_key}",
                **found.get(e.cluster_id, {"doc_key": None, "doc_id": None, "text": None}),
            }
            for e in chosen
        ]
    return top
