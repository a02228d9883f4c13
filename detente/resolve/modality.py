"""Negation, refusal and plans: what the words before a trigger do to its code."""

from __future__ import annotations

from dataclasses import dataclass

from detente.model import Segment, Trigger
from detente.resources import Resources

_WINDOW = 6
_FAR_WINDOW = 12
_PREDICTION_REACH = 6  # "predicted that | clinton | would": the expecting verb shortly before
_DIRECTIVE_REACH = 8  # "wants | the chinese government | to release": the addressee between verb and "to"
_VIOLENT = ("18", "19", "20")
_TALLY_REACH = 12  # "has killed | more than 500,000 people | since 2011": the span after the verb's object
_MEMORY_REACH = 14  # "norway marked ten years since | anders breivik killed 77 people"


@dataclass(frozen=True, slots=True)
class Modality:
    kind: str  # asserted | planned | refused | negated | obliged | predicted | alluded
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
    near_floor = max(seg.start, trig.start - _WINDOW)
    far_floor = max(seg.start, subject_end, trig.start - _FAR_WINDOW)
    if _too_adjective(words, trig, near_floor, cues.get("excess_degree", frozenset())):
        return Modality("negated", trig.start - 3, trig.start)
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
    found = _plan_or_obligation(words, trig, far_floor, res)
    if found is None and trig.cameo[:2] in _VIOLENT:
        found = _no_new_violence(words, seg, trig, res)
    if found is None and trig.cameo[:2] in _VIOLENT and subject_end < max(seg.start, 0) + 1:
        found = _cause_of_news(words, seg, trig, res)
    if found is None:
        return Modality("asserted")
    if found.kind == "alluded":
        return found
    return unless_predicted(words, seg, found, res)


def _too_adjective(words: list[str], trig: Trigger, floor: int, degree: frozenset[str]) -> bool:
    """ "has been too slow to | supply weapons", "too politically weak to | attack": an act the
    subject is too much of something to do is not done."""
    if trig.start - 3 < floor or words[trig.start - 1] != "to":
        return False
    return any(words[i] in degree for i in range(max(floor, trig.start - 4), trig.start - 2))


def _no_new_violence(words: list[str], seg: Segment, trig: Trigger, res: Resources) -> Modality | None:
    """Violence the news mentions without reporting it as a new act: a running tally ("the war has
    killed 500,000 people since 2011", "has fought the government for 15 years"). A habit stays
    coded ("soldiers routinely beat up detainees", "which regularly bombs the pkk"), as the
    benchmarks code it."""
    tally = _tally_span(words, seg, trig, res)
    if tally is not None:
        return Modality("alluded", tally, tally + 1)
    memory = _remembrance(words, seg, trig, res)
    return None if memory is None else Modality("alluded", memory, memory + 1)


def _remembrance(words: list[str], seg: Segment, trig: Trigger, res: Resources) -> int | None:
    """A remembrance cue whose complement the trigger is, in its clause or in the clause a
    subordinate one hangs on ("norway marked ten years since | breivik killed 77 people",
    "remembered the massacre"). A form of "be" between them ends the cue's phrase ("protesters
    marking the anniversary of the uprising were attacked"), and "on the anniversary of the coup,
    soldiers killed ..." dates a new act."""
    # "said it regretted | the clashes": a lamented act is judged too, not done by the speaker
    memory = res.cues.get("remembrance", frozenset()) | res.cues.get("lament", frozenset())
    verbs = res.cues.get("passive_aux", frozenset())
    floor = max(0, (trig.start - _MEMORY_REACH) if seg.subordinate else seg.start)
    for end in range(trig.start, floor, -1):
        if words[end - 1] in verbs:
            return None
        s = _ends_at(words, end, memory, floor)
        if s is not None and "on" not in words[max(0, s - 2) : s]:
            return s
    return None


_EFFECT_REACH = 8  # "the coordinated november 13 terrorist attacks in paris | focused attention on"


def _cause_of_news(words: list[str], seg: Segment, trig: Trigger, res: Resources) -> Modality | None:
    """An act noun no actor heads, as the subject of what it caused ("the paris and brussels
    attacks shocked europe", "the bombardments have pushed diplomacy to the brink"): the act is
    the background of the news, told, if at all, where its doer is named."""
    cues = res.cues
    if words[trig.end - 1] not in cues.get("violence_noun", frozenset()):
        return None
    effects, relatives = cues.get("effect_verb", frozenset()), cues.get("relative", frozenset())
    for i in range(trig.end, min(seg.end, trig.end + _EFFECT_REACH)):
        if words[i] in relatives:
            return None
        if words[i] in effects:
            return Modality("alluded", i, i + 1)
    return None


def _perfect(words: list[str], trig: Trigger) -> bool:
    """ "has killed", "have been killed", "has repeatedly attacked": a perfect tense."""
    return any(w in ("has", "have", "had") for w in words[max(0, trig.start - 3) : trig.start])


def _tally_span(words: list[str], seg: Segment, trig: Trigger, res: Resources) -> int | None:
    """Where a perfect tense is counted over a long span: "since" a year or decade ("since 2011",
    "since the 1990s"), or "for/over/in ... years/decades" ("for more than 15 years", "over the
    past decade"). A tally since a day ("since sunday", "since october 7") may be this week's news.
    The span is in the clause or opens the next one ("which has killed 500,000 people | since 2011")."""
    if not _perfect(words, trig):
        return None
    units, counts = res.cues.get("duration_unit", frozenset()), res.cues.get("duration_count", frozenset())
    end = min(len(words), trig.end + _TALLY_REACH, seg.end + 1)
    for i in range(trig.end, end):
        if words[i] == "since" and any(_long_ago(w) for w in words[i + 1 : i + 4]):
            return i
        if words[i] in ("for", "over", "in") and _counts_years(words[i + 1 : i + 6], units, counts, words[i] != "in"):
            return i
    return None


