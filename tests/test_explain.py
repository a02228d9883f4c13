"""``detente explain``: the events, the patterns and role rules behind them, and the rejected
candidates with their reasons - on the issue's own sentence and on modal and plan cases."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typer.testing import CliRunner

from detente import Pipeline
from detente.cli import app
from detente.explain import explain, render_text

# "backed" is no trigger at all (a participle that only qualifies); "supported" still is one, and
# the parse rejects it as a modifier
MILITIAS = "Iran-supported militias attacked a US base in Syria."


def _by_trigger(expl, word: str) -> dict:  # noqa: ANN001
    return next(c for c in expl.candidates if c["trigger"].lower().startswith(word))


def test_modifier_is_rejected_and_attack_explained(pipeline: Pipeline) -> None:
    expl = explain(MILITIAS, pipeline=pipeline)
    # the militias are where they fight (docs/benchmark.md: a group backed from abroad is its own
    # country's); Iran only qualifies them
    assert [(e.source.country, e.target.country, e.cameo[:2]) for e in expl.events] == [("SYR", "USA", "19")]
    backed = _by_trigger(expl, "supported")
    assert backed["outcome"] == "rejected" and "modifies a noun" in backed["reason"]
    attack = _by_trigger(expl, "attack")
    assert attack["outcome"] == "event"
    assert attack["pattern"]["id"].startswith(attack["cameo"] + ":")
    assert "qualifies" in attack["roles"]["source_rule"]
    assert attack["roles"]["targets"][0]["code"] == "USA" and attack["roles"]["target_rule"]
    assert {t["dep"] for t in attack["parse"]} >= {"nsubj", "obj"}


def test_modality_and_clause_rivals_have_reasons(pipeline: Pipeline) -> None:
    denied = explain("Russia did not attack Ukraine.", dt.date(2020, 1, 2), pipeline=pipeline)
    assert denied.events == []
    assert "negated" in _by_trigger(denied, "attack")["reason"]
    plan = explain("China will impose sanctions on Japan.", dt.date(2020, 1, 2), pipeline=pipeline)
    assert _by_trigger(plan, "impose")["modality"] == "planned"
    assert [e.status for e in plan.events] == ["planned"]
    possible = explain("China could impose sanctions on Japan.", dt.date(2020, 1, 2), pipeline=pipeline)
    assert possible.events == []
    assert "possibility" in _by_trigger(possible, "impose")["reason"]
    two = explain("Putin met Xi in Moscow and signed a gas deal.", dt.date(2014, 5, 21), pipeline=pipeline)
    outcomes = {c["trigger"]: c["outcome"] for c in two.candidates}
    assert "event" in outcomes.values()
    assert all(c["reason"] for c in two.candidates if c["outcome"] == "rejected")


def test_every_event_is_accounted_for(pipeline: Pipeline) -> None:
    text = "Russia and China signed a treaty on Monday. Russian troops shelled Ukrainian positions near Donetsk."
    expl = explain(text, dt.date(2015, 5, 6), pipeline=pipeline)
    coded = pipeline.run(__import__("detente").Document("explain", text, dt.date(2015, 5, 6))).events
    assert [e.event_id for e in expl.events] == [e.event_id for e in coded]
    assert len([c for c in expl.candidates if c["outcome"] == "event"]) >= len({e.evidence.start for e in coded})
    lines = render_text(expl)
    assert any(line.startswith("event ") for line in lines)


def test_cli_text_and_json(tmp_path: Path) -> None:
    runner = CliRunner()
    shown = runner.invoke(app, ["explain", MILITIAS])
    assert shown.exit_code == 0, shown.output
    assert "REJECTED" in shown.output and "why not:" in shown.output and "pattern: 190:" in shown.output
    article = tmp_path / "a.txt"
    article.write_text(MILITIAS, encoding="utf-8")
    as_json = runner.invoke(app, ["explain", str(article), "--json", "--date", "2024-01-20"])
    assert as_json.exit_code == 0, as_json.output
    body = json.loads(as_json.output)
    assert body["date"] == "2024-01-20" and body["events"][0]["cameo"].startswith("19")


def test_cli_reads_standard_input_for_a_dash() -> None:
    shown = CliRunner().invoke(app, ["explain", "-", "--json"], input=MILITIAS)
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.output)["events"][0]["cameo"].startswith("19")


def test_cli_explains_a_sentence_longer_than_a_file_name_can_be() -> None:
    long_sentence = " ".join([MILITIAS.rstrip(".")] + ["the spokesman said on monday"] * 12) + "."
    shown = CliRunner().invoke(app, ["explain", long_sentence, "--json"])
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.output)["events"][0]["cameo"].startswith("19")


def test_cli_refuses_empty_text() -> None:
    result = CliRunner().invoke(app, ["explain", "   "])
    assert result.exit_code == 2 and "give a sentence" in result.output


def test_site_chrome_is_listed_as_not_coded(pipeline: Pipeline) -> None:
    text = (
        "Russia and China signed a treaty on Monday.\nTop Stories\nIran condemns Israel\n"
        "Russia said the treaty with China would last twenty years."
    )
    expl = explain(text, dt.date(2015, 5, 6), pipeline=pipeline)
    assert any("iran condemns israel" in c.lower() for c in expl.chrome)
    assert all("Iran" not in c["sentence"] for c in expl.candidates)
    assert expl.events and all(e.source.country in ("RUS", "CHN") for e in expl.events)
