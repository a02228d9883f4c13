"""Find actor phrases and compose them into actor mentions.

Atoms come from one phrase matcher over all actor tables; overlapping atoms are resolved
longest-first. Composition then joins neighbouring atoms the way news names actors:
"russian" + "deputy prime minister" + "dmitry rogozin", "china s" + "defense ministry",
"commercial aircraft corp" + "of china", "andrey denisov" + "russia s ambassador".
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from dataclasses import dataclass

from detente.actors.people import holder_of, org_term, term_at
from detente.actors.topics import article_mentions, home_country
from detente.lexicon import lemmas as lemminflect  # without importing spaCy
from detente.lexicon.load import normalise_phrase
from detente.lexicon.matcher import TokenText
from detente.model import Actor, Document, Mention
from detente.resources import ActorEntry, Resources

_PRIORITY = {
    "person": 0,
    "org": 1,
    "country": 2,
    "capital": 3,
    "seat": 3,
    "adjective": 4,
    "people": 5,
    "place": 6,
    "agent": 7,
    "water": 8,
}
_STATE_KINDS = {"country", "capital", "seat", "adjective", "people", "place"}
_STATE_SECTORS = frozenset(["GOV", "LEG", "MIL", "JUD", "COP", "SPY"])
_NONE: frozenset[str] = frozenset()


@dataclass(slots=True)
class Atom:
    start: int
    end: int
    entry: ActorEntry


def _select(hits: list[tuple[int, int, list[ActorEntry]]]) -> list[Atom]:
    """Non-overlapping atoms, longest first; among one phrase's entries the highest priority."""
    ranked = sorted(hits, key=lambda h: (-(h[1] - h[0]), h[0]))
    taken = bytearray(max((h[1] for h in hits), default=0))
    atoms: list[Atom] = []
    for start, end, entries in ranked:
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        atoms.append(Atom(start, end, min(entries, key=lambda e: _PRIORITY[e.kind])))
    atoms.sort(key=lambda a: a.start)
    return atoms


def _case_sensitive_atoms(doc: Document, res: Resources) -> list[tuple[int, int, list[ActorEntry]]]:
    """Forms that only count as written ("US", "WHO", "Western"): matched on the original text."""
    out: list[tuple[int, int, list[ActorEntry]]] = []
    if res.case_sensitive_regex is None:
        return out
    token_at = {t.start: i for i, t in enumerate(doc.tokens)}
    end_at = {t.end: i for i, t in enumerate(doc.tokens)}
    for match in res.case_sensitive_regex.finditer(doc.text):
        first, last = token_at.get(match.start()), end_at.get(match.end())
        if first is not None and last is not None:
            out.append((first, last + 1, [res.case_sensitive[match.group()]]))
    return out


def _lowercase_abbreviations(doc: Document, res: Resources) -> list[tuple[int, int, list[ActorEntry]]]:
    """Lowercase "us" and "un" are words; in scraped text they name the country or the organisation
    only where a pronoun cannot stand: after "the" ("to the us"), or before a title or body ("us
    troops") unless a verb or preposition that takes a pronoun comes first ("they told us")."""
    out: list[tuple[int, int, list[ActorEntry]]] = []
    words = doc.words
    abbreviations = res.cues.get("abbreviation", _NONE)
    next_words, pronoun_governors = res.cues.get("abbreviation_next", _NONE), res.cues.get("pronoun_governor", _NONE)
    for i, w in enumerate(words):
        form = w.upper() if w in abbreviations else None
        if form is None or form not in res.case_sensitive:
            continue
        if doc.text[doc.tokens[i].start : doc.tokens[i].end] != w:
            continue  # written in capitals: the case-sensitive table already has it
        prev = words[i - 1] if i else ""
        nxt = words[i + 1] if i + 1 < len(words) else ""
        # after an article or "any" the pronoun cannot stand: "a us base", "any us attack"
        if prev in ("the", "a", "an", "any") or (nxt in next_words and prev not in pronoun_governors):
            out.append((i, i + 1, [res.case_sensitive[form]]))
    return out + _lowercase_verb_abbreviations(doc, res)


def _lowercase_verb_abbreviations(doc: Document, res: Resources) -> list[tuple[int, int, list[ActorEntry]]]:
    """Lowercase "is" is the verb; in scraped text it names the Islamic State only where the verb
    cannot stand: after an article ("the is group") or before a noun for the group's members or
    words ("is militants", "is propaganda", cue verb_abbreviation_next)."""
    out: list[tuple[int, int, list[ActorEntry]]] = []
    words, next_words = doc.words, res.cues.get("verb_abbreviation_next", _NONE)
    for i, w in enumerate(words):
        form = w.upper() if w in res.cues.get("verb_abbreviation", _NONE) else None
        if form is None or form not in res.case_sensitive or doc.text[doc.tokens[i].start : doc.tokens[i].end] != w:
            continue
        prev = words[i - 1] if i else ""
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if prev in ("the", "a", "an") or nxt in next_words:
            out.append((i, i + 1, [res.case_sensitive[form]]))
    return out


# "western accusations", "western sanctions": acts only a state's adjective qualifies as their doer
_STATE_ACTS = frozenset(
    ["accusations", "criticism", "sanctions", "pressure", "support", "backing", "intervention", "demands", "powers"]
)


def _lowercase_adjectives(
    doc: Document, res: Resources, hits: list[tuple[int, int, list[ActorEntry]]]
) -> list[tuple[int, int, list[ActorEntry]]]:
    """A state's adjective that is an ordinary word in lowercase ("western", "polish") names the
    state in lowercase text only right before a sector word ("western envoys", "polish troops") or
    an act a state does ("western sanctions")."""
    cased = res.case_sensitive.items()
    forms = {k.lower(): e for k, e in cased if k.istitle() and " " not in k and e.kind == "country"}
    sectors = {start for start, _, entries in hits if any(e.kind == "agent" for e in entries)}
    out: list[tuple[int, int, list[ActorEntry]]] = []
    for i, w in enumerate(doc.words):
        entry = forms.get(w)
        tok = doc.tokens[i]
        before_actor = i + 1 in sectors or (i + 1 < len(doc.words) and doc.words[i + 1] in _STATE_ACTS)
        if entry is not None and before_actor and doc.text[tok.start : tok.end] == w:
            out.append((i, i + 1, [entry]))
    return out


_GLUED_POSSESSORS = frozenset(["country", "capital"])


def _glued_possessives(
    doc: Document, res: Resources, hits: list[tuple[int, int, list[ActorEntry]]]
) -> list[tuple[int, int, list[ActorEntry]]]:
    """A scraper that drops the apostrophe glues the possessive on: "britains foreign ministry",
    "russias ambassador". A state's name plus "s" names the state right before a sector word."""
    phrases = res.actor_matcher.phrases
    starts = {start for start, _, _ in hits}
    sectors = {start for start, _, entries in hits if any(e.kind == "agent" for e in entries)}
    out: list[tuple[int, int, list[ActorEntry]]] = []
    for i, w in enumerate(doc.words):
        if i in starts or i + 1 not in sectors or len(w) < 4 or not w.endswith("s"):
            continue
        entries = [e for e in phrases.get(w[:-1], []) if e.kind in _GLUED_POSSESSORS]
        if entries:
            out.append((i, i + 1, entries))
    return out


_COMPASS = frozenset(["north", "south", "east", "west"])


