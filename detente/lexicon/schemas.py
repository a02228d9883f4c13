"""Schemas of the data files in ``detente/data``. Documented field by field in ``docs/data-files.md``.

Phrases are written in normalised form (see :func:`detente.lexicon.load.normalise_phrase`):
lowercase a-z, 0-9 and single spaces, so "U.S." is written "u s" and "China's" "china s".
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from detente.lexicon.load import normalise_phrase

SECTORS = {
    "GOV",
    "MIL",
    "COP",
    "JUD",
    "LEG",
    "BUS",
    "MED",
    "OPP",
    "REB",
    "INS",
    "CVL",
    "REF",
    "EDU",
    "LAB",
    "HLH",
    "NGO",
    "IGO",
    "ELI",
    "SPY",
    "CRM",
    "UAF",
    "PTY",
    "AGR",
    "REL",
    "MOD",
    "RAD",
    "IMG",
    "MNC",
    "ENV",
    "HRI",
    "SEP",
    "DEV",
    "SET",
    "IMGMIL",
}


def _phrase(value: str) -> str:
    if not value or normalise_phrase(value) != value:
        raise ValueError(f"phrase {value!r} is not in normalised form ({normalise_phrase(value)!r})")
    return value


def _country(value: str) -> str:
    if not re.fullmatch(r"[A-Z]{3}", value):
        raise ValueError(f"{value!r} is not a three-letter upper-case country code")
    return value


def _sector(value: str) -> str:
    if value not in SECTORS:
        raise ValueError(f"unknown sector {value!r}; known: {', '.join(sorted(SECTORS))}")
    return value


def _cameo(value: str) -> str:
    if not re.fullmatch(r"\d{2,4}", value):
        raise ValueError(f"{value!r} is not a CAMEO event code (2-4 digits)")
    return value


Phrase = Annotated[str, AfterValidator(_phrase)]
CountryCode = Annotated[str, AfterValidator(_country)]
SectorCode = Annotated[str, AfterValidator(_sector)]
CameoCode = Annotated[str, AfterValidator(_cameo)]


class Strict(BaseModel):
    # defer_build: validators are built when a data file is first validated, not at import, so a
    # process that takes its lexicons from the cache (detente.lexicon.cache) never builds them
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class CountryRecord(Strict):
    """``data/actors/countries.jsonl``: a state, territory or historical state."""

    code: CountryCode
    name: str
    kind: Literal["state", "observer", "territory", "historical", "region"]
    names: list[Phrase] = Field(min_length=1)
    adjectives: list[Phrase] = []
    people: list[Phrase] = []
    capitals: list[Phrase] = []  # used as metonyms for the government ("beijing said")
    seats: list[Phrase] = []  # seats of power ("the kremlin", "downing street")
    places: list[Phrase] = []  # other cities and regions whose mention implies the country
    case_sensitive: list[str] = []  # forms matched only as written in capitals ("US")
    until: dt.date | None = None  # for historical states: when the state ended


class OrganisationRecord(Strict):
    """``data/actors/organisations.jsonl``: IGOs, NGOs, militant groups, companies, media."""

    code: str = Field(pattern=r"^[A-Z0-9]{2,12}$")
    name: str
    type: Literal["IGO", "NGO", "IMG", "MNC", "DOMESTIC"]
    names: list[Phrase] = Field(min_length=1)
    country: CountryCode | None = None  # domestic bodies count as their country
    sector: SectorCode | None = None
    parent: str | None = Field(default=None, pattern=r"^[A-Z0-9]{2,12}$")  # an organ counts for it (UNSC -> UN)
    case_sensitive: list[str] = []
    # a movement that took power: from this date it is its country's government (Taliban, 2021-08-15)
    in_power_since: dt.date | None = None

    @model_validator(mode="after")
    def _domestic_has_country(self) -> OrganisationRecord:
        if self.type == "DOMESTIC" and not (self.country and self.sector):
            raise ValueError("a DOMESTIC organisation needs both country and sector")
        return self


class AgentRecord(Strict):
    """``data/actors/agents.jsonl``: sector words and titles ("troops", "foreign minister")."""

    phrase: Phrase
    sector: SectorCode
    kind: Literal["title", "body", "group"]
    office: str | None = None  # office key in people.jsonl terms, for "the russian president"


class OfficeTerm(Strict):
    office: str = Field(pattern=r"^[a-z_]+$")
    title: Phrase
    country: CountryCode | None = None
    org: str | None = Field(default=None, pattern=r"^[A-Z0-9]{2,12}$")
    sector: SectorCode
    to: CountryCode | None = None  # ambassadors and envoys: the country they are posted to
    shared: bool = False  # collective offices (Bosnia's presidency) are exempt from the overlap check
    start: dt.date | None = None
    end: dt.date | None = None  # None: still in office (or unknown)

    @model_validator(mode="after")
    def _ordered(self) -> OfficeTerm:
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"term ends ({self.end}) before it starts ({self.start})")
        if not (self.country or self.org):
            raise ValueError("a term needs a country or an org")
        return self


class PersonRecord(Strict):
    """``data/actors/people*.jsonl``: a person and the offices they held, dated."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    names: list[Phrase] = Field(min_length=1)
    terms: list[OfficeTerm] = Field(min_length=1)


