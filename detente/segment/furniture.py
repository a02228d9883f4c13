"""A news page's furniture around the article that names countries and acts: photo captions,
embedded social posts, update stamps, datelines and a story's trailer (``data/text/chrome.jsonl``
kinds ``credit``, ``stamp``, ``clock``, ``outlet``, ``trailer``).

- A caption ends with the day the photo was taken and its credit ("... shake hands in moscow march
  21 2023 pavel orlov sputnik via ap"): from the sentence start before the date to the credit, it
  retells the article's events or shows others' (a leader at another summit) and is chrome.
- An update stamp ("updated 3 14 pm edt tue may 2 2023", "published march 21 2023") dates the page,
  not the events after it.
- A dateline ("kyiv ukraine ap", "tokyo jan 5 reuters") names where the story was filed and the
  agency that filed it: no actor of the lead after it.
- A byline with a job title ("author jane roe middle east editor") names the writer, not an actor.
- A link word before a headline ("read | hungary blocks eu aid ...") opens a block, as a marker does.
- An embedded post is signed with a name, the account's handle and a day ("... antony blinken
  secblinken march 3 2023"); a trailer ("editing by ...", "this story has been corrected to show
  that ...") closes the story, and all after it near the end of the page is furniture too.
A caption or post starts at the sentence start the segmenter knows before it, or at the end of other
furniture ("advertisement", an image counter "4 of 6"); with neither near, where the sentence-end
model finds a start likeliest.
"""

from __future__ import annotations

from detente.lexicon import lemmas as lemminflect  # without importing spaCy
from detente.model import Document
from detente.resources import Resources
from detente.segment.sentences import load_model

_NONE: frozenset[str] = frozenset()
_CAPTION_WORDS = 45  # a caption's sentence start is at most this far before its date
_MIN_CAPTION = 4  # words of a caption before its date at least ("smoke rises over gaza")
_CAPTION_TAIL = 20  # words of a caption after its date, before its credit ("..., after strikes on ...")
_CREDIT_REACH = 5  # words of a photographer's or agency's name between a caption's year and its credit
_STAMP_REACH = 12  # words of date and clock time after "updated"
_TRAILER_WORDS = 80  # a story's trailer is this near the end of the text
_BYLINE_WORDS = 4  # name words between a byline word and a job title ("ahmed nasser | middle east editor")
_LINK_VERB = 5  # words from a link's headline's first name to its verb ("serbia | and kosovo leaders blame")
_PLACES = frozenset(["capital", "country", "city", "place"])

Hits = list[tuple[int, int, list[str]]]
_NO_EDGES: frozenset[int] = frozenset()


def _year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and 1900 <= int(word) <= 2099


def _day(word: str) -> bool:
    return word.isdigit() and 1 <= int(word) <= 31


def _months(res: Resources) -> frozenset[str]:
    return frozenset(w for w, t in res.time_words.items() if t.kind == "month")


def full_dates(words: list[str], res: Resources) -> list[tuple[int, int]]:
    """ "march 21 2023", "3 july 2024": a day, a month and a year, as a caption or stamp dates."""
    months, spans = _months(res), []
    for i in range(len(words) - 2):
        a, b, year = words[i], words[i + 1], words[i + 2]
        if _year(year) and ((a in months and _day(b)) or (_day(a) and b in months)):
            spans.append((i, i + 3))
    return spans


def _by_kind(hits: Hits, kind: str) -> dict[int, int]:
    found: dict[int, int] = {}
    for start, end, kinds in hits:
        if kind in kinds:
            found[start] = max(end, found.get(start, end))
    return found


def _credit_end(credits: dict[int, int], k: int) -> int:
    """The end of a credit and the credits chained to it ("pool photo | via ap", "ap photo | file")."""
    end = credits[k]
    while end in credits:
        end = credits[end]
    return end


def _sentence_start(doc: Document, at: int, edges: frozenset[int] = _NO_EDGES) -> int:
    """The sentence start a caption opens at: the nearest break or end of other furniture (``edges``:
    "article continues after this ad | a ukrainian serviceman fires ...") before its date ``at``,
    within a caption's length; with none that near, the date itself."""
    tokens = doc.tokens
    for k in range(at - 1, max(-1, at - _CAPTION_WORDS), -1):
        if k == 0 or tokens[k].break_before or k in edges:
            return k
    return _likeliest_start(doc.words, at - _CAPTION_WORDS + 1, at)