def _shared_compass_names(
    doc: Document, res: Resources, hits: list[tuple[int, int, list[ActorEntry]]]
) -> list[tuple[int, int, list[ActorEntry]]]:
    """ "north and south korea", "south and north sudan": the first point of the compass names a
    state of its own, the one the pair's noun makes with it."""
    words = doc.words
    out: list[tuple[int, int, list[ActorEntry]]] = []
    for start, end, entries in hits:
        if start < 2 or words[start] not in _COMPASS or words[start - 1] != "and" or words[start - 2] not in _COMPASS:
            continue
        if not any(e.kind == "country" for e in entries):
            continue
        name = " ".join([words[start - 2], *words[start + 1 : end]])
        other = [e for e in res.actor_matcher.phrases.get(name, []) if e.kind == "country"]
        if other:
            out.append((start - 2, start - 1, other))
    return out


def _actor_from_state(entry: ActorEntry, text: str) -> Actor:
    sector = entry.sector
    code = entry.country + (sector or "") if entry.country else None
    return Actor(text=text, code=code, country=entry.country, sector=sector)


def _actor_from_org(entry: ActorEntry, text: str) -> Actor:
    if entry.org_type == "DOMESTIC" or entry.org is None:
        return Actor(
            text=text,
            code=(entry.country or "") + (entry.sector or ""),
            country=entry.country,
            sector=entry.sector,
            name=entry.name,
        )
    return Actor(text=text, code=entry.org_type, org=entry.org, sector=entry.sector or entry.org_type, name=entry.name)


class _Composer:
    def __init__(self, doc: Document, res: Resources, atoms: list[Atom], day: dt.date | None) -> None:
        self.doc = doc
        self.res = res
        self.atoms = atoms
        self.day = day
        self.words = doc.words
        cue = res.cues.get
        self.place_governors = cue("place_governor", _NONE)
        self.directions = cue("compass_direction", _NONE)
        self.honorifics = cue("honorific", _NONE)

    def text(self, start: int, end: int) -> str:
        return self.doc.span_text(start, end)

    def person_actor(self, entry: ActorEntry, text: str) -> Actor:
        term = term_at(self.res, entry.person_id or "", self.day)
        if term is None:
            return Actor(text=text, name=entry.name, person_id=entry.person_id)
        if term.org and not term.country:
            return Actor(
                text=text,
                code=self.res_org_type(term.org),
                org=term.org,
                sector=term.sector,
                name=entry.name,
                person_id=entry.person_id,
            )
        # out of office on the day (a former or future leader): a politician out of power
        out = self.day is not None and term.end is not None and self.day >= term.end and term.sector in _STATE_SECTORS
        sector = "OPP" if out else term.sector
        return Actor(
            text=text,
            code=f"{term.country}{sector}",
            country=term.country,
            sector=sector,
            name=entry.name,
            person_id=entry.person_id,
        )

    def res_org_type(self, org: str) -> str:
        record = self.res.organisations.get(org)
        return record.type if record and record.type != "DOMESTIC" else "IGO" if record else "NGO"

    def compose(self) -> list[Mention]:
        mentions: list[Mention] = []
        atoms = self.atoms
        i = 0
        while i < len(atoms):
            group = [atoms[i]]
            j = i + 1
            while j < len(atoms) and self._joins(group, atoms[j]):
                group.append(atoms[j])
                j += 1
            cut = self._foreign_official(group)
            if cut:
                group, j = group[:cut], i + cut
            mentions.append(self._mention(group))
            i = j
        return [m for m in mentions if m is not None]

    def _foreign_official(self, group: list[Atom]) -> int:
        """Where an organisation's name runs into a national official's title ("... investment bank
        first deputy prime minister igor shuvalov said", scraped): the index to split at, or 0."""
        org_at = next(
            (k for k, a in enumerate(group) if a.entry.kind == "org" and a.entry.org_type != "DOMESTIC"), None
        )
        person = next((a.entry for a in group if a.entry.kind == "person"), None)
        if org_at is None or person is None or org_at == len(group) - 1:
            return 0
        term = term_at(self.res, person.person_id or "", self.day)
        if term is None or term.org == group[org_at].entry.org or not term.country:
            return 0
        if org_term(self.res, person.person_id or "", group[org_at].entry.org):
            return 0  # "nato secretary-general jens stoltenberg" on a day he was not: his title says which office
        return org_at + 1

    def _hyphen_after(self, atom: Atom) -> bool:
        tokens = self.doc.tokens
        return atom.end < len(tokens) and "-" in self.doc.text[tokens[atom.end - 1].end : tokens[atom.end].start]

    def _after_preposition(self, atom: Atom) -> bool:
        i = atom.start - 1
        while i >= 0 and self.words[i] in ("the", "a", "an"):
            i -= 1
        return i >= 0 and self.words[i] in self.place_governors

    def _between(self, a: Atom, b: Atom) -> list[str]:
        return self.words[a.end : b.start]

    def _joins(self, group: list[Atom], nxt: Atom) -> bool:
        last = group[-1]
        tokens = self.doc.tokens
        if any(tokens[k].break_before or tokens[k].comma_before for k in range(last.end, nxt.start + 1)):
            return False  # "... investment bank, first deputy prime minister" are two actors
        kinds = {a.entry.kind for a in group}
        has_state = bool(kinds & (_STATE_KINDS | {"org"}))
        gap = self._between(last, nxt)
        if not gap:
            return self._joins_adjacent(group, nxt, kinds, has_state)
        if gap == ["s"]:
            return self._joins_possessive(last, nxt)
        installed = len(gap) == 1 and gap[0] in self.res.cues.get("installed_by", _NONE)
        if installed and nxt.entry.kind == "agent" and not kinds & {"agent", "person"}:
            # "russian installed officials", "moscow-appointed authorities": they act for that state
            # (not "russia appointed officials", where the verb has its own subject)
            return last.entry.kind == "adjective" or (last.entry.kind in _STATE_KINDS and self._hyphen_after(last))
        return self._joins_across(group, nxt, gap, kinds, has_state)

    def _joins_adjacent(self, group: list[Atom], nxt: Atom, kinds: set[str], has_state: bool) -> bool:
        lk, nk = group[-1].entry.kind, nxt.entry.kind
        if lk == "agent" and nk in ("person", "agent"):
            return True
        if lk in ("adjective", "org", "country") and nk in ("agent", "person"):
            # "... a force in liberia | defence minister pierre joxe said": the country ends a
            # prepositional phrase; the title starts a new actor. A group or body after it is the
            # country's own, wherever the phrase stands ("fired missiles at | u s forces")
            titled = nk == "person" or nxt.entry.agent_kind == "title"
            return not (lk == "country" and titled and (nk == "person" or self._after_preposition(group[0])))
        if lk == "person" and nk in ("agent", "adjective"):
            return "person" in kinds and not has_state
        return False

    @staticmethod
    def _joins_possessive(last: Atom, nxt: Atom) -> bool:
        """ "china s defense ministry", "russia s ambassador"; not "china s aiib" (an organisation
        of its own) nor "putin s aide" (a person's)."""
        lk, nk = last.entry.kind, nxt.entry.kind
        if lk in ("country", "capital", "adjective", "org") and nk in ("agent", "org", "person"):
            return not (nk == "org" and nxt.entry.org_type != "DOMESTIC")
        return False

    def _joins_across(self, group: list[Atom], nxt: Atom, gap: list[str], kinds: set[str], has_state: bool) -> bool:
        lk, nk = group[-1].entry.kind, nxt.entry.kind
        located = gap[:1] == ["of"] and len(gap) <= 2 and all(w in self.directions for w in gap[1:])
        if located and lk == "people" and nk in ("country", "place") and len(group) == 1:
            return True  # "the albanians of southern serbia": located where the text says
        # "rebels in the ivory coast", "the president of the european council"; not "from chad"
        # nor "the governor of the | tyumen region" (a place inside a country)
        located_by = gap[:1] in (["of"], ["in"]) and (gap[1:] == [] or (gap[1:] == ["the"] and nk != "place"))
        if located_by and lk == "agent" and nk in _STATE_KINDS | {"org"}:
            # "turkey urged its citizens | in iraq": the possessor's, wherever they are
            possessives = self.res.cues.get("group_possessive", _NONE)
            owned = group[0].start > 0 and self.words[group[0].start - 1] in possessives
            return not has_state and nk != "people" and not owned
        # "militants from the islamic state group": members of an armed group (refugees "from chad" are not Chad's)
        if gap in (["from"], ["from", "the"]) and lk == "agent" and nk == "org" and not has_state:
            return nxt.entry.org_type == "IMG" or nxt.entry.sector in _ARMED_SECTORS
        # "andrey denisov russia s ambassador"
        # (not "trump | praised | saudi arabia s crown prince": a word between is the verb)
        person_then_state = lk == "person" and nk in ("country", "adjective") and gap in ([], ["the"])
        return person_then_state and "person" in kinds and not has_state

    def _mention(self, group: list[Atom]) -> Mention | None:
        mention = self._compose_mention(group)
        if mention is not None and self._former(group):
            # "a former minister", "the former russian foreign minister": out of power, no holder
            a = mention.actor
            a.sector, a.name, a.person_id = "OPP", None, None
            a.code = f"{a.country}OPP" if a.country else None
        return mention

    def _former(self, group: list[Atom]) -> bool:
        """A state's office holder named as former: "former" before the title or the state."""
        agent = next((a.entry for a in reversed(group) if a.entry.kind == "agent"), None)
        if agent is None or agent.agent_kind != "title" or agent.sector not in _STATE_SECTORS:
            return False
        if any(a.entry.kind in ("person", "org") for a in group):
            return False
        start = group[0].start
        return start > 0 and self.words[start - 1] in self.res.cues.get("former", _NONE)

    def _compose_mention(self, group: list[Atom]) -> Mention | None:
        start, end = group[0].start, group[-1].end
        if start > 0 and self.words[start - 1] in self.honorifics:
            start -= 1
        parts = _Parts.of(group)
        text = self.text(start, end)
        if parts.person is not None:
            return Mention(start, end, self._person(parts, text), "person", titled=parts.agent is not None)
        state, agent, org = parts.state, parts.agent, parts.org
        if state is not None and agent is not None and agent.office and agent.agent_kind == "title":
            return Mention(start, end, self._office_holder(state, agent, text), "agent", titled=True)
        titled = agent is not None
        if org is not None and org.org_type == "DOMESTIC":
            in_power = org.in_power_since is not None and self.day is not None and self.day >= org.in_power_since
            sector = agent.sector if agent and group[-1].entry is agent else ("GOV" if in_power else org.sector)
            actor = Actor(text=text, code=f"{org.country}{sector}", country=org.country, sector=sector, name=org.name)
            return Mention(start, end, actor, "org", titled=titled)
        if org is not None and state is None:
            actor = _actor_from_org(org, text)
            if agent is not None:
                actor.sector = agent.sector
            return Mention(start, end, actor, "org", titled=titled)
        if state is not None:
            actor = _actor_from_state(state, text)
            if agent is not None:
                actor.sector = agent.sector
                actor.code = f"{state.country}{agent.sector}"
            return Mention(start, end, actor, "agent" if agent else state.kind, titled=titled)
        if agent is not None:
            return Mention(start, end, Actor(text=text, sector=agent.sector), "agent", titled=True)
        return None

    def _person(self, parts: _Parts, text: str) -> Actor:
        actor = self.person_actor(parts.person, text)
        org = parts.org.org if parts.org else None
        if org and actor.org != org and parts.state is None and org_term(self.res, actor.person_id or "", org):
            # "nato secretary-general jens stoltenberg": the organisation named says which office
            actor.org, actor.country, actor.sector = org, None, parts.org.sector or parts.org.org_type
            actor.code = self.res_org_type(org)
            return actor
        state = parts.state
        if state is not None and state.country and actor.country and state.country != actor.country:
            # The text's own words win over the table: "serbian president kostunica" is SRB.
            actor.country = state.country
            actor.code = f"{state.country}{actor.sector or ''}"
        if actor.country is None and actor.org is None and (state or parts.org):
            base = state or parts.org
            actor.country = base.country
            actor.sector = parts.agent.sector if parts.agent else "GOV"
            actor.code = f"{actor.country}{actor.sector}" if actor.country else None
        return actor

    def _office_holder(self, state: ActorEntry, agent: ActorEntry, text: str) -> Actor:
        """ "the russian foreign minister": the office's holder at the document's date."""
        holder = holder_of(self.res, state.country or "", agent.office, self.day)
        return Actor(
            text=text,
            code=f"{state.country}{agent.sector}",
            country=state.country,
            sector=agent.sector,
            name=holder.name if holder else None,
            person_id=holder.person_id if holder else None,
        )


