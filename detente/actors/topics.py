"""The article's main actors (its topics), shared by the segmenter and the event builder."""

from __future__ import annotations

from collections import Counter

from detente.model import Document, Mention


def article_mentions(doc: Document) -> list[Mention]:
    """The mentions outside site chrome: the countries a sidebar headline names are no party to
    the article (no antecedent, topic or implied target may come from them)."""
    chrome = [s for s in doc.segments if s.chrome]
    if not chrome:
        return doc.mentions
    return [m for m in doc.mentions if not any(s.start <= m.start < s.end for s in chrome)]


def topic_keys(doc: Document, single_mentions: bool = False) -> set[str]:
    """Actors named at least half as often as the most named one, and more than once: a passing
    mention in a sidebar headline does not make a topic. With ``single_mentions``, a text where
    no actor is named twice makes every actor a topic (the segmenter must not take a short
    article for a sidebar)."""
    counts = Counter(m.actor.key for m in article_mentions(doc) if m.actor.key and not m.inferred)
    if not counts:
        return set()
    top = counts.most_common(1)[0][1]
    return {k for k, n in counts.items() if n * 2 >= top and (n >= 2 or (single_mentions and top == 1))}


def home_country(mentions: list[Mention]) -> Mention | None:
    """The country an article is about: named at least three times and twice as often as any other."""
    counts = Counter(m.actor.country for m in mentions if m.actor.country and not m.inferred and not m.actor.org)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return next(m for m in mentions if m.actor.country == ranked[0][0] and not m.inferred)
