"""Dates of events from the words around them, relative to the article's date."""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass, replace

from detente.resources import Resources


@dataclass(frozen=True, slots=True)
class DateExpr:
    start: int
    end: int
    value: str  # ISO date, YYYY-MM or YYYY
    precision: str  # day | month | year
    year: int
    deadline: bool  # "by 2024": a target date, which makes the event a plan
    ends: bool = False  # "until next year": when the act or state ends, not when it happened


def _year(word: str) -> int | None:
    if len(word) == 4 and word.isdigit():
        y = int(word)
        if 1800 <= y <= 2100:
            return y
    return None


def _is_date_month(words: list[str], i: int, end: int, prev: str, before: frozenset[str]) -> bool:
    """A month name used as a date ("in april", "on march 3") rather than a word ("long march 9")."""
    if prev in before or (prev.isdigit() and len(prev) <= 2):
        return True
    nxt = words[i + 1] if i + 1 < end else ""
    after = words[i + 2] if i + 2 < end else ""
    return words[i] != "may" and nxt.isdigit() and len(nxt) <= 2 and after.isdigit() and len(after) == 4



def _shift_months(day: dt.date, months: int) -> tuple[int, int]:
    total = day.year * 12 + (day.month - 1) + months
    return total // 12, total % 12 + 1


def _relative(rel, i: int, ref: dt.date, deadline: bool) -> DateExpr:  # noqa: ANN001 - a TimeWord record
    """ "yesterday", "next week", "last month", "next year" against the publication date."""
    n = len(rel.phrase.split())
    if rel.unit == "day":
        d = ref + dt.timedelta(days=rel.value)
        return DateExpr(i, i + n, d.isoformat(), "day", d.year, deadline)
    if rel.unit == "week":
        d = ref + dt.timedelta(weeks=rel.value)
        return DateExpr(i, i + n, d.isoformat(), "week", d.year, deadline)
    if rel.unit == "month":
        y, m = _shift_months(ref, rel.value)
        return DateExpr(i, i + n, f"{y:04d}-{m:02d}", "month", y, deadline)
    y = ref.year + rel.value
    return DateExpr(i, i + n, f"{y:04d}", "year", y, deadline)


def _day_number(word: str) -> int | None:
    return int(word) if word.isdigit() and len(word) <= 2 and 1 <= int(word) <= 31 else None


def _month_date(
    words: list[str], i: int, end: int, month: int, ref: dt.date | None, deadline: bool
) -> tuple[DateExpr | None, int]:
    """ "may 9", "9 may 2015", "in april": the expression and the index after it."""
    j = i + 1
    day = _day_number(words[j]) if j < end else None
    if day is not None:
        j += 1
    elif i > 0:
        day = _day_number(words[i - 1])
    year = _year(words[j]) if j < end else None
    if year is not None:
        j += 1
    elif ref is not None:
        year = ref.year if month <= ref.month else ref.year - 1
    if year is None:
        return None, j
    value, precision = f"{year:04d}-{month:02d}", "month"
    if day is not None:
        with contextlib.suppress(ValueError):
            value, precision = dt.date(year, month, day).isoformat(), "day"
    return DateExpr(i, j, value, precision, year, deadline), j


def find_dates(words: list[str], start: int, end: int, res: Resources, ref: dt.date | None) -> list[DateExpr]:
    """Date expressions in ``words[start:end]``."""
    out: list[DateExpr] = []
    tw = res.time_words
    deadlines, month_context = res.cues.get("deadline", frozenset()), res.cues.get("month_context", frozenset())
    ends = res.cues.get("date_end", frozenset())
    year_context = res.cues.get("year_context", frozenset())
    i = start
    while i < end:
        w = words[i]
        prev = words[i - 1] if i > 0 else ""
        two = f"{w} {words[i + 1]}" if i + 1 < end else ""
        three = f"{two} {words[i + 2]}" if i + 2 < end else ""
        rel = tw.get(three) or tw.get(two) or tw.get(w)
        deadline = prev in deadlines
        kind = rel.kind if rel is not None else None
        if kind == "relative" and ref is not None:
            out.append(_relative(rel, i, ref, deadline))
            i = out[-1].end
            continue
        if kind == "weekday" and ref is not None:
            d = ref - dt.timedelta(days=(ref.weekday() - rel.value) % 7)
            out.append(DateExpr(i, i + 1, d.isoformat(), "day", d.year, deadline))
            i += 1
            continue
        if kind == "month" and _is_date_month(words, i, end, prev, month_context):
            expr, i = _month_date(words, i, end, rel.value, ref, deadline)
            out.extend([expr] if expr is not None else [])
            continue
        year = _year(w)
        if year is not None and prev in year_context:
            out.append(DateExpr(i, i + 1, f"{year:04d}", "year", year, deadline))
        i += 1
    return [replace(e, ends=e.start > 0 and words[e.start - 1] in ends) for e in out]