@dataclass(slots=True)
class _Parts:
    """The atoms of one composed mention, by role."""

    person: ActorEntry | None
    state: ActorEntry | None
    org: ActorEntry | None
    agent: ActorEntry | None

    @classmethod
    def of(cls, group: list[Atom]) -> _Parts:
        states = [a.entry for a in group if a.entry.kind in _STATE_KINDS]
        # "the albanians of southern serbia": a people located in a country counts for that country.
        state = (states[-1] if group[0].entry.kind == "people" else states[0]) if states else None
        agents = [a.entry for a in group if a.entry.kind == "agent"]
        return cls(
            person=next((a.entry for a in group if a.entry.kind == "person"), None),
            state=state,
            org=next((a.entry for a in group if a.entry.kind == "org"), None),
            agent=agents[-1] if agents else None,
        )


def _name_like(word: str, closed: frozenset[str]) -> bool:
    """A token that can be part of a person's name in lowercase text: not an English word we know."""
    return len(word) >= 2 and word.isalpha() and word not in closed and not lemminflect.getAllLemmas(word)


def _with_local_names(doc: Document, res: Resources, mentions: list[Mention]) -> list[Mention]:
    """People the tables don't know, named beside a title, and later references to any person.

    "chinese defense ministry spokesman geng yansheng told ..." makes "geng yansheng" part of
    the mention; from then on "mr geng" (and "geng yansheng") is the same actor. Known people
    get the same treatment, so "mr rogozin" works when only "dmitry rogozin" is in the table.
    """
    covered = bytearray(len(doc.tokens))
    for m in mentions:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    aliases: dict[str, Mention] = {}
    for m in mentions:
        # "fifa president sepp blatter": an organisation's officer is named like a state's
        if m.titled and m.actor.key and (m.actor.name is None or m.kind == "org"):
            _take_following_name(doc, m, covered, res.closed_words)
        elif m.titled and m.actor.person_id and m.kind == "agent":
            _take_holder_name(doc, m, covered)
        if m.kind == "person" and m.actor.name and m.actor.key:
            for part in m.actor.name.lower().split():
                part = normalise_phrase(part)
                if len(part) >= 3 and part not in res.closed_words:
                    aliases.setdefault(part, m)
    if not aliases:
        return mentions
    mentions = _surnames_over_one_word_orgs(doc, mentions, aliases, covered)
    return sorted(mentions + _later_references(doc, res, aliases, covered), key=lambda m: m.start)


