"""Clause segmentation that works without capitals or punctuation.

Boundaries, strongest first:
1. sentence punctuation and line breaks (clean text only; kept as token flags);
2. words that open a clause with its own subject ("while", "but", "which", "who"),
   from ``data/text/cues.jsonl``;
3. a subject starting after a finished clause: an actor followed by a finite verb
   ("... by 2024 | russia has been trying"), or a time word followed by a new subject
   ("... this week | the two sides discussed").
Site chrome (``data/text/chrome.jsonl``) becomes chrome segments: a marker ("top stories",
"manage newsletters", "copyright") hides what follows until the text returns to one of the
article's main actors or its headlines stop naming countries; a line ("sign in") hides only itself.
A byline ("by jane doe voa news") and a photo credit after a caption's date ("... may 4 2021 reuters")
are chrome too: a news outlet there is no actor of the sentence around it. Captions, embedded posts,
update stamps, datelines and trailers are found by ``segment.furniture``.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from detente.actors.topics import topic_keys
from detente.lexicon import lemmas as lemminflect  # without importing spaCy
from detente.lexicon.matcher import TokenText
from detente.model import Document, Mention, Segment
from detente.resources import Resources
from detente.segment.furniture import furniture, links

_MAX_LEN = 80  # a safety net for text with no cue at all; real cuts come from the rules above
_NONE: frozenset[str] = frozenset()
_HEADLINE_GAP = 12  # words at most between the actors of consecutive sidebar headlines
_HEADLINE_WORDS = 3  # a gap this long holds a headline's words; a list of countries has none
_SIDEBAR_PAGE = 80  # words: shorter texts (a sentence, a list) are no pages with sidebars; a short news item is
_PAGE_TOP = 30  # words: a marker this near the start ends a menu line, and the article's title follows
_HEADLINE_TAIL = 6  # words of the last headline kept in the sidebar after its country
_FIRST_HEADLINE = 4  # words after a heading that are its first item, whatever they name
_BYLINE_NAMES = 6  # words of names at most between "by" and the news outlet of a byline
_BYLINE_TOP = 40  # words: a byline with no name ("by associated press") is only trusted this near the top
_SENTENCE_FINAL = frozenset(".!?\"\u201d\u2019')")
# "Trading blame-Russia blamed the rebels": a subheading of up to four words glued by a dash to
# the line it heads (the first line is the title and lead, which are the news); not a name or
# compound broken at its hyphen ("The head of al-Azhar", "Coca-Cola", "Israeli-Palestinian")
_SUBHEADING = re.compile(r"\n[ \t]*((?:[^\s-]+[ \t]){0,3}[^\s-]*[A-Za-z'\u2019])-(?=[A-Z\u201c\"])")


def _past_tense(word: str) -> bool:
    """A past-tense verb right after an actor marks a new clause ("... | mr putin and mr xi sparked")."""
    return word.endswith("ed") and len(word) > 4 and "VERB" in lemminflect.getAllLemmas(word)


def _prose_verb(words: list[str], k: int, verbs: frozenset[str]) -> bool:
    """Whether ``words[k]``, right after an actor, is a verb only prose has: an auxiliary or a past
    speech verb ("pakistan has expelled", "the commission said"; headlines drop both), or a past
    tense that is no adjective and not followed by another ("russia defended its ally"; "china
    disappointed over ..." and "7 japanese confirmed killed" are headlines' predicates)."""
    if k >= len(words):
        return False
    if words[k] in verbs:
        return True
    if not _past_tense(words[k]) or "ADJ" in lemminflect.getAllLemmas(words[k]):
        return False
    return not (k + 1 < len(words) and _past_tense(words[k + 1]))


def _list_start(doc: Document, m: Mention) -> int:
    """Where a list of actors ending at ``m`` with "and" starts ("argentina chile and | peru were
    among ..."): the subject of a sentence of prose is the whole list. Two names side by side with
    no "and" are no list ("... to new york | trump arrived")."""
    ends = {x.end: x for x in doc.mentions if x.actor.key and not x.inferred}
    start, joined = m.start, False
    while start > 0:
        conjunction = doc.words[start - 1] == "and"
        before = ends.get(start - 1 if conjunction else start)
        if before is None or not (conjunction or joined):
            break
        start, joined = before.start, True
    return start


def _prose_subject(doc: Document, m: Mention | None, res: Resources) -> int | None:
    """Where a sentence of prose opens at actor ``m`` inside a sidebar block: "the", the actor and a
    past tense ("the european union urged ..."), or an actor (or a list of them) and a verb only
    prose has (``_prose_verb``). Headlines tell past news in the present, without articles or
    auxiliaries ("7 japanese confirmed killed", "eu urges calm")."""
    if m is None or m.inferred or not m.actor.key or m.end >= len(doc.words) or m.start == 0:
        return None
    words = doc.words
    if words[m.start - 1] == "the" and _past_tense(words[m.end]):
        return m.start - 1
    if _prose_verb(words, m.end, res.cues.get("prose_opening_verb", _NONE)):
        return m.start - 1 if words[m.start - 1] == "the" else _list_start(doc, m)
    return None


def _sidebar_topics(doc: Document, first_marker: int) -> set[str]:
    """The article's main actors, less those named in one place only after the first sidebar
    marker (a headline's, not the article's: "iran box office hit tells story of tehran taxi
    driver" names Iran twice, in one headline)."""
    places: Counter[str] = Counter()
    last: dict[str, int] = {}
    for m in doc.mentions:
        if m.actor.key and not m.inferred:
            if m.start - last.get(m.actor.key, -_HEADLINE_GAP) >= _HEADLINE_GAP:
                places[m.actor.key] += 1
            last[m.actor.key] = m.end
    before_marker = {m.actor.key for m in doc.mentions if m.start < first_marker}
    return {k for k in topic_keys(doc, single_mentions=True) if places[k] >= 2 or k in before_marker}


def _headline_line(doc: Document, i: int, prose: frozenset[str]) -> bool:
    """Whether the line holding token ``i`` reads as a headline: a short line between two breaks
    with no verb of prose ("trump putin phone call a toe in the water", "kremlin expanding cyber
    efforts"; "he was detained", "police said" are prose)."""
    tokens, n = doc.tokens, len(doc.tokens)
    lo = next((k for k in range(i, max(-1, i - _HEADLINE_GAP), -1) if tokens[k].break_before), None)
    hi = next((k for k in range(i + 1, min(n, i + _HEADLINE_GAP)) if tokens[k].break_before), None)
    if lo is None or hi is None or hi - lo > _HEADLINE_GAP:
        return False
    return not any(w in prose or _past_tense(w) for w in doc.words[lo:hi])


@dataclass
class _Sidebar:
    """What tells a sidebar block from the article it interrupts: the article's main actors
    (``topics``), verbs of prose and the grammar headlines drop (cues.jsonl)."""

    doc: Document
    topics: set[str]
    prose: frozenset[str] = _NONE
    grammar: frozenset[str] = _NONE
    joining: frozenset[str] = _NONE

    def __post_init__(self) -> None:
        mentions = self.doc.mentions
        self.n = len(self.doc.tokens)
        self.mention_at = {m.start: m for m in mentions}
        self.named = {m.start: m.end for m in mentions if m.actor.key and not m.inferred}
        self.counts = Counter(m.actor.key for m in mentions if m.actor.key and not m.inferred)

    def topical(self, k: int) -> bool:
        m = self.mention_at.get(k)
        return m is not None and m.actor.key in self.topics and not m.inferred

    def headline_next(self, k: int) -> bool:
        """ "[fiji rugby fans greet squad] | nepal trekking season opens | oman ...": the next country
        within a headline's reach is one the article hardly names, so a main actor named after
        other headlines' countries heads one more headline, not the article's return."""
        named, mention_at = self.named, self.mention_at
        nxt = next((j for j in range(mention_at[k].end, min(self.n, k + _HEADLINE_GAP)) if j in named), None)
        key = mention_at[nxt].actor.key if nxt is not None else None
        return key is not None and key not in self.topics and self.counts[key] <= 2

    def prose_near(self, start: int, k: int) -> bool:
        """ "... syrian war is spreading | syrian rebels complain ...": a headline drops articles,
        auxiliaries and speech verbs; the article's prose, returning, soon has one."""
        if not self.grammar or start < _PAGE_TOP:
            return True  # a menu's last item ("subscribe now") before the title: a headline is due
        words, end = self.doc.words, self.mention_at[k].end
        near = words[max(start, k - 2) : k] + words[end : end + _HEADLINE_GAP]
        return any(w in self.grammar for w in near)

    def sentence_in(self, span: range) -> bool:
        """ "... | analysts see trump comments on one china as part of bigger game": a headline
        naming a main actor has at most one word of the grammar (or "and", "his") a sentence of
        prose has ("turkey is getting drawn into ..."); prose has two within a headline's length."""
        words = self.doc.words
        hits = sum(1 for k in span if words[k] in self.grammar or words[k] in self.joining)
        return not self.grammar or hits >= 2

    def article_back(self, start: int, k: int, last: int | None) -> bool:
        """A main actor, not heading one more headline, with the article's grammar around it."""
        if not self.topical(k) or (last is not None and self.headline_next(k)):
            return False
        return not (self.prose and _headline_line(self.doc, k, self.prose)) and self.prose_near(start, k)

    def end(self, start: int) -> int:
        """Where a block of sidebar items that starts at ``start`` gives way to the article again:
        at a main actor (unless another headline follows it), at a sentence naming one, or where the
        headlines' countries stop."""
        doc, n, named = self.doc, self.n, self.named
        last = None  # where the last headline's country ends
        for i in range(start, n):
            # a heading has an item: "more on this story | turkey and west in standoff over ..."
            first_item = start >= _PAGE_TOP and i - start < _FIRST_HEADLINE
            if not first_item and self.article_back(start, i, last):
                return i
            if last is not None and i - last >= 2 * _HEADLINE_GAP:
                # two headlines' length with no country, and no sentence end seen: the article is back
                return last + _HEADLINE_TAIL
            last = named.get(i, last)
            if not (i > start and doc.tokens[i].break_before and doc.tokens[i].text != "copyright"):
                continue
            if self.prose and _headline_line(doc, i, self.prose):
                continue
            ahead = range(i, min(n, i + _HEADLINE_GAP))
            at = self.mention_at
            named_main = any(self.topical(k) or (k in at and at[k].actor.key in self.topics) for k in ahead)
            if named_main and self.sentence_in(ahead):
                return i
            # a sentence naming no country for longer than a headline does is prose, if it has a
            # sentence's grammar ("women s rights face daunting new year" names none either)
            if i + _HEADLINE_GAP <= n and not any(k in named for k in ahead) and self.sentence_in(ahead):
                return i
        return n


def _sidebar_end(
    doc: Document, start: int, topics: set[str], prose: frozenset[str] = _NONE, grammar: frozenset[str] = _NONE
) -> int:
    """Where a sidebar block that starts at ``start`` gives way to the article again (``_Sidebar.end``)."""
    return _Sidebar(doc, topics, prose, grammar).end(start)


def _headline_runs(doc: Document, res: Resources) -> list[tuple[int, int]]:
    """Sidebar headlines with no heading ("... in seoul | norway wealth fund posts record quarter
    floods leave thousands homeless in bangladesh ethiopia coffee growers try ..."): three or more
    countries the article otherwise hardly names, within a few words of each other and with
    headline words between at least one pair, none of the article's main actors among them. A
    list in a sentence ("russia china britain and france") names them side by side: left alone."""
    counts = Counter(m.actor.key for m in doc.mentions if m.actor.key and not m.inferred)
    topics = topic_keys(doc)
    if not topics or len(doc.tokens) < _SIDEBAR_PAGE:
        return []  # a sentence or a short note has no sidebar to tell apart
    joiners = frozenset(w for w in res.cues.get("coordination", _NONE) if " " not in w)
    named = [m for m in doc.mentions if m.actor.key and not m.inferred and m.kind != "pronoun"]
    runs: list[tuple[int, int]] = []
    group: list[Mention] = []  # consecutive non-topic mentions a few words apart
    for m in [*named, None]:
        other = m is not None and m.actor.key not in topics
        if other and (not group or m.start - group[-1].end <= _HEADLINE_GAP):
            group.append(m)
            continue
        head = _before_prose_list(group, doc.words, joiners)
        rare = _rare_members(group, head, counts)
        if rare and _is_headline_block([group[k] for k in rare], doc.words, joiners):
            after = group[rare[-1] + 1].start if rare[-1] + 1 < len(group) else None
            after = after if after is not None else (m.start if m is not None else len(doc.tokens))
            first = _topic_headline(doc, res, named, group[rare[0]], topics)
            tail = min(group[rare[-1]].end + _HEADLINE_TAIL, after)
            run = (first, _prose_start(doc, group[rare[0]].end, tail, res))
            if not _prose_lines(doc, *run):
                runs.append(run)
        group = [m] if other else []
    return runs


def _rare_members(group: list[Mention], head: int, counts: Counter[str]) -> list[int]:
    """Which of ``group[:head]`` name a country the page hardly names: at most twice, or two or three
    times in the group and at most twice outside it ("... syrian war is spreading | floods in
    bangladesh | syrian rebels complain ... syria talks stall": headlines of one story repeat its
    country; one named once in the group is the article's own after its headlines). One named
    more often (a story repeated in several headline blocks) may stand between them without ending
    the block."""
    inside = Counter(g.actor.key for g in group)
    keys = [g.actor.key for g in group[:head]]
    repeated = {key for key in keys if 2 <= inside[key] <= 3 and counts[key] - inside[key] <= 2}
    return [k for k, key in enumerate(keys) if counts[key] <= 2 or key in repeated]


def _prose_start(doc: Document, start: int, end: int, res: Resources) -> int:
    """Where a headline block's words in ``[start, end)`` end: at ``end``, or earlier where a
    sentence of prose opens ("... floods leave thousands homeless in bangladesh | the european
    union urged ...")."""
    opens = (_prose_subject(doc, m, res) for m in doc.mentions if start <= m.start < end)
    return min((k for k in opens if k is not None), default=end)


def _topic_headline(doc: Document, res: Resources, named: list[Mention], first: Mention, topics: set[str]) -> int:
    """Where a headline block whose first other country is ``first`` starts: at a main state's
    headline just before it ("... under the constitution | somalia camel milk finds buyers abroad |
    floods leave thousands homeless in bangladesh ..."): the state's own name after a noun that ends
    a clause, no preposition after the name ("iran from engaging") and no verb of prose up to ``first``."""
    k = named.index(first)
    m = named[k - 1] if k else None
    if m is None or m.kind != "country" or m.actor.key not in topics or m.start == 0:
        return first.start
    if first.start - m.end > _HEADLINE_GAP or doc.tokens[m.start].comma_before:
        return first.start
    cue, words = res.cues.get, doc.words
    classes = set(lemminflect.getAllLemmas(words[m.start - 1]))
    if words[m.start - 1] in res.closed_words or "NOUN" not in classes or "VERB" in classes:
        return first.start
    between = words[m.end : first.start]
    if not between or between[0] in cue("preposition", _NONE):
        return first.start
    if any(_past_tense(w) or w in cue("finite_verb", _NONE) for w in between):
        return first.start
    return m.start


def _prose_lines(doc: Document, start: int, end: int) -> bool:
    """Whether the lines holding tokens ``[start, end)`` end as sentences do: headlines carry no
    full stop, so in punctuated text a run of lines ending with one is prose, not a sidebar."""
    text = doc.text
    lo = text.rfind("\n", 0, doc.tokens[start].start) + 1
    hi = text.find("\n", doc.tokens[end - 1].end)
    lines = [line.strip() for line in text[lo : hi if hi >= 0 else len(text)].split("\n") if line.strip()]
    finished = sum(1 for line in lines if line[-1] in _SENTENCE_FINAL)
    return finished * 2 > len(lines)


def _before_prose_list(group: list[Mention], words: list[str], joiners: frozenset[str]) -> int:
    """How many of ``group`` are headlines before a list the prose after them opens ("... norway
    wealth fund posts record quarter | kenya and ethiopia which have troops ..."): those before the
    first two countries joined by "and" when headline words stand right before these two and
    between two earlier ones ("from iraq syria turkey and lebanon" is one list: all are kept)."""
    for j in range(1, len(group)):
        if joiners & set(words[group[j - 1].end : group[j].start]):
            wide = [b.start - a.end >= _HEADLINE_WORDS for a, b in zip(group[:j], group[1:j], strict=False)]
            return j - 1 if len(wide) >= 2 and wide[-1] and sum(wide) >= 2 else len(group)
    return len(group)


def _is_headline_block(group: list[Mention], words: list[str], joiners: frozenset[str]) -> bool:
    """Three countries or more with a headline's words between two of them, and no "and" or "or"
    joining any two: prose lists them ("afghanistan and iraq", "japan s ntt docomo and airtel")."""
    pairs = list(zip(group, group[1:], strict=False))
    if len({m.actor.key for m in group}) < 3 or any(joiners & set(words[a.end : b.start]) for a, b in pairs):
        return False
    return any(b.start - a.end >= _HEADLINE_WORDS for a, b in pairs)


def _subheadings(doc: Document, res: Resources) -> list[tuple[int, int]]:
    """Token spans of subheadings glued to the line after them."""
    not_first, prefixes = res.cues.get("not_subheading_first", _NONE), res.cues.get("hyphen_prefix", _NONE)
    starts = [t.start for t in doc.tokens]
    # "un secretary-general antonio guterres", "vice-president": a name the actor tables know reads
    # across the hyphen, one title, not a subheading glued to its line
    named = {i for m in doc.mentions for i in range(m.start + 1, m.end)}
    spans = []
    for m in _SUBHEADING.finditer(doc.text):
        heading = m.group(1).lower().split()
        if heading[0] in not_first or heading[-1] in prefixes:
            continue
        a, b = bisect.bisect_left(starts, m.start(1)), bisect.bisect_left(starts, m.end(1))
        if a < b and b not in named:
            spans.append((a, b))
    return spans


def _media(doc: Document) -> list[Mention]:
    return [m for m in doc.mentions if m.actor.sector == "MED" and m.kind == "org"]


def _bylines(doc: Document, res: Resources) -> list[tuple[int, int]]:
    """ "... by jane doe voa news", "by peter novak and amira haddad reuters": "by", a few names and
    a news outlet is a byline, not the agent of the words before it. With no name between, only
    near the top of the page and not after a participle ("obtained by reuters" is prose)."""
    words, spans = doc.words, []
    barred = (res.closed_words - {"and"}) | res.cues.get("finite_verb", _NONE) | res.cues.get("speech", _NONE)
    for m in _media(doc):
        by = next((k for k in range(m.start - 1, max(-1, m.start - _BYLINE_NAMES - 2), -1) if words[k] == "by"), None)
        if by is None or any(w in barred for w in words[by + 1 : m.start]):
            continue
        named = by + 1 < m.start
        # "by afp | jordan border bomb ...": a page may open with its byline
        if named or (by < _BYLINE_TOP and (by == 0 or not _past_tense(words[by - 1]))):
            end = m.end + (m.end < len(words) and words[m.end] in ("news", "staff"))
            spans.append((by, end))
    return spans


def _photo_credits(doc: Document) -> list[tuple[int, int]]:
    """ "... in aleppo syria dec 13 2016 reuters": a news outlet right after a full date ends a
    photo caption (its credit), and the next sentence starts after it."""
    words = doc.words
    spans = []
    for m in _media(doc):
        year, day = (words[m.start - 1], words[m.start - 2]) if m.start >= 2 else ("", "")
        if len(year) == 4 and year.isdigit() and day.isdigit() and len(day) <= 2:
            spans.append((m.start, m.end))
    return spans


def _timestamps(doc: Document, res: Resources) -> list[tuple[int, int]]:
    """ "... might take years | 12 45 bst | trade between ...": a clock time and its zone is a
    live page's timestamp, set apart from the sentences around it."""
    words, zones = doc.words, res.cues.get("time_zone", _NONE)
    spans = []
    for i in range(2, len(words)):
        hour, minute = words[i - 2], words[i - 1]
        if words[i] in zones and hour.isdigit() and int(hour) < 25 and len(minute) == 2 and minute.isdigit():
            spans.append((i - 2, i + 1))
    return spans


def _ordinary_word(words: list[str], hit: tuple[int, int, list[str]], res: Resources) -> bool:
    """A one-word marker after a word that makes it prose ("human rights | watch", "to | watch",
    "the | recommended"): an ordinary word, no heading."""
    start, end, kinds = hit
    blockers = res.cues.get("marker_blocker", _NONE)
    return "marker" in kinds and end - start == 1 and start > 0 and words[start - 1] in blockers


def _chrome_mask(doc: Document, res: Resources, words: list[str], text: TokenText) -> bytearray:
    n = len(words)
    mask = bytearray(n)
    found = res.chrome_matcher.find(text)
    spans = _subheadings(doc, res) + _bylines(doc, res) + _photo_credits(doc) + _timestamps(doc, res)
    for start, end in _headline_runs(doc, res) + spans + furniture(doc, res, found):
        mask[start:end] = b"\x01" * (end - start)
    # credits, stamps and datelines are chrome only where furniture() found them
    found = [h for h in found if ("marker" in h[2] or "line" in h[2])] + links(doc, found)
    hits = [h for h in found if not _ordinary_word(words, h, res)]
    if not hits:
        return mask
    first_marker = min((start for start, _, kinds in hits if "marker" in kinds), default=n)
    prose = res.cues.get("finite_verb", _NONE) | res.cues.get("speech", _NONE)
    # not speech verbs: "eritrea accuses ethiopia ..." is how a headline reports
    grammar = res.cues.get("prose_grammar", _NONE) | res.cues.get("finite_verb", _NONE)
    joining = res.cues.get("prose_joining", _NONE)
    sidebar = _Sidebar(doc, _sidebar_topics(doc, first_marker), prose, grammar, joining)
    blocks = bytearray(n)  # words of a marker's block: a marker there is one more item of it
    for start, end, kinds in hits:
        if blocks[start]:
            continue
        # a marker inside a headline run still opens its block: the run may have stopped at it
        stop = _prose_start(doc, end + 1, sidebar.end(end), res) if "marker" in kinds else end
        mask[start:stop] = blocks[start:stop] = b"\x01" * (stop - start)
    return mask


@dataclass
class _Cutter:
    """The boundary rules of the module docstring, one method each; word lists from cues.jsonl."""

    doc: Document
    res: Resources

    def __post_init__(self) -> None:
        cue = self.res.cues.get
        self.words = self.doc.words
        self.n = len(self.words)
        self.mention_end = {m.start: m.end for m in self.doc.mentions}
        self.state_at = {m.start: m.kind == "country" for m in self.doc.mentions}
        self.body_at = {m.start for m in self.doc.mentions if m.actor.key and m.kind in ("country", "org")}
        self.mention_start = {m.end: m.start for m in self.doc.mentions if m.actor.key}
        people = [m for m in self.doc.mentions if m.actor.key and m.kind == "person"]
        self.person_start, self.person_end = {m.start for m in people}, {m.end for m in people}
        states = [m for m in self.doc.mentions if m.actor.key and m.kind == "country"]
        self.state_start, self.state_end = {m.start for m in states}, {m.end for m in states}
        self.finite, self.speech = cue("finite_verb", _NONE), cue("speech", _NONE)
        self.openers = cue("clause_opener", _NONE) | cue("subordinator", _NONE)
        self.relative, self.pronouns = cue("relative_opener", _NONE), cue("subject_pronoun", _NONE)
        self.clause_start, self.not_subject = cue("clause_start", _NONE), cue("not_before_subject", _NONE)
        self.compound_participle = cue("compound_participle", _NONE)
        self.reciprocal = cue("reciprocal_subject", _NONE)
        self.reciprocal_first = {p.split()[0] for p in self.reciprocal}
        self.numbers = frozenset(self.res.quantity_words.get("number", {}))

    def cuts(self) -> set[int]:
        tokens = self.doc.tokens
        cuts = {i for i, t in enumerate(tokens) if t.break_before}
        rules = (self._opener, self._pronoun_subject, self._listed_after_comma, self._actor_subject,
                 self._after_year, self._reciprocal_subject, self._after_time_word)
        # Only these words, actors and words after a comma can start a clause: the rest is skipped
        # without trying the rules (the segmenter runs on every token of every document).
        starters = self.openers | self.relative | self.pronouns | self.reciprocal_first | {"the", "both"}
        words, actors = self.words, self.mention_end
        for i in range(1, self.n):
            if (words[i] in starters or i in actors or tokens[i].comma_before) and any(r(i) for r in rules):
                cuts.add(i)
        return cuts - self._asides()

    def _asides(self) -> set[int]:
        """ "israel, | meanwhile, | warned": one word set off by commas starts no clause."""
        tokens = self.doc.tokens
        return {
            i
            for i in range(1, self.n - 1)
            if tokens[i].comma_before and tokens[i + 1].comma_before and self.words[i] in self.clause_start
        }

    def _opener(self, i: int) -> bool:
        w, prev = self.words[i], self.words[i - 1]
        return w in self.openers or (w in self.relative and prev not in ("of", "to", "by", "in"))

    def _pronoun_subject(self, i: int) -> bool:
        """ "... on tuesday | he said": a pronoun subject with its verb."""
        nxt = self.words[i + 1] if i + 1 < self.n else ""
        return self.words[i] in self.pronouns and (nxt in self.finite or nxt in self.speech)

    def _listed_after_comma(self, i: int) -> bool:
        return self.doc.tokens[i].comma_before and self.words[i] in self.clause_start

    def _actor_subject(self, i: int) -> bool:
        """An actor (or coordinated actors) followed by a finite verb starts a clause."""
        end = self.mention_end.get(i)
        # ", and | israeli police were out in force": a comma before the conjunction joins clauses
        joined = self.words[i - 1] in ("and", "but") and (
            self.doc.tokens[i - 1].comma_before or self._after_count(i - 1)
        )
        # scraped "in tbilisi and | the european union condemned the crackdown": a body acting on an
        # object after its verb (as a state does below)
        body = self._and_the_body(i)
        if end is None and (joined or body) and self.words[i] == "the" and i + 1 < self.n:
            end = self.mention_end.get(i + 1)  # ", and | the israeli military struck
        if end is None or (self.words[i - 1] in self.not_subject and not (joined or body)) or self._listed(i):
            return False
        if self._counted(i - 1):
            return False  # "expelled two | polish diplomats and poland said": a count's noun, no subject
        # Skip over coordinated subjects: "mr rogozin and chinese vice premier wang yang discussed",
        # and states side by side, a scraped list that lost its commas ("ghana togo and benin condemned")
        group = 1
        while end + 1 < self.n:
            if self.words[end] in ("and", "or") and self.mention_end.get(end + 1):
                end = self.mention_end[end + 1]
            elif i in self.state_start and end in self.state_start and not self.doc.tokens[end].break_before:
                end = self.mention_end[end]  # not across a sentence end: "... israel | russia said"
            else:
                break
            group += 1
        if end >= self.n:
            return False
        tokens = self.doc.tokens
        if self.doc.text[tokens[end - 1].end : tokens[end].start] == "-":
            return False  # "rebel-held territory": a compound, not a subject and its verb
        # A bare past tense is often a participle ("officers holed up"): trust it only after a
        # coordinated subject or "mr x", which rarely start a reduced relative clause, nor does an
        # actor after "and" that joins clauses (", and | israel responded").
        strong_subject = group > 1 or self.words[i] in ("mr", "mrs", "ms") or joined
        verb = self.words[end]
        past = _past_tense(verb) or verb in self.compound_participle
        # "trading blame | russia blamed the rebels": a state acting on an object after its verb
        # ("troops | stationed in", "officers | holed up" are participles: no object follows)
        state = (
            (self.state_at.get(i, False) or body)
            and self.words[i - 1] not in self.openers  # "after | ukraine shelled" opens at "after"
            and end + 1 < self.n
            and self.words[end + 1] in ("the", "a", "an")
        )
        return verb in self.finite or ((strong_subject or state) and past)

    def _and_the_body(self, i: int) -> bool:
        """ "and | the european union": "the" and a state or organisation after "and"."""
        if self.words[i] != "the" or self.words[i - 1] not in ("and", "but") or i + 1 not in self.body_at:
            return False
        # after a verb and no list: not "germany britain and | the european union condemned", one list
        # of subjects (scraped text may have lost the sentence end before it)
        before = self.mention_start.get(i - 1)
        if before is not None and before in self.mention_start:
            return False
        k = i - 1
        while k > 0 and not self.doc.tokens[k].break_before:
            k -= 1
        return any(_past_tense(w) or w in self.finite for w in self.words[k : i - 1])

    def _counted(self, k: int) -> bool:
        """A count that is a past tense's object ("expelled two", "killed 24"; not a year: "in 2014 |
        russia annexed"; not a count opening a clause that lost its comma: "... continuing | five
        police officers and soldiers were killed")."""
        w = self.words[k]
        count = w in self.numbers or (w.isdigit() and len(w) != 4)
        return count and k > 0 and _past_tense(self.words[k - 1])

    def _after_count(self, k: int) -> bool:
        """ "killed 40 indian police | and india responded": "and" after a counted actor, which was
        an object, not the first of two subjects, joins clauses."""
        start = self.mention_start.get(k)
        return start is not None and start > 0 and self._counted(start - 1)

    def _listed(self, i: int) -> bool:
        """ "putin, | erdogan and rouhani met": an actor after a comma that continues a list of actors
        opening the sentence (or a phrase set off by a comma: "on monday, putin, ...") is one more
        co-subject, not the subject of a new clause."""
        tokens, k = self.doc.tokens, i
        end = self.mention_end.get(i, i)
        # scraped "vladimir putin | hassan rouhani and ilham aliyev met": a list that lost its commas
        # ends in "and" and one more person ("xi jinping | biden said" is a new clause)
        more = end + 1 < self.n and self.words[end] == "and" and end + 1 in self.person_start
        if i in self.person_start and i in self.person_end and not tokens[i].comma_before and more:
            return True
        # ... and states: "argentina | chile and peru were" ("on monday | ghana togo and benin")
        if i in self.state_start and i in self.state_end and not tokens[i].comma_before and self._states_go_on(end):
            return True
        if not tokens[i].comma_before:
            return False
        while True:
            start = self.mention_start.get(k)
            if start is None:
                return False
            while start > 0 and self.words[start - 1] == "the" and not tokens[start].comma_before:
                start -= 1
            if start == 0 or tokens[start].break_before:
                return True
            if not tokens[start].comma_before:
                return False
            if start not in self.mention_start:
                return True  # the list opens after a phrase set off by a comma
            k = start

    def _states_go_on(self, k: int) -> bool:
        """Whether states side by side from ``k`` end a list with "and" and one more state."""
        while k in self.state_start and not self.doc.tokens[k].break_before:
            k = self.mention_end[k]
        return k + 1 < self.n and self.words[k] == "and" and k + 1 in self.state_start

    def _after_year(self, i: int) -> bool:
        """ "... lunar mission by 2028 | the joint sea 2015 exercises"."""
        prev = self.words[i - 1]
        return self.words[i] in ("the", "both") and prev.isdigit() and len(prev) == 4

    def _reciprocal_subject(self, i: int) -> bool:
        """ "who will be there | the two men met"."""
        words = self.words
        return (
            words[i] in self.reciprocal_first
            and words[i - 1] not in self.not_subject
            and any(" ".join(words[i : i + k]) in self.reciprocal for k in (2, 3))
        )

    def _after_time_word(self, i: int) -> bool:
        """ "... this week | the two sides discussed": a time word, then a new subject."""
        if self.words[i] not in ("the", "both"):
            return False
        prev = self.words[i - 1]
        last_two = f"{self.words[i - 2]} {prev}" if i >= 2 else ""
        time_word = self.res.time_words.get(prev)
        return bool(time_word and time_word.kind in ("weekday", "relative")) or last_two in self.res.time_words


def segment_document(doc: Document, res: Resources) -> Document:
    """Stage: fills ``doc.segments`` (needs ``doc.tokens`` and ``doc.mentions``)."""
    words = doc.words
    n = len(words)
    if n == 0:
        doc.segments = []
        return doc
    mask = _chrome_mask(doc, res, words, doc.joined())
    cuts = _Cutter(doc, res).cuts()
    subordinators = res.cues.get("subordinator", _NONE)
    segments: list[Segment] = []
    start = 0
    for i in range(1, n + 1):
        if i == n or i in cuts or mask[i] != mask[i - 1] or i - start >= _MAX_LEN:
            segments.append(Segment(start, i, chrome=bool(mask[start]), subordinate=words[start] in subordinators))
            start = i
    doc.segments = segments
    return doc
