"""The Python API takes the documents and dates the CLI takes: dicts like JSON Lines records,
``YYYY-MM-DD``, ``YYYY-MM`` and ``datetime.date``; a bad one is a one-line :class:`UsageError`."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

import detente
from detente.cli import app

TEXT = "Russia and China signed a gas deal on Wednesday."


def _summary(events: list[detente.Event]) -> list[tuple[str | None, str, str | None]]:
    return [(e.date, e.cameo, e.source.code) for e in events]


@pytest.fixture(scope="module")
def pipeline() -> detente.Pipeline:
    return detente.Pipeline()


@pytest.mark.parametrize("date", ["2014-05-21", dt.date(2014, 5, 21), dt.datetime(2014, 5, 21, 9, 30)])
def test_a_document_with_any_date_form_codes_like_a_date(pipeline: detente.Pipeline, date: object) -> None:
    expected = pipeline.run(detente.Document(doc_id="d", text=TEXT, date=dt.date(2014, 5, 21))).events
    doc = pipeline.run(detente.Document(doc_id="d", text=TEXT, date=date))
    assert expected and _summary(doc.events) == _summary(expected)
    assert doc.date == dt.date(2014, 5, 21)


def test_year_month_is_the_first_day_in_the_api_and_the_cli(pipeline: detente.Pipeline) -> None:
    [coded] = detente.code_documents([{"id": "m", "text": TEXT, "date": "2014-05"}], pipeline)
    assert coded.date == dt.date(2014, 5, 1)
    result = CliRunner().invoke(app, ["code", "-", "--date", "2014-05"], input=TEXT)
    assert result.exit_code == 0, result.output
    cli_events = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(e["date"], e["cameo"]) for e in cli_events] == [(e.date, e.cameo) for e in coded.events]


def test_dicts_and_documents_mix(pipeline: detente.Pipeline) -> None:
    docs = [
        {"id": "a1", "text": TEXT, "date": "2014-05-21", "title": "Gas", "extra": 1},
        {"doc_id": "a2", "text": TEXT},
        detente.Document(doc_id="a3", text=TEXT, date="2014-05-21"),
    ]
    coded = list(detente.code_documents(docs, pipeline))
    assert [d.doc_id for d in coded] == ["a1", "a2", "a3"]
    assert coded[0].title == "Gas" and coded[1].date is None
    assert _summary(coded[0].events) == _summary(coded[2].events)


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"id": "x"}, "documents[0]: missing 'text'"),
        ({"text": TEXT, "date": "21/05/2014"}, "documents[0]: date '21/05/2014' is not YYYY-MM-DD or YYYY-MM"),
        ({"text": TEXT, "date": "0001-01-01"}, "is outside 1800-2199"),
        ("just a string", "expected a detente.Document or a dict"),
        (detente.Document(doc_id="z", text=TEXT, date="2014-13"), "document 'z': date '2014-13'"),
    ],
)
def test_bad_documents_are_one_line_errors(pipeline: detente.Pipeline, item: object, message: str) -> None:
    with pytest.raises(detente.UsageError) as info:
        list(detente.code_documents([item], pipeline))
    assert message in str(info.value) and "\n" not in str(info.value)


def test_parse_date_last_day_of_a_month() -> None:
    assert detente.parse_date("2016-02", last_day=True) == dt.date(2016, 2, 29)
    assert detente.parse_date("2016-02") == dt.date(2016, 2, 1)
    assert detente.parse_date("") is None
