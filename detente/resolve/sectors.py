"""Two sectors of one state where a state's act falls on its own country (issue 9).

"Egypt arrested dozens of activists", "protests erupted in Chile", "a blast targeted a police convoy
in Peshawar": the clause names one country on both sides, and an event with the same actor as
source and target says nothing to an analyst. What the act is and what the clause's words say
tell the two parties apart: a protest is the people's against the government, an arrest or a
release of prisoners the government's on its people or its opposition, an attack by unnamed
attackers the insurgents' on the state or its civilians, a state's fighting is against rebels.
"""

from __future__ import annotations

from dataclasses import dataclass

from detente.model import Actor
from detente.resolve.roles import VIOLENT_ROOTS

_PROTEST = ("14", "133")  # a protest, or one planned or threatened
_FIGHT = "19"  # conventional military force: an armed side on the other end
# acts only a state does to its own people: coercion (arrests, trials, crackdowns, deportations)
# and releasing prisoners or detainees (084)
_STATE_ON_PEOPLE = ("17", "084")


@dataclass(frozen=True)
class SectorCues:
    """Cue words (``cues.jsonl``) that name who stands on a side of a domestic act."""

    opposition: frozenset[str]
    insurgent: frozenset[str]
    security: frozenset[str]
    state_sectors: frozenset[str]


def _has(words: list[str], cue: frozenset[str]) -> bool:
    """A cue word in the clause, or as a part of a hyphenated word ("rebel-held")."""
    return any(w in cue or any(p in cue for p in w.split("-")) for w in words)


def _as(actor: Actor, sector: str) -> Actor:
    country = actor.country or ""
    return Actor(text=actor.text, code=f"{country}{sector}", country=country, sector=sector)


def _one_actor(source: Actor, target: Actor, place: bool, cues: SectorCues) -> bool:
    """The state (or a place standing for whoever acted there) on its own country: one code on both
    sides, or a bare country as the target ("egyptian authorities arrested ..." aimed at egypt)."""
    if not source.country or source.country != target.country or target.org is not None:
        return False
    state = source.org is None and (source.sector is None or source.sector.lower() in cues.state_sectors)
    if not (state or place):
        return False
    return target.sector is None or source.code == target.code


def _people(words: list[str], cues: SectorCues) -> str:
    return "OPP" if _has(words, cues.opposition) else "CVL"


def _violent(source: Actor, code: str, words: list[str], doer: bool, cues: SectorCues) -> tuple[Actor, str]:
    """An attack inside one country: a state named as the doer fights rebels ("regime forces
    captured the district", "turkey shelled kurdish militants") and kills or massacres civilians
    unless the words name rebels ("iran executed two men"); an unnamed attacker ("a blast in
    quetta", "iraq suffered its deadliest attack") is the insurgents, on the state's forces or its
    civilians."""
    if doer:
        return source, "REB" if code[:2] == _FIGHT or _has(words, cues.insurgent) else "CVL"
    return _as(source, "REB"), "GOV" if _has(words, cues.security) else "CVL"


def split_sectors(
    source: Actor,
    target: Actor | None,
    code: str,
    words: list[str],
    doer: bool,
    place: bool,
    cues: SectorCues,
    attackers: bool = False,
) -> tuple[Actor, Actor | None]:
    """The source and target of a state's act on its own country as two parties of it, by what the
    act is; any other act, or one between non-state parties, is left as it was. ``doer``: the
    source is named as the one who acted; ``place``: it is only where the act happened;
    ``attackers``: unnamed attackers did it ("gunmen opened fire on worshippers"), not the state."""
    if target is None or not _one_actor(source, target, place, cues):
        return source, target
    if attackers:
        new_source, target_sector = _violent(source, code, words, False, cues)
        return new_source, _as(target, target_sector)
    if code.startswith(_PROTEST):
        # a named official protesting stays who he is ("the minister protested")
        people = source if source.name else _as(source, _people(words, cues))
        return people, _as(target, "GOV")
    if code.startswith(_STATE_ON_PEOPLE):
        new_source = _as(source, "GOV") if place or not source.sector else source
        return new_source, _as(target, _people(words, cues))
    if code[:2] in VIOLENT_ROOTS:
        # a force named as the source ("the army", "police") did it, whatever the words
        named = (doer or source.sector is not None) and not place
        new_source, target_sector = _violent(source, code, words, named, cues)
        return new_source, _as(target, target_sector)
    if _has(words, cues.insurgent) and not place:
        # any other act of a state at home in a clause about its rebels ("a halt in the fighting
        # with the rebels", "condemned the insurgents' shelling") is aimed at them
        return source, _as(target, "REB")
    return source, target
