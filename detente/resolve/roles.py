"""Who is the source and who the target of a trigger, without a parser.

Within the trigger's clause: the subject is the nearest actor before the trigger that is not
the object of a preposition; coordinated subjects ("china and russia announced") act
jointly; the target is the first actor after the trigger. Passive voice ("was condemned
by X", "signed by X"), reversed patterns, "between X and Y", reported speech ("..., the
white house said"), pronouns and "the two sides" are handled on top of that.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from detente.actors.topics import article_mentions
from detente.model import Actor, Document, Mention, Segment, Trigger
from detente.resources import Resources


@dataclass(slots=True)
class Roles:
    sources: list[Mention] = field(default_factory=list)
    targets: list[Mention] = field(default_factory=list)
    joint: bool = False
    inferred: bool = False  # an actor came from outside the clause (pronoun, speaker, context)
    rule: str = ""  # the binding rule that chose the source (and the target, unless target_rule says)
    target_rule: str = ""


@dataclass(slots=True)
class _Clause:
    """What every binding rule looks at: the trigger, its clause and the actors around it."""

    seg: Segment
    trig: Trigger
    in_seg: list[Mention]
    inside: list[Mention]  # keyed actors inside the trigger's own words
    keyed: list[Mention]  # keyed actors in the clause, outside the trigger
    before: list[Mention]  # ... close enough before it to be its subject
    after: list[Mention]


_MAX_SUBJECT_DISTANCE = 15
_FACING_GAP = 3  # modifiers between a facing verb and the judgement: "faces | mounting international | criticism"
_VICTIM_REACH = 5  # words from a suffering subject to the attack it suffered: "suffered its deadliest"
_PERFECT = frozenset(["has", "have", "had"])
_TAKEN_FROM = frozenset(["192", "1711"])  # occupy territory, confiscate property: taken from someone
TAKEN_FROM = "whom it was taken from"
JUDGED_DOER = "the doer of the act judged, named after 'by'"
GIFT_TO = "a gift goes to whom 'to' names"
PLACE_AGENT = "place stands for the unnamed agent"
STATE_IN_ACT = "the state named in the violent act"
STATE_QUALIFYING = "the state qualifying the violent act"
ONE_OF = "the head of 'one of' the group a relative clause describes"
_QUOTE_MARKS = frozenset('"“”\'‘’`')
FORCE_ON_PLACE = "co-subjects used force on the place named"

# what follows a dateline's place: "SEOUL —", "DHAKA, BANGLADESH —", "MOSCOW (Reuters) -"
_DATELINE_END = re.compile(r"(?:,\s*[A-Z][A-Z .]+)?\s*(?:[—–]|-\s|\((?:AP|AFP|Reuters|VOA)\))")
_LOOKBACK = 400  # tokens: how far back a pronoun, "the two sides" or an implied target may reach
# not "them": "fighters occupying | them" (the buildings); nor "their"
_POINTING = frozenset(["him", "her", "its", "his"])
_RECIPROCAL_SENTENCES = 2  # sentences before its own that "the two sides" reaches back into
_PARTITIVE_REACH = 4  # "one of | the five eu | members that": words from "of" to the group's actor
_ACT_SENTENCES = 3  # sentences before its own that "the attack", "the decision" reaches back into
_SIDES_REACH = 5  # words after an appeal's trigger where "all sides", "the parties" may stand
_SIDES = "the sides appealed to: the parties of the last act told"
_SUBJECT_REACH = 120  # tokens: how far back "it" looks for the subject of the sentence before (long-form runs long)
VIOLENT_ROOTS = frozenset(["18", "19", "20"])
# Statements, appeals, demands, accusations, rejections, threats: about a place they name
# ("condemned the coup in niger"); other acts only happen there ("met in madrid").
VERBAL_ROOTS = frozenset(["01", "02", "10", "11", "12", "13"])
FORCE_POSTURE = "15"
# what several parties each say of another ("condemned the attack"), unlike a statement or denial (01)
# that co-subjects make of each other or of no one ("moscow and damascus denied responsibility")
JUDGING_ROOTS = VERBAL_ROOTS - {"01"}
MEDIATION = "045"  # co-mediators ("mediated by qatar and egypt") act on the parties, not on each other
MEDIATION_OFFER = "039"  # nor does one offering to mediate offer it to its own country
_DOERS = "the doers heading the trigger"
_NOMINAL_AGENT = "agent named after 'by' right after a noun trigger"
_OF_BY = "an act noun's object after 'of', its doer after 'by'"
_OF_BY_REACH = 6  # words from "of" to "by": "the killing of | an indian fisherman | by"
# a reaction to an act: comment, appeal, praise, demand, disapproval, rejection, threat, protest
_REACTION_ROOTS = VERBAL_ROOTS | {"05", "14"}
BROKERED = "the parties to the act a host or broker made possible"
_TOLD_EARLIER = "a definite act noun: the doer of the act told just before"
# adjectives, participles and what joins them: "an | unprovoked, unjustified and brutal | attack"
_DESCRIBING_TAGS = frozenset(["JJ", "VBN", "CC", ",", "RB", "HYPH", "``", "''"])
_COMPLAINT = "114"  # a formal complaint or protest
# besides violence, what a subject suffers from an agent named after "by" or "from": sanctions, coercion
# ("was hit by a wave of cyberattacks from ecuador")
_SUFFERED_TOO = frozenset(["16", "17"])
_SENT_FROM = JUDGING_ROOTS  # appeals, demands, disapproval, rejections, threats: sent from someone
_ADVERB_TAGS = frozenset(["RB", "RBR", "RBS"])
_DESCRIBED_ACT_REACH = 7  # "an | unprovoked and unjustified | attack": words from "a"/"an" to the act noun
_CONJOINED = "a verb coordinated with another shares its subject"
# marks the roles of a participle describing the noun before it: that noun is no subject of it
REDUCED = " (a participle describing the noun before it)"
# marks the roles of a coercive state the subject is held in ("was under house arrest"): no doer of it
HELD = " (a state the subject is held in)"
_HELD_IN = frozenset(["under", "in"])
FRONTED = "a fronted adjunct shares the subject of the clause after it"
_ARMED_GROUPS = frozenset(["REB", "UAF", "INS"])  # rebels, unidentified armed forces, insurgents
_ARMED_REACH = 200  # tokens back to look for the armed group behind an unattributed attack
_SUBJ = ("nsubj", "nsubj:pass")
# acts done to victims, never between the co-subjects doing them: arrest, assault and killing, mass violence
_ONE_SIDED_ROOTS = frozenset(["07", "14", "15", "17", "18", "20"])
_ONE_SIDED_CODES = frozenset(["033", "160", "162", "163", "191", "192", "194", "195"])
_FINITE = frozenset(["VBD", "VBZ", "VBP"])
_ARGUMENTS = frozenset(["nsubj", "nsubj:pass", "obj", "iobj", "obl"])
_FINITE_TAGS = frozenset(["VBD", "VBZ", "VBP", "MD"])
_ADJUNCT_REACH = 25  # tokens from a fronted adjunct's trigger to its comma, and from there to the subject
_OWNERS = frozenset(["the", "his", "her", "its", "their"])
_RELATIVE = frozenset(["which", "who", "whose"])
_RELATIVE_REACH = 25  # words back from "and who" to the relative clause it joins
_AIMED_AT = frozenset(["at", "on", "into", "against", "toward", "towards", "upon"])
_STATE = frozenset(["country", "adjective", "capital", "people", "agent"])
_CLOSING_QUOTES = ('"', "\u201d", "\u2019", "'")


def borrowed_instrument(words: list[str], m: Mention, trig: Trigger) -> bool:
    """ "launched | drones | at a us base": inside a trigger that ends aiming at someone, a thing whose
    country was only borrowed from nearby is what was launched, not whom it was aimed at."""
    return trig.start <= m.start < trig.end and m.inferred and words[trig.end - 1] in _AIMED_AT


_LIST_WORDS = frozenset(["and", "the", "both", "as", "well"])


def coordinated(words: list[str], mentions: list[Mention]) -> bool:
    """ "germany, britain and the eu": the actors form one list, nothing but "and" or "the" between."""
    ordered = sorted(mentions, key=lambda m: m.start)
    return all(
        b.start - a.end <= 3 and all(w in _LIST_WORDS for w in words[a.end : b.start])
        for a, b in zip(ordered, ordered[1:], strict=False)
    )


def aimed_elsewhere(words: list[str], trig: Trigger, end: int) -> bool:
    """ "russia and syria launched the air offensive | against | opposition rebels": force that
    co-subjects aim at someone no actor list names is not force on each other."""
    if trig.roles == "joint" or trig.cameo[:2] not in VIOLENT_ROOTS:
        return False
    # only "against": "clashed on | the border" and "fought at" still tell a clash between them
    k = next((k for k in range(trig.end - 1, min(end, trig.end + 3)) if words[k] == "against"), None)
    return k is not None and (k + 1 >= end or words[k + 1] not in ("each", "one"))


def done_to_others(words: list[str], trig: Trigger, pronouns: frozenset[str]) -> bool:
    """ "mercenaries and malian soldiers | killed | hundreds of people": a killing, an abduction or an
    arrest is done by its co-subjects together to others, not to each other ("killed each other"
    says so)."""
    if trig.roles == "joint" or (trig.cameo[:2] not in _ONE_SIDED_ROOTS and trig.cameo[:3] not in _ONE_SIDED_CODES):
        return False
    return not judged_each_other(words, trig, pronouns)


def judged_each_other(words: list[str], trig: Trigger, pronouns: frozenset[str]) -> bool:
    """ "accused | each other of", "blamed | one another for": co-subjects judging each other."""
    near = f" {' '.join(words[trig.start : trig.end + 3])} "
    return any(f" {p} " in near for p in pronouns)


def _with_key(mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if m.actor.key]


class RoleBinder:
    def __init__(self, doc: Document, res: Resources) -> None:
        self.doc = doc
        self.res = res
        self.words = doc.words
        self.preps = res.cues.get("preposition", frozenset())
        self.openers = res.cues.get("fronted_opener", frozenset())
        self.qualifying = res.cues.get("qualifier", frozenset()) | res.cues.get("owner_qualifier", frozenset())
        self.speech = res.cues.get("speech", frozenset())
        self.topic_preps = res.cues.get("topic_preposition", frozenset())
        self.audience = res.cues.get("audience_verb", frozenset())
        self.relations = res.cues.get("relation_noun", frozenset())
        self.state_heads = res.cues.get("state_noun", frozenset()) | {"government"}
        self.aux = res.cues.get("passive_aux", frozenset())
        cue = res.cues.get
        self.coord = {w for w in cue("coordination", frozenset()) if " " not in w}
        self.fillers = cue("speech_filler", frozenset())
        self.harmed = cue("harm_participle", frozenset())
        self.brokering = cue("broker_participle", frozenset())
        self.broker_nouns = cue("broker_noun", frozenset())
        self.placed_after = cue("place_preposition", frozenset())
        self.articles = cue("article", frozenset()) | cue("honorific", frozenset())
        self.passive_adverbs = cue("passive_adverb", frozenset())
        self.state_sectors = cue("state_sector", frozenset())
        self.irregular = cue("irregular_participle", frozenset())
        self.directions = cue("direction", frozenset())
        self.event_locative = cue("event_locative", frozenset())
        self.border_nouns = cue("border_noun", frozenset())
        self.settlement_nouns = cue("settlement_noun", frozenset())
        self.venue_nouns = cue("venue_noun", frozenset())
        self.agent_nouns = tuple(cue("agent_noun", frozenset()))
        self.quantity_heads = cue("quantity_head", frozenset())
        self.finite = cue("finite_verb", frozenset())
        self.channel = cue("report_channel", frozenset())
        self.attribution = [p.split() for p in cue("attribution", frozenset())]
        self.facing = [p.split() for p in cue("facing_verb", frozenset())]
        self.mentions = sorted((m for m in article_mentions(doc) if not self._channel(m)), key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.last_ending: dict[int, Mention] = {}  # end -> the mention ending there that starts last
        for m in self.mentions:
            self.last_ending[m.end] = m
        self.topics: set[str] = set()
        self.act_nouns = cue("act_anaphor", frozenset())
        # scraped text has no punctuation at all: what quotation marks would show must be guessed
        self.punctuated = any(c in doc.text for c in ".,;\"")
        self.reciprocal_pronouns = cue("reciprocal_pronoun", frozenset())
        self.determiners = cue("anaphoric_determiner", frozenset()) | {"the"}
        self.acts: list[tuple[Trigger, Roles]] = []  # every clause bound so far, in text order

    def _channel(self, m: Mention) -> bool:
        """ "an official told | voa", "told | reporters": the news outlet carrying the report is no
        party to what it reports (nor whom "it" or "they" stand for)."""
        if m.actor.sector != "MED":
            return False
        i = m.start - 1
        while i >= 0 and self.words[i] in self.articles:
            i -= 1
        return i >= 0 and self.words[i] in self.channel

    # -- helpers -----------------------------------------------------------------------------
    # Every lookup goes through the start index, so that binding stays linear in the document's
    # length however many triggers it has.
    def between(self, lo: int, hi: int) -> list[Mention]:
        """Mentions inside tokens ``[lo, hi)``."""
        first, last = bisect.bisect_left(self.starts, max(0, lo)), bisect.bisect_left(self.starts, hi)
        return [m for m in self.mentions[first:last] if m.end <= hi]

    def upto(self, i: int, reach: int = _LOOKBACK) -> list[Mention]:
        """Mentions ending by token ``i``, starting at most ``reach`` tokens before it, in text order."""
        return self.between(i - reach, i + 1)

    def backward(self, i: int) -> Iterator[Mention]:
        """Mentions that start before token ``i``, nearest first."""
        for k in range(bisect.bisect_left(self.starts, i) - 1, -1, -1):
            yield self.mentions[k]

    def _in(self, seg: Segment) -> list[Mention]:
        return self.between(seg.start, seg.end)

    def _object_of_preposition(self, m: Mention, floor: int) -> bool:
        """Whether ``m`` follows a preposition, directly or as a later conjunct ("including x or y")."""
        i = m.start - 1
        while i >= floor:
            while i >= floor and self.words[i] in self.articles:
                i -= 1
            if i < floor:
                return False
            if self.words[i] in self.preps:
                # "tens of thousands of | russian troops massed": a quantity heads its actor
                return not (self.words[i] == "of" and i > floor and self.words[i - 1] in self.quantity_heads)
            owner = self.last_ending.get(i) if self.words[i] == "s" else None
            if owner is not None:
                # "the chief iranian delegate to the u n s | atomic energy agency": the possessor's
                # preposition governs the possessed too
                i = owner.start - 1
                continue
            if self.words[i] not in self.coord:
                return False
            ending = [p for p in (self.last_ending.get(i), self.last_ending.get(i - 1)) if p is not None]
            prev = max(ending, key=lambda p: p.start) if ending else None
            if prev is None:
                return False
            i = prev.start - 1
        return False

    def _coordinated(self, mentions: list[Mention], head: Mention, backwards: bool) -> list[Mention]:
        """``head`` plus actors joined to it by "and", "or" or commas."""
        group = [head]
        if head not in mentions:
            return group
        idx = mentions.index(head)
        step = -1 if backwards else 1
        cur = head
        k = idx + step
        while 0 <= k < len(mentions):
            other = mentions[k]
            lo, hi = (other.end, cur.start) if backwards else (cur.end, other.start)
            between = self.words[lo:hi]
            joined = [w for w in between if w not in ("the", "s", "his", "her", "its", "their")]
            # the comma may stand before an article: "japan, | the united kingdom"
            comma = any(t.comma_before for t in self.doc.tokens[lo : hi + 1])
            # "u s japan alliance", "sino russian entente": adjacent state names act together.
            # (scraped lists lose their commas: "japan the united kingdom and the united states")
            compound = not joined and cur.kind in _STATE and other.kind in _STATE
            # "merkel | british prime minister david cameron and ...": a scraped list of people
            # ... and as co-subjects once "and" has joined the last two ("putin | rouhani and aliyev")
            people = not joined and cur.kind == other.kind == "person"
            compound = compound or (people and (not backwards or len(group) >= 2))
            # "russia did not attack ukraine, | and china refused": a comma before the conjunction
            # joins two clauses, so the actor before it is not a co-subject.
            clause_join = backwards and len(group) == 1 and bool(joined) and self.doc.tokens[lo].comma_before
            if clause_join:
                break
            if backwards and self._locative(other):
                break  # "earlier, in geneva, | u n spokesman rupert colville called": where, not who
            if backwards and not joined and (comma or compound) and self._in_adjunct(other):
                break  # "speaking to reporters in tokyo(,) | blinken criticised": no list
            if (joined and all(w in self.coord for w in joined)) or (not joined and comma) or compound:
                group.append(other)
                cur = other
                k += step
            else:
                break
        return group

    def _addressee(self, seg: Segment) -> Mention | None:
        """Whom the speaker of this clause told it to: "told | zelensky | that germany would ..."."""
        for m in self._in(seg):
            if m.kind == "place" or not m.actor.key or m.end >= seg.end or self.words[m.end] != "that":
                continue
            v = m.start - 1
            while v > seg.start and self.words[v] in _OWNERS:
                v -= 1
            if v >= seg.start and self.words[v] in self.audience:
                return m
        return None

    def _topic_of(self, m: Mention) -> bool:
        k = m.start - 1 - (m.start >= 2 and self.words[m.start - 1] in self.articles)
        return k >= 0 and self.words[k] in self.topic_preps

    def _in_adjunct(self, m: Mention) -> bool:
        """Whether ``m`` stands in a phrase an -ing verb opens ("speaking to | reporters in tokyo ,",
        "after meeting | putin ,"), from the comma or sentence start before it ("according to"
        names a source, left as it was)."""
        tokens = self.doc.tokens
        k = m.start
        while k > 0 and not tokens[k].comma_before and not tokens[k].break_before:
            k -= 1
        if k + 1 < m.start and (k == 0 or tokens[k].break_before) and self.words[k] in self.openers:
            return True  # "in a letter to | the security council , iran called": a fronted phrase
        k += k + 1 < m.start and self.words[k] in self.preps
        return k < m.start and tokens[k].tag == "VBG" and self.words[k] != "according"

    def _between(self, seg_mentions: list[Mention], trig: Trigger) -> list[Mention] | None:
        """ "between X and Y" after (or inside) the trigger."""
        for i in range(trig.start, min(trig.end + 6, len(self.words))):
            if self.words[i] == "between":
                after = [m for m in seg_mentions if m.start > i and m.start <= i + 3]
                if after:
                    group = self._coordinated(seg_mentions, after[0], backwards=False)
                    if len(group) >= 2:
                        return group
                # "between the two capitals": the two parties last named
                pair = self._two_parties(i + 1, i + 1, self.topics)
                if pair:
                    return pair
        return None

    def _previous_keys(self, before: int, n: int) -> list[Mention]:
        """The last ``n`` mentions of distinct actors before token ``before``."""
        picked: list[Mention] = []
        keys: set[str] = set()
        for m in self.backward(before):
            if m.end > before or not m.actor.key:
                continue
            if m.actor.key not in keys:
                keys.add(m.actor.key)
                picked.append(m)
                if len(picked) == n:
                    break
        return picked

    def speaker(self, seg: Segment, seg_mentions: list[Mention], trig: Trigger) -> Mention | None:
        """The speaker of reported speech: "..., X said" or "said X" later in the clause, or
        "X said | <this clause>" when the clause is what the previous one reports."""
        for m in seg_mentions:
            if m.start < trig.end:
                continue
            after = [w for w in self.words[m.end : m.end + 4] if w not in self.fillers]
            before = self.words[max(seg.start, m.start - 2) : m.start]
            if (after and after[0] in self.speech) or (before and before[-1] in self.speech):
                return m
        # "sanctions on iran will be tightened | the white house announced": a trailing attribution.
        for m in self.mentions[bisect.bisect_left(self.starts, seg.end) :]:
            if m.start - seg.end > 2 or not m.actor.key:
                break
            tail = [w for w in self.words[m.end : m.end + 4] if w not in self.fillers]
            if tail and tail[0] in self.speech:
                return m
            break
        if seg.start > 0 and self.words[seg.start - 1] in self.speech:
            prev = [m for m in self.upto(seg.start - 1) if seg.start - 1 - m.end <= 6 and m.actor.key]
            if prev:
                return prev[-1]
        return self._pronoun_speaker(seg, trig)

    def _pronoun_speaker(self, seg: Segment, trig: Trigger) -> Mention | None:
        """ '"we urge india to show restraint," | he told a briefing': a quote's speaker named by "he"
        or "she" right after it is the last person or official named before the quote, when the
        quote's act is the speaker's own ("we", "i" before the trigger)."""
        if not {"we", "i"} & set(self.words[max(seg.start, trig.start - 4) : trig.start]):
            return None
        k = seg.end
        if k + 1 >= len(self.words) or self.words[k] not in ("he", "she") or self.words[k + 1] not in self.speech:
            return None
        tokens = self.doc.tokens
        gap = self.doc.text[tokens[k - 1].end : tokens[k].start]
        if self.punctuated and not any(q in gap for q in _CLOSING_QUOTES):
            return None  # in punctuated text only a quotation closed right before "he said" is his
        for m in self.backward(seg.start):
            if seg.start - m.end > _LOOKBACK:
                break
            if m.end <= seg.start and m.actor.key and self._fits_pronoun(m, True):
                return m
        return None

    def _subject_pronoun(self, seg: Segment, trig: Trigger) -> list[Mention]:
        """ "He said", "it will": the last actor named; "they", "their": the last group named."""
        lo = max(seg.start, trig.start - 4)
        singular = self.res.cues.get("pronoun_singular", frozenset()) | {"it", "its"}
        plural = self.res.cues.get("pronoun_plural", frozenset())
        for i in range(trig.start - 1, lo - 1, -1):
            word = self.words[i]
            if word in singular:
                # "he said | he would": the reported clause's pronoun is the speaker's own, "he"
                i, seg = self._reported_self(seg, i)
                # "he", "she": the last person (or titled official) named; "it": the last state or body.
                personal = word not in ("it", "its")
                fits = self._personal_fit if personal else self._impersonal_fit
                subject = self._previous_subject(seg, i, fits) if word in ("it", "he", "she") else None
                if subject is not None:
                    return [subject]
                for m in self.backward(i):
                    if m.end > i or not m.actor.key or not personal and self._place_phrase(m):
                        continue
                    if self._in_set_off_relative(m, i):
                        continue
                    if self._fits_pronoun(m, personal):
                        return [m]
                # "she screamed protests": no person named before; the last state is not "she"
                return [] if personal else self._previous_keys(i, 1)[:1]
            if word in plural:
                return self._plural_antecedent(i)
        return []

    def _reported_self(self, seg: Segment, i: int) -> tuple[int, Segment]:
        """ "biden met zelensky. he said | he would send arms", "it also said | it would file": a
        pronoun opening what a pronoun subject says ("he said (that) he") is that subject, resolved
        where it stands (the subject of the sentence before), not the last actor named before it."""
        words, k = self.words, i - 1
        k -= k >= 0 and words[k] == "that"
        if k < 1 or words[k] not in self.speech:
            return i, seg
        j = k - 1
        while j > 0 and self.doc.tokens[j].tag == "RB" and k - j < 3:  # "he also said", "it later said"
            j -= 1
        if words[j] != words[i] or any(t.break_before for t in self.doc.tokens[j + 1 : i + 1]):
            return i, seg
        segments = self.doc.segments
        return j, segments[bisect.bisect_right([s.start for s in segments], j) - 1]

    def _in_set_off_relative(self, m: Mention, i: int) -> bool:
        """ "hamas, which is backed by iran, | said it had fired": an actor inside a relative clause
        closed by a comma before the pronoun only describes its antecedent."""
        tokens = self.doc.tokens
        k = m.start - 1
        while k > max(0, m.start - 6) and not tokens[k].comma_before and self.words[k] not in _RELATIVE:
            k -= 1
        if k < 1 or self.words[k] not in _RELATIVE or k not in self.last_ending:
            return False
        # closed by a comma, or (scraped, no commas) by the main clause's speech verb
        return any(tokens[j].comma_before or self.words[j] in self.speech for j in range(m.end, i + 1))

    def _previous_subject(self, seg: Segment, i: int, fits: Callable[[Mention], bool]) -> Mention | None:
        """ "china held talks with japan. | it also warned": an "it" that opens a clause continues the
        subject of the clause before (the parse's nsubj), not whichever actor was named last."""
        tokens = self.doc.tokens
        start = seg.start
        if start <= 0 or (start < i and (i - start > 1 or self.words[start] not in ("but", "and"))):
            return None  # "it" inside its clause ("x said it would"): the last actor named stands
        lo = start - 1
        while lo > 0 and not tokens[lo].break_before and start - lo < _SUBJECT_REACH:
            lo -= 1
        if not any(tokens[k].dep for k in range(lo, start)):
            return self._sentence_opener(lo, start, fits)
        subjects: list[tuple[Mention, list[int]]] = []
        for m in self.backward(start):
            if m.start < lo:
                break
            heads = [k for k in range(m.start, m.end) if not m.start <= tokens[k].head < m.end]
            if m.actor.key and fits(m) and any(tokens[k].dep in _SUBJ for k in heads):
                subjects.append((m, heads))
        # the main clause's subject, of the sentence's root verb, before one inside a relative or
        # reported clause ("the ministry accused ... groups that | islamabad | tolerated. it also said")
        main = [m for m, heads in subjects if any(tokens[tokens[k].head].dep == "ROOT" for k in heads)]
        if main or subjects:
            return (main or [subjects[0][0]])[0]
        # a parse that found no subject ("wang yi/PRP$ held/VBN talks"): the actor opening the sentence
        return self._sentence_opener(lo, start, fits)

    def _fits_pronoun(self, m: Mention, personal: bool) -> bool:
        """Whether ``m`` may be what "he"/"she" (``personal``) or "it" stands for: "he" is a person or
        an official; "it" a state, a body or an organisation, never a titled person or a group ("the
        foreign ministry" is "it", "the ambassador" and "officials" are not)."""
        official = m.kind == "person" or (m.titled and m.actor.sector == "GOV")
        if personal:
            return official
        return m.kind != "person" and not (m.titled and self._agent_kind(m) in ("title", "group"))

    def _personal_fit(self, m: Mention) -> bool:
        return self._fits_pronoun(m, True)

    def _impersonal_fit(self, m: Mention) -> bool:
        return self._fits_pronoun(m, False)

    def _agent_kind(self, m: Mention) -> str | None:
        """The kind (title, body, group) of the longest sector or title phrase inside ``m``."""
        phrases = self.res.actor_matcher.phrases
        for n in range(min(m.end - m.start, 5), 0, -1):
            for i in range(m.end - n, m.start - 1, -1):
                kinds = [e.agent_kind for e in phrases.get(" ".join(self.words[i : i + n]), ()) if e.kind == "agent"]
                if kinds:
                    return kinds[0]
        return None

    def _sentence_opener(self, lo: int, start: int, fits: Callable[[Mention], bool]) -> Mention | None:
        """An unparsed sentence (it has no trigger): the state or body that opens it is its subject
        ("the united states acknowledges ... | it also supplies"), not a possessor ("china's ...")."""
        if lo > 0 and not self.doc.tokens[lo].break_before:
            return None
        for m in self.between(lo, start):
            if m.start > lo + 1 or m.start == lo + 1 and self.words[lo] not in self.articles:
                return None
            if m.actor.key and fits(m) and m.end < start and self.words[m.end] != "s":
                return m
        return None

    def _plural_antecedent(self, i: int) -> list[Mention]:
        """ "they": the last group named ("the rebels ... they"), or coordinated actors ("china and
        russia ... they"); a place named where something happened is no antecedent ("putin met xi
        in moscow. they signed": the two men)."""
        prev = [m for m in self.upto(i) if m.actor.key and not self._place_phrase(m)]
        if not prev:
            return []
        group = self._coordinated(prev, prev[-1], backwards=True)
        if len({m.actor.key for m in group}) >= 2 or self._collective(prev[-1]):
            return group if len({m.actor.key for m in group}) >= 2 else group[:1]
        # the last two parties of the sentence before: "x met y ... they"
        pair: list[Mention] = []
        for m in reversed(prev):
            if i - m.end > 40:
                break
            if all(p.actor.key != m.actor.key for p in pair):
                pair.append(m)
            if len(pair) == 2:
                return pair[::-1]
        return prev[-1:]

    def _collective(self, m: Mention) -> bool:
        """A group, people or body "they" may stand for alone ("the rebels ... they"); one office
        holder ("his greek counterpart") is not one."""
        if m.kind == "agent":
            return not (self._agent_kind(m) == "title" and not self.words[m.end - 1].endswith("s"))
        return m.kind in ("people", "org")

    def _reciprocal_subject(self, seg: Segment, trig: Trigger, topics: set[str]) -> list[Mention] | None:
        """ "The two sides", "the two men": the last two parties named (people for "men", "leaders")."""
        return self._two_parties(max(seg.start, trig.start - 6), trig.start, topics)

    def _two_parties(self, lo: int, hi: int, topics: set[str]) -> list[Mention] | None:
        """A reciprocal phrase starting in ``[lo, hi]`` ("the two sides") resolved to the last two
        parties of its kind named in the sentences just before it; ``[]`` if there are none."""
        cues = self.res.cues.get("reciprocal_subject", frozenset())
        for i in range(lo, hi + 1 if hi == lo else hi):
            phrase = next((p for n in (3, 2) if (p := " ".join(self.words[i : i + n])) in cues), None)
            if phrase is None:
                continue  # the longest phrase decides: "the two leaders" is not "the two"
            if phrase in ("the two", "the pair") and not self._ends_phrase(i + 2):
                if not self._office_word(i + 2):
                    continue  # "the two-day summit", "the two countries' border"
                phrase = "the two leaders"  # "the two presidents", "the two foreign ministers"
            # a place named as where something happened is no party ("met xi | in beijing")
            pool = [m for m in self.upto(i) if m.actor.key and self._fits_reciprocal(m, phrase)]
            pool = [m for m in pool if not self._locative(m)]
            # the article's main parties may be named far back; any other two only in the last sentences
            floor = self._sentences_back(i, _RECIPROCAL_SENTENCES)
            for restrict in (True, False):
                picked: list[Mention] = []
                for m in reversed(pool):
                    if m.actor.key not in topics if restrict else m.start < floor:
                        continue
                    if all(p.actor.key != m.actor.key for p in picked):
                        picked.append(m)
                    if len(picked) == 2:
                        return picked
            return []  # a reciprocal phrase, but no two parties of its kind named just before
        return None

    def _ends_phrase(self, k: int) -> bool:
        """Whether the noun phrase ends before token ``k``: a verb, an auxiliary or a comma follows."""
        if k >= len(self.words):
            return True
        t = self.doc.tokens[k]
        return t.comma_before or t.break_before or t.tag.startswith(("VB", "MD", "RB")) or self.words[k] in self.aux

    def _office_word(self, k: int) -> bool:
        """Whether a state office or its holders are named at token ``k`` ("presidents", "foreign
        ministers")."""
        phrases = self.res.actor_matcher.phrases
        for n in (2, 1):
            entries = phrases.get(" ".join(self.words[k : k + n]), ())
            if any(e.kind == "agent" and e.sector == "GOV" and e.agent_kind in ("title", "group") for e in entries):
                return True
        return False

    def _fits_reciprocal(self, m: Mention, phrase: str) -> bool:
        """ "the two leaders" are people or governments; "both countries" states, not their rebels
        or civilians; "the two sides" any parties."""
        if phrase.endswith(("leaders", "presidents")):
            return m.actor.sector == "GOV" and (m.kind == "person" or m.titled)
        if phrase.endswith(("men", "women")):
            return m.kind == "person" or (m.titled and m.actor.sector == "GOV")
        if phrase.endswith(("countries", "nations", "governments", "capitals", "neighbours", "neighbors")):
            return "/" not in self.party(m)
        return True

    def _sentences_back(self, i: int, n: int) -> int:
        """The first token of the sentence ``n`` sentences before the one holding token ``i``."""
        tokens, k, seen = self.doc.tokens, i, 0
        while k > 0 and i - k < _LOOKBACK:
            if tokens[k].break_before:
                seen += 1
                if seen > n:
                    return k
            k -= 1
        return max(0, k)

    def _passive(self, trig: Trigger, seg: Segment) -> bool:
        i = trig.start - 1
        # "was reportedly killed"; "have been killed" ("been" is both); "is frequently criticized":
        # any adverb the tagger marks stands between the auxiliary and the participle
        while i >= seg.start and self._passive_adverb(i) and self.words[i] not in self.aux:
            i -= 1
        aux = i >= seg.start and self.words[i] in self.aux
        # "signed by x", not "rejected calls by x" (there "by" belongs to the object).
        by = trig.end < seg.end and self.words[trig.end] == "by"
        word = self.words[trig.start]
        participle = word.endswith(("ed", "en")) or word in self.irregular or self.doc.tokens[trig.start].tag == "VBN"
        # With "by" right after, the participle must end the trigger: "was rejected by" is passive,
        # "denied claims by kiev" is not (the agent belongs to the noun).
        last = self.words[trig.end - 1]
        by_passive = by and (trig.end - trig.start == 1 or last.endswith(("ed", "en")))
        # "prisoners were freed | by iran": a pattern that starts at the subject ends in the passive
        spanned = by_passive and trig.end - trig.start > 2 and self.words[trig.end - 2] in self.aux
        return (aux and participle) or (by_passive and participle) or spanned or self._agent_spanned(trig)

    def _passive_adverb(self, i: int) -> bool:
        return self.words[i] in self.passive_adverbs or self.doc.tokens[i].tag in _ADVERB_TAGS

    def _agent_spanned(self, trig: Trigger) -> bool:
        """ "a ship | was struck by a russian missile": a pattern that starts at the auxiliary spans
        the passive and its agent; the subject before it is the target, not the doer."""
        k = trig.start
        if trig.end - k < 4 or self.words[k] not in self.aux or self.words[k + 2] != "by":
            return False
        verb = self.words[k + 1]
        if not (verb.endswith(("ed", "en")) or verb in self.irregular or self.doc.tokens[k + 1].tag == "VBN"):
            return False
        # only where the agent is named there: "it was hit by four airstrikes" keeps its reading
        return any(k + 2 < m.start < trig.end and m.actor.key for m in self.between(k + 3, trig.end))

    def domestic_target(self, seg: Segment, source: Mention, placed: bool = True) -> Mention | None:
        """No one acted on: the place named in the clause ("rallies in gaza"), else the source's own
        country - a curfew, a crackdown or a protest is aimed at home."""
        for m in self._in(seg) if placed else ():
            if (m.start, m.end) != (source.start, source.end) and m.actor.key and self._locative(m):
                return m  # not the source's own place: "students throughout indonesia staged protests"
        if source.actor.country:
            home = Actor(text=self.country_name(source), code=source.actor.country, country=source.actor.country)
            return Mention(source.start, source.end, home, "country")
        return None

    def country_name(self, m: Mention) -> str:
        """The name of the country a party only stands for: "police in cairo" acting at home act on
        egypt, not on "police in cairo"; a bare country's mention keeps its own words."""
        record = self.res.countries.get(m.actor.country or "")
        if m.kind == "country" or record is None:
            return m.actor.text
        return record.name

    def implied_state(
        self, seg: Segment, trig: Trigger, patient: Mention, home: Mention | None = None
    ) -> Mention | None:
        """The state behind an agentless passive of an act only states do: "the opposition leader
        was arrested in kampala" (Uganda), "250 egyptian protesters were detained" (Egypt)."""
        clause = self._clause(seg, trig)
        if not self._passive(trig, seg) and self._described_noun(clause) is None and self._held_state(clause) is None:
            return None
        in_seg = self._in(seg)
        # "at the u s border" says where; "the state of nayarit" only whose official he is
        # "deported from pakistan": the state a deportation or expulsion happened in
        places = [m for m in in_seg if m.actor.country and (self._locative(m) or self._after_from(m))]
        place = places[0] if places else self._place_near(in_seg, trig)
        # with no place named, the article's own country before the patient's ("an iranian-american
        # was convicted of espionage" in an article about iran)
        where = place if place is not None and place.actor.country else (home or patient)
        country = where.actor.country
        if not country:
            return None
        text = where.actor.text if where.kind in ("country", "capital", "seat") else self.country_name(where)
        state = Actor(text=text, code=f"{country}GOV", country=country, sector="GOV")
        return Mention(where.start, where.end, state, "country", inferred=True)

    def _after_from(self, m: Mention) -> bool:
        return m.start > 0 and self.words[m.start - 1] == "from"

    def _from_before(self, m: Mention) -> bool:
        """ "from islamic state", "from the taliban"."""
        return "from" in self.words[max(0, m.start - 2) : m.start]

    def _locative(self, m: Mention) -> bool:
        """A place named as where something happened: "in helsinki", "at the border near gaza"."""
        if m.kind not in ("place", "capital", "country"):
            return False
        i = m.start - 1
        if i >= 1 and self.words[i] == "of" and self.words[i - 1] in self.settlement_nouns:
            i -= 2  # "at the city of | dnipro", "in the eastern town of | bakhmut"
        while i >= 0 and self.words[i] in self.directions:
            i -= 1
        return i >= 0 and self.words[i] in self.event_locative

    def _venue(self, m: Mention) -> bool:
        """A body whose gathering is where something happened: "on the sidelines of | the g20",
        "at a summit of | the african union" (cues venue_noun)."""
        i = m.start - 1
        while i >= 0 and self.words[i] in self.articles:
            i -= 1
        return i >= 1 and self.words[i] == "of" and self.words[i - 1] in self.venue_nouns

    def _border_place(self, m: Mention) -> bool:
        """ "near the afghan | border": a state adjective qualifying a border where the act happened
        (not one it crossed: "bombed fighters across the iraqi border" reached iraq)."""
        if m.kind != "adjective" or m.end >= len(self.words) or self.words[m.end] not in self.border_nouns:
            return False
        i = m.start - 1
        while i >= 0 and self.words[i] in self.directions:
            i -= 1
        return i >= 0 and self.words[i] in self.event_locative and self.words[i] not in ("across", "through")

    def _place_phrase(self, m: Mention) -> bool:
        """A place named as where something happened, or joined to one ("in iraq and | syria"):
        no antecedent for "it"."""
        if self._locative(m):
            return True
        prev = self.last_ending.get(m.start - 1) if m.start >= 2 and self.words[m.start - 1] in ("and", "or") else None
        return prev is not None and self._locative(prev)

    def _trigger_object(self, m: Mention, trig: Trigger) -> bool:
        """A place whose preposition ends the trigger is what it is aimed at, not where it happened:
        "fired missiles at | israel", "launched drones into | northern israel"."""
        i = m.start - 1
        while i >= trig.end and self.words[i] in self.directions:
            i -= 1
        return i == trig.end - 1 and trig.end - trig.start > 1

    def _possessor(self, keyed: list[Mention], trig: Trigger) -> Mention | None:
        """The actor whose event a noun trigger names: "russia s annexation", "china s purchase"."""
        if self.doc.tokens[trig.start].tag in _FINITE_TAGS | {"VBN"}:
            return None  # "china, pakistan s closest partner, | condemned": a verb has no possessor
        if self.doc.tokens[trig.start].tag in ("NN", "NNS"):
            # "the turkish | purchase of russian missiles": a state adjective heading an act noun
            owner = [m for m in keyed if m.end == trig.start and m.kind == "adjective" and not m.inferred]
            if owner and owner[0].start >= 1 and self.words[owner[0].start - 1] in self.determiners:
                return owner[0]
        for m in keyed:
            if m.end < trig.start and m.end + 3 >= trig.start and self.words[m.end] == "s" and m.kind != "people":
                between = self.words[m.end + 1 : trig.start]
                if all(w not in self.preps and w not in self.speech for w in between):
                    return m
        return None

    def _appositive_head(self, candidate: Mention, keyed: list[Mention], trig: Trigger) -> Mention:
        """ "pakistan, a key u s ally in the war, has refused", "russia, serbia s traditional ally,
        said": the head before the apposition."""
        tokens = self.doc.tokens
        k = candidate.start
        while k > 0 and not tokens[k].comma_before and candidate.start - k < 6:
            k -= 1
        # the apposition opens with an article, or with the candidate as its possessor
        possessive = candidate.end < len(self.words) and self.words[candidate.end] == "s"
        if possessive and not tokens[candidate.start].comma_before:
            # scraped, the commas gone: "russia | serbia s traditional ally said"
            # a group has allies too: "hezbollah | iran s closest ally fired"
            adjacent = [m for m in keyed if m.end == candidate.start and candidate.kind in _STATE]
            return adjacent[0] if adjacent and adjacent[0].kind in _STATE | {"org"} else candidate
        owner = possessive and k == candidate.start
        if not tokens[k].comma_before or not (owner or self.words[k] in ("a", "an", "the")):
            return candidate
        heads = [m for m in keyed if m.end == k]
        # a quotation mark closes no apposition: 'washington, the secretary said the us was | "deeply'
        closes = any(self._comma_not_quote(j) for j in range(candidate.end, trig.start + 1))
        return heads[0] if heads and closes else candidate

    def _comma_not_quote(self, k: int) -> bool:
        """A clause mark other than a quotation mark stands before token ``k``."""
        tokens = self.doc.tokens
        if not tokens[k].comma_before or k == 0:
            return False
        return bool(set(self.doc.text[tokens[k - 1].end : tokens[k].start]) - _QUOTE_MARKS - {" ", "\n"})

    def _passive_by_before(self, trig: Trigger) -> int | None:
        """Where "by" (or "in", after a harm verb) introduces the trigger as a passive's agent:
        "were killed by | an explosive device", "was hit by syrian government | air strikes",
        "was killed in | a car bomb explosion"."""
        i = trig.start - 1
        while i >= 1 and trig.start - i <= 5:
            word = self.words[i]
            prev = self.words[i - 1]
            passive_by = word == "by" and prev.endswith(("ed", "en"))
            harmed_in = word in ("by", "in") and prev in self.harmed
            if passive_by or harmed_in:
                return i
            if word in self.preps and word != "by" or word in self.speech:
                return None
            i -= 1
        return None

    def _placed(self, m: Mention) -> bool:
        """Named as a place: "in iraq", "near the town of samarra", "in the iraqi city of basra"."""
        if m.start == 0:
            return False
        prev = self.words[m.start - 1]
        prev2 = self.words[m.start - 2] if m.start > 1 else ""
        # "in the | iraqi | city of basra" names a place; "the death of an | italian | student" a
        # person: an indefinite article before a nationality introduces someone, never a place
        return (
            prev in self.placed_after
            or (prev == "the" and prev2 in self.placed_after)
            or (m.kind == "adjective" and prev not in ("a", "an") and prev2 in self.placed_after)
        )

    def _place_near(self, in_seg: list[Mention], trig: Trigger) -> Mention | None:
        """A place named as where a violent event happened, before or after its trigger."""
        best = None
        for m in in_seg:
            if m.kind not in ("place", "capital", "country", "adjective") or not m.actor.key:
                continue
            if not self._placed(m):
                continue
            if best is None or abs(m.start - trig.start) < abs(best.start - trig.start):
                best = m
        return best

    def _antecedent(self, seg: Segment, trig: Trigger) -> Mention | None:
        """The subject of a relative clause: "... a move by mr putin | who is facing sanctions"."""
        if self.words[seg.start] not in ("who", "which", "that", "whose") or trig.start - seg.start > 6:
            return None
        opener = self._first_relative(seg.start)
        prev = [m for m in self.upto(opener) if opener - m.end <= 3 and m.actor.key]
        return prev[-1] if prev else None

    def _first_relative(self, start: int) -> int:
        """ "moon, who has staked his legacy on it | and who met kim twice": a relative clause joined
        to an earlier one by "and" has that one's antecedent."""
        if start < 2 or self.words[start - 1] not in ("and", "but"):
            return start
        for j in range(start - 2, max(0, start - _RELATIVE_REACH), -1):
            if self.doc.tokens[j].break_before:
                break
            if self.words[j] == self.words[start] and self.doc.tokens[j].comma_before:
                return j
        return start

    def demander(self, before: int) -> Mention | None:
        """Who says that something must be done: "britain said | libya must hand over ..."."""
        i = before - 1
        while i >= 0 and not self.doc.tokens[i + 1].break_before and before - i <= 30:
            if self.words[i] in self.speech:
                said = [m for m in self.upto(i) if i - m.end <= 10 and m.actor.key]
                if said:
                    return said[-1]
            i -= 1
        return None

    def context_target(self, seg: Segment, source_key: str | None, topics: set[str]) -> Mention | None:
        """A target the clause leaves implicit: the article's other main actor, named just before.

        "China became the first foreign customer for the S-400" in an article about China and
        Russia: the seller is Russia, named in the preceding clauses.
        """
        addressee = self._addressee(seg)
        if addressee is not None and addressee.actor.key != source_key:
            return addressee  # "scholz told | zelensky | that germany would supply another system"
        if not topics or source_key not in topics:
            return None
        for m in self.backward(seg.start):
            if seg.start - m.start > _LOOKBACK:
                break
            if seg.start - m.end > 80:
                continue
            if m.actor.key in topics and m.actor.key != source_key:
                return m
        return None

    # -- main --------------------------------------------------------------------------------
    # ``bind`` tries the rules below in order; the first that settles the roles names itself in
    # ``Roles.rule`` (shown by ``detente explain``).
    def bind(self, seg: Segment, trig: Trigger) -> Roles:
        roles = self._bind(seg, trig)
        parties = self._brokered_parties(seg, trig, roles.sources) if self.words[trig.start] in self.brokering else []
        if roles.sources and parties:
            roles.targets, roles.target_rule = parties, BROKERED
        if roles.sources and not roles.targets and trig.cameo[:2] in ("02", "10"):
            sides = self._parties_appealed_to(seg, trig, roles.sources)
            if sides:
                roles.targets, roles.inferred, roles.target_rule = sides, True, _SIDES
        self.acts.append((trig, roles))
        return roles

    def _parties_appealed_to(self, seg: Segment, trig: Trigger, sources: list[Mention]) -> list[Mention]:
        """ "urged restraint from | all sides", "urged | the parties | to return to talks": an appeal to
        the sides of a conflict is made of the two parties of the last act told between two others."""
        sides = self.res.cues.get("conflict_parties", frozenset())
        reach = range(trig.start + 1, min(seg.end, trig.end + _SIDES_REACH))
        if not any(" ".join(self.words[i : i + n]) in sides for i in reach for n in (2, 3)):
            return []
        floor = self._sentences_back(trig.start, _ACT_SENTENCES)
        for act, roles in reversed(self.acts):
            if act.start < floor:
                break
            pair = [m for m in roles.sources[:1] + roles.targets[:1] if m.actor.key and self._other_party(m, sources)]
            if act.start < trig.start and len(pair) == 2 and pair[0].actor.key != pair[1].actor.key:
                return pair
        return []

    def _brokered_parties(self, seg: Segment, trig: Trigger, hosts: list[Mention]) -> list[Mention]:
        """ "delegations held talks | hosted by turkey", "signed an accord | mediated by china": the
        host or broker acts on the parties of the act its participle describes, not on itself."""
        for act, roles in reversed(self.acts):
            if act.start < seg.start:
                break
            if act.start < trig.start:
                return [m for m in roles.sources + roles.targets if m.actor.key and self._other_party(m, hosts)][:4]
        return []

    def _act_told_earlier(self, c: _Clause, roles: Roles) -> None:
        """ "beijing rejected | the accusation": a definite act noun naming no one refers to an act
        told before; whom the reaction is aimed at is that act's doer."""
        # "tokyo lodged a formal protest": a complaint with no one named is about the act just told
        complaint = c.trig.cameo[:3] == _COMPLAINT
        if roles.sources and not roles.targets and (complaint or self.act_anaphor(c.seg, c.trig)):
            doers = self._earlier_doers(c.trig, roles.sources)
            if doers:
                roles.targets, roles.inferred, roles.target_rule = doers, True, _TOLD_EARLIER

    def act_anaphor(self, seg: Segment, trig: Trigger) -> bool:
        """Whether a reaction's object is a definite act noun naming no one: "rejected | the
        accusation", "condemned | the attack", "welcomed | this decision"."""
        return self.act_anaphor_noun(seg, trig) is not None

    def act_anaphor_noun(self, seg: Segment, trig: Trigger) -> int | None:
        """Where the definite act noun a reaction's object is stands (``act_anaphor``), or None."""
        if trig.cameo[:2] not in _REACTION_ROOTS:
            return None  # "brokered the deal", "blamed for the attacks": no reaction to an act told
        words = self.words
        if trig.end - trig.start > 1 and words[trig.end - 1] in self.act_nouns:
            return trig.end - 1 if words[trig.end - 2] in self.determiners else None  # the noun ends the trigger
        if trig.end - trig.start > 3 and words[trig.start + 1] in self.determiners:
            return trig.start + 2 if words[trig.start + 2] in self.act_nouns else None  # "called | the attacks |"
        # "condemned | the attack", "voiced concern over | the decision" (not "hold me responsible |
        # for the actions": a trigger with an object of its own)
        own_object = any(self.doc.tokens[i].tag == "PRP" for i in range(trig.start + 1, trig.end))
        det = trig.end + (not own_object and trig.end < seg.end and words[trig.end] in self.preps)
        if det >= seg.end or words[det] not in self.determiners | {"a", "an"}:
            return None
        noun = next((i for i in range(det + 1, min(det + 4, seg.end)) if words[i] in self.act_nouns), None)
        if noun is None and words[det] in ("a", "an"):
            noun = self._described_act(det, seg)  # "condemned an | unprovoked and unjustified | attack"
        return noun if noun is not None and not self.between(det, noun + 1) else None

    def _described_act(self, det: int, seg: Segment) -> int | None:
        """The act noun after "a"/"an" and the adjectives that describe it (no other noun between):
        an act judged in the words of the one reacting, the one just told."""
        for i in range(det + 1, min(det + _DESCRIBED_ACT_REACH, seg.end)):
            if self.words[i] in self.act_nouns:
                return i
            if self.doc.tokens[i].tag not in _DESCRIBING_TAGS:
                return None
        return None

    def _act_subject(self, c: _Clause) -> bool:
        """A passive's subject is a definite act noun naming no one: "the launch | was condemned"."""
        tokens = self.doc.tokens
        # the parse's subject, past what qualifies it: "the attack | on the embassy | was condemned"
        k = next((i for i in range(c.seg.start, c.trig.start) if tokens[i].dep == "nsubj:pass"
                  and tokens[i].head == c.trig.start), c.trig.start - 1)
        while k > c.seg.start and self.words[k] in self.aux:
            k -= 1
        return k > c.seg.start and self.words[k] in self.act_nouns and self.words[k - 1] in self.determiners

    def _aimed_in_subject(self, c: _Clause, roles: Roles) -> None:
        """ "russian strikes | on kyiv | killed five people": whom the subject's act noun is aimed at
        is the target of the harm it did."""
        if roles.targets or not roles.sources or c.trig.cameo[:2] not in VIOLENT_ROOTS:
            return
        source = roles.sources[-1]
        aimed = [m for m in c.keyed if source.end < m.start < c.trig.start and self._aims_on(source, [m])]
        if aimed and self._other_party(aimed[0], roles.sources):
            roles.targets, roles.target_rule = aimed[:1], "whom the subject's act is aimed at"

    def _earlier_doers(self, trig: Trigger, sources: list[Mention]) -> list[Mention]:
        """Who did the act a definite act noun refers back to: the doers of the last act told in
        the sentences before, by another party than the one reacting to it."""
        floor = self._sentences_back(trig.start, _ACT_SENTENCES)
        for act, roles in reversed(self.acts):
            if act.start < floor:
                break
            doers = roles.sources + (roles.targets if roles.joint else [])
            doers = [m for m in doers if m.actor.key and self._other_party(m, sources)]
            if doers and act.start < trig.start:
                return doers[:4]
        return []

    def _bind(self, seg: Segment, trig: Trigger) -> Roles:
        clause = self._clause(seg, trig)
        for rule in (self._rule_between, self._rule_passive, self._rule_object_relative, self._rule_of_by):
            roles = rule(clause)
            if roles is not None:
                return roles
        subjects = self._subjects(clause)
        roles = self._rule_agent_phrase(clause, subjects) or self._rule_suffered(clause, subjects)
        if roles is not None:
            return roles
        if not subjects:
            antecedent = self._antecedent(seg, trig)
            if antecedent is not None:
                subjects = [antecedent]
        roles = self._rule_acted_on(clause, subjects)
        if roles is not None:
            return roles
        head = self._conjoined_head(clause, subjects)
        roles = self._conjoined_roles(clause, head) if head is not None else None
        if roles is None:
            agent = self._nominal_agent(clause)
            head, roles = None, Roles(agent, rule=_NOMINAL_AGENT) if agent else self._sources(clause, subjects)
        if roles.rule == "reciprocal phrase":
            return roles
        self._bind_targets(clause, roles)
        self._sent_to_subject(clause, roles, subjects)
        if head is not None and not roles.targets:
            # "he met xi | and signed an energy deal": the one he met is the natural partner
            partners = [m for m in clause.keyed if head < m.start < trig.start and self._other_party(m, roles.sources)]
            roles.targets, roles.target_rule = partners[:1], _CONJOINED
        self._act_told_earlier(clause, roles)
        self._aimed_in_subject(clause, roles)
        self._make_joint(clause, roles)
        return roles

    def _nominal_agent(self, c: _Clause) -> list[Mention]:
        """ "welcomed the release of the journalist | by iran": an act noun's doer, named after "by"
        right after it, did it, not the clause's subject."""
        k = c.trig.end
        if self._sent_from(c):
            k = c.trig.start + 1  # "came under growing pressure | from | ecuador": words sent from someone
        elif self.doc.tokens[c.trig.start].tag not in ("NN", "NNS") or k >= c.seg.end or self.words[k] != "by":
            return []
        if c.trig.cameo[:2] in VIOLENT_ROOTS and not self._subject_noun(c.trig):
            return []  # "were killed in an attack by boko haram": the passive's own agent rules bind it
        first = k + 1 + (k + 1 < c.seg.end and self.words[k + 1] in self.articles)
        named = [m for m in c.keyed + c.inside if m.start == first]
        return self._coordinated(c.keyed, named[0], backwards=False) if named else []

    def _sent_from(self, c: _Clause) -> bool:
        """ "peru is under growing pressure | from ecuador to ...": a noun of words or pressure
        (roots 02, 10-13) with "from" right after it names who sent them, inside the pattern's
        span or not; the clause's subject is whom they were aimed at."""
        k = c.trig.start + 1
        noun = self.doc.tokens[c.trig.start].tag in ("NN", "NNS")
        return noun and c.trig.cameo[:2] in _SENT_FROM and k < c.seg.end and self.words[k] == "from"

    def _sent_to_subject(self, c: _Clause, roles: Roles, subjects: list[Mention]) -> None:
        """ "peru is under pressure from ecuador": words sent from the agent are aimed at the subject."""
        if roles.rule != _NOMINAL_AGENT or not self._sent_from(c):
            return
        aimed = [m for m in subjects[-1:] if self._other_party(m, roles.sources)]
        if aimed:
            roles.targets, roles.target_rule = aimed, "the subject the words were sent to"

    def _subject_noun(self, trig: Trigger) -> bool:
        """ "sunday's attack | by islamic state militants | killed 20": an act noun that is its
        clause's subject tells the news itself; no passive around it binds its doer."""
        return self.doc.tokens[trig.start].dep in _SUBJ

    def _rule_of_by(self, c: _Clause) -> Roles | None:
        """ "the killing of | an indian fisherman | by | sri lankan sailors", "the invasion of ukraine
        by russia": an act noun takes its object after "of" and its doer after "by", whoever the
        clause's subject is."""
        trig = c.trig
        if self.doc.tokens[trig.start].tag not in ("NN", "NNS"):
            return None
        of_at = next((j for j in range(trig.start + 1, min(trig.end + 1, c.seg.end)) if self.words[j] == "of"), None)
        if of_at is None:
            return None
        stop = min(max(trig.end, of_at + 2) + _OF_BY_REACH, c.seg.end - 1)
        by_at = next((j for j in range(max(trig.end, of_at + 2), stop) if self.words[j] == "by"), None)
        if by_at is None:
            return None
        objects = [m for m in c.inside + c.after if of_at < m.start and m.end <= by_at]
        start = by_at + 1 + (self.words[by_at + 1] in self.articles)
        doers = [m for m in c.after if m.start == start]
        if not objects or not doers or self.party(objects[-1]) == self.party(doers[0]):
            return None
        return Roles(self._coordinated(c.keyed, doers[0], backwards=False), [objects[-1]], rule=_OF_BY)

    def _conjoined_head(self, c: _Clause, subjects: list[Mention]) -> int | None:
        """The verb the trigger is coordinated with ("met xi | and signed"), when the actor just
        before the trigger is that verb's object rather than the trigger's subject."""
        tokens, p = self.doc.tokens, c.trig.start
        h = tokens[p].head
        if tokens[p].dep != "conj" or not c.seg.start <= h < p or not tokens[h].tag.startswith("VB"):
            return None
        if not subjects or subjects[-1].start < h or self.words[p - 1] not in self.coord:
            return None
        last = subjects[-1]
        objects = ("obj", "iobj", "obl")
        if not any(tokens[k].head == h and tokens[k].dep in objects for k in range(last.start, last.end)):
            return None  # "ukraine is a nato partner | and urged": no object of the verb before
        if any(tokens[k].head == h and tokens[k].dep == "aux:pass" for k in range(c.seg.start, h)):
            return None  # "he was sent photographs | and asked to": both passive, the subject their target
        if any(tokens[k].head == p and tokens[k].dep in _SUBJ for k in range(c.seg.start, c.seg.end)):
            return None  # "russia met china and | they signed": the trigger's own subject
        return h

    def _conjoined_roles(self, c: _Clause, h: int) -> Roles | None:
        """The subject the trigger shares with the verb it is coordinated with, if it is known."""
        shared = Trigger(h, h + 1, c.trig.cameo, "forward")
        subjects = self._subjects(self._clause(c.seg, shared))
        if subjects:
            return Roles(self._coordinated(c.keyed, subjects[-1], backwards=True), rule=_CONJOINED)
        pronoun = self._subject_pronoun(c.seg, shared)
        return Roles(pronoun, inferred=True, rule=_CONJOINED) if pronoun else None

    def _clause(self, seg: Segment, trig: Trigger) -> _Clause:
        in_seg = self._in(seg)
        # A mention that starts before the trigger is its subject even when the pattern reaches into
        # it ("russian | warplanes carried out air strikes"); one starting within it is its object
        # ("rejected an indian proposal", "withdraw force from chad").
        seg_mentions = [m for m in in_seg if not (trig.start <= m.start < trig.end)]
        keyed = _with_key(seg_mentions)
        return _Clause(
            seg=seg,
            trig=trig,
            in_seg=in_seg,
            inside=[m for m in _with_key(in_seg) if trig.start <= m.start < trig.end],
            keyed=keyed,
            # A subject further away than this belongs to another clause the segmenter missed.
            before=[m for m in keyed if m.start < trig.start and trig.start - m.end <= _MAX_SUBJECT_DISTANCE],
            after=[m for m in keyed if m.start >= trig.end],
        )

    def _not_prepositional(self, c: _Clause) -> list[Mention]:
        return [
            m for m in c.before if not self._object_of_preposition(m, c.seg.start) or self._absolute_subject(m, c.trig)
        ]

    def _outside_relative(self, subjects: list[Mention], trig: Trigger, floor: int) -> list[Mention]:
        """ "egypt, which borders rafah, | warned israel": an actor inside a relative clause set off
        by commas is not the subject of the verb after it."""
        tokens, k = self.doc.tokens, trig.start - 1
        while k > floor and not tokens[k + 1].comma_before:
            k -= 1  # the comma that closes the relative clause: "... rafah | , warned"
        opener = k
        while opener >= floor and not (tokens[opener].comma_before and self.words[opener] in ("which", "who", "whose")):
            opener -= 1
        if opener < floor or opener >= k:
            return subjects
        # what the relative clause names is left to its antecedent (``_antecedent``) when the clause
        # opens the segment
        return [m for m in subjects if m.end <= opener or m.start > k]

    def _absolute_subject(self, m: Mention, trig: Trigger) -> bool:
        """ "with the foreign ministry | voicing its concern": after "with", an actor right before a
        gerund is that gerund's subject."""
        i = m.start - 1
        while i >= 0 and self.words[i] in self.articles:
            i -= 1
        return i >= 0 and self.words[i] == "with" and m.end == trig.start and self.words[trig.start].endswith("ing")

    def _rule_between(self, c: _Clause) -> Roles | None:
        """ "talks between X and Y": the pair acts jointly unless the clause has its own subject."""
        between = self._between(c.keyed, c.trig)
        if between is None or (c.trig.roles != "joint" and self._not_prepositional(c)):
            return None
        if c.trig.roles != "joint" and self._antecedent(c.seg, c.trig) is not None:
            return None  # "egypt, | which has mediated between israel and hamas": egypt mediates
        return Roles(between[:1], between[1:], joint=True, rule="between X and Y")

    def _rule_object_relative(self, c: _Clause) -> Roles | None:
        """ "the sanctions | the un imposed | on north korea": a noun trigger followed by a clause
        whose subject is an actor and whose verb is in the past names its doer there."""
        trig, tokens = c.trig, self.doc.tokens
        if c.trig.roles != "forward" or not tokens[trig.end - 1].tag.startswith("NN"):
            return None
        if tokens[trig.start].tag.startswith("VB"):
            return None  # "talking with erdogan by phone | putin ordered": a verb's pattern, no noun's
        k = trig.end + (trig.end < len(tokens) and self.words[trig.end] in ("that", "which"))
        doer = next((m for m in c.after if m.start in (k, k + 1)), None)
        if doer is None or (doer.start == k + 1 and self.words[k] != "the") or doer.end >= c.seg.end:
            return None
        if tokens[k].comma_before:
            return None  # "after talking by phone, | putin ordered": the comma ends the noun's phrase
        verb = self.words[doer.end]
        if tokens[doer.end].tag not in ("VBD", "VBN") or doer.kind in ("place", "capital") or verb in self.qualifying:
            return None  # not "shelling | albanian rebel held | territory"
        targets = [m for m in c.after if m.start > doer.end and m.actor.key != doer.actor.key]
        return Roles([doer], targets[:1], rule="the actor of a relative clause after the noun")

    def _by_before(self, m: Mention, reach: int) -> bool:
        """ "by X" or "by mr X" right after the trigger, or "by the X" anywhere after it."""
        return (m.start <= reach and self.words[m.start - 1] in ("by", "mr")) or (
            m.start >= 1 and self.words[max(0, m.start - 2)] == "by"
        )

    def after_by(self, m: Mention) -> bool:
        return (m.start >= 1 and self.words[m.start - 1] == "by") or (m.start >= 2 and self.words[m.start - 2] == "by")

    def _rule_passive(self, c: _Clause) -> Roles | None:
        """ "was condemned by X": the agent acts on the subject; without an agent the subject is
        the target and the reporting speaker, if any, the source."""
        if c.trig.roles != "forward":
            return None
        by_agent = self._participle_by_agent(c)
        if by_agent is not None:
            return by_agent
        described = self._described_noun(c)
        if described is None:
            held = self._held_state(c)
            if held is not None:
                return self._held_roles(c, held)
            return self._passive_roles(c, self._passive_patients(c)) if self._passive(c.trig, c.seg) else None
        roles = self._passive_roles(c, [described])
        if roles is not None:
            roles.rule += REDUCED
        return roles

    def _participle_by_agent(self, c: _Clause) -> Roles | None:
        """ "a kenyan soldier | captured by | al shabaab militants", "the brother of a turkish engineer
        abducted by libyan gunmen": a past participle right after an actor and followed by "by" and
        another actor is a passive however the parse hangs it: the actor after "by" did it to the
        actor before, never the other way round."""
        k = c.trig.start
        # the actor right before, or qualifying the noun right before ("a turkish | engineer")
        noun = k - 1 if k > 0 and self.doc.tokens[k - 1].tag.startswith("NN") else k
        described = next((m for m in reversed(c.before) if m.end in (k, noun)), None)
        if described is None or k + 1 >= c.seg.end or self.words[k + 1] != "by":
            return None
        if self.doc.tokens[k].tag != "VBN" and not self.words[k].endswith("ed"):
            return None
        agent = next((m for m in c.inside + c.after if m.start in (k + 2, k + 3) and self.after_by(m)), None)
        if agent is None or agent.actor.key == described.actor.key:
            return None
        return Roles(self._coordinated(c.keyed, agent, backwards=False), [described], rule="passive agent" + REDUCED)

    def _held_state(self, c: _Clause) -> Mention | None:
        """ "besigye was under preventive arrest", "lula remains in custody": a coercive state (17)
        its subject is said to be under or in was done to that subject, as a passive says."""
        k = c.trig.start
        if self.words[k] not in _HELD_IN:
            k -= 1 + (k - 1 > c.seg.start and self.doc.tokens[k - 1].tag == "JJ")  # "under | preventive | arrest"
        if c.trig.cameo[:2] != "17" or k <= c.seg.start or self.words[k] not in _HELD_IN:
            return None
        if self.words[k - 1] not in self.aux and not self.words[k - 1].startswith("remain"):
            # "placed | navalny | under house arrest": the object of the verb before it
            return next((m for m in c.before if m.end == k and self._putting_verb(m) is not None), None)
        # the subject right before its verb ("was", "has been", "remains")
        j = k - 1
        while j > c.seg.start and self.words[j - 1] in self.aux | _PERFECT:
            j -= 1
        return next((m for m in reversed(c.before) if m.end == j), None)

    def _putting_verb(self, held: Mention) -> int | None:
        """The verb right before the actor put under or into a coercive state ("placed | the | ...")."""
        v = held.start - 1
        if v >= 0 and self.words[v] in self.articles:
            v -= 1
        return v if v >= 0 and self.doc.tokens[v].tag.startswith("VB") else None

    def _held_roles(self, c: _Clause, held: Mention) -> Roles | None:
        """ "police placed navalny under house arrest": whoever put the actor there did it; "navalny
        was under house arrest": as a passive with no agent."""
        v = self._putting_verb(held)
        if held.end < c.trig.start and v is not None and self.words[held.end] in _HELD_IN:
            doer = next((m for m in reversed(c.before) if m.end in (v, v - 1) and m.actor.key), None)
            if doer is not None and self.party(doer) != self.party(held):
                return Roles([doer], [held], rule="the subject put the actor under a coercive state")
        roles = self._passive_roles(c, [held])
        if roles is not None:
            roles.rule += HELD
        return roles

    def _passive_roles(self, c: _Clause, patients: list[Mention]) -> Roles | None:
        # "captured by | al shabaab militants": a pattern whose slot took the passive's agent holds it
        agents = [m for m in c.inside if self.after_by(m)]
        agents += [m for m in c.after if self._by_before(m, c.trig.end + 2)]
        if agents:
            targets = [patients[-1]] if patients else (c.before[-1:] or c.inside[:1])
            roles = Roles(self._coordinated(c.keyed, agents[0], backwards=False), targets, rule="passive agent")
            if not targets and self._act_subject(c):
                # "the launch | was condemned by japan": whoever did the act told before
                roles.targets = self._earlier_doers(c.trig, roles.sources)
                roles.inferred, roles.target_rule = bool(roles.targets), _TOLD_EARLIER
            return roles
        # Passive with its agent further on ("has been accused of ... by haitian officials"), or none.
        late_agents = [m for m in c.after if self.after_by(m)]
        if patients and late_agents and late_agents[0].actor.key != patients[-1].actor.key:
            return Roles([late_agents[0]], [patients[-1]], rule="passive, agent later in the clause")
        if not patients:
            return None
        roles = Roles([], [patients[-1]], rule="passive subject is the target")
        speaker = self.speaker(c.seg, c.keyed, c.trig)
        named = self._agent_in_trigger(c, patients[-1].actor.code)
        # an agent phrase the surface could not bind ("by an off-duty turkish police officer") is
        # left to the parse: the place stands in only when no one is named
        agent_phrase = any("by" in self.words[max(c.trig.end, m.start - 5) : m.start] for m in c.after)
        violent = c.trig.cameo[:2] in VIOLENT_ROOTS and not agent_phrase
        place = self._place_near(c.in_seg, c.trig) if violent else None
        if named:
            roles.sources, roles.rule = named, "passive subject is the target, the agent named in the trigger"
        elif place is not None and place.actor.key != patients[-1].actor.key:
            # "he was attacked ... in seoul": as for an active with no subject, the armed group just
            # named, else the place, stands for the unnamed attacker; whoever reports it did not do it.
            armed = self._armed_before(c.trig)
            if armed is not None and armed.actor.key != patients[-1].actor.key:
                roles.sources, roles.inferred = [armed], True
                roles.rule = "passive subject is the target, the armed group named last the agent"
            else:
                roles.sources, roles.inferred = [place], True
                roles.rule = "passive subject is the target, the place the unnamed agent"
        elif speaker is not None and speaker.actor.key != patients[-1].actor.key:
            roles.sources, roles.inferred = [speaker], True
            roles.rule = "passive subject is the target, speaker the source"
        elif fought := self._fought_with(c, patients[-1].actor.code):
            # only where nothing else stands for the agent: before the place or the speaker it cost events
            roles.sources, roles.rule = fought, "passive subject is the target, whom it fought with the agent"
        return roles

    def _described_noun(self, c: _Clause) -> Mention | None:
        """ "three journalists, | arrested last week, were freed": a past participle the parse hangs
        on a noun before it (a reduced relative clause) acts on that noun, never by it."""
        tokens, p = self.doc.tokens, c.trig.start
        t = tokens[p]
        if self._set_off_participle(c):
            return next((m for m in c.before if m.end == p), None)
        if self._main_verb_after(p):
            # the subject the parse gave it, or the actor qualifying it ("three | kenyan | engineers")
            k = next(k for k in range(p) if tokens[k].dep == "nsubj" and tokens[k].head == p)
            return next((m for m in reversed(c.before) if m.start <= k < m.end or m.end in (k, p)), None)
        if t.dep != "acl" or t.tag not in ("VBN", "VBD") or not t.head < p or self._opening_state(c):
            return None
        noun = tokens[t.head]
        verb = noun.head
        if noun.dep not in _ARGUMENTS or verb == p or not tokens[verb].tag.startswith("VB"):
            return None  # the noun must be an argument of another verb: a misparse often hangs a verb on any noun
        if verb < t.head and self.words[verb] in self.qualifying:
            return None  # "iran-backed | houthis fired at": "backed" only qualifies the noun, no verb
        if abs(verb - p) > _MAX_SUBJECT_DISTANCE:
            return None  # a parse of unpunctuated text joining two sentences
        own = ("obj", "nsubj", "nsubj:pass")
        if any(tokens[k].head == p and tokens[k].dep in own for k in range(c.seg.start, c.seg.end)):
            return None  # "israeli troops attacked | hamas fighters" misparsed: a verb with its own object
        # the actor heading the noun phrase the participle describes
        return next((m for m in reversed(c.before) if m.start <= t.head < m.end), None)

    def _opening_state(self, c: _Clause) -> bool:
        """ "kenya | handed over the suspects to uganda", "turkey | shelled kurdish militants": a past
        tense right after a state's bare name opening the clause is its predicate, however the parse
        of unpunctuated text hangs it ("iran-backed" and the like only qualify: cues qualifier)."""
        p = c.trig.start
        m = next((m for m in c.before if m.end == p), None)
        if m is None or m.kind != "country" or self.words[p] in self.qualifying:
            return False
        return m.start == c.seg.start or m.start == 0 or self.doc.tokens[m.start].break_before

    def _main_verb_after(self, p: int) -> bool:
        """ "two aid workers kidnapped in mali last year | were freed": a parse that takes the participle
        for the main verb hangs the real one on it (conj, advcl) with an auxiliary but no subject, no
        conjunction and no subordinator of its own ("kidnapped ... and were freed" is two acts)."""
        tokens = self.doc.tokens
        subject = any(tokens[k].dep == "nsubj" and tokens[k].head == p for k in range(p))
        if tokens[p].tag not in ("VBD", "VBN") or not subject:
            return False
        barriers = self.res.cues.get("inherit_barrier", frozenset())
        for q in range(p + 1, min(len(tokens), p + _ADJUNCT_REACH)):
            if tokens[q].head == p and tokens[q].dep == "obj" or self.words[q] in barriers:
                return False  # "suspended aid deliveries | after two vehicles were hit": a clause of its own
            if tokens[q].head != p or tokens[q].dep not in ("conj", "advcl") or not tokens[q].tag.startswith("VB"):
                continue
            kids = [k for k in range(p + 1, q + 2) if k < len(tokens) and tokens[k].head == q]
            deps = {tokens[k].dep for k in kids}
            aux = any(tokens[k].dep in ("aux", "aux:pass") and self.words[k] in self.aux for k in kids if k < q)
            own = deps & {"nsubj", "nsubj:pass", "cc", "mark"}
            return aux and not own and not any(t.comma_before for t in tokens[p + 1 : q + 1])
        return False

    def _set_off_participle(self, c: _Clause) -> bool:
        """ "reporters | , arrested in uganda last week, | were released": a participle between commas
        right after an actor, the clause's own verb after the closing comma (which a parse of the
        whole sentence may miss)."""
        tokens, p = self.doc.tokens, c.trig.start
        if not tokens[p].comma_before or tokens[p].tag != "VBN" or self.words[p - 1 : p] == [","]:
            return False
        reach = range(c.trig.end, min(len(tokens), c.trig.end + _ADJUNCT_REACH))
        k = next((i for i in reach if tokens[i].comma_before or tokens[i].break_before), None)
        if k is None or tokens[k].break_before:
            return False
        return self.words[k] in self.aux or tokens[k].tag in _FINITE_TAGS

    def _agent_in_trigger(self, c: _Clause, victim_code: str | None) -> list[Mention]:
        """ "killed in a u s drone strike", "in russian and syrian government airstrikes": for a
        violent act the state qualifying the weapon did it."""
        if c.trig.cameo[:2] not in VIOLENT_ROOTS:
            return []
        named = [m for m in c.inside if m.actor.code != victim_code and m.kind not in ("place", "capital")]
        named = [m for m in named if not self._verb_object(c.trig, m)]
        return self._coordinated(c.inside, named[0], backwards=False) if named else []

    def _verb_object(self, trig: Trigger, m: Mention) -> bool:
        """ "troops | killed five rebels": the actor a violent verb takes as its object is its victim,
        unlike one after a preposition ("killed in a u s drone strike")."""
        tokens = self.doc.tokens
        # the verb may follow the doers the pattern starts with: "| jets bombed syrian towns"
        verb = next((k for k in range(trig.start, m.start) if tokens[k].tag.startswith("VB")), None)
        if verb is None:
            return False
        return not any(t.tag in ("IN", "TO") for t in tokens[verb + 1 : m.start])

    def _fought_with(self, c: _Clause, victim_code: str | None) -> list[Mention]:
        """ "killed in clashes | with (pro-)russian separatists": whom the fighting was with did it."""
        k = c.trig.end
        if c.trig.cameo[:2] not in VIOLENT_ROOTS:
            return []
        if k >= len(self.words) or self.words[k] != "with":
            return []
        foe = [m for m in c.after if k < m.start <= k + 3 and m.actor.code != victim_code]
        foe = [m for m in foe if m.kind not in ("place", "capital")]
        return self._coordinated(c.keyed, foe[0], backwards=False) if foe else []

    def _passive_patients(self, c: _Clause) -> list[Mention]:
        """Who a passive acts on: the subject before it, else the noun a relative clause hangs from
        ("fallujah, which was overrun by ..."), else the actor a subject pronoun stands for, else
        the last actor of the subject phrase."""
        # "the resolution, drafted by france and backed by britain, was vetoed": whose it was, named
        # first; an actor joined to one named after "by" is no subject ("by brazil and | china")
        by_agents = [m for m in c.before if self.after_by(m)]
        joined = {id(m) for a in by_agents for m in self._coordinated(c.keyed, a, backwards=False)}
        # not an actor of the clause joined before the passive's own ("met with a heavy police
        # response, and | more than 1,000 people were detained")
        joined_at = [k for k in range(c.seg.start + 1, c.trig.start) if self._clause_joined_at(c.seg.start, k)]
        cut = max(joined_at, default=c.seg.start)
        patients = [m for m in self._not_prepositional(c) if id(m) not in joined and m.start >= cut]
        if patients:
            return patients
        antecedent = self._antecedent(c.seg, c.trig)
        if antecedent is not None:
            return [antecedent]
        # "hundreds of syrian civilians were killed": the actor inside the subject phrase
        inside = [m for m in c.before if m.start >= cut]
        return self._subject_pronoun(c.seg, c.trig) or by_agents[:1] or inside[-1:]

    def _clause_joined_at(self, start: int, k: int) -> bool:
        """ "... were met with a response, and | ...": a comma and a conjunction after a verb open a
        clause of their own ("leo ryan, and | three newsmen were killed" is one subject)."""
        tokens = self.doc.tokens
        joins = tokens[k].comma_before and self.words[k] in ("and", "but")
        return joins and any(tokens[j].tag.startswith("VB") for j in range(start, k))

    def _subjects(self, c: _Clause) -> list[Mention]:
        subjects = self._outside_relative(self._not_prepositional(c), c.trig, self._first_relative(c.seg.start))
        subjects = [m for m in subjects if not self._relation_owner(m, c.trig)]
        # A country taken from the neighbourhood ("troops" -> French) is a weaker subject than one
        # the text names: "france is ready to contribute troops".
        explicit = [m for m in subjects if not m.inferred]
        if explicit and subjects[-1].inferred and not self._reported_after(explicit[-1], subjects[-1]):
            subjects = explicit
        possessor = self._possessor(c.keyed, c.trig)
        if possessor is not None:
            return [possessor]  # "russia s annexation of crimea": the possessor acts
        if subjects:
            subjects[-1] = self._appositive_head(subjects[-1], c.keyed, c.trig)
        return subjects

    def _relation_owner(self, m: Mention, trig: Trigger) -> bool:
        """ "kyiv s | allies pledged": whose allies, partners or neighbours act is not who acts."""
        k = m.end
        if k >= trig.start or self.words[k] != "s":
            return False
        head = next((j for j in range(k + 1, min(trig.start, k + 4)) if self.words[j] in self.relations), None)
        return head is not None and all(w not in self.preps for w in self.words[k + 1 : head])

    def _reported_after(self, speaker: Mention, subject: Mention) -> bool:
        """ "u s officials said | militants attacked": a speech verb between two actors makes the later
        one the subject of what is reported, however weakly it is named."""
        if speaker.end > subject.start:
            return False
        # "according to u s officials, | militants attacked": the report's source, not its subject
        lead = self.words[max(0, speaker.start - 4) : speaker.start]
        cited = any(lead[k : k + 2] == ["according", "to"] for k in range(len(lead) - 1))
        cited = cited and any(t.comma_before for t in self.doc.tokens[speaker.end : subject.start + 1])
        return cited or any(w in self.speech for w in self.words[speaker.end : subject.start])

    def _rule_agent_phrase(self, c: _Clause, subjects: list[Mention]) -> Roles | None:
        """ "a turkish convoy was hit by | syrian government air strikes": the subject is the
        victim; whoever the agent phrase names did it - or, for "killed by a roadside bomb near
        basra", the place stands for whoever planted it."""
        # a verb after "by x" has its own subject: "m23 rebels backed by rwanda | captured goma"
        noun = not self.doc.tokens[c.trig.start].tag.startswith("VB")
        by_at = self._passive_by_before(c.trig) if c.trig.cameo[:2] in VIOLENT_ROOTS and noun else None
        if by_at is None:
            return None
        victims = [m for m in subjects if m.end <= by_at]
        agents = [m for m in c.keyed if by_at < m.start < c.trig.start]
        agent = agents[0] if agents else self._place_near(c.in_seg, c.trig)
        if not victims or agent is None or agent.actor.key == victims[-1].actor.key:
            return None
        rule = "agent phrase before a violent noun" if agents else PLACE_AGENT
        return Roles([agent], [victims[-1]], inferred=not agents, rule=rule)

    def _rule_suffered(self, c: _Clause, subjects: list[Mention]) -> Roles | None:
        """ "iraq suffered its deadliest attack", "nigeria faced attacks by boko haram", "israel came
        under rocket fire from gaza": a verb whose subject undergoes the attack its object names (cues
        victim_verb) makes the subject the target; whoever "by" or "from" names did it, else the
        armed group just named, else the place, as for an attack no one is named for."""
        trig = c.trig
        noun = self.doc.tokens[trig.start].tag.startswith("NN")
        violent = trig.cameo[:2] in VIOLENT_ROOTS
        if not (violent or trig.cameo[:2] in _SUFFERED_TOO) or not noun or not subjects:
            return None
        victim = subjects[-1]
        lead = [w for w in self.words[victim.end : trig.start] if w not in self.aux and w not in _PERFECT]
        if not 0 < len(lead) <= _VICTIM_REACH or not self._victim_verb(lead):
            return None
        near = [m for m in c.after if m.start <= trig.end + 3]
        agents = [m for m in near if self.after_by(m) or self._from_before(m)]
        agents = [m for m in agents if self.party(m) != self.party(victim)]
        if agents:
            return Roles(agents[:1], [victim], rule="the subject suffered the act: the agent named after it")
        if not violent:
            return None  # "peru suffered a cyberattack": coercion with no agent named keeps its reading
        armed = self._armed_before(trig)
        if armed is not None and self.party(armed) != self.party(victim):
            rule = "the subject suffered the act: the armed group named last"
            return Roles([armed], [victim], inferred=True, rule=rule)
        if victim.kind in ("country", "capital", "place"):
            # the place's own country is the target the builder falls back to, with the sectors
            return Roles([as_country(victim)], inferred=True, rule=PLACE_AGENT)
        return None

    def _victim_verb(self, lead: list[str]) -> bool:
        verbs = self.res.cues.get("victim_verb", frozenset())
        return lead[0] in verbs or " ".join(lead[:2]) in verbs

    def _armed_before(self, trig: Trigger) -> Mention | None:
        """The armed group named last before an attack whose agent the clause does not name."""
        k = bisect.bisect_left(self.starts, trig.start)
        for m in reversed(self.mentions[max(0, k - 40) : k]):
            if trig.start - m.end > _ARMED_REACH:
                break
            a = m.actor
            if (a.sector in _ARMED_GROUPS or a.code == "IMG") and a.key:
                return Mention(m.start, m.end, a, m.kind, inferred=True)
        return None

    def _rule_reverse(self, c: _Clause, subjects: list[Mention]) -> Roles:
        """A reverse pattern ("received a visit from X"): the actor after acts on the subject."""
        # "canada s decision to recognise a palestinian state drew criticism from israel": the
        # possessor heading the subject is whom it is aimed at, not an actor inside its complement
        owner = [m for m in subjects[:1] if m.end < len(self.words) and self.words[m.end] == "s"]
        # "received arms from damascus and moscow": each of the coordinated actors after acts
        sources = self._coordinated(c.keyed, c.after[0], backwards=False) if c.after else []
        # "the expulsion of russian diplomats by | poland drew a rebuke from moscow": the subject act's
        # own doer, named after "by", is whom the reaction answers
        agent = [m for m in c.before if self.after_by(m) and c.seg.start <= m.start < c.trig.start][:1]
        agent = self._coordinated(c.keyed, agent[0], backwards=False) if agent else []
        return Roles(sources, owner or agent or subjects[-1:], rule="reverse pattern")

    def _rule_acted_on(self, c: _Clause, subjects: list[Mention]) -> Roles | None:
        """A reverse pattern, or a judgement the subject faces: the subject is acted on."""
        if c.trig.roles == "reverse":
            return self._rule_reverse(c, subjects)
        faced = self._faced(c)
        return self._rule_faced(c, subjects, faced) if faced is not None else None

    def _faced(self, c: _Clause) -> int | None:
        """ "belgium faces mounting criticism over ...", "came under international condemnation", "drew
        accusations of ...": a judgement (11) the subject faces, draws or comes under (cues
        facing_verb, a few modifiers between) is aimed at the subject, not voiced by it. Returns
        where the facing verb ends."""
        k = c.trig.start
        if c.trig.cameo[:2] != "11":
            return None
        for verb in self.facing:
            for at in range(max(c.seg.start, k - _FACING_GAP - len(verb)), k - len(verb) + 1):
                if self.words[at : at + len(verb)] == verb:
                    return at + len(verb)
        return None

    def _rule_faced(self, c: _Clause, subjects: list[Mention], verb_end: int) -> Roles:
        """The subject faces the judgement; who voices it qualifies it ("faced | dutch | criticism") or
        is named after "from", if anywhere (never the subject, nor any actor after)."""
        owner = [m for m in subjects[:1] if m.end < len(self.words) and self.words[m.end] == "s"]
        critics = [m for m in c.keyed if verb_end <= m.start < c.trig.start]
        critics = critics or [m for m in c.after if self._from_before(m)][:1]
        sources = self._coordinated(c.keyed, critics[0], backwards=False) if critics else []
        aimed = [m for m in subjects if m.end <= verb_end and all(m is not s for s in sources)]
        return Roles(sources, owner or aimed[-1:], rule="a judgement the subject faces is aimed at it")

    def _reciprocal_pair(self, c: _Clause, subjects: list[Mention]) -> list[Mention] | None:
        """The pair a reciprocal phrase at the subject stands for, if the subject is one."""
        if not subjects:
            return None
        last = subjects[-1]
        if last.inferred:
            # "the two leaders": a sector noun in a reciprocal phrase stands for the pair named before
            return self._two_parties(max(c.seg.start, last.start - 2), last.start + 1, self.topics)
        # "biden said | the two sides had agreed": a reciprocal phrase after the last actor named is
        # the clause's subject; the actor before it only reports
        lo = max(c.seg.start, last.end, c.trig.start - 6)
        return self._two_parties(lo, c.trig.start, self.topics) if lo < c.trig.start else None

    def _sources(self, c: _Clause, subjects: list[Mention]) -> Roles:
        pair = self._reciprocal_pair(c, subjects)
        if pair or pair == [] and subjects[-1].inferred:
            # "the two leaders" with no two leaders named: not whoever lent "leaders" a country
            rule = "reciprocal phrase" if pair else "no source found"
            return Roles(pair[:1], pair[1:], joint=True, inferred=True, rule=rule)
        named = self._speakers_state(c) or self._named_subject(c, subjects)
        if named is not None:
            return named
        reciprocal = self._reciprocal_subject(c.seg, c.trig, self.topics)
        if reciprocal:
            return Roles(reciprocal[:1], reciprocal[1:], joint=True, inferred=True, rule="reciprocal phrase")
        pronoun = self._subject_pronoun(c.seg, c.trig)
        if pronoun:
            return Roles(pronoun, inferred=True, rule="pronoun resolved to the last actor named")
        # "protesters gathered outside ...": the doers a pattern starts with
        doers = self._doers(c)
        if doers:
            return Roles(doers, rule=_DOERS)
        named = self._agent_in_trigger(c, None)
        if named:
            return Roles(named, rule=STATE_IN_ACT)  # "a u s drone strike killed"
        fronted = self._fronted_adjunct_subject(c)
        if fronted:
            return Roles(fronted, rule=FRONTED)
        unnamed = self._unnamed_agent(c)
        if unnamed is not None:
            return unnamed
        if c.inside and c.inside[0].kind == "adjective" and not c.inside[0].inferred and not self._bare_subject(c):
            return Roles([c.inside[0]], rule="adjective inside the trigger")  # "a deal to sell russian gas"
        return Roles(rule="no source found")

    def _bare_subject(self, c: _Clause) -> bool:
        """ "students | boycotted french products": a common noun of no country names the doer, so
        the nationality inside the trigger is whose goods or flags they are, not who acts."""
        # the doers may open the pattern itself: "| jets bombed syrian towns"
        heads = [c.trig.start - 1, c.trig.start] if c.inside[0].start > c.trig.start else [c.trig.start - 1]
        covered = self._covered(c)
        return any(
            i >= c.seg.start and self.doc.tokens[i].tag in ("NNS", "NNPS") and i not in covered for i in heads
        )

    def _covered(self, c: _Clause) -> set[int]:
        """Tokens of the clause's actors that have a country or an organisation (a bare "students" has none)."""
        return {k for m in c.in_seg if m.actor.key for k in range(m.start, m.end)}

    def _speakers_state(self, c: _Clause) -> Roles | None:
        """ "the saudi prince told blinken that | the kingdom was ready to ...": "the country", "the
        government" opening a reported clause is the speaker's own state, not the addressee's."""
        i = next((k for k in range(max(c.seg.start, c.trig.start - 5), c.trig.start) if self.words[k] == "the"), None)
        if i is None or i < 3 or self.words[i - 1] != "that" or self.words[i + 1] not in self.state_heads:
            return None
        said = next((k for k in range(i - 2, max(0, i - 5), -1) if self.words[k] in self.speech), None)
        if said is None:
            return None
        speaker = next((m for m in self.backward(said) if m.end <= said), None)
        if speaker is None or said - speaker.end > 1 or not speaker.actor.country:
            return None
        sector = "GOV" if self.words[i + 1] == "government" else None
        country = speaker.actor.country
        actor = Actor(text=speaker.actor.text, code=country + (sector or ""), country=country, sector=sector)
        own = Mention(i, i + 2, actor, speaker.kind, inferred=True)
        return Roles([own], inferred=True, rule="'the country' a speaker reports on: the speaker's own state")

    def _doers(self, c: _Clause) -> list[Mention]:
        """The doers a pattern starts with: "| protesters gathered", "| militants attacked"."""
        return [m for m in c.inside[:1] if m.start == c.trig.start and self.words[m.end - 1].endswith(self.agent_nouns)]

    def _fronted_adjunct_subject(self, c: _Clause) -> list[Mention]:
        """ "after speaking by phone, | obama and merkel condemned ...": a participle that opens its
        sentence (after "after", "while" ... at most) has the subject of the clause after its comma."""
        tokens, trig = self.doc.tokens, c.trig
        opens = c.seg.start == 0 or tokens[c.seg.start].break_before
        lead = self.words[c.seg.start : trig.start]
        openers = self.res.cues.get("adjunct_opener", frozenset())
        if not opens or any(w not in openers for w in lead) or tokens[trig.start].tag not in ("VBG", "VBN"):
            return []
        reach = range(trig.end, min(len(tokens), trig.end + _ADJUNCT_REACH))
        k = next((i for i in reach if tokens[i].comma_before), None)
        if k is None or any(t.break_before for t in tokens[trig.start + 1 : k + 1]):
            return []
        after = [m for m in self.between(k, k + _ADJUNCT_REACH) if m.actor.key and not m.inferred]
        if not after or any(w not in self.articles for w in self.words[k : after[0].start]):
            return []
        group = self._coordinated(after, after[0], backwards=False)
        end = group[-1].end
        # a parse of a long list may take the verb for a participle ("hollande | condemned/VBN")
        verb = tokens[end].tag in _FINITE_TAGS or (tokens[end].tag == "VBN" and not tokens[end].comma_before)
        finite = end < len(tokens) and (verb or self.words[end] in self.finite)
        return group if finite else []

    def _one_of_head(self, c: _Clause, nearest: Mention) -> Mention | None:
        """ "spain is one of | five eu | members that refused", "spain, one of the eu states that ...":
        the group a relative clause describes is one its head belongs to, so the head acts, not
        the actor qualifying the group (cues partitive)."""
        relatives = self.res.cues.get("relative", frozenset())
        between = self.words[nearest.end : c.trig.start]
        if not any(w in relatives for w in between) or nearest.start < 3:
            return None
        k = nearest.start - 1
        while k > c.seg.start and nearest.start - k <= _PARTITIVE_REACH and self.words[k] != "of":
            k -= 1
        if self.words[k] != "of" or " ".join(self.words[k - 1 : k + 1]) not in self.res.cues.get("partitive", ()):
            return None
        j = k - 2  # before "one": a copula ("spain is | one of") or the comma of an apposition
        if not self.doc.tokens[k - 1].comma_before:
            if j < c.seg.start or self.words[j] not in self.aux:
                return None
        else:
            j = k - 1
        return next((m for m in c.keyed if m.end == j and m.actor.key and m.kind != "place"), None)

    def _named_subject(self, c: _Clause, subjects: list[Mention]) -> Roles | None:
        doers = self._doers(c)
        if doers and subjects and self._reported_after(subjects[-1], doers[0]):
            return Roles(doers, rule=_DOERS)  # "u s officials said | militants attacked"
        qualifier = self._qualifying_state(c)
        if qualifier:
            return Roles(qualifier, rule=STATE_QUALIFYING)
        owner = self._quote_owner(c, subjects[-1]) if subjects else None
        if owner is not None:
            aimed = [m for m in subjects[-1:] if m.actor.key != owner.actor.key]  # "any israeli strike"
            roles = Roles([owner], aimed, inferred=True, rule="the quote's subject owns the speaker after it")
            roles.target_rule = "the other actor named in the quote"
            return roles
        shared = self._and_verb_subject(c, subjects[-1]) if subjects else None
        if shared is not None:
            return Roles([shared], inferred=True, rule="a verb joined by 'and' shares the subject of the verb before")
        member = self._one_of_head(c, subjects[-1]) if subjects else None
        if member is not None:
            return Roles([member], rule=ONE_OF)
        if subjects and not self._reported_violence(c, subjects[-1]) and not self._told_of_another(c, subjects[-1]):
            return Roles(self._coordinated(c.keyed, subjects[-1], backwards=True), rule="subject before the trigger")
        return None

    def _and_verb_subject(self, c: _Clause, last: Mention) -> Mention | None:
        """ "russia expelled | two polish diplomats | and accused warsaw": an actor right before "and"
        that is the object of a past-tense verb is no subject of the past-tense verb after "and"; the
        first verb's subject is."""
        tokens, k = self.doc.tokens, c.trig.start
        nouns = all(t.tag in ("NN", "NNS") for t in tokens[last.end : k - 1])  # "a british | tanker | and"
        if not 1 <= k - last.end <= 3 or not nouns or self.words[k - 1] != "and" or not self.words[k].endswith("ed"):
            return None
        j = last.start - 1
        while j > c.seg.start and tokens[j].tag in ("CD", "DT"):
            j -= 1  # "expelled | two | polish diplomats"
        if j <= c.seg.start or tokens[j].tag != "VBD" or tokens[k].tag not in ("VBD", "VBN"):
            return None
        before = [m for m in self.between(c.seg.start, j) if m.end == j and m.actor.key]
        return before[-1] if before else None

    def _quote_owner(self, c: _Clause, last: Mention) -> Mention | None:
        """ "iran would retaliate against any israeli strike, | its foreign minister warned": a speaker
        named by "its" after the quote's comma belongs to the state opening the sentence, not to the
        last actor named inside the quote."""
        words, tokens = self.words, self.doc.tokens
        floor = max(last.end, c.trig.start - 5)
        # scraped text has no comma: a speaking verb that (nearly) ends its sentence closes the quote
        rest = tokens[c.trig.end : c.trig.end + 4]  # "warned | on sunday": a date may follow
        final = any(t.break_before for t in rest) or c.trig.end + len(rest) == len(tokens) and len(rest) < 4
        opens = [i for i in range(floor, c.trig.start) if tokens[i].comma_before or final and words[i] == "its"]
        k = opens[-1] if opens else None
        if k is None or words[k] != "its" or any(not m.inferred for m in self.between(k, c.trig.start)):
            return None
        lo = k
        while lo > 0 and not tokens[lo].break_before:
            lo -= 1
        return self._sentence_opener(lo, k, self._impersonal_fit)

    def _told_of_another(self, c: _Clause, last: Mention) -> bool:
        """ "told | blinken | that the kingdom was ready to normalise ties": the last actor is a verb's
        object, and a reported clause with a subject of its own (an article and a noun no actor list
        names) stands between it and the trigger; the addressee is not the one who acts."""
        words, tokens = self.words, self.doc.tokens
        j = last.start - 1 - (last.start >= 2 and words[last.start - 1] in self.articles)
        if j < c.seg.start or not tokens[j].tag.startswith("VB"):
            return False  # "the msci noted that the decision was a positive step": the speaker acts
        k = next((i for i in range(last.end, c.trig.start) if words[i] == "that"), None)
        if k is None or k + 3 >= c.trig.start or words[k + 1] not in self.articles:
            return False
        verb = next((i for i in range(k + 2, min(k + 5, c.trig.start)) if tokens[i].tag in _FINITE_TAGS), None)
        nouns = range(k + 2, verb) if verb is not None else range(0)
        named = any(k < m.start < c.trig.start for m in self.mentions if m.actor.key)
        return bool(nouns) and all(tokens[i].tag.startswith("NN") for i in nouns) and not named

    def _reported_violence(self, c: _Clause, speaker: Mention) -> bool:
        """ "u s officials say | both men were linked to the paris attacks": violence named by a noun in
        what a speaker reports is not the speaker's act."""
        tags = [t.tag for t in self.doc.tokens[c.trig.start : c.trig.end]]
        # "warplanes bombed the town" is a clause of its own, which the binder reads elsewhere
        noun = tags[0].startswith("NN") and not any(t.startswith("VB") for t in tags)
        if c.trig.cameo[:2] not in VIOLENT_ROOTS or not noun:
            return False
        return any(w in self.speech for w in self.words[speaker.end : c.trig.start])

    def _qualifying_state(self, c: _Clause) -> list[Mention]:
        """ "the focal point of a wave of | palestinian | stabbing attacks": a state adjective right
        before a violent act named by a noun did it, whatever the clause's subject."""
        if c.trig.cameo[:2] not in VIOLENT_ROOTS or not self.doc.tokens[c.trig.start].tag.startswith(("NN", "VBG")):
            return []
        return [m for m in c.before if m.end == c.trig.start and m.kind == "adjective" and not m.inferred][-1:]

    def _victim_participle(self, trig: Trigger) -> bool:
        """A lone participle that describes its victim ("a civilian | killed in ...")."""
        tokens = self.doc.tokens
        token = tokens[trig.start]
        on_noun = token.dep == "acl" or 0 <= token.head < len(tokens) and tokens[token.head].tag.startswith("NN")
        return trig.end - trig.start == 1 and token.tag == "VBN" and on_noun

    def _unnamed_agent(self, c: _Clause) -> Roles | None:
        """No subject: for an attack, the armed group just named or the place it happened; else
        whoever reports it."""
        speaker = self.speaker(c.seg, c.keyed, c.trig)
        # "aid cuts have forced clinics in kenya to close": the place a cut, a freeze or an embargo
        # (16) is felt in is whom it hits, never who imposed it
        place = self._place_near(c.in_seg, c.trig) if c.trig.cameo[:2] >= "14" and c.trig.cameo[:2] != "16" else None
        violent = c.trig.cameo[:2] in VIOLENT_ROOTS
        if place is not None and violent:
            # "turkish soldiers were killed in an attack in al-bab" after a paragraph on islamic
            # state: the armed group just named did it, more likely than the place's own state
            armed = self._armed_before(c.trig)
            if armed is not None:
                return Roles([armed], inferred=True, rule="the armed group named last before an unattributed attack")
        if place is not None and violent and self._victim_participle(c.trig):
            return None  # "the body of a civilian | killed in malakal": a death told, no attack named
        if place is not None and (speaker is None or violent):
            # "a roadside bomb near samarra killed ..., the military said": for violence the
            # place implies the actor; whoever reports it is not the one who did it.
            return Roles([as_country(place)], inferred=True, rule=PLACE_AGENT)
        if speaker is not None and not self._reporting_outlet(speaker, c.trig):
            return Roles([speaker], inferred=True, rule="speaker of reported speech")
        return None

    def _reporting_outlet(self, speaker: Mention, trig: Trigger) -> bool:
        """ "troops shelled the villages, according to | indian media |": a news outlet reports an
        attack with no attacker named; it neither did it nor, reporting it at home, names whose
        troops did (its own country is as often the one attacked)."""
        return speaker.actor.sector == "MED" and trig.cameo[:2] in VIOLENT_ROOTS

    def party(self, m: Mention) -> str:
        return party_of(m, self.state_sectors)

    def _other_party(self, m: Mention, sources: list[Mention]) -> bool:
        """Not one of the sources' own: another party, and not a sector noun whose country was only
        borrowed from them ("cuba sent a team of | doctors", "protesters in chinese cities")."""
        if m.inferred and any(m.actor.key == s.actor.key for s in sources):
            return False
        return self.party(m) not in {self.party(s) for s in sources}

    def _target_order(self, c: _Clause, sources: list[Mention]) -> list[Mention]:
        # The trigger's own object comes first: "rejected an indian proposal", "accused the u s of".
        targets = [m for m in c.inside + c.after if self._other_party(m, sources)]
        borrowed = [m for m in targets if borrowed_instrument(self.words, m, c.trig)]
        targets = [m for m in targets if m not in borrowed] + borrowed
        if c.trig.cameo[:2] == "04":
            # "discussed syria with erdogan": whom one meets comes with "with", what is discussed is a topic
            met = [m for m in targets if m.start >= 1 and self.words[m.start - 1] == "with"]
            targets = met + [m for m in targets if m not in met]
        if c.trig.cameo[:2] == "11" and not self._direct_object(targets, c.trig):
            # "complained to the un over israeli air raids": the target is what is complained about;
            # one criticised right after the verb is its target ("slams us | over taiwan arms sale")
            about = [
                m
                for m in targets
                if m.start >= 2 and {"over", "about", "against"} & set(self.words[m.start - 2 : m.start])
            ]
            targets = about + [m for m in targets if m not in about]
        if c.trig.cameo in _TAKEN_FROM:
            # "captured the town of tal abyad | from islamic state": whom a place or a thing is taken
            # from is the target, not the place's state
            taken = [m for m in targets if m.kind not in ("place", "capital") and self._from_before(m)]
            targets = taken + [m for m in targets if m not in taken]
        if c.trig.cameo[:2] in ("06", "07"):
            targets = self._recipient_first(targets, c.trig)
        if c.trig.cameo == "115":
            # "filed a case at | the icj accusing israel": the court is where the case is brought, the
            # party the case is against comes first when one is named
            venue = [m for m in targets if m.start < c.trig.end and self._after_venue_word(m)]
            targets = [m for m in targets if m not in venue] + venue
        # "join the china-led bank": the bank is the object, china only qualifies it; "threatened
        # the snapback of un sanctions | on iran": who imposes a measure aimed at another is not
        # whom a threat or an act aims at (a reaction to it is: "denounced israeli strikes on gaza")
        acting = c.trig.cameo[:2] not in _REACTION_ROOTS or c.trig.cameo[:2] == "13"
        qualifiers = [
            m
            for m in targets
            if m.end < len(self.words) and self.words[m.end] in self.qualifying or acting and self._aims_on(m, targets)
        ]
        return [m for m in targets if m not in qualifiers] + qualifiers

    def _direct_object(self, targets: list[Mention], trig: Trigger) -> bool:
        """The first target stands right after the trigger (an article between at most), not after
        a preposition or "that" ending it ("complained to | the un", "alleging that | azerbaijan is")."""
        k = trig.end + (trig.end < len(self.words) and self.words[trig.end] in self.articles)
        last = self.words[trig.end - 1]
        return bool(targets) and targets[0].start == k and last not in self.preps and last != "that"

    def _recipient_first(self, targets: list[Mention], trig: Trigger) -> list[Mention]:
        """ "donated doses of its | sinovac | vaccine to | the philippines": a gift goes to whom "to"
        names; an actor inside the object phrase before it only qualifies the thing given."""
        to = next((m for m in targets if self._gift_to(m, trig)), None)
        if to is None or targets[0] is to or targets[0].start <= trig.start:
            return targets
        tags = [t.tag for t in self.doc.tokens[trig.end : to.start]]
        if any(t.startswith("VB") or t == "WDT" for t in tags) or len(tags) > 10:
            return targets  # "sent teams that helped x | to y": a clause of its own between
        return [to] + [m for m in targets if m is not to]

    def _gift_to(self, m: Mention, trig: Trigger) -> bool:
        k = m.start - 1 - (m.start >= 2 and self.words[m.start - 1] in self.articles)
        return trig.cameo[:2] in ("06", "07") and m.start > trig.end and k >= 0 and self.words[k] == "to"

    def _after_venue_word(self, m: Mention) -> bool:
        k = m.start - 1 - (m.start >= 2 and self.words[m.start - 1] in self.articles)
        return k >= 0 and self.words[k] in ("at", "with", "before", "to")

    def _aims_on(self, m: Mention, targets: list[Mention]) -> bool:
        """ "un sanctions | on iran", "israeli strikes against | gaza": ``m`` owns a noun aimed at
        another actor named right after it."""
        k = m.end + 1
        if k >= len(self.words) or self.words[k] not in ("on", "against") or self.words[m.end] not in self.act_nouns:
            return False  # "an eu mission | on the libya-niger border": where, not whom
        return any(t.start in (k + 1, k + 2) for t in targets)

    def _faced_places(self, c: _Clause, roles: Roles, targets: list[Mention]) -> list[Mention]:
        """ "held exercises near | the finnish border", "massed troops in | belarus near ukraine": a show
        of force (15) is aimed at the foreign state it is staged at or near, where an attack in a place
        only happened there."""
        if c.trig.cameo[:2] != FORCE_POSTURE:
            return []
        own = {m.actor.country for m in roles.sources}
        return [m for m in targets if m.actor.country and m.actor.country not in own]

    def _bind_targets(self, c: _Clause, roles: Roles) -> None:
        source_keys = {m.actor.key for m in roles.sources}
        targets = self._target_order(c, roles.sources)
        pronoun = self._object_pronoun(c, roles.sources)
        if pronoun is not None and not (targets and targets[0].start < c.trig.end):
            targets = [pronoun]  # "he urged | him to protect civilians in gaza": whom "him" stands for
        if roles.rule == FRONTED:
            # "after speaking by phone, obama and merkel condemned | russia": the main clause's object
            targets = [m for m in targets if m.end <= min(s.start for s in roles.sources)]
        if roles.rule == _DOERS:
            # "protesters in several chinese cities marched against japan": the doers' own phrase
            targets = [m for m in targets if all(m is not i for i in c.inside)]
        if len(source_keys) >= 2:
            # "xi and biden met on the sidelines of | the g20": the gathering is where, not whom;
            # "putin and xi spoke by phone about | ukraine": what two parties talk about is a topic
            talks = c.trig.cameo[:2] == "04"
            targets = [m for m in targets if not self._venue(m) and not (talks and self._topic_of(m))]
        if len(source_keys) >= 2 or c.trig.cameo[:2] not in VERBAL_ROOTS:
            # co-subjects meeting "in helsinki" did not act on helsinki, nor did an attack "in
            # paris" act on France: a material act's place is where it happened.
            faced = self._faced_places(c, roles, targets)
            targets = [m for m in targets if not self._locative(m) or self._trigger_object(m, c.trig) or m in faced]
            targets = [m for m in targets if not self._border_place(m) or m in faced]
        ends = (self._attribution_start(c), self._described_object_end(c), self._next_clause_subject(c))
        cut = min(*ends, self._reaction_start(c))
        brokers = self._brokers(c)
        targets = [m for m in targets if m.start < cut and all(m is not b for b in brokers)]
        speaker = self.speaker(c.seg, c.keyed, c.trig)
        reporter = speaker if speaker is not None and roles.sources and speaker is not roles.sources[0] else None
        targets = [m for m in targets if m is not reporter]
        doer = self._doer_of_judged_act(c, targets)
        targets = [doer] if doer is not None else targets
        targets = self._told_instead_of_place(c, roles, targets)
        if targets:
            pool = c.keyed if targets[0] in c.keyed else _with_key(c.in_seg)
            roles.targets = self._coordinated(pool, targets[0], backwards=False)
            # "arrested 12 palestinians, | the palestinian health ministry said": the comma joins no target
            roles.targets = [m for m in roles.targets if self._other_party(m, roles.sources) and m is not reporter][:4]
            roles.target_rule = "first actor after the trigger"
            if c.trig.cameo in _TAKEN_FROM and self._from_before(roles.targets[0]):
                roles.targets, roles.target_rule = roles.targets[:1], TAKEN_FROM
            if doer is not None:
                roles.target_rule = JUDGED_DOER
            elif self._gift_to(roles.targets[0], c.trig):
                roles.target_rule = GIFT_TO

    def _told_instead_of_place(self, c: _Clause, roles: Roles, targets: list[Mention]) -> list[Mention]:
        """ "austin told | his israeli counterpart | that washington was concerned about casualties in
        gaza": a view told to someone is aimed at them, not at where what it is about happened."""
        if c.trig.cameo[:2] not in VERBAL_ROOTS or not targets or not self._place_phrase(targets[0]):
            return targets
        told = self._addressee(c.seg)
        if told is None or told.end > c.trig.start or not self._other_party(told, roles.sources):
            return targets
        return [told]

    def _doer_of_judged_act(self, c: _Clause, targets: list[Mention]) -> Mention | None:
        """ "condemned the arrest of | two american journalists | by | russian police": a statement
        about an act is aimed at the act's doer, named after "by", not at whom the act befell."""
        if c.trig.cameo[:2] not in VERBAL_ROOTS or not targets:
            return None
        first = targets[0]
        between = self.words[c.trig.end : first.start]
        if "of" not in between or len(between) - between.index("of") > 4 or len(between) > 6:
            return None
        by_at = next((j for j in range(first.end, min(first.end + 2, c.seg.end - 1)) if self.words[j] == "by"), None)
        if by_at is None:
            return None
        start = by_at + 1 + (self.words[by_at + 1] in self.articles)
        return next((m for m in targets if m.start == start and self.party(m) != self.party(first)), None)

    def _described_object_end(self, c: _Clause) -> int:
        """ "used water cannon to disperse | protesters | angered by the suspension of eu talks": a
        material act's object, described by a participle, is whom it acted on; who the description
        names is not."""
        k = c.trig.end + (c.trig.end < c.seg.end and self.words[c.trig.end] in self.articles)
        obj = next((m for m in c.in_seg if m.start == k), None)
        if c.trig.cameo[:2] in VERBAL_ROOTS or obj is None or obj.end >= c.seg.end:
            return c.seg.end
        return obj.end if self.doc.tokens[obj.end].tag in ("VBN", "VBG") else c.seg.end

    def _brokers(self, c: _Clause) -> list[Mention]:
        """ "a deal brokered by | china", "talks mediated by qatar and | egypt", "a | us | -brokered
        truce": whom a broker participle names, and those joined to it, brokered the act and took no
        part in it."""
        brokers: list[Mention] = []
        for m in c.after:
            k = m.start - 1 - (m.start >= 2 and self.words[m.start - 1] in self.articles)
            named = k >= 1 and self.words[k] == "by" and self.words[k - 1] in self.brokering
            # "a | us | -brokered ceasefire", "an | egyptian | -mediated truce": the broker qualifies the act
            named = named or (m.end < len(self.words) and self.words[m.end] in self.brokering)
            named = named or self._named_broker(m, k)
            near = bool(brokers) and brokers[-1].end <= k <= brokers[-1].end + 1
            joined = near and self.words[k] in self.coord | {","}
            if named or joined:
                brokers.append(m)
        return brokers

    def _named_broker(self, m: Mention, k: int) -> bool:
        """ "under turkish | mediation", "under the auspices of | the african union": the actor qualifying
        a broker noun, or named after "<broker noun> of", brokered the act."""
        words = self.words
        after = " ".join(words[m.end : m.end + 2])
        qualifies = m.end < len(words) and (words[m.end] in self.broker_nouns or after in self.broker_nouns)
        # "under | egyptian | and qatari mediation": the first of two qualifiers joined by "and"
        two_on = words[m.end + 2] if m.end + 2 < len(words) else ""
        qualifies = qualifies or (words[m.end : m.end + 1] == ["and"] and two_on in self.broker_nouns)
        return qualifies or (k >= 1 and words[k] == "of" and words[k - 1] in self.broker_nouns)

    def _agreed_to_act(self, c: _Clause, targets: list[Mention]) -> bool:
        """ "turkey and iraq agreed to | fight the pkk": co-subjects agreeing to do something together
        agree with each other; whom the act they agreed on aims at is not the agreement's party. One it
        goes "to" is ("agreed to send air defences | to kyiv"): each agreed to give it."""
        k = c.trig.end
        verb = k < len(self.words) and self.doc.tokens[k].tag == "VB"
        to = [m for m in targets[:1] if m.start > k + 1 and "to" in self.words[m.start - 2 : m.start]]
        return c.trig.cameo[:2] == "03" and self.words[k - 1] == "to" and verb and not to

    def _object_pronoun(self, c: _Clause, sources: list[Mention]) -> Mention | None:
        """The other party an object pronoun right after the verb stands for: "him", "her" the last
        person or official named in these sentences; "its", "his", "her" before a noun the same,
        where the subject cannot be what it stands for ("pakistani troops fired on | its posts")."""
        p = c.trig.start + 1
        k = p if p < c.trig.end and self.words[p] in _POINTING else self._after_preposition(c.trig.end)
        if k >= len(self.words) or self.words[k] not in _POINTING or not sources:
            return None
        fits = self._impersonal_fit if self.words[k] == "its" else self._personal_fit
        possessive = self.words[k] in ("its", "his") or self.doc.tokens[k].tag == "PRP$"
        if possessive and any(fits(s) for s in sources) and not self._other_owner(c, k):
            return None  # "russia moved | its troops", "putin sacked | his minister": the subject's own
        floor = self._sentences_back(c.trig.start, _RECIPROCAL_SENTENCES)
        for m in self.backward(c.trig.start):
            if m.start < floor:
                break
            if m.actor.key and self._other_party(m, sources) and fits(m):
                return m
        return None

    def _other_owner(self, c: _Clause, k: int) -> bool:
        """ "ecuador said peru had shelled | its villages": what an attack hits is another's, not
        the attacker's own, unless the text says "own"."""
        own = k + 1 < len(self.words) and self.words[k + 1] == "own"
        return c.trig.cameo[:2] in VIOLENT_ROOTS and not own

    def _after_preposition(self, k: int) -> int:
        """ "expressed support for | him": an object pronoun one preposition after the trigger stands
        for the other party as one right after it does (only an object: "support for her government"
        is hers)."""
        if k + 1 >= len(self.words) or self.words[k] not in ("for", "to", "with"):
            return k
        word = self.words[k + 1]
        return k + 1 if word == "him" or (word == "her" and self.doc.tokens[k + 1].tag == "PRP") else k

    def _next_clause_subject(self, c: _Clause) -> int:
        """ "britain disagreed with the decision, and | emmanuel macron called it regrettable": the
        subject of a clause coordinated after the trigger's own acts in that clause, not on it."""
        tokens = self.doc.tokens
        for m in c.after:
            k = m.start - 1 - (m.start >= 2 and self.words[m.start - 1] in self.articles)
            if k <= c.trig.end or self.words[k] not in self.coord:
                continue
            heads = [i for i in range(m.start, m.end) if not m.start <= tokens[i].head < m.end]
            if any(tokens[i].dep in _SUBJ and tokens[i].head >= m.end for i in heads):
                return m.start
            if m.end < c.seg.end and tokens[m.end].tag in _FINITE:  # "and italy welcomed it" (scraped parse)
                return m.start
        return c.seg.end

    def _reaction_start(self, c: _Clause) -> int:
        """ "vetoed the statement, | drawing criticism from poland": the reacting party named in an -ing
        adjunct after the trigger is no one the trigger's act is aimed at."""
        for t in self.doc.triggers:
            if c.trig.end <= t.start < c.seg.end and t.roles == "reverse" and self.words[t.start].endswith("ing"):
                return t.start
        return c.seg.end

    def _attribution_start(self, c: _Clause) -> int:
        """Where "according to" opens after the trigger (the clause's end if it does not)."""
        for i in range(c.trig.end, c.seg.end):
            if any(self.words[i : i + len(p)] == p for p in self.attribution):
                return i
        return c.seg.end

    def dateline(self, m: Mention) -> bool:
        """ "SEOUL — Japan has confirmed": where the report was filed is acted on by no one."""
        tokens = self.doc.tokens
        if not all(tokens[k].upper for k in range(m.start, m.end)):
            return False
        return _DATELINE_END.match(self.doc.text, tokens[m.end - 1].end) is not None

    def _make_joint(self, c: _Clause, roles: Roles) -> None:
        source_keys = {m.actor.key for m in roles.sources}
        # "colombia and the farc signed a peace agreement": two parties of one country
        parties = {self.party(m) for m in roles.sources}
        agreed = self._agreed_to_act(c, roles.targets)
        place = self._force_on_place(c) if len(parties) >= 2 and not roles.targets else None
        if place is not None:  # "russia and syria bombed aleppo": allies striking a place, not each other
            roles.targets, roles.target_rule = [as_country(place)], FORCE_ON_PLACE
            return
        # "germany, britain and the eu condemned the attack": a judgement several parties each voice
        # is aimed at what they judge, not at each other
        voiced = (c.trig.cameo[:2] in JUDGING_ROOTS and c.trig.roles != "joint" and not agreed
                  and coordinated(self.words, roles.sources)
                  and not judged_each_other(self.words, c.trig, self.reciprocal_pronouns))
        # "... launched an offensive against rebels", "... killed hundreds of people": not each other
        elsewhere = aimed_elsewhere(self.words, c.trig, c.seg.end)
        aimed = not roles.targets and (elsewhere or done_to_others(self.words, c.trig, self.reciprocal_pronouns))
        if len(parties) >= 2 and not voiced and not aimed and (not roles.targets or c.trig.roles == "joint" or agreed):
            # "china and russia signed a treaty": the co-subjects act on each other. With an object
            # of their own ("the us and the eu lifted sanctions on iran") each acts on it instead.
            roles.joint = True
            # "kerry and his russian counterpart, sergei lavrov": one party named twice is one party
            first = self.party(roles.sources[0])
            roles.targets = [m for m in roles.sources[1:] if self.party(m) != first]
            roles.sources = roles.sources[:1]
            roles.target_rule = "co-subjects act on each other"
        elif c.trig.roles == "joint" and not roles.targets and c.before:
            others = [m for m in c.before if m.actor.key not in source_keys]
            if others:
                roles.targets, roles.joint = [others[-1]], True
                roles.target_rule = "joint pattern: the other party named before"


    def _force_on_place(self, c: _Clause) -> Mention | None:
        """Force other than fighting (190, which two sides wage on each other) by co-subjects on a
        place named after the trigger ("stepped up airstrikes on | aleppo", "shelled villages near |
        kharkiv"): they struck there together, on the place's state."""
        if c.trig.roles == "joint" or c.trig.cameo[:2] not in VIOLENT_ROOTS or c.trig.cameo[:3] == "190":
            return None
        places = [m for m in c.after if m.kind in ("place", "capital", "country") and m.actor.country]
        return next((m for m in places if m.start >= c.trig.end), None)

def party_of(m: Mention, state_sectors: frozenset[str]) -> str:
    """Who an actor stands for: its country or organisation, with a sector outside the state
    apart ("syr" for the government and the army, "syr/reb" for the rebels): an event may set two
    parties of one country against each other, never one party against itself."""
    # a people named by nationality ("urged egyptians to ...") is the state's civilians
    sector = (m.actor.sector or ("cvl" if m.kind == "people" else "")).lower()
    return f"{m.actor.key}/{sector}" if sector and sector not in state_sectors else str(m.actor.key)


def actor_copy(m: Mention) -> Actor:
    a = m.actor
    return Actor(
        text=a.text, code=a.code, country=a.country, org=a.org, sector=a.sector, name=a.name, person_id=a.person_id
    )


def as_country(place: Mention) -> Mention:
    """A capital standing for whoever acted there is its country, not its government: "a car
    bomb in baghdad" was set by no state."""
    if place.kind != "capital" or not place.actor.country:
        return place
    a = place.actor
    return replace(place, actor=Actor(text=a.text, code=a.country, country=a.country))