def _surnames_over_one_word_orgs(
    doc: Document, mentions: list[Mention], aliases: dict[str, Mention], covered: bytearray
) -> list[Mention]:
    """ "attorney general tarek william saab said ... | saab | accused": after a person is named in
    full, a one-word organisation name that is their surname (a company "saab") is the person again."""
    words, kept = doc.words, []
    for m in mentions:
        person = aliases.get(words[m.start]) if m.kind == "org" and m.end - m.start == 1 else None
        if person is not None and person.end <= m.start and person.actor.key != m.actor.key:
            covered[m.start] = 0
            continue
        kept.append(m)
    return kept


def _capitalised_surname(doc: Document, j: int, closed: frozenset[str]) -> bool:
    """Written with a capital mid-sentence, not in capitals throughout, and an uninflected word
    ("Lynch", "Rice", "Brown"; not the "Says" of a title-case headline)."""
    tok = doc.tokens[j]
    raw = doc.text[tok.start : tok.end]
    word = raw.lower()
    if not raw[:1].isupper() or raw.isupper() or word in closed:
        return False
    return all(word in forms for forms in lemminflect.getAllLemmas(word).values())


def _take_following_name(doc: Document, m: Mention, covered: bytearray, closed: frozenset[str]) -> None:
    """ "spokesman geng yansheng": up to three unknown name-like words after a title join it."""
    words = doc.words
    j = m.end
    while j < len(words) and j - m.end < 3 and not covered[j] and not doc.tokens[j].break_before:
        # after one unknown word, a capitalised word in its base form continues the name:
        # "attorney general loretta | lynch" (a surname that is also a verb)
        if not (_name_like(words[j], closed) or (j > m.end and _capitalised_surname(doc, j, closed))):
            break
        j += 1
    if j > m.end:
        m.actor.name = " ".join(w.capitalize() for w in words[m.end : j])
        covered[m.end : j] = b"\x01" * (j - m.end)
        m.end = j
        m.actor.text = doc.span_text(m.start, m.end)
        m.kind = "person"


def _take_holder_name(doc: Document, m: Mention, covered: bytearray) -> None:
    """ "jordan s king | abdullah": words of the office holder's own name after the title join it."""
    parts = {normalise_phrase(p) for p in (m.actor.name or "").lower().split()}
    j = m.end
    while j < len(doc.words) and j - m.end < 3 and not covered[j] and not doc.tokens[j].break_before:
        if doc.words[j] not in parts:
            break
        j += 1
    if j > m.end:
        covered[m.end : j] = b"\x01" * (j - m.end)
        m.end = j
        m.actor.text = doc.span_text(m.start, m.end)  # stays an office ("king" is no alias of its holder)


def _later_references(
    doc: Document, res: Resources, aliases: dict[str, Mention], covered: bytearray
) -> list[Mention]:
    """ "mr geng" or "geng" after a person was named in full: the same actor."""
    words = doc.words
    closed = res.closed_words
    honorifics = res.cues.get("honorific", _NONE)
    extra: list[Mention] = []
    for i, w in enumerate(words):
        source = aliases.get(w)
        if covered[i] or source is None or source.start > i:
            continue
        start = i - 1 if i > 0 and words[i - 1] in honorifics and not covered[i - 1] else i
        if start == i and not _name_like(w, closed):
            continue
        if _another_surname(doc, i, source, covered, closed):
            continue
        a = source.actor
        actor = Actor(doc.span_text(start, i + 1), a.code, a.country, a.org, a.sector, a.name, a.person_id)
        extra.append(Mention(start, i + 1, actor, "person", titled=False))
    return extra


def _another_surname(doc: Document, i: int, source: Mention, covered: bytearray, closed: frozenset[str]) -> bool:
    """A known person's given name followed by a surname not theirs names someone else:
    "congressman james pettigrew" after "james comey" is not Comey."""
    parts = [normalise_phrase(p) for p in (source.actor.name or "").lower().split()]
    j = i + 1
    if not parts or doc.words[i] == parts[-1] or j >= len(doc.words) or covered[j] or doc.tokens[j].break_before:
        return False
    nxt = doc.words[j]
    return nxt not in parts and (_name_like(nxt, closed) or _capitalised_surname(doc, j, closed))


_INHERIT_REACH = 12


@dataclass(frozen=True, slots=True)
class _InheritCues:
    qualifiers: frozenset[str]  # "backed": the country before is a sponsor
    place_qualifiers: frozenset[str]  # "based": the country before is where they are
    missions: frozenset[str]  # "embassy": the country after is a host's guest
    located: frozenset[str]  # "in", "of": a place named after the clause's verb
    directions: frozenset[str]  # "the", "northern": words between "in" and the place
    barriers: frozenset[str]  # "after", "because": a clause of its own begins
    speech: frozenset[str] = frozenset()  # "said", "estimate": what is reported has a subject of its own
    possessives: frozenset[str] = frozenset()  # "its", "their": a group owned by whom the pronoun names
    appeals: frozenset[str] = frozenset()  # "urged", "called on": a speaker pressing another state
    state_sectors: frozenset[str] = frozenset()  # "gov", "mil": sectors that are the state itself
    settlements: frozenset[str] = frozenset()  # "cities", "town": an adjective before one names a place
    counts: frozenset[str] = frozenset()  # "several", "two": words counting the places after "in"
    relatives: frozenset[str] = frozenset()  # "which", "whose": a relative clause, not an interruption


def _nearest_country(
    tokens: list, mentions: list[Mention], k: int, step: int, cues: _InheritCues, across_verbs: bool = False
) -> Mention | None:
    """The nearest mention with a country of its own from ``mentions[k]``, looking back (step -1)
    or ahead (step 1), within reach and without crossing a sentence end. A country that only
    qualifies another noun gives it away to nothing else: "us-backed | kurdish fighters"; nor
    does one named after a qualifier: "fighters backed by | the us"."""
    m = mentions[k]
    j = k + step
    while 0 <= j < len(mentions):
        other = mentions[j]
        lo, hi = (other.end, m.start) if step < 0 else (m.end, other.start)
        if hi - lo > _INHERIT_REACH or any(t.break_before for t in tokens[lo : hi + 1]):
            return None
        if step > 0 and any(t.text in cues.barriers for t in tokens[lo:hi]):
            return None
        if step < 0 and _cut_off_back(tokens, lo, hi, other, m, cues):
            return None
        if step < 0 and _interposed(tokens, mentions, j, m, cues):
            j += step  # "the venezuelan president, under pressure from washington, said ... | the opposition"
            continue
        qualifier = tokens[other.end].text if other.end < len(tokens) else ""
        if step < 0 and qualifier in cues.qualifiers:
            # "turkish backed | rebels": a sponsor; "syria based | rebels": their country
            based = m.start == other.end + 1 and qualifier in cues.place_qualifiers
            return other if based and other.actor.country and not other.inferred else None
        if step > 0 and any(t.text in cues.qualifiers for t in tokens[lo:hi]):
            return None  # "kurdish fighters backed by | the united states": a sponsor, not their country
        if step > 0 and hi - lo <= 2 and any(t.text == "by" for t in tokens[lo:hi]):
            return None  # "the killing of aid workers by | israeli forces": their killers' country
        mission = step > 0 and tokens[other.end - 1].text in cues.missions  # "outside the french embassy"
        # "militias attacked | a us base in syria": whom they act on is not their country; where is
        verb = any(len(t.text) > 4 and t.text.endswith("ed") for t in tokens[lo:hi])
        acted_on = step > 0 and not across_verbs and verb
        # "killed in | russian airstrikes": after the verb, an adjective names whose act, not where
        # (but "in several | indian | cities" names where: an adjective before a settlement noun)
        town = other.kind == "adjective" and other.end < len(tokens) and tokens[other.end].text in cues.settlements
        # ("burned pictures of | president xi": a person is never where something happened)
        where = (other.kind not in ("adjective", "person") or town) and _located(tokens, other.start, cues)
        placed = not acted_on or where
        # "arrested a journalist working for ryanair", "reuters said police ...": a firm or an outlet
        company = other.actor.sector == "BUS" or (other.actor.sector == "MED" and other.kind == "org")
        if other.actor.country and not other.inferred and not mission and placed and not company:
            return other
        j += step
    return None