def _likeliest_start(words: list[str], lo: int, at: int) -> int:
    """With no break near, where the sentence-end model finds a sentence likeliest to start between
    ``lo`` and a few words before ``at`` (it marks only starts above its threshold)."""
    probs = load_model().probabilities(words[lo : at + _MIN_CAPTION])
    window = probs[1 : at - lo - _MIN_CAPTION + 1]
    return lo + 1 + int(window.argmax()) if len(window) else at


def _edges(words: list[str], hits: Hits) -> frozenset[int]:
    """Where a line of furniture ("advertisement", "view gallery", an image counter "4 of 6") ends:
    the next line may open there."""
    ends = {end for _, end, kinds in hits if "line" in kinds or "marker" in kinds}
    counters = (k + 3 for k in range(len(words) - 2) if words[k + 1] == "of" and words[k].isdigit())
    return frozenset(ends.union(k for k in counters if words[k - 1].isdigit()))


def captions(doc: Document, res: Resources, hits: Hits) -> list[tuple[int, int]]:
    """A full date with a credit within a name's length after it ends a photo caption, unless the
    words between are prose ("may 2 2016 the associated press") or a verb follows ("reuters reported")."""
    words, n = doc.words, len(doc.words)
    credits, edges = _by_kind(hits, "credit"), _edges(words, hits)
    verbs = res.cues.get("finite_verb", _NONE) | res.cues.get("speech", _NONE)
    prose = res.cues.get("function_word", _NONE) | verbs
    spans = []
    dates = full_dates(words, res)
    starts = frozenset(a for a, _ in dates)
    for start, end in dates:
        credit = next((k for k in range(end, min(n, end + _CREDIT_REACH + 1)) if k in credits), None)
        if credit is None or any(w in prose for w in words[end:credit]):
            credit = _credit_after_phrase(doc, end, credits, verbs | starts)
        if credit is None:
            continue
        stop = _credit_end(credits, credit)
        if stop < n and words[stop] in verbs:
            continue
        spans.append((_sentence_start(doc, start, edges), stop))
    return spans


def _credit_after_phrase(doc: Document, end: int, credits: dict[int, int], stops: frozenset[str | int]) -> int | None:
    """ "... in sanaa yemen jan 12 2024 | after u s and british strikes on targets in the country |
    reuters khaled abdullah": a caption may go on after its date with a phrase that has no verb, no
    sentence start and no other date (``stops``: verbs and where dates start) before its credit."""
    words, tokens = doc.words, doc.tokens
    for k in range(end, min(len(words), end + _CAPTION_TAIL)):
        if k in credits:
            return k
        if words[k] in stops or k in stops or _past_tense(words[k]) or (k > end and tokens[k].break_before):
            return None
    return None


def _past_tense(word: str) -> bool:
    return word.endswith("ed") and len(word) > 4 and "VERB" in lemminflect.getAllLemmas(word)


def _handle(word: str, res: Resources) -> bool:
    """ "secblinken", "jensstoltenberg": a word no lexicon knows, as a social account's name is."""
    return not word.isdigit() and word not in res.time_words and not lemminflect.getAllLemmas(word)


def posts(doc: Document, res: Resources, hits: Hits) -> list[tuple[int, int]]:
    """ "... will keep standing with ukraine antony blinken secblinken march 3 2023": a person or body,
    its account's handle and a full date sign an embedded social post; from the sentence start
    before the post to the date it is the post, not the article."""
    words = doc.words
    ends = {m.end: m.start for m in doc.mentions if m.kind in ("person", "org", "agent")}
    named = {k for m in doc.mentions for k in range(m.start, m.end)}
    spans = []
    for start, end in full_dates(words, res):
        k = start - 1
        if k <= 0 or k not in ends or k in named or not _handle(words[k], res):
            continue
        spans.append((_sentence_start(doc, ends[k], _edges(words, hits)), end))
    return spans


def stamps(doc: Document, res: Resources, hits: Hits) -> list[tuple[int, int]]:
    """ "updated 3 14 pm edt tue may 2 2023": a stamp word, then only words of date and clock time
    with a number among them ("the report published on monday" has none)."""
    words, n = doc.words, len(doc.words)
    clock = _by_kind(hits, "clock")  # "pm", "et", "at"
    timely = _months(res) | res.cues.get("time_zone", _NONE)
    timely |= frozenset(w for w, t in res.time_words.items() if t.kind == "weekday")
    spans = []
    for start, end in _by_kind(hits, "stamp").items():
        k = end
        while k < min(n, end + _STAMP_REACH) and (words[k].isdigit() or words[k] in timely or k in clock):
            k += 1
        if any(w.isdigit() for w in words[end:k]):
            spans.append((start, k))
    return spans


