"""The one rule for a document's publication date, used by every reader, the CLI and the API.

Accepted: ``YYYY-MM-DD`` (anything after the day, such as a time, is ignored) and ``YYYY-MM``
(month precision, stored as the first of the month). Refused: numbers (``0`` is a placeholder,
not 1970-01-01), other spellings, and years outside 1800-2199 (``0001-01-01`` is a placeholder,
not news).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from detente.errors import InputError, UsageError
from detente.model import EARLIEST_DATE, LATEST_DATE

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")
_MONTH = re.compile(r"(\d{4})-(\d{2})$")


@dataclass(frozen=True, slots=True)
class DocDate:
    date: dt.date
    precision: str  # day | month


def read_date(value: object) -> DocDate | None:
    """``value`` as a publication date, or None when empty; :class:`ValueError` says what is wrong."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return _in_range(value if not isinstance(value, dt.datetime) else value.date(), "day", value)
    if not isinstance(value, str):
        kind = "a number" if isinstance(value, int | float) else f"a {type(value).__name__}"
        raise ValueError(f"{value!r} is {kind}, not a date; write YYYY-MM-DD or YYYY-MM")
    text = value.strip()
    day, month = _DAY.match(text), _MONTH.match(text)
    parts, precision = (day.groups(), "day") if day else ((*month.groups(), "1"), "month") if month else ((), "")
    try:
        date = dt.date(*map(int, parts))
    except (TypeError, ValueError):  # no match, or a day or month that does not exist
        raise ValueError(f"{value!r} is not YYYY-MM-DD or YYYY-MM") from None
    return _in_range(date, precision, value)


def _in_range(date: dt.date, precision: str, given: object) -> DocDate:
    if not EARLIEST_DATE <= date <= LATEST_DATE:
        raise ValueError(f"{str(given)!r} is outside {EARLIEST_DATE.year}-{LATEST_DATE.year}")
    return DocDate(date, precision)


def date_value(value: object, last_day: bool = False) -> dt.date | None:
    """:func:`read_date` as a plain date: a month gives its first day, or its last with ``last_day``
    (for the end of a range). Raises :class:`ValueError`."""
    found = read_date(value)
    if found is None:
        return None
    if last_day and found.precision == "month":
        following = (found.date.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return following - dt.timedelta(days=1)
    return found.date


def doc_date(value: object, path: str, line: int | None) -> DocDate | None:
    """:func:`read_date` with the error named by file and line."""
    try:
        return read_date(value)
    except ValueError as exc:
        raise InputError(path, line, f"date {exc}") from exc


def option_date(value: str | None, option: str) -> DocDate | None:
    """A date given as a command-line option (``--date``), with the option named in the error."""
    try:
        return read_date(value)
    except ValueError as exc:
        raise UsageError(f"{option}: {exc}") from exc


def date_text(value: object) -> str | None:
    """A date field of an API request checked by the one rule and given back as written
    (``YYYY-MM-DD`` or ``YYYY-MM``); for validators, so a bad date is a 422 naming the field."""
    found = read_date(value)
    if found is None:
        return None
    return found.date.isoformat() if found.precision == "day" else f"{found.date:%Y-%m}"
