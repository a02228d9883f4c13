"""Article-level scoring of coded events against hand-coded gold (docs/benchmark.md).

Gold events and predictions are matched one-to-one within each article: a prediction takes the
best unused gold event whose source, CAMEO root and target all agree. Among several, it prefers
the stated direction over the reversed one of a reciprocal event, a stated target over a missing
one, the same month, then the earlier gold event. The format and the matching are those of the
shared article scorer, so numbers from both are comparable.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

# Organisation families that count as one actor when matching.
_FAMILIES = {
    "UN": {"UN", "UNSC", "UNGA", "UNHCR", "WFP", "UNICEF", "WHO", "UNESCO", "UNDP", "OHCHR", "UNHRC", "UNRWA",
           "OCHA", "UNFPA", "UNEP", "UNODC", "UNWOMEN", "UNAIDS", "FAO", "ILO", "UNMIS"},
    "EU": {"EU", "EUCOMM", "EUPARL", "EUFAC"},
}
_FAMILY_OF = {member: family for family, members in _FAMILIES.items() for member in members}

Gold = Mapping[str, Any]
Pred = Mapping[str, Any]


def _org(code: str | None) -> str | None:
    if not code:
        return None
    code = code.upper()
    return _FAMILY_OF.get(code, code)


def actor_matches(gold: str, pred: Mapping[str, Any]) -> bool:
    """gold: "RUS", "SYR:REB", "IMG", "NATO" or "A|B"; pred: an event's actor dict."""
    country = (pred.get("country") or "").upper()
    org = _org(pred.get("org"))
    code = (pred.get("code") or "").upper()
    for alt in (a.strip().upper() for a in gold.split("|")):
        if ":" in alt:
            hit = country == alt.split(":")[0]
        elif alt == "IMG":
            hit = code.startswith("IMG")
        elif len(alt) == 3 and alt.isalpha() and alt not in ("EU", "UN"):
            hit = country == alt or org == alt
        else:
            hit = org == _org(alt)
        if hit:
            return True
    return False


def _target_ok(gold: Gold, pred: Pred, ignore_targets: bool) -> bool:
    if ignore_targets or gold["target"] is None:
        return True
    return bool(pred.get("target")) and actor_matches(gold["target"], pred["target"])


def _direct(gold: Gold, pred: Pred, ignore_targets: bool) -> bool:
    return actor_matches(gold["source"], pred.get("source") or {}) and _target_ok(gold, pred, ignore_targets)


def _reversed(gold: Gold, pred: Pred, ignore_targets: bool) -> bool:
    if not gold.get("reciprocal") or gold["target"] is None:
        return False
    if ignore_targets:
        return actor_matches(gold["target"], pred.get("source") or {})
    target = pred.get("target")
    return bool(target) and actor_matches(gold["source"], target) and actor_matches(gold["target"], pred["source"])


def matches(gold: Gold, pred: Pred, ignore_targets: bool = False) -> bool:
    if str(pred.get("cameo") or "")[:2] not in gold["roots"]:
        return False
    return _direct(gold, pred, ignore_targets) or _reversed(gold, pred, ignore_targets)


def same_month(gold_date: str | None, pred_date: str | None) -> bool:
    if not gold_date or not pred_date:
        return False
    if len(gold_date) == 4:
        return pred_date[:4] == gold_date
    return len(pred_date) >= 7 and pred_date[:7] == gold_date[:7]


def _preference(gold: Gold, pred: Pred, ignore_targets: bool) -> tuple:
    full = matches(gold, pred) if ignore_targets else True
    return (not full, not _direct(gold, pred, ignore_targets), gold["target"] is None,
            not same_month(gold.get("date"), pred.get("date")), gold["n"])


