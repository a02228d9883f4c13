"""Dates of events from the words around them, relative to the article's date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from detente.resources import Resources

_DEADLINE = frozenset({"by", "until", "before", "through", "till"})


@dataclass(frozen=True, slots=True)
class DateExpr:
    start: int
    end: int
    value: str  # ISO date, YYYY-MM or YYYY
    precision: str  # day | month | year
    year: int
    deadline: bool  # "by 2024": a target date, which makes the event a plan


def _year(word: str) -> int | None:
    if len(word) == 4 and word.isdigit():
        y = int(word)
        if 1800 <= y <= 2100:
            return y
    return None


_MONTH_BEFORE = frozenset(
    [
        "in",
        "on",
        "since",
        "by",
        "until",
        "till",
        "early",
        "late",
        "mid",
        "of",
        "last",
        "next",
        "this",
        "from",
        "during",
        "before",
        "after",
        "through",
        "between",
        "and",
    ]
)


def _is_date_month(words: list[str], i: int, end: int, prev: str) -> bool:
    """A month name used as a date ("in april", "on march 3") rather than a word ("long march 9")."""
    if prev in _MONTH_BEFORE or (prev.isdigit() and len(prev) <= 2):
        return True
    nxt = words[i + 1] if i + 1 < end else ""
    after = words[i + 2] if i + 2 < end else ""
    return words[i] != "may" and nxt.isdigit() and len(nxt) <= 2 and after.isdigit() and len(after) == 4


def _shift_months(day: dt.date, months: int) -> tuple[int, int]:
    total = day.year * 12 + (day.month - 1) + months
    return total // 12, total % 12 + 1


def find_dates(words: list[str], start: int, end: int, res: Resources, ref: dt.date | None) -> list[DateExpr]:
    """Date expressions in ``words[start:end]``."""
    out: list[DateExpr] = []
    tw = res.time_words
    i = start
    while i < end:
        w = words[i]
        prev = words[i - 1] if i > 0 else ""
        two = f"{w} {words[i + 1]}" if i + 1 < end else ""
        three = f"{two} {words[i + 2]}" if i + 2 < end else ""
        rel = tw.get(three) or tw.get(two) or tw.get(w)
        deadline = prev in _DEADLINE
        if rel is not None and rel.kind == "relative" and ref is not None:
            n = len(rel.phrase.split())
            if rel.unit == "day":
                d = ref + dt.timedelta(days=rel.value)
                out.append(DateExpr(i, i + n, d.isoformat(), "day", d.year, deadline))
            elif rel.unit == "week":
                d = ref + dt.timedelta(weeks=rel.value)
                out.append(DateExpr(i, i + n, d.isoformat(), "week", d.year, deadline))
            elif rel.unit == "month":
                y, m = _shift_months(ref, rel.value)
                out.append(DateExpr(i, i + n, f"{y:04d}-{m:02d}", "month", y, deadline))
            else:
                y = ref.year + rel.value
                out.append(DateExpr(i, i + n, f"{y:04d}", "year", y, deadline))
            i += n
            continue
        if rel is not None and rel.kind == "weekday" and ref is not None:
            back = (ref.weekday() - rel.value) % 7
            d = ref - dt.timedelta(days=back)
            out.append(DateExpr(i, i + 1, d.isoformat(), "day", d.year, deadline))
            i += 1
            continue
        if rel is not None and rel.kind == "month" and _is_date_month(words, i, end, prev):
            month = rel.value
            day = None
            j = i + 1
            if j < end and words[j].isdigit() and len(words[j]) <= 2 and 1 <= int(words[j]) <= 31:
                day = int(words[j])
                j += 1
            elif prev.isdigit() and len(prev) <= 2 and 1 <= int(prev) <= 31:
                day = int(prev)
            year = _year(words[j]) if j < end else None
            if year is not None:
                j += 1
            elif ref is not None:
                year = ref.year if month <= ref.month else ref.year - 1
            if year is None:
                i = j
                continue
            if day is not None:
                try:
                    value, precision = dt.date(year, month, day).isoformat(), "day"
                except ValueError:
                    value, precision = f"{year:04d}-{month:02d}", "month"
            else:
                value, precision = f"{year:04d}-{month:02d}", "month"
            out.append(DateExpr(i, j, value, precision, year, deadline))
            i = j
            continue
        year = _year(w)
        if year is not None and prev in ("in", "of", "since", "by", "until", "before", "after", "during"):
            out.append(DateExpr(i, i + 1, f"{year:04d}", "year", year, deadline))
        i += 1
    return out