def _cut_off_back(tokens: list, lo: int, hi: int, other: Mention, m: Mention, cues: _InheritCues) -> bool:
    """Whether a country named before ``m`` is kept from lending it its country."""
    if any(t.text in cues.barriers for t in tokens[max(lo, hi - 2) : hi]):
        return True  # "... in america | after terrorists killed 130 people in paris": another clause
    if _fronted_setting(tokens, other, m):
        return True  # "visiting kyiv, | the prime minister": where the subject went
    return _reported_group(tokens, lo, hi, m, cues) or _attributed(tokens, other, m)


def _fronted_setting(tokens: list, other: Mention, m: Mention) -> bool:
    """ "visiting | kyiv | on tuesday, the prime minister", "meeting in | brussels |, the leaders": a
    place in a participle's phrase opening the sentence is where the subject went or was, not its
    country (punctuated text: the comma closes the phrase)."""
    if other.kind not in ("place", "capital", "country"):
        return False
    k = other.start
    while k > 0 and not tokens[k].break_before:
        k -= 1
    opens = tokens[k].text.endswith("ing") and not any(t.comma_before for t in tokens[k + 1 : other.start])
    return opens and any(t.comma_before for t in tokens[other.end : m.start + 1])


_INTERPOSED_REACH = 5  # words of a phrase set off by commas: "under pressure from washington"


def _interposed(tokens: list, mentions: list[Mention], j: int, m: Mention, cues: _InheritCues) -> bool:
    """ "the venezuelan president, under pressure from | washington, | said he would restart talks with
    the opposition": a country in a short phrase set off by commas right after the clause's subject
    interrupts that clause; a state's organ or opposition named after it is the subject's own."""
    other = mentions[j]
    sector = (m.actor.sector or "").lower()
    if j == 0 or (sector not in cues.state_sectors and sector != "opp") or other.end >= m.start:
        return False
    before = mentions[j - 1]
    opening, closing = before.end, other.end
    if not (before.end < other.start and tokens[opening].comma_before and tokens[closing].comma_before):
        return False
    if closing - opening > _INTERPOSED_REACH or any(t.comma_before for t in tokens[opening + 1 : closing]):
        return False  # a long stretch or a list "a, b, c"
    first = tokens[opening].text
    if first in cues.relatives or first in cues.directions:
        return False  # "turkey, which ...", "the corridor, the only road to armenia": no interruption
    # the interrupted clause goes on after the closing comma ("..., said"), not another apposition
    return any(t.text not in cues.directions for t in tokens[closing : m.start])


def _reported_group(tokens: list, lo: int, hi: int, m: Mention, cues: _InheritCues) -> bool:
    """ "u s officials said | militants attacked": a group in what a speaker reports does not take the
    speaker's country ("japan confirmed that seven of its | nationals died" and, a government being
    named by whom it governs, "the white house said | the president" still do)."""
    # "said the president" names the speaker's own; "said protesters stormed a government building" not
    definite = m.start > 0 and tokens[m.start - 1].text == "the"
    # "accusing | the opposition of ...": a state's opposition is named by whom it opposes
    if m.actor.sector in ("GOV", "OPP") and definite or tokens[hi - 1].text in cues.possessives:
        return False
    return any(t.text in cues.speech for t in tokens[lo:hi])


def _attributed(tokens: list, source: Mention, m: Mention) -> bool:
    """ "according to u s officials, | militants attacked": whom a report is attributed to, set off by
    a comma, lends no country to the subject of what it reports."""
    words = [t.text for t in tokens[max(0, source.start - 4) : source.start]]
    cited = any(words[k : k + 2] == ["according", "to"] for k in range(len(words) - 1))
    return cited and m.actor.sector != "GOV" and any(t.comma_before for t in tokens[source.end : m.start + 1])


def _located(tokens: list, start: int, cues: _InheritCues) -> bool:
    """ "in | northern syria": a place preposition before the mention."""
    k = start - 1
    while k >= 0 and (tokens[k].text in cues.directions or tokens[k].text in cues.counts or tokens[k].text.isdigit()):
        k -= 1  # "in | the northern | ...", "in | several | indian cities"
    return k >= 0 and tokens[k].text in cues.located


def _sponsor(tokens: list, mentions: list[Mention], k: int, qualifiers: frozenset[str]) -> Mention | None:
    """ "iran backed | militias": the state right before a qualifier."""
    m = mentions[k]
    before = mentions[k - 1] if k > 0 else None
    if before is None or before.end + 1 != m.start or tokens[before.end].text not in qualifiers:
        return None
    return before if before.actor.country and not before.inferred else None


def _inherit_cues(res: Resources) -> _InheritCues:
    return _InheritCues(
        res.cues.get("qualifier", _NONE),
        res.cues.get("place_qualifier", _NONE),
        res.cues.get("foreign_mission", _NONE),
        res.cues.get("place_preposition", _NONE),
        res.cues.get("direction", _NONE),
        res.cues.get("inherit_barrier", _NONE),
        res.cues.get("speech", _NONE) | res.cues.get("report_verb", _NONE),
        res.cues.get("group_possessive", _NONE),
        res.cues.get("outward_appeal", _NONE),
        res.cues.get("state_sector", _NONE),
        res.cues.get("settlement_noun", _NONE),
        res.cues.get("place_count", _NONE),
        res.cues.get("relative_opener", _NONE),
    )


def _pressed_from_abroad(
    tokens: list, donor: Mention, m: Mention, home: Mention | None, appeals: frozenset[str]
) -> bool:
    """ "blinken called on | the military to free them", in an article about myanmar: a definite sector
    word that a foreign speaker presses is the article's own country's, not the speaker's."""
    if home is None or donor.actor.country == home.actor.country or m.start == 0:
        return False
    if tokens[m.start - 1].text != "the":
        return False
    words = [t.text for t in tokens[donor.end : m.start - 1]]
    return any(w in appeals or " ".join(words[i : i + 2]) in appeals for i, w in enumerate(words))


def _donor(tokens: list, mentions: list[Mention], k: int, cues: _InheritCues, home: Mention | None) -> Mention | None:
    """The mention whose country ``mentions[k]``, a sector word, takes."""
    donor = _nearest_country(tokens, mentions, k, -1, cues)
    if donor is not None and _pressed_from_abroad(tokens, donor, mentions[k], home, cues.appeals):
        return home
    if donor is None:
        donor = _nearest_country(tokens, mentions, k, 1, cues)
        # "protesters gathered in | paris, france" are French wherever the article is from
        foreign = donor is not None and home is not None and donor.actor.country != home.actor.country
        if foreign and not _located(tokens, donor.start, cues):
            donor = home
    if donor is None and home is not None:
        donor = home  # "police said ...": in an article about one country, its police
    if donor is None:
        donor = _sponsor(tokens, mentions, k, cues.qualifiers)  # nothing better than who backs them
    if donor is None:
        donor = _nearest_country(tokens, mentions, k, 1, cues, across_verbs=True)  # "avril resigned ... haiti s"
        # "congressman smith criticized | russia": a state acted on is not the actor's own country, nor
        # is one that only qualifies a thing ("burned | chinese flags"); a body of one ("conceded to
        # demands from | unita", "a petition to | the kenyan parliament") is
        if donor is not None and donor.kind in ("country", "capital", "adjective"):
            donor = None
        # "villagers attacked | chinese workers", "gunmen kidnapped | italian aid workers": foreigners
        # acted on are no body of the doers' country, as a state's organ or an organisation may be
        if donor is not None and donor.kind == "agent" and (donor.actor.sector or "").lower() not in cues.state_sectors:
            donor = None
    return donor


