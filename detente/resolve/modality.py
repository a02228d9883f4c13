"""Negation, refusal and plans: what the words before a trigger do to its code."""

from __future__ import annotations

from dataclasses import dataclass

from detente.model import Segment, Trigger
from detente.resources import Resources

_WINDOW = 6


@dataclass(frozen=True, slots=True)
class Modality:
    kind: str  # asserted | planned | refused | negated | obliged
    cue_start: int = -1
    cue_end: int = -1


def _ends_at(words: list[str], end: int, phrases: frozenset[str], floor: int) -> int | None:
    """Start of a cue phrase ending at ``end`` (exclusive), if any."""
    for n in (3, 2, 1):
        s = end - n
        if s >= floor and " ".join(words[s:end]) in phrases:
            return s
    return None


def modality_of(words: list[str], seg: Segment, trig: Trigger, res: Resources) -> Modality:
    cues = res.cues
    refusal = cues.get("refusal", frozenset())
    negation = cues.get("negation", frozenset())
    plan = cues.get("plan", frozenset()) | cues.get("future", frozenset())
    obligation = cues.get("obligation", frozenset())
    floor = max(seg.start, trig.start - _WINDOW)
    # Walk back over adverbs and auxiliaries to the nearest cue.
    end = trig.start
    skipped = 0
    while end > floor and skipped <= 3:
        s = _ends_at(words, end, refusal, floor)
        if s is not None:
            return Modality("refused", s, end)
        s = _ends_at(words, end, negation, floor)
        if s is not None:
            return Modality("negated", s, end)
        s = _ends_at(words, end, obligation, floor)
        if s is not None:
            return Modality("obliged", s, end)
        s = _ends_at(words, end, plan, floor)
        if s is not None:
            # "agreed to not attack": a negation after the plan cue wins above.
            return Modality("planned", s, end)
        end -= 1
        skipped += 1
        if words[end] in ("the", "a", "an", "to", "be", "have", "has", "had", "its", "their"):
            continue
        if skipped > 2:
            break
    return Modality("asserted")


def recode(code: str, modality: Modality, res: Resources, conditional: bool) -> str | None:
    """The code after modality; None when no event remains (a refused or negated attack)."""
    root = code[:2]
    table = res.modality.get(root)
    if modality.kind in ("refused", "negated"):
        if root in ("12", "01", "02", "13", "10", "11", "16"):
            return None if modality.kind == "negated" and root != "12" else (code if root == "12" else None)
        return table.refused if table else None
    if modality.kind == "obliged":
        return table.demanded if table and table.demanded else code
    if (modality.kind == "planned" or conditional) and table and table.planned:
        return table.planned
    return code