def _line_start(doc: Document, k: int) -> bool:
    tokens = doc.tokens
    return k == 0 or "\n" in doc.text[tokens[k - 1].end : tokens[k].start]


def datelines(doc: Document, res: Resources, hits: Hits) -> list[tuple[int, int]]:
    """ "kyiv ukraine ap | russian forces ...", "washington may 2 reuters": an agency right after a
    place (and a month and day) that no preposition governs, and no verb after the agency."""
    words, months = doc.words, _months(res)
    places = {m.end: m.start for m in doc.mentions if m.kind in _PLACES}
    verbs = res.cues.get("finite_verb", _NONE) | res.cues.get("speech", _NONE)
    preps = res.cues.get("preposition", _NONE)
    spans = []
    for start, end in _by_kind(hits, "outlet").items():
        k = start - 2 if start >= 2 and words[start - 2] in months and _day(words[start - 1]) else start
        if k not in places or (end < len(words) and words[end] in verbs):
            continue
        first = places[k]
        while first in places and not _line_start(doc, first):  # "kyiv | ukraine", not the title's last word
            first = places[first]
        if first == 0 or words[first - 1] not in preps:
            spans.append((first, end))
    return spans


def bylines(doc: Document, res: Resources, hits: Hits) -> list[tuple[int, int]]:
    """ "author ahmed nasser middle east editor", "by hamid karimi foreign affairs correspondent": a
    byline word, at most four words of name and title and a job title (``job_title`` ends it), no
    verb or function word between: the writer, not an actor of the text after it."""
    words, n = doc.words, len(doc.words)
    barred = res.cues.get("function_word", _NONE) | res.cues.get("finite_verb", _NONE) | res.cues.get("speech", _NONE)
    titles = _by_kind(hits, "job_title")
    spans = []
    for start, end in _by_kind(hits, "byline").items():
        for k in range(end, min(n, end + _BYLINE_WORDS + 1)):
            if k in titles:
                spans.append((start, _credit_end(titles, k)))
                break
            if words[k] in barred:
                break
    return spans


def _present(word: str) -> bool:
    """ "blocks", "says", "meet": a verb in the present, as headlines report."""
    lemmas = lemminflect.getAllLemmas(word)
    if "VERB" not in lemmas or "AUX" in lemmas or word.endswith(("ed", "ing")):
        return False
    return any(word in (lemma, lemma + "s", lemma + "es", lemma[:-1] + "ies") for lemma in lemmas["VERB"])


def links(doc: Document, hits: Hits) -> Hits:
    """ "read | hungary blocks eu aid package ...", "more | serbia and kosovo leaders blame each
    other ...": a link word right before a name and a verb of the present a few words on opens a
    headline block, as a marker does."""
    words, n = doc.words, len(doc.words)
    named = {m.start: m.end for m in doc.mentions if m.kind in ("country", "capital", "person", "org", "group")}
    found: Hits = []
    for start, end in _by_kind(hits, "link").items():
        if end in named and any(_present(words[k]) for k in range(named[end], min(n, named[end] + _LINK_VERB))):
            found.append((start, end, ["marker"]))
    return found


def trailers(doc: Document, hits: Hits) -> list[tuple[int, int]]:
    """ "reporting by ...", "this story has been corrected to show that ...": a story's closing credits
    and corrections, and all the page has after them (bios, tags, notices), when near its end."""
    n = len(doc.words)
    first = min((start for start, _, kinds in hits if "trailer" in kinds and n - start <= _TRAILER_WORDS), default=n)
    return [(first, n)] if first < n else []


def furniture(doc: Document, res: Resources, hits: Hits) -> list[tuple[int, int]]:
    """Every caption, post, stamp, dateline, byline and trailer of the page, as token spans."""
    spans = captions(doc, res, hits) + posts(doc, res, hits) + stamps(doc, res, hits) + datelines(doc, res, hits)
    spans += bylines(doc, res, hits)
    return spans + trailers(doc, hits)