class CameoRecord(Strict):
    """``data/events/cameo.jsonl``: one CAMEO event code with its scales."""

    code: CameoCode
    label: str
    goldstein: float = Field(ge=-10, le=10)
    plover: str | None = None
    quad_class: int = Field(ge=1, le=4)
    # Only a state's authorities do it (arrest, deport, impose a curfew): "he was arrested in
    # kampala", with no agent named, is coded with the state where it happened as the source.
    state_act: bool = False


# Pattern tokens that match a kind of word rather than a word (the caller tags the tokens):
# ``<place>`` is the first word of a city, region or capital named by its noun ("seized Kabul").
PLACEHOLDERS = frozenset({"<place>"})


class PatternRecord(Strict):
    """``data/events/patterns-*.jsonl``: a verb or noun pattern that signals an event.

    Pattern syntax, token by token: ``word``; ``a|b`` alternatives; ``word+`` every inflection
    of ``word`` (agree+ = agree, agrees, agreed, agreeing); ``*`` up to four other words;
    ``*N`` up to N (1-8). A pattern may not start or end with a gap. ``<place>`` (see
    ``PLACEHOLDERS``) matches a named place; a pattern may not start with it.

    ``not_followed_by`` / ``not_preceded_by``: phrases in the same syntax that veto a hit when they
    come right after its last word ("meet+" not followed by ``*2 requirement+``) or right before
    its first ("host+" not preceded by ``a``), inside its clause. A leading gap in a
    ``not_followed_by`` phrase (a trailing one in ``not_preceded_by``) lets words come between.
    ``not_within``: words (``a|b``, ``word+``) that veto a hit when one fills one of its gaps
    ("hand+ over *4 to" is no release of people when the thing handed over is a warship).
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)

    code: CameoCode
    pattern: str
    roles: Literal["forward", "reverse", "joint"] = "forward"
    contexts: list[str] = []
    note: str | None = None
    # ``id`` names the pattern in ``detente explain``; without one it is "CODE:pattern".
    id: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9_.:-]*$")
    examples: list[str] = []  # sentences this pattern must code (checked by the tests)
    not_: list[str] = Field(default=[], alias="not")  # sentences it must not fire on
    not_followed_by: list[str] = []  # phrases after the hit that veto it (see the class doc)
    not_preceded_by: list[str] = []  # phrases before the hit that veto it
    not_within: list[str] = []  # words in the hit's gaps that veto it

    @property
    def pattern_id(self) -> str:
        return self.id or f"{self.code}:{self.pattern}"

    @model_validator(mode="after")
    def _syntax(self) -> PatternRecord:
        _check_pattern(self.pattern, "pattern")
        for guard in self.not_followed_by:
            _check_pattern(guard, "not_followed_by", lead_gap=True)
        for guard in self.not_preceded_by:
            _check_pattern(guard, "not_preceded_by", trail_gap=True)
        for word in self.not_within:
            for alt in word.split("|"):
                _check_alternative(alt, "not_within")
        return self


def _check_pattern(text: str, field: str, *, lead_gap: bool = False, trail_gap: bool = False) -> None:
    """The pattern syntax of :class:`PatternRecord`; a guard phrase may open (or close) with a gap."""
    tokens = text.split()
    if not tokens:
        raise ValueError(f"empty {field}")
    words = [t for t in tokens if not t.startswith("*")]
    if not words:
        raise ValueError(f"{field} {text!r} has no word")
    if (tokens[0].startswith("*") and not lead_gap) or (tokens[-1].startswith("*") and not trail_gap):
        raise ValueError(f"{field} {text!r} may not start or end with a gap")
    if field == "pattern" and not PLACEHOLDERS.isdisjoint(tokens[0].split("|")):
        raise ValueError(f"a pattern may not start with a placeholder ({text!r})")
    for tok in tokens:
        if tok.startswith("*"):
            if tok != "*" and not re.fullmatch(r"\*[1-8]", tok):
                raise ValueError(f"bad gap {tok!r} in {field}: use * or *1..*8")
            continue
        for alt in tok.split("|"):
            _check_alternative(alt, field)


def _check_alternative(alt: str, field: str) -> None:
    if alt in PLACEHOLDERS:
        return
    word = alt[:-1] if alt.endswith("+") else alt
    if not re.fullmatch(r"[a-z0-9]+", word):
        raise ValueError(f"bad token {alt!r} in {field} (lowercase a-z0-9, optional +)")


class ContextRecord(Strict):
    """``data/events/contexts.jsonl``: words that put an event in a sphere (military, energy...)."""

    context: str = Field(pattern=r"^[a-z_]+$")
    phrases: list[Phrase] = Field(min_length=1)


class ModalityRecord(Strict):
    """``data/events/modality.jsonl``: how plans and refusals re-code an event root.

    ``planned``: code for a promise or plan of this root's action (06 -> 031, 19 -> 138);
    ``refused``: code when the actor declines or refuses it (04 -> 125); None drops the event;
    ``demanded``: code when a speaker says another actor must do it (08 -> 105); None keeps the code.
    """

    root: str = Field(pattern=r"^\d{2}$")
    planned: CameoCode | None = None
    refused: CameoCode | None = None
    demanded: CameoCode | None = None


class CueRecord(Strict):
    """``data/text/cues.jsonl``: closed-class words the resolver and segmenter rely on."""

    kind: Literal[
        "hypothetical_determiner",
        "idiom_not_event",
        "condition_opener",
        "temporal_condition",
        "future_temporal",
        "open_question",
        "water_body",
        "place_named_thing",
        "foreign_mission",
        "event_head_noun",
        "topic_preposition",
        "relation_noun",
        "impersonal_cause",
        "death_verb",
        "state_sector",
        "negation",
        "negative_subject",
        "obligation",
        "refusal",
        "warning",
        "opposing_prefix",
        "future",
        "plan",
        "preparation",
        "condition",
        "speech",
        "report_verb",
        "passive_aux",
        "clause_start",
        "relative",
        "preposition",
        "coordination",
        "locative",
        "possibility",
        "qualifier",
        "owner_qualifier",
        "place_qualifier",
        "quantity_head",
        "question_opener",
        "verb_opener",
        "pronoun_singular",
        "pronoun_plural",
        "reciprocal_subject",
        "reciprocal_pronoun",
        "conflict_parties",
        "historical",
        "depiction",
        "duration_unit",
        "duration_count",
        "remembrance",
        "lament",
        "hostage_noun",
        "violence_noun",
        "effect_verb",
        "excess_degree",
        "abbreviation",
        "speech_filler",
        "harm_participle",
        "broker_participle",
        "broker_noun",
        "receiving_verb",
        "facing_verb",
        "helping_verb",
        "place_preposition",
        "article",
        "honorific",
        "passive_adverb",
        "irregular_participle",
        "direction",
        "event_locative",
        "border_noun",
        "settlement_noun",
        "venue_noun",
        "noun_premodifier",
        "phrase_preposition",
        "agent_noun",
        "adjunct_blocker",
        "report_channel",
        "attribution",
        "trigger_determiner",
        "background",
        "background_filler",
        "deadline",
        "month_context",
        "year_context",
        "finite_verb",
        "clause_opener",
        "subordinator",
        "relative_opener",
        "subject_pronoun",
        "compound_participle",
        "not_before_subject",
        "abbreviation_next",
        "pronoun_governor",
        "place_governor",
        "compass_direction",
        "object_maker",
        "sports_head",
        "country_homograph",
        "name_homograph",
        "name_homograph_head",
        "audience_verb",
        "directive",
        "directive_appeal",
        "prediction",
        "plan_possessive",
        "prevention",
        "prose_grammar",
        "prose_opening_verb",
        "verb_abbreviation",
        "verb_abbreviation_next",
        "prose_joining",
        "anaphoric_determiner",
        "inclusion",
        "means_verb",
        "generic_subject",
        "installed_by",
        "former",
        "group_possessive",
        "inherit_barrier",
        "outward_appeal",
        "charity_head",
        "affinity_prefix",
        "state_noun",
        "member_state_noun",
        "eu_act_noun",
        "fronted_opener",
        "adjunct_opener",
        "not_subheading_first",
        "hyphen_prefix",
        "abbreviation_stop",
        "split_prefix",
        "function_word",
        "org_anaphor",
        "armed_anaphor",
        "act_anaphor",
        "act_complement",
        "partitive",
        "place_count",
        "speaker_possessive",
        "start_blocker",
        "time_zone",
        "marker_blocker",
        "opposition_word",
        "insurgent_word",
        "security_word",
        "attacker_noun",
        "victim_verb",
        "date_end",
        "holding_participle",
    ]
    phrases: list[Phrase] = Field(min_length=1)


class ChromeRecord(Strict):
    """``data/text/chrome.jsonl``: site furniture. ``marker`` starts a block of unrelated items;
    ``line`` is furniture by itself (removed, nothing after it is skipped); ``credit``, ``outlet``,
    ``stamp``, ``clock``, ``trailer``, ``link``, ``byline`` and ``job_title`` words find captions,
    datelines, update stamps, a story's closing credits, link lines and bylines (``segment.furniture``)."""

    kind: Literal["marker", "line", "credit", "outlet", "stamp", "clock", "trailer", "link", "byline", "job_title"]
    phrases: list[Phrase] = Field(min_length=1)


class TimeWordRecord(Strict):
    """``data/text/dates.jsonl``: month and weekday names and relative time words."""

    kind: Literal["month", "weekday", "relative"]
    phrase: Phrase
    value: int  # month 1-12, weekday 0=monday, or relative offset in units of ``unit``
    unit: Literal["day", "week", "month", "year"] | None = None


class QuantityWordRecord(Strict):
    """``data/text/quantities.jsonl``: number words, scales, currencies and units of duration."""

    kind: Literal["number", "scale", "currency", "duration"]
    phrase: Phrase
    value: int | float | None = None  # number and scale: the amount ("billion" -> 1e9)
    code: str | None = None  # currency: ISO 4217 ("USD"); duration: the unit ("year")

    @model_validator(mode="after")
    def _complete(self) -> QuantityWordRecord:
        needs_value = self.kind in ("number", "scale")
        if needs_value != (self.value is not None) or needs_value == (self.code is not None):
            raise ValueError("number and scale words take a value; currency and duration words a code")
        return self
