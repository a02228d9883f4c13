"""Everything the coder knows, loaded once from the validated data files.

``load_resources()`` reads ``detente/data`` plus any user data directories (option
``--data-dir`` or the ``DETENTE_DATA`` environment variable, ``os.pathsep``-separated) and
compiles the phrase matchers. The result is immutable and cached, so a worker process
loads it once and codes any number of documents with it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from detente.errors import LexiconError, LexiconErrors
from detente.lexicon.letters import crude_spellings
from detente.lexicon.load import load_many
from detente.lexicon.matcher import PhraseMatcher
from detente.lexicon.schemas import (
    AgentRecord,
    CameoRecord,
    ChromeRecord,
    ContextRecord,
    CountryRecord,
    CueRecord,
    ModalityRecord,
    OrganisationRecord,
    PatternRecord,
    PersonRecord,
    QuantityWordRecord,
    TimeWordRecord,
)

DATA_DIR = Path(__file__).parent / "data"


if TYPE_CHECKING:
    from detente.lexicon.patterns import PatternMatcher


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """What a matched actor phrase stands for."""

    kind: str  # country | adjective | people | capital | seat | place | org | agent | person | water
    country: str | None = None
    org: str | None = None
    org_type: str | None = None
    sector: str | None = None
    agent_kind: str | None = None  # title | body | group
    office: str | None = None
    person_id: str | None = None
    name: str | None = None
    in_power_since: dt.date | None = None  # a domestic group that became the government then


@dataclass(frozen=True, slots=True)
class Term:
    person_id: str
    name: str
    office: str
    title: str
    country: str | None
    org: str | None
    sector: str
    to: str | None
    start: dt.date | None
    end: dt.date | None

    def active(self, day: dt.date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(slots=True)
class Resources:
    countries: dict[str, CountryRecord]
    organisations: dict[str, OrganisationRecord]
    people: dict[str, PersonRecord]
    terms_by_person: dict[str, list[Term]]
    terms_by_office: dict[tuple[str, str], list[Term]]
    cameo: dict[str, CameoRecord]
    modality: dict[str, ModalityRecord]
    actor_matcher: PhraseMatcher[ActorEntry]
    case_sensitive: dict[str, ActorEntry]  # exact written form ("US", "WHO") -> entry
    case_sensitive_regex: re.Pattern[str] | None
    pattern_records: list[PatternRecord]
    context_matcher: PhraseMatcher[str]
    context_names: tuple[str, ...]
    cues: dict[str, frozenset[str]]
    chrome_matcher: PhraseMatcher[str]
    time_words: dict[str, TimeWordRecord]
    quantity_words: dict[str, dict[str, QuantityWordRecord]]  # kind -> phrase -> record
    closed_words: frozenset[str] = frozenset()  # function words and cue words: never part of a name
    organisation_names: frozenset[str] = frozenset()  # every organisation's own names, normalised
    sources: list[Path] = field(default_factory=list)
    event_matcher: PatternMatcher | None = None  # built lazily below




def data_dirs(extra: tuple[str, ...] = ()) -> list[Path]:
    dirs = [DATA_DIR]
    env = os.environ.get("DETENTE_DATA", "")
    dirs += [Path(p) for p in env.split(os.pathsep) if p]
    dirs += [Path(p) for p in extra]
    return dirs


def _files(dirs: list[Path], pattern: str) -> list[Path]:
    out: list[Path] = []
    for d in dirs:
        out.extend(sorted(d.glob(pattern)))
    return out


def _actor_entries(
    countries: list[CountryRecord],
    orgs: list[OrganisationRecord],
    agents: list[AgentRecord],
    people: list[PersonRecord],
    waters: set[str],
) -> list[tuple[str, ActorEntry]]:
    # "the south china sea", "the gulf of oman": a sea named after a state is no actor
    entries: list[tuple[str, ActorEntry]] = [(p, ActorEntry(kind="water")) for p in waters]
    for c in countries:
        for kind, phrases in (
            ("country", c.names),
            ("adjective", c.adjectives),
            ("people", c.people),
            ("capital", c.capitals),
            ("seat", c.seats),
            ("place", c.places),
        ):
            sector = "GOV" if kind in ("capital", "seat") else None
            entries += [(p, ActorEntry(kind=kind, country=c.code, sector=sector, name=c.name)) for p in phrases]
    for o in orgs:
        if o.type == "DOMESTIC":
            entry = ActorEntry(
                kind="org", country=o.country, sector=o.sector, name=o.name, org_type="DOMESTIC",
                in_power_since=o.in_power_since,
            )
        else:
            entry = ActorEntry(kind="org", org=o.parent or o.code, org_type=o.type, sector=o.sector, name=o.name)
        entries += [(p, entry) for p in o.names]
    for a in agents:
        entries.append((a.phrase, ActorEntry(kind="agent", sector=a.sector, agent_kind=a.kind, office=a.office)))
    for person in people:
        entry = ActorEntry(kind="person", person_id=person.id, name=person.name)
        # A bare acronym ("akk", "jfk") is too ambiguous in lowercase text to stand for a person; a
        # short surname ("xi", "abe") is part of the full name and stays.
        full = set(person.name.lower().split())
        entries += [(p, entry) for p in person.names if " " in p or len(p) > 3 or p in full]
        entries += [(p, entry) for p in crude_spellings(person.name) if p not in person.names]
    return entries


def _case_sensitive(countries: list[CountryRecord], orgs: list[OrganisationRecord]) -> dict:
    table: dict[str, ActorEntry] = {}
    for c in countries:
        for form in c.case_sensitive:
            table[form] = ActorEntry(kind="country", country=c.code, name=c.name)
    for o in orgs:
        for form in o.case_sensitive:
            if o.type == "DOMESTIC":
                entry = ActorEntry(kind="org", country=o.country, sector=o.sector, name=o.name)
            else:
                entry = ActorEntry(kind="org", org=o.parent or o.code, org_type=o.type, sector=o.sector, name=o.name)
            table[form] = entry
    return table


def _forms_regex(forms: dict[str, ActorEntry]) -> re.Pattern[str] | None:
    """One regex for every case-sensitive form, longest first, on word boundaries."""
    if not forms:
        return None
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")


def _terms(people: list[PersonRecord]) -> tuple[dict, dict]:
    by_person: dict[str, list[Term]] = {}
    by_office: dict[tuple[str, str], list[Term]] = {}
    for person in people:
        for t in person.terms:
            term = Term(
                person_id=person.id,
                name=person.name,
                office=t.office,
                title=t.title,
                country=t.country,
                org=t.org,
                sector=t.sector,
                to=t.to,
                start=t.start,
                end=t.end,
            )
            by_person.setdefault(person.id, []).append(term)
            by_office.setdefault((t.country or t.org or "", t.office), []).append(term)
    return by_person, by_office


_SINGLE_HOLDER = frozenset({"head_of_state", "head_of_government", "foreign_minister", "defence_minister", "org_head"})
_TermSeen = tuple[Path, int, str, "dt.date | None", "dt.date | None"]


def _overlaps(path: Path, line: int, person: PersonRecord, term, seen: dict) -> list[LexiconError]:  # noqa: ANN001
    """Errors for ``term`` overlapping another person's term in the same single-holder office."""
    key = (term.country or term.org or "", term.office)
    errors = []
    for o_path, o_line, o_id, o_start, o_end in seen.get(key, []):
        lo = max(term.start or dt.date.min, o_start or dt.date.min)
        hi = min(term.end or dt.date.max, o_end or dt.date.max)
        if o_id != person.id and (hi - lo).days > 1:
            errors.append(
                LexiconError(
                    str(path),
                    line,
                    f"{person.id}'s term as {term.office} of {key[0]} ({term.start}..{term.end}) "
                    f"overlaps {o_id}'s ({o_start}..{o_end}) at {o_path}:{o_line}",
                )
            )
    seen.setdefault(key, []).append((path, line, person.id, term.start, term.end))
    return errors