def match(gold: Iterable[Gold], preds: Iterable[Pred], ignore_targets: bool = False) -> list[tuple[Gold, Pred]]:
    """Greedy one-to-one matching in prediction order; returns (gold, prediction) pairs."""
    by_doc: dict[str, list[Gold]] = defaultdict(list)
    for g in gold:
        by_doc[g["doc"]].append(g)
    used: set[tuple[str, int]] = set()
    pairs = []
    for p in preds:
        candidates = [g for g in by_doc.get(p.get("doc_id"), [])
                      if (g["doc"], g["n"]) not in used and matches(g, p, ignore_targets)]
        if candidates:
            best = min(candidates, key=lambda g: _preference(g, p, ignore_targets))
            used.add((best["doc"], best["n"]))
            pairs.append((best, p))
    return pairs


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def _same_country(pred: Pred) -> bool:
    """Source and target of one country: a state acting on itself, or on its own opposition,
    rebels or civilians (which the gold codes too: see ``gold_self_target_share``)."""
    source, target = pred.get("source") or {}, pred.get("target") or {}
    return bool(target) and bool(source.get("country")) and source["country"] == target.get("country")


def _same_actor(pred: Pred) -> bool:
    """Source and target the same actor: one country, sector and organisation (issue 9: "no event
    has the same actor as source and target unless they are different sectors of one state")."""
    source, target = pred.get("source") or {}, pred.get("target") or {}
    if not _same_country(pred):
        return False
    if source.get("code") and target.get("code"):
        return source["code"] == target["code"]
    return all(source.get(k) == target.get(k) for k in ("sector", "org"))


def _gold_country(actor: str) -> str:
    """The country of a gold actor's first alternative ("SYR:REB|IMG" -> "SYR"; "UN" -> "")."""
    first = actor.split("|")[0].split(":")[0].strip().upper()
    return first if len(first) == 3 and first.isalpha() and first not in ("IMG",) else ""


def score(gold: list[Gold], preds: list[Pred]) -> dict[str, Any]:
    """Recall, precision, F1, lead-event recall, recall ignoring targets, self-target share, dates,
    recall by the gold's first CAMEO root and precision by the root coded."""
    docs = {g["doc"] for g in gold}
    scored = [p for p in preds if p.get("doc_id") in docs]
    pairs = match(gold, scored)
    loose = match(gold, scored, ignore_targets=True)
    hit, n_gold, n_pred = len(pairs), len(gold), len(scored)
    core = [g for g in gold if g.get("core")]
    core_hit = sum(1 for g, _ in pairs if g.get("core"))
    self_target = sum(1 for p in scored if _same_country(p))
    same_actor = sum(1 for p in scored if _same_actor(p))
    gold_self = sum(1 for g in gold if g["target"] and _gold_country(g["source"]) == _gold_country(g["target"]) != "")
    gold_same = sum(1 for g in gold if g["target"] and g["source"] == g["target"])
    dated = sum(1 for g, p in pairs if same_month(g.get("date"), p.get("date")))
    per_root = Counter(g["roots"][0] for g in gold)
    per_root_hit = Counter(g["roots"][0] for g, _ in pairs)
    coded_root = Counter(str(p.get("cameo") or "")[:2] for p in scored)
    coded_root_hit = Counter(str(p.get("cameo") or "")[:2] for _, p in pairs)
    return {
        "articles": len(docs), "gold_events": n_gold, "pred_events": n_pred, "matched": hit,
        "recall": _ratio(hit, n_gold), "precision": _ratio(hit, n_pred),
        "f1": round(2 * hit / (n_gold + n_pred), 4) if hit else 0.0,
        "core_recall": _ratio(core_hit, len(core)), "core_events": len(core),
        "recall_ignoring_targets": _ratio(len(loose), n_gold),
        "self_target_share": _ratio(self_target, n_pred),
        "same_actor_share": _ratio(same_actor, n_pred),
        "gold_self_target_share": _ratio(gold_self, n_gold),
        "gold_same_actor_share": _ratio(gold_same, n_gold),
        "date_accuracy": _ratio(dated, hit),
        "per_root_recall": {r: f"{per_root_hit[r]}/{per_root[r]}" for r in sorted(per_root)},
        # by the root coded: how often an event of that kind is right
        "per_root_precision": {r: f"{coded_root_hit[r]}/{coded_root[r]}" for r in sorted(coded_root)},
    }