def _give_country(m: Mention, donor: Mention | None) -> None:
    m.actor.country = donor.actor.country if donor else None
    m.actor.code = f"{donor.actor.country}{m.actor.sector}" if donor else None
    m.inferred = donor is not None


def _inherit_countries(doc: Document, mentions: list[Mention], res: Resources) -> None:
    """Sector words with no country of their own ("rebels", "police", "the judge") take the country
    named nearest in the same sentence - before them first, then after."""
    tokens = doc.tokens
    cues = _inherit_cues(res)
    audience = res.cues.get("audience_verb", _NONE)  # "told reporters": an audience, not an actor
    home = home_country(mentions)
    _fighters_of_the_group(doc, mentions, res)
    for k, m in enumerate(mentions):
        if m.actor.key or not m.actor.sector:
            continue
        if m.start > 0 and tokens[m.start - 1].text in audience:
            continue
        donor = _donor(tokens, mentions, k, cues, home)
        if donor is not None:
            _give_country(m, donor)


def inherit_outside_chrome(doc: Document, res: Resources) -> Document:
    """Once site chrome is marked (``doc.segments``; actors are recognised before it is): a sector
    word of the article that took its country from a sidebar headline ("... germany opens new rail
    tunnel | the national assembly passed ...") or none, the headlines keeping any country from
    being the home, takes it again from the article's own mentions."""
    if not any(s.chrome for s in doc.segments):
        return doc
    body = article_mentions(doc)
    own = {id(m) for m in body}
    cues, tokens = _inherit_cues(res), doc.tokens
    audience = res.cues.get("audience_verb", _NONE)
    home_all, home = home_country(doc.mentions), home_country(body)
    at = {id(m): k for k, m in enumerate(doc.mentions)}
    for j, m in enumerate(body):
        if not m.actor.sector or (m.start > 0 and tokens[m.start - 1].text in audience):
            continue
        if m.inferred and not m.actor.person_id:
            old = _donor(tokens, doc.mentions, at[id(m)], cues, home_all)
            if old is None or id(old) in own or old.actor.country != m.actor.country:
                continue  # its country came from the article, or not from a neighbour at all
        elif m.actor.key:
            continue
        _give_country(m, _donor(tokens, body, j, cues, home))
    return doc


_TITLE_REACH = 200  # tokens back to the office holder a bare "the minister" names again


def _bare_title(doc: Document, m: Mention, res: Resources) -> list[str] | None:
    """The words of "the" + a title alone ("the minister", "the foreign minister"), else None."""
    if m.kind != "agent" or m.actor.key or m.start == 0 or doc.words[m.start - 1] != "the":
        return None
    words = doc.words[m.start : m.end]
    entries = res.actor_matcher.phrases.get(" ".join(words), [])
    return words if any(e.kind == "agent" and e.agent_kind == "title" for e in entries) else None


def _title_words(doc: Document, res: Resources, m: Mention) -> set[str]:
    """The words a mention's title is written with ("russian foreign minister sergei lavrov"), or
    for a person named without one, those of the office they hold that day ("lavrov")."""
    if m.titled:
        return set(doc.words[m.start : m.end])
    term = term_at(res, m.actor.person_id, doc.date) if m.actor.person_id else None
    return set(normalise_phrase(term.title).split()) if term and term.active(doc.date) else set()


def _definite_titles(doc: Document, mentions: list[Mention], res: Resources) -> None:
    """ "russian foreign minister sergei lavrov arrived in ankara | the minister met erdogan": a
    definite title with no state of its own is the holder of that title named last, not a
    national of the state named next to it."""
    for k, m in enumerate(mentions):
        words = _bare_title(doc, m, res)
        if words is None:
            continue
        for other in reversed(mentions[:k]):
            if m.start - other.end > _TITLE_REACH:
                break
            if other.actor.key and not other.inferred and set(words) <= _title_words(doc, res, other):
                a = other.actor
                m.actor = Actor(m.actor.text, a.code, a.country, a.org, a.sector, a.name, a.person_id)
                m.inferred = True
                break


_ANAPHOR_REACH = 300  # tokens back to the organisation a definite description names again
_ARMED_SECTORS = frozenset(["REB", "INS"])


def _org_anaphors(doc: Document, res: Resources, mentions: list[Mention]) -> list[Mention]:
    """ "nato ... the alliance warned": a definite description names the organisation mentioned
    last, if one was mentioned within reach; "islamic state ... the militants": an armed group's
    fighters are that group."""
    general, armed = res.cues.get("org_anaphor", _NONE), res.cues.get("armed_anaphor", _NONE)
    phrases = general | armed
    charity_heads = res.cues.get("charity_head", _NONE)  # "the medical aid group", "the rights watchdog"
    words = doc.words
    covered = bytearray(len(words))
    replaceable: list[Mention] = []  # "the rights group", "the (extremist) militants": sector words
    for m in mentions:
        if m.kind == "agent" and not m.actor.key and "the" in words[max(0, m.start - 2) : m.start]:
            replaceable.append(m)
            continue
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    orgs = [m for m in mentions if m.kind == "org" and m.actor.org]
    fighters = [m for m in orgs if m.actor.code == "IMG" or m.actor.sector in _ARMED_SECTORS]
    org_ends, fighter_ends = [m.end for m in orgs], [m.end for m in fighters]
    ngos = [m for m in orgs if m.actor.code == "NGO"]
    ngo_ends = [m.end for m in ngos]
    extra: list[Mention] = []
    for i, w in enumerate(words):
        if w != "the" or covered[i]:
            continue
        n = next((n for n in (4, 3, 2) if i + n <= len(words) and " ".join(words[i : i + n]) in phrases), 0)
        pool, ends = (fighters, fighter_ends) if " ".join(words[i : i + n]) in armed else (orgs, org_ends)
        if not n:
            n = _charity_description(words, i, covered, charity_heads)
            pool, ends = ngos, ngo_ends
        if not n or any(covered[i : i + n]) or (i + n < len(words) and words[i + n] == "of"):
            continue
        if any(m.start < i + n < m.end for m in replaceable):
            continue  # "the rights group leaders": a longer phrase of its own
        named = _last_before(pool, ends, i)
        if named is None:
            continue
        a = named.actor
        actor = Actor(doc.span_text(i, i + n), a.code, a.country, a.org, a.sector, a.name, a.person_id)
        extra.append(Mention(i, i + n, actor, "org"))
        inner = [m for m in replaceable if i < m.start and m.end <= i + n]
        mentions = [m for m in mentions if all(m is not x for x in inner)] if inner else mentions
    return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions




def _charity_description(words: list[str], i: int, covered: bytearray, heads: frozenset[str]) -> int:
    """The length of "the" + one or two words + a head that names a non-governmental organisation
    ("the medical aid group", "the rights watchdog", "the london based charity"), or 0."""
    for skip in (1, 2):
        mods = words[i + 1 : i + 1 + skip]
        if len(mods) < skip or any(covered[i + 1 : i + 1 + skip]) or not all(w.isalpha() for w in mods):
            return 0
        for n in (2, 1):
            j = i + 1 + skip
            if j + n <= len(words) and " ".join(words[j : j + n]) in heads:
                return 1 + skip + n
    return 0