def check_people(paths_records: list[tuple[Path, int, PersonRecord]], countries: set[str]) -> None:
    """Cross-record checks: known country codes, no overlapping terms in single-holder offices."""
    errors: list[LexiconError] = []
    seen: dict[tuple[str, str], list[_TermSeen]] = {}
    ids: dict[str, tuple[Path, int]] = {}
    for path, line, person in paths_records:
        if person.id in ids:
            first = ids[person.id]
            errors.append(
                LexiconError(str(path), line, f"person id {person.id!r} already used at {first[0]}:{first[1]}")
            )
        ids[person.id] = (path, line)
        for term in person.terms:
            unknown = [code for code in (term.country, term.to) if code and code not in countries]
            errors += [LexiconError(str(path), line, f"unknown country code {c!r} in {person.id}") for c in unknown]
            if term.office in _SINGLE_HOLDER and not term.shared:
                errors += _overlaps(path, line, person, term, seen)
    if errors:
        raise LexiconErrors(errors)


@dataclass
class _Records:
    """Every data file's records with their file and line, as read and validated one by one."""

    countries: list = field(default_factory=list)
    orgs: list = field(default_factory=list)
    agents: list = field(default_factory=list)
    people: list = field(default_factory=list)
    cameo: list = field(default_factory=list)
    patterns: list = field(default_factory=list)
    modality: list = field(default_factory=list)
    contexts: list = field(default_factory=list)
    cues: list = field(default_factory=list)
    chrome: list = field(default_factory=list)
    time_words: list = field(default_factory=list)
    quantity_words: list = field(default_factory=list)


