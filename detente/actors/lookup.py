"""Actor lookup for ``detente actors lookup``: every record a name matches, with codes and terms."""

from __future__ import annotations

import datetime as dt

from detente.lexicon.load import normalise_phrase
from detente.resources import load_resources


def lookup(name: str, day: dt.date | None, extra_dirs: tuple[str, ...] = ()) -> list[str]:
    res = load_resources(extra_dirs)
    phrase = normalise_phrase(name)
    for prefix in ("mr ", "mrs ", "ms ", "dr "):
        if phrase.startswith(prefix):
            phrase = phrase[len(prefix) :]
    rows: list[str] = []
    for entry in res.actor_matcher.phrases.get(phrase, []):
        if entry.kind == "person":
            for term in res.terms_by_person.get(entry.person_id or "", []):
                where = term.country or term.org
                code = f"{term.country}{term.sector}" if term.country else f"{term.org}"
                active = "" if day is None else (" [in office]" if term.active(day) else "")
                to = f" to {term.to}" if term.to else ""
                rows.append(
                    f"{entry.name}\t{code}\t{term.title} ({term.office}) of {where}{to}\t"
                    f"{term.start or '?'} .. {term.end or 'present'}{active}"
                )
        elif entry.kind == "org":
            rows.append(
                f"{entry.name}\t{entry.org or (entry.country or '') + (entry.sector or '')}\t"
                f"organisation ({entry.org_type})"
            )
        elif entry.kind == "agent":
            rows.append(
                f"{phrase}\t{entry.sector}\t{entry.agent_kind}" + (f" ({entry.office})" if entry.office else "")
            )
        else:
            rows.append(f"{entry.name}\t{entry.country}{entry.sector or ''}\t{entry.kind}")
    if day is not None:
        rows.sort(key=lambda r: "[in office]" not in r)
    return rows