def _last_before(pool: list[Mention], ends: list[int], i: int) -> Mention | None:
    k = bisect.bisect_right(ends, i)
    return pool[k - 1] if k and i - pool[k - 1].end <= _ANAPHOR_REACH else None


def _fighters_of_the_group(doc: Document, mentions: list[Mention], res: Resources) -> None:
    """ "islamist militants" in an article about islamic state are its fighters (the words of the
    armed_anaphor cues without their article), not rebels of the country they fight in."""
    group = _main_armed_group(mentions)
    if group is None:
        return
    fighters = {p.split(" ", 1)[1] for p in res.cues.get("armed_anaphor", _NONE)}
    a = group.actor
    for m in mentions:
        if not m.actor.key and doc.span_text(m.start, m.end).lower() in fighters:
            m.actor = Actor(m.actor.text, a.code, a.country, a.org, a.sector, a.name, a.person_id)


def _main_armed_group(mentions: list[Mention]) -> Mention | None:
    """The transnational armed group an article is about: named at least twice, more than any other."""
    counts = Counter(m.actor.org for m in mentions if m.actor.code == "IMG" and m.actor.org)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return next(m for m in mentions if m.actor.org == ranked[0][0])


def _names_a_thing(words: list[str], end: int, things: frozenset[str]) -> bool:
    """ "the paris climate agreement", "the minsk accords": a city naming an accord is no actor."""
    return end < len(words) and (words[end] in things or " ".join(words[end : end + 2]) in things)


# "pro-russian separatists": whom a group sides with is not its nationality (the benchmark codes
# them UKR:REB); "anti-american protesters" in Karachi are Pakistani
_NATIONALITY_KINDS = frozenset(["adjective", "country", "capital", "seat", "people"])


def _affinity(words: list[str], atoms: list[Atom], k: int, prefixes: frozenset[str]) -> bool:
    """A state named after "pro" or "anti" right before a group or body it would otherwise give
    its country to ("pro-russian separatists", "the pro-kremlin youth group")."""
    atom = atoms[k]
    if atom.start == 0 or atom.entry.kind not in _NATIONALITY_KINDS:
        return False
    if words[atom.start - 1] not in prefixes:
        return False
    nxt = atoms[k + 1].entry if k + 1 < len(atoms) and atoms[k + 1].start == atom.end else None
    return nxt is not None and nxt.kind == "agent" and nxt.agent_kind in ("group", "body")


# "the balkan nation", "the first asian country", "the eastern european country of moldova": a region
# named before a word for one state describes that state, it does not name the region


_EU = ActorEntry(kind="org", org="EU", org_type="IGO", name="European Union")


def _european_union_act(words: list[str], atom: Atom, res: Resources) -> Atom:
    """ "the european resolution", "european sanctions": the union's act, not the continent's."""
    if atom.entry.kind != "adjective" or words[atom.start : atom.end] != ["european"] or atom.end >= len(words):
        return atom
    if words[atom.end] not in res.cues.get("eu_act_noun", _NONE):
        return atom
    return Atom(atom.start, atom.end, _EU)


_STATE_ATOMS = frozenset(["country", "adjective", "capital", "place", "people"])


def _namesake_abroad(doc: Document, atoms: list[Atom], atom: Atom, res: Resources) -> Atom:
    """ "taliban gunmen stormed a school in the pakistani city of peshawar": a group of one country
    in a sentence about another, and not its own, is that country's namesake group where the tables
    name one ("pakistani taliban"), not the group at home."""
    entry = atom.entry
    if entry.kind != "org" or entry.org_type != "DOMESTIC" or not entry.country:
        return atom
    lo, hi = _sentence_span(doc, atom.start)
    states = {a.entry.country for a in atoms if lo <= a.start < hi and a.entry.kind in _STATE_ATOMS}
    # only where the sentence places the act ("in the pakistani city of"), not who else acts in it
    words = doc.words
    located = {a.entry.country for a in atoms if lo <= a.start < hi and "in" in words[max(lo, a.start - 3) : a.start]}
    if entry.country in states or len(states) != 1 or not states & located:
        return atom
    (abroad,) = states
    record = res.countries.get(abroad or "")
    name = words[atom.start : atom.end]
    for adjective in record.adjectives if record else []:
        for start, end, values in res.actor_matcher.find(TokenText([*adjective.split(), *name])):
            if start == 0 and end == len(name) + len(adjective.split()):
                sibling = next((v for v in values if v.kind == "org" and v.country == abroad), None)
                if sibling is not None:
                    return Atom(atom.start, atom.end, sibling)
    return atom


def _region_describing_a_state(words: list[str], atom: Atom, res: Resources) -> bool:
    state_nouns = res.cues.get("state_noun", _NONE)
    if atom.end >= len(words):
        return False
    if atom.entry.kind == "org":
        # "the first eu country to recognise palestine", "a nato nation": one member state, not the body
        return atom.entry.org_type == "IGO" and words[atom.end] in res.cues.get("member_state_noun", _NONE)
    if atom.entry.kind != "adjective" or words[atom.end] not in state_nouns:
        return False
    record = res.countries.get(atom.entry.country or "")
    return record is not None and record.kind == "region"


def _sports_side(words: list[str], atom: Atom, res: Resources) -> bool:
    """ "the french striker", "the chinese national team", "brazil's striker": a sport's player or
    team, not the state."""
    end = atom.end
    if atom.entry.kind == "country" and end < len(words) and words[end] == "s":
        end += 1  # the possessive: "brazil's striker neymar"
    elif atom.entry.kind != "adjective":
        return False
    heads = res.cues.get("sports_head", _NONE)
    return end < len(words) and (words[end] in heads or " ".join(words[end : end + 2]) in heads)


def _homograph(words: list[str], atom: Atom, res: Resources) -> bool:
    """ "pardoned a turkey", "the turkey dinner", "chinese new year": a country's name or adjective
    used in a common noun."""
    phrases = res.cues.get("country_homograph", _NONE)
    if not phrases or atom.entry.kind not in ("country", "adjective"):
        return False
    for back in range(3):
        for ahead in range(3):
            lo, hi = atom.start - back, atom.end + ahead
            if (back or ahead) and lo >= 0 and hi <= len(words) and " ".join(words[lo:hi]) in phrases:
                return True
    return False


def _someone_elses_surname(doc: Document, atom: Atom, ends: dict[int, ActorEntry], res: Resources) -> bool:
    """ "hazem qassem", "adama traore": a known person's surname, given alone in the tables, after an
    unknown given name that is not theirs names someone else (a Hamas spokesman, a footballer); a
    spelling of their own given name ("sergej" for "sergey") shares its first three letters, and
    a title of their own office before it ("foreign minister melvin cavusoglu") keeps it theirs."""
    entry, i = atom.entry, atom.start - 1
    if entry.kind != "person" or atom.end - atom.start != 1 or i < 0 or doc.tokens[atom.start].break_before:
        return False
    if i + 1 in ends or not _given_name_before(doc, i, entry, res):
        return False  # i + 1 in ends: the word before is itself an actor ("kremlin aide ushakov")
    title = ends.get(i)
    offices = {t.office for t in res.terms_by_person.get(entry.person_id or "", [])}
    return not (title is not None and title.kind == "agent" and title.office in offices)


def _uncapitalised_name(doc: Document, atom: Atom, cased: bool) -> bool:
    """ "bush fires", "50 pence", "an elephant tusk": in text written with capitals, a known person's
    one-word alias written in lowercase is a common word, not their name."""
    if not cased or atom.entry.kind != "person" or atom.end - atom.start != 1:
        return False
    tok = doc.tokens[atom.start]
    return doc.text[tok.start : tok.end].islower()