_FILES = {  # _Records field -> (file pattern, schema)
    "countries": ("actors/countries*.jsonl", CountryRecord),
    "orgs": ("actors/organisations*.jsonl", OrganisationRecord),
    "agents": ("actors/agents*.jsonl", AgentRecord),
    "people": ("actors/people*.jsonl", PersonRecord),
    "cameo": ("events/cameo*.jsonl", CameoRecord),
    "patterns": ("events/patterns*.jsonl", PatternRecord),
    "modality": ("events/modality*.jsonl", ModalityRecord),
    "contexts": ("events/contexts*.jsonl", ContextRecord),
    "cues": ("text/cues*.jsonl", CueRecord),
    "chrome": ("text/chrome*.jsonl", ChromeRecord),
    "time_words": ("text/dates*.jsonl", TimeWordRecord),
    "quantity_words": ("text/quantities*.jsonl", QuantityWordRecord),
}


def _read(dirs: list[Path]) -> _Records:
    """Read every file; all schema errors of all files are reported together."""
    records, errors = _Records(), []
    for name, (pattern, schema) in _FILES.items():
        try:
            setattr(records, name, load_many(_files(dirs, pattern), schema))
        except LexiconErrors as exc:
            errors.extend(exc.errors)
    if errors:
        raise LexiconErrors(errors)
    return records


def _cross_check(r: _Records) -> None:
    """Checks across records: people's offices and countries, organisation parents, CAMEO codes
    of patterns and modality, and pattern ids (``detente explain`` names patterns by them)."""
    check_people(r.people, {c.code for _, _, c in r.countries})
    errors = []
    org_codes = {o.code for _, _, o in r.orgs}
    errors += [LexiconError(str(path), line, f"unknown parent organisation {o.parent!r}")
               for path, line, o in r.orgs if o.parent and o.parent not in org_codes]
    cameo = {c.code for _, _, c in r.cameo}
    errors += [LexiconError(str(path), line, f"unknown CAMEO code {p.code!r}")
               for path, line, p in r.patterns if p.code not in cameo]
    errors += [LexiconError(str(path), line, f"unknown CAMEO code {code!r}")
               for path, line, m in r.modality for code in (m.planned, m.refused, m.demanded)
               if code and code not in cameo]
    first_seen: dict[str, tuple[Path, int]] = {}
    for path, line, p in r.patterns:
        if p.pattern_id in first_seen:
            where = first_seen[p.pattern_id]
            message = f"pattern id {p.pattern_id!r} already used at {where[0]}:{where[1]}"
            errors.append(LexiconError(str(path), line, message))
        first_seen.setdefault(p.pattern_id, (path, line))
    if errors:
        raise LexiconErrors(errors)


# Cue kinds whose words may still be parts of names ("Sen", "Col", "Co" in scraped text; "Abu", "bin").
_NAME_PARTS = frozenset(["abbreviation_stop", "split_prefix", "water_body", "hyphen_prefix"])


def _closed_words(cue_sets: dict[str, set[str]]) -> frozenset[str]:
    """Closed-class words never start or continue a person's name: every cue word (the
    ``function_word`` kind among them) except abbreviations and prefixes."""
    words = {w for kind, v in cue_sets.items() if kind not in _NAME_PARTS for p in v for w in p.split()}
    return frozenset(words | cue_sets.get("function_word", set()))


