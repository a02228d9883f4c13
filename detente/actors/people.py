"""Resolve people and untitled offices to dated actors."""

from __future__ import annotations

import datetime as dt

from detente.resources import Resources, Term

# When a person held several offices at once, the most senior one names them.
_OFFICE_RANK = {
    "head_of_state": 0,
    "head_of_government": 1,
    "org_head": 2,
    "foreign_minister": 3,
    "defence_minister": 4,
    "deputy_head_of_government": 5,
    "company_head": 6,
}


def _rank(term: Term) -> int:
    return _OFFICE_RANK.get(term.office, 50)


def term_at(res: Resources, person_id: str, day: dt.date | None) -> Term | None:
    """The person's most senior office on ``day``; otherwise their nearest term in time."""
    terms = res.terms_by_person.get(person_id, [])
    if not terms:
        return None
    active = [t for t in terms if t.active(day)]
    if active:
        return min(active, key=_rank)
    if day is None:
        return terms[-1]

    def distance(t: Term) -> int:
        if t.start and day < t.start:
            return (t.start - day).days
        if t.end and day >= t.end:
            return (day - t.end).days
        return 0

    return min(terms, key=lambda t: (distance(t), _rank(t)))


def org_term(res: Resources, person_id: str, org: str | None) -> Term | None:
    """The person's term at organisation ``org`` (any date), if they ever held one."""
    return next((t for t in res.terms_by_person.get(person_id, []) if org and t.org == org), None)


def holder_of(res: Resources, where: str, office: str, day: dt.date | None) -> Term | None:
    """Who held ``office`` of country or org ``where`` on ``day`` (None when unknown or shared)."""
    active = [t for t in res.terms_by_office.get((where, office), []) if t.active(day)]
    return active[0] if len(active) == 1 else None
