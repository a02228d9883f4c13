"""Negation, refusal and plans: what the words before a trigger do to its code."""

from __future__ import annotations

from dataclasses import dataclass

from detente.model import Segment, Trigger
from detente.resources import Resources

_WINDOW = 6
_FAR_WINDOW = 12


@dataclass(frozen=True, slots=True)
class Modality:
    kind: str  # asserted | planned | refused | negated | obliged
    cue_start: int = -1
    cue_end: int = -1
    preparing: bool = False  # "prepared to attack": getting forces ready, not only saying so


def _ends_at(words: list[str], end: int, phrases: frozenset[str], floor: int) -> int | None:
    """Start of a cue phrase ending at ``end`` (exclusive), if any."""
    for n in (3, 2, 1):
        s = end - n
        if s >= floor and " ".join(words[s:end]) in phrases:
            return s
    return None


def modality_of(words: list[str], seg: Segment, trig: Trigger, res: Resources, subject_end: int = -1) -> Modality:
    """What the words between the subject and the trigger say about it.

    Negation and refusal must stand right before the trigger ("did not attack", "refused to
    meet"); a plan, future or obligation may be further back, as far as the subject ("the UN will
    provide nearly 25,000 tons of food aid").
    """
    cues = res.cues
    refusal = cues.get("refusal", frozenset())
    negation = cues.get("negation", frozenset())
    plan = cues.get("plan", frozenset()) | cues.get("future", frozenset())
    obligation = cues.get("obligation", frozenset())
    near_floor = max(seg.start, trig.start - _WINDOW)
    far_floor = max(seg.start, subject_end, trig.start - _FAR_WINDOW)
    end = trig.start
    skipped = 0
    while end > near_floor and skipped <= 3:
        s = _ends_at(words, end, refusal, near_floor)
        if s is not None:
            return Modality("refused", s, end)
        s = _ends_at(words, end, negation, near_floor)
        if s is not None:
            return Modality("negated", s, end)
        end -= 1
        skipped += 1
    for end in range(trig.start, far_floor, -1):
        s = _ends_at(words, end, obligation, far_floor)
        if s is not None:
            return Modality("obliged", s, end)
        s = _ends_at(words, end, plan, far_floor)
        if s is not None and not (end < len(words) and words[end].isdigit()):  # "may 5": a date
            return Modality("planned", s, end, preparing=words[s].startswith("prepar"))
    return Modality("asserted")


def recode(code: str, modality: Modality, res: Resources, conditional: bool) -> str | None:
    """The code after modality; None when no event remains (a refused or negated attack)."""
    root = code[:2]
    table = res.modality.get(root)
    if modality.kind == "negated":
        return None  # "have not held a summit", "did not attack": nothing happened
    if modality.kind == "refused":
        if root == "12":
            return code  # "refused to reject" is rare; "declined ... invitation" is coded as is
        if root in ("01", "02", "13", "10", "11", "16"):
            return None
        return table.refused if table else None
    if modality.kind == "obliged":
        return table.demanded if table and table.demanded else code
    if modality.kind == "planned" and modality.preparing and root in ("18", "19", "20"):
        return "150"  # "the army prepared to resume shelling": a show of force (MOBILIZE)
    if (modality.kind == "planned" or conditional) and table and table.planned:
        return table.planned
    return code