def _by_kind(records: list) -> dict[str, dict[str, QuantityWordRecord]]:
    out: dict[str, dict[str, QuantityWordRecord]] = {}
    for _, _, q in records:
        out.setdefault(q.kind, {})[q.phrase] = q
    return out


def _load(dirs: list[Path]) -> Resources:
    r = _read(dirs)
    _cross_check(r)
    people_records = [p for _, _, p in r.people]
    by_person, by_office = _terms(people_records)
    cue_sets: dict[str, set[str]] = {}
    for _, _, c in r.cues:
        cue_sets.setdefault(c.kind, set()).update(c.phrases)
    country_list = [c for _, _, c in r.countries]
    org_list = [o for _, _, o in r.orgs]
    case_sensitive = _case_sensitive(country_list, org_list)
    resources = Resources(
        countries={c.code: c for c in country_list},
        organisations={o.code: o for o in org_list},
        organisation_names=frozenset(n for o in org_list for n in o.names),
        people={p.id: p for p in people_records},
        terms_by_person=by_person,
        terms_by_office=by_office,
        cameo={c.code: c for _, _, c in r.cameo},
        modality={m.root: m for _, _, m in r.modality},
        actor_matcher=PhraseMatcher(
            _actor_entries(
                country_list, org_list, [a for _, _, a in r.agents], people_records, cue_sets.get("water_body", set())
            )
        ),
        case_sensitive=case_sensitive,
        case_sensitive_regex=_forms_regex(case_sensitive),
        pattern_records=[p for _, _, p in r.patterns],
        context_matcher=PhraseMatcher((p, c.context) for _, _, c in r.contexts for p in c.phrases),
        context_names=tuple(sorted({c.context for _, _, c in r.contexts})),
        cues={k: frozenset(v) for k, v in cue_sets.items()},
        chrome_matcher=PhraseMatcher((p, c.kind) for _, _, c in r.chrome for p in c.phrases),
        time_words={t.phrase: t for _, _, t in r.time_words},
        quantity_words=_by_kind(r.quantity_words),
        closed_words=_closed_words(cue_sets),
        sources=dirs,
    )
    from detente.lexicon.patterns import PatternMatcher  # late: compiling patterns needs lemminflect

    resources.event_matcher = PatternMatcher(resources.pattern_records)
    return resources


# The modules whose code decides the compiled form: a change to one of them rebuilds the cache.
_COMPILER_CODE = (
    Path(__file__),
    Path(__file__).parent / "lexicon" / "schemas.py",
    Path(__file__).parent / "lexicon" / "matcher.py",
    Path(__file__).parent / "lexicon" / "patterns.py",
    Path(__file__).parent / "lexicon" / "letters.py",
)


def data_files(dirs: list[Path]) -> list[Path]:
    """Every data file the loader may read from ``dirs``, in a stable order."""
    return [path for d in dirs for path in sorted(d.glob("*/*.jsonl"))]


def _load_or_compile(dirs: tuple[str, ...]) -> Resources:
    """The compiled resources from the on-disk cache (:mod:`detente.lexicon.cache`) when the data
    files and the code are as they were, else loaded, validated and compiled (and cached)."""
    from detente.lexicon.cache import cached, content_key
    from detente.lexicon.lemmas import lemminflect_files  # its version decides the inflections

    paths = [Path(d) for d in dirs]
    try:
        key = content_key("resources", data_files(paths), [*_COMPILER_CODE, *lemminflect_files()])
    except OSError:  # a file vanished or is unreadable: loading reports it with its name
        return _load(paths)
    return cached("resources", key, lambda: _load(paths), accept=Resources)


@lru_cache(maxsize=8)
def _load_dirs(dirs: tuple[str, ...]) -> Resources:
    return _load_or_compile(dirs)


def load_resources(extra_dirs: tuple[str, ...] = ()) -> Resources:
    """Load and compile all data files: once per process for each set of data directories in
    force (the bundled data, ``DETENTE_DATA`` as it is now, and ``extra_dirs``), and from the
    on-disk cache when nothing changed since a process compiled them."""
    return _load_dirs(tuple(str(d) for d in data_dirs(tuple(extra_dirs))))


load_resources.cache_info = _load_dirs.cache_info  # type: ignore[attr-defined]
load_resources.cache_clear = _load_dirs.cache_clear  # type: ignore[attr-defined]