def _counts_years(after: list[str], units: frozenset[str], counts: frozenset[str], bare: bool) -> bool:
    """ "more than 15 years", "the past decade", and after "for" or "over" a bare "decades": a count
    before the unit ("its biggest attack in years", "for the first time in years" measure no span)."""
    for k, w in enumerate(after):
        if w in units:
            return k > 0 or bare
        if w not in counts and not w.replace(",", "").isdigit():
            return False
    return False


def _long_ago(word: str) -> bool:
    """A year ("2011") or a decade ("1990s") as the start of a span."""
    digits = word[:-1] if word.endswith("s") else word
    return len(digits) == 4 and digits.isdigit()


def _plan_or_obligation(words: list[str], trig: Trigger, far_floor: int, res: Resources) -> Modality | None:
    """The nearest plan, future or obligation cue before the trigger. A background word between them
    ends the search: "intended to reduce tensions | following | a failed assassination attempt" is
    no planned attack."""
    cues = res.cues
    preparation = cues.get("preparation", frozenset())
    plan = cues.get("plan", frozenset()) | cues.get("future", frozenset()) | preparation
    obligation = cues.get("obligation", frozenset())
    barrier = cues.get("background", frozenset())
    for end in range(trig.start, far_floor, -1):
        if end < trig.start and words[end] in barrier:
            return None
        s = _ends_at(words, end, obligation, far_floor)
        if s is not None:
            return Modality("obliged", s, end)
        s = _ends_at(words, end, plan, far_floor)
        if s is not None and not (end < len(words) and words[end].isdigit()):  # "may 5": a date
            return Modality("planned", s, end, preparing=" ".join(words[s:end]) in preparation)
    return None


def unless_predicted(words: list[str], seg: Segment, found: Modality, res: Resources) -> Modality:
    """A future someone only expects is no plan: "trump predicted that clinton would be indicted";
    nor is a passive after "would" ("anyone who enters would be prosecuted"), nor an obligation of
    everyone ("one should be on the alert")."""
    s, end = found.cue_start, found.cue_end
    cues = res.cues
    if found.kind == "planned" and s > seg.start and words[s - 1] in cues.get("plan_possessive", frozenset()):
        return Modality("alluded", s, end)  # "backing off | his promises to | investigate clinton"
    # the segmenter may start a clause at the expected actor ("analysts believe | russia will send")
    before = words[max(0, s - _PREDICTION_REACH) : s]
    if found.kind == "obliged" and s > seg.start and words[s - 1] in cues.get("generic_subject", frozenset()):
        return Modality("predicted", s, end)
    prediction = cues.get("prediction", frozenset())
    # ... or the cue itself says it is only expected: "is | unlikely to | attack", "likely to"
    if any(w in prediction for w in before + words[s:end]):
        return Modality("predicted", s, end)
    passive = end + 1 < len(words) and words[end] == "be" and words[end + 1].endswith(("ed", "en"))
    if words[s] == "would" and (passive or _proposal(words, seg, s)):
        return Modality("predicted", s, end)
    return found


def _proposal(words: list[str], seg: Segment, s: int) -> bool:
    """ "a resolution that would censure iran", "a bill which would ban ...": what a proposal would
    do if adopted, not an act of anyone's (a relative "that" or "which" right before "would")."""
    return s - 1 >= seg.start and words[s - 1] in ("that", "which")


def directive_of(words: list[str], seg: Segment, trig: Trigger, res: Resources) -> tuple[int, bool] | None:
    """ "X wants Y to | release ...", "ordered Y to | withdraw": the directive verb before the
    infinitive's addressee, and whether it is an appeal rather than a demand ("encouraged Y to")."""
    to = trig.start - 1
    if to <= seg.start or words[to] != "to":
        return None
    demand = res.cues.get("directive", frozenset())
    appeal = res.cues.get("directive_appeal", frozenset())
    # at least one word (the addressee) between the verb and "to": "wants to improve" is a plan
    for i in range(to - 2, max(seg.start, to - 1 - _DIRECTIVE_REACH) - 1, -1):
        if words[i] in demand or words[i] in appeal:
            return i, words[i] in appeal
        if words[i] == "to":
            return None
    return None


def directed_code(code: str, res: Resources, appeal: bool) -> str:
    """The demand (10x) of the act someone is told to do; an appeal (02x) when only urged."""
    table = res.modality.get(code[:2])
    demanded = table.demanded if table and table.demanded else "100"
    if code[:2] in ("02", "10"):
        demanded = code  # "told Y to ask for ..." stays the appeal or demand it is
    if appeal and demanded[:2] == "10":
        asked = "02" + demanded[2:]
        return asked if asked in res.cameo else "020"
    return demanded


def recode(code: str, modality: Modality, res: Resources, conditional: bool) -> str | None:
    """The code after modality; None when no event remains (a refused or negated attack)."""
    root = code[:2]
    table = res.modality.get(root)
    if modality.kind in ("negated", "predicted", "alluded"):
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