def _article_common_noun(doc: Document, atom: Atom, cased: bool, res: Resources) -> bool:
    """ "fled into the bush", "rebels in the bush attacked", "an elephant's tusk": in lowercase text
    a known person's one-word alias that is also a common noun is the noun after an article,
    unless a noun it names follows ("the bush administration")."""
    if cased or atom.entry.kind != "person" or atom.end - atom.start != 1 or atom.start == 0:
        return False
    words = doc.words
    if words[atom.start] not in res.cues.get("name_homograph", _NONE):
        return False
    if words[atom.start - 1] not in res.cues.get("article", _NONE) or doc.tokens[atom.start].break_before:
        return False
    return atom.end >= len(words) or words[atom.end] not in res.cues.get("name_homograph_head", _NONE)


def _given_name_before(doc: Document, i: int, entry: ActorEntry, res: Resources) -> bool:
    """Token ``i`` is a given name, written next to the surname after it, and not the person's own."""
    tokens = doc.tokens
    if doc.text[tokens[i].end : tokens[i + 1].start].strip():
        return False  # "in iowa, trump said": punctuation between
    if not doc.text[tokens[i].start : tokens[i].end].isalpha():
        return False  # "hdp co-leader demirtas"
    prev = doc.words[i]
    parts = {normalise_phrase(p) for p in (entry.name or "").lower().split()}
    if any(prev[:3] == part[:3] for part in parts) or prev in res.cues.get("honorific", _NONE):
        return False
    return _name_like(prev, res.closed_words)


def _compass_place(words: list[str], atom: Atom) -> bool:
    """ "the west of the country", "muslims in the west": a direction, not the Western powers."""
    if words[atom.start : atom.end] != ["the", "west"]:
        return False
    return (atom.end < len(words) and words[atom.end] == "of") or (atom.start > 0 and words[atom.start - 1] == "in")


def _sentence_span(doc: Document, i: int) -> tuple[int, int]:
    tokens = doc.tokens
    lo = i
    while lo > 0 and not tokens[lo].break_before:
        lo -= 1
    hi = i + 1
    while hi < len(tokens) and not tokens[hi].break_before:
        hi += 1
    return lo, hi


def _dual_national(doc: Document, atoms: list[Atom], k: int) -> Atom | None:
    """ "iran sentenced a swedish-iranian doctor": a dual national held by one of the two states is
    the other state's national. Returns the pair as one atom of the foreign state, or None."""
    first, second = atoms[k], atoms[k + 1]
    # adjacent, hyphened or not (scraped text drops the hyphen)
    if first.entry.kind != "adjective" or second.entry.kind != "adjective" or first.end != second.start:
        return None
    if k + 2 >= len(atoms) or atoms[k + 2].start != second.end or atoms[k + 2].entry.kind != "agent":
        return None
    lo, hi = _sentence_span(doc, first.start)
    others = {a.entry.country for n, a in enumerate(atoms) if n not in (k, k + 1) and lo <= a.start < hi}
    if (first.entry.country in others) == (second.entry.country in others):
        return None
    foreign = second if first.entry.country in others else first
    return Atom(first.start, second.end, foreign.entry)


def _join_dual_nationals(doc: Document, atoms: list[Atom]) -> list[Atom]:
    out: list[Atom] = []
    k = 0
    while k < len(atoms):
        pair = _dual_national(doc, atoms, k) if k + 1 < len(atoms) else None
        out.append(pair or atoms[k])
        k += 2 if pair else 1
    return out


def recognise_actors(doc: Document, res: Resources) -> Document:
    """Stage: fills ``doc.mentions`` (needs ``doc.tokens``)."""
    words = doc.words
    hits = res.actor_matcher.find(doc.joined()) + _case_sensitive_atoms(doc, res) + _lowercase_abbreviations(doc, res)
    hits += _lowercase_adjectives(doc, res, hits)
    hits += _glued_possessives(doc, res, hits)
    hits += _shared_compass_names(doc, res, hits)
    # "russian made rockets": the adjective describes an object, not an actor.
    objects = res.cues.get("object_maker", _NONE)
    selected = [a for a in _select(hits) if a.entry.kind != "water"]  # seas named after a state
    ends = {a.end: a.entry for a in selected}  # the actor each word ends, for the word after it
    cased = any(c.isupper() for c in doc.text)  # scraped renderings are lowercase throughout
    named_things = res.cues.get("place_named_thing", _NONE)
    # "anti-assad rebels", "the anti-is coalition": whom a group opposes is not the group
    opposing = res.cues.get("opposing_prefix", _NONE)
    sides = opposing | res.cues.get("affinity_prefix", _NONE)  # "pro-russian", "anti-american"
    atoms = [
        a
        for k, a in enumerate(selected)
        if not (a.start > 0 and words[a.start - 1] in opposing and a.entry.kind in ("org", "person"))
        and not _affinity(words, selected, k, sides)
        and not (a.entry.kind == "adjective" and a.end < len(words) and words[a.end] in objects)
        and not (a.entry.kind in ("capital", "place") and _names_a_thing(words, a.end, named_things))
        and not _compass_place(words, a)
        and not _region_describing_a_state(words, a, res)
        and not _sports_side(words, a, res)
        and not _homograph(words, a, res)
        and not _someone_elses_surname(doc, a, ends, res)
        and not _uncapitalised_name(doc, a, cased)
        and not _article_common_noun(doc, a, cased, res)
    ]
    atoms = [_european_union_act(words, a, res) for a in atoms]
    atoms = [_namesake_abroad(doc, atoms, a, res) for a in atoms]
    mentions = _Composer(doc, res, _join_dual_nationals(doc, atoms), doc.date).compose()
    doc.mentions = _org_anaphors(doc, res, _with_local_names(doc, res, mentions))
    for m in doc.mentions:
        if m.start > 0 and words[m.start - 1] == "ethnic" and m.kind in ("adjective", "people", "agent"):
            # "ethnic albanians in macedonia": a people, located by the sentence, not a state.
            m.actor.country, m.actor.code = None, None
            m.actor.sector = m.actor.sector or "CVL"
    doc.mentions = [m for m in doc.mentions if not _bare_region(m, res) and not _wire_credit(doc, m)]
    _definite_titles(doc, doc.mentions, res)
    _inherit_countries(doc, doc.mentions, res)
    return doc


def _wire_credit(doc: Document, m: Mention) -> bool:
    """ "WARSAW (Reuters) -", "KYIV, Ukraine (AP) —", scraped "warsaw reuters poland ...": a news
    agency credited in brackets or right after a dateline's place only carries the story; it is no
    party to the events told after it."""
    if m.actor.sector != "MED" or m.kind != "org":
        return False
    text, tokens = doc.text, doc.tokens
    start, end = tokens[m.start].start, tokens[m.end - 1].end
    if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
        return True
    return m.start > 0 and _dateline_place(doc, m.start)


def _dateline_place(doc: Document, end: int) -> bool:
    """A place or state opens the sentence and ends right before token ``end``."""
    for other in doc.mentions:
        if other.end == end and other.kind in ("capital", "place", "country"):
            return other.start == 0 or doc.tokens[other.start].break_before
    return False


def _bare_region(m: Mention, res: Resources) -> bool:
    """ "the middle east", "asian", "central america": a region named alone acts on no one, is acted
    on by no one and lends no sector word its name (the benchmark codes no region); a sector word
    it qualifies ("european officials") stays."""
    if m.titled or m.actor.sector or m.actor.org or not m.actor.country:
        return False
    record = res.countries.get(m.actor.country)
    return record is not None and record.kind == "region"
