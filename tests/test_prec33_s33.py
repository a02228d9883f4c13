"""Acts the news does not report as done (session 33): a means someone has or is given ("has
evidence to charge them"), and a condition opened by "once" or "as soon as" before a present tense,
wherever it stands in the sentence ("... once india lifts its sanctions")."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from detente import Document, Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _scraped(text: str) -> str:
    """The scraped rendering: lower case, letters and digits only."""
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9 ]", " ", text.lower())).strip()


def _codes(pipeline: Pipeline, text: str, scraped: bool) -> list[tuple[str, str, str]]:
    doc = Document(doc_id="t", text=_scraped(text) if scraped else text, date=dt.date(2024, 3, 1))
    key = lambda a: (a.country or a.org or "") if a else ""  # noqa: E731
    return [(key(e.source), e.cameo[:2], key(e.target)) for e in pipeline.run(doc).events]


@pytest.mark.parametrize("scraped", [False, True])
@pytest.mark.parametrize(
    "text",
    [
        "Officials said Kenya has evidence to charge three Somali men with terrorism.",
        "Officials said the Kenyan army has orders to arrest three Somali men in Mombasa.",
    ],
)
def test_a_means_someone_has_is_no_act(pipeline: Pipeline, text: str, scraped: bool) -> None:
    codes = _codes(pipeline, text, scraped)
    assert not any(c[0] == "KEN" and c[1] == "17" for c in codes), codes


@pytest.mark.parametrize("scraped", [False, True])
def test_a_licence_given_is_no_act(pipeline: Pipeline, scraped: bool) -> None:
    codes = _codes(pipeline, "The new law gives the police the power to ban protests in Uganda.", scraped)
    assert not any(c[1] == "17" for c in codes), codes


@pytest.mark.parametrize("scraped", [False, True])
def test_acts_done_stay(pipeline: Pipeline, scraped: bool) -> None:
    # the act itself, and an infinitive on a noun no one has ("the first country to recognize")
    assert ("KEN", "17", "SOM") in _codes(pipeline, "Kenya charged three Somali men with terrorism.", scraped)
    codes = _codes(pipeline, "Peru was the first country to recognize the new government of Bolivia.", scraped)
    assert ("PER", "05", "BOL") in codes


@pytest.mark.parametrize("scraped", [False, True])
@pytest.mark.parametrize(
    "text",
    [
        "Pakistan said it would welcome Indian investors once India lifts its sanctions on Pakistan.",
        "Officials expect thousands to flee as soon as Indian troops attack Pakistani positions.",
    ],
)
def test_a_later_temporal_condition_is_no_act(pipeline: Pipeline, text: str, scraped: bool) -> None:
    codes = _codes(pipeline, text, scraped)
    assert not any(c[0] == "IND" for c in codes), codes


@pytest.mark.parametrize("scraped", [False, True])
def test_once_before_a_past_tense_dates_an_act(pipeline: Pipeline, scraped: bool) -> None:
    # "once the talks ended, ...": the accusation was made; "once the talks end, ..." it is only planned
    codes = _codes(pipeline, "Once the talks ended, Russia accused Ukraine of sabotage.", scraped)
    assert ("RUS", "11", "UKR") in codes
    codes = _codes(pipeline, "Once the talks end, Russia will accuse Ukraine of sabotage.", scraped)
    assert ("RUS", "11", "UKR") not in codes


@pytest.mark.parametrize("scraped", [False, True])
@pytest.mark.parametrize(
    "text",
    [
        "Iraqi officials said none of their soldiers had been killed by the Iranian missiles.",
        "No Iraqi soldiers were killed by the Iranian missiles.",
    ],
)
def test_an_act_that_befell_no_one_is_no_event(pipeline: Pipeline, text: str, scraped: bool) -> None:
    codes = _codes(pipeline, text, scraped)
    assert not any(c[1] == "18" for c in codes), codes


@pytest.mark.parametrize("scraped", [False, True])
def test_no_before_a_comparative_negates_nothing(pipeline: Pipeline, scraped: bool) -> None:
    # "no fewer than 20 ... were killed": at least twenty were
    codes = _codes(pipeline, "No fewer than 20 Iraqi soldiers were killed by Iranian missiles.", scraped)
    assert ("IRN", "18", "IRQ") in codes


@pytest.mark.parametrize("scraped", [False, True])
def test_refraining_from_an_act_is_not_doing_it(pipeline: Pipeline, scraped: bool) -> None:
    codes = _codes(pipeline, "Poland has so far refrained from expelling Russian diplomats.", scraped)
    assert not any(c[0] == "POL" and c[1] == "16" for c in codes), codes
    assert ("POL", "16", "RUS") in _codes(pipeline, "Poland expelled Russian diplomats.", scraped)


@pytest.mark.parametrize("scraped", [False, True])
@pytest.mark.parametrize(
    "text, root",
    [
        ("The Polish minister talked about expelling Russian diplomats.", "16"),
        ("Turkey is serious about attacking Kurdish fighters in Syria.", "19"),
    ],
)
def test_a_gerund_after_about_is_a_topic(pipeline: Pipeline, text: str, root: str, scraped: bool) -> None:
    codes = _codes(pipeline, text, scraped)
    assert not any(c[1] == root for c in codes), codes


def _statuses(pipeline: Pipeline, text: str, scraped: bool) -> list[tuple[str, str, str]]:
    doc = Document(doc_id="t", text=_scraped(text) if scraped else text, date=dt.date(2024, 3, 1))
    return [(e.source.country or "", e.cameo, e.status) for e in pipeline.run(doc).events]


@pytest.mark.parametrize("scraped", [False, True])
@pytest.mark.parametrize(
    "text",
    [
        "Israel prepares to invade Rafah.",
        "Turkey is gearing up to launch an offensive against Kurdish militants in Syria.",
    ],
)
def test_readying_force_is_a_show_of_force_not_an_attack(pipeline: Pipeline, text: str, scraped: bool) -> None:
    events = _statuses(pipeline, text, scraped)
    assert not any(code[:2] in ("18", "19", "20") for _, code, _ in events), events
    assert any(code == "150" and status == "planned" for _, code, status in events), events


@pytest.mark.parametrize("scraped", [False, True])
def test_preparing_a_sanction_is_planned(pipeline: Pipeline, scraped: bool) -> None:
    events = _statuses(pipeline, "China is preparing to impose sanctions on Lithuania.", scraped)
    assert events and all(status == "planned" and code[:2] != "16" for _, code, status in events), events


@pytest.mark.parametrize("scraped", [False, True])
@pytest.mark.parametrize(
    "text",
    [
        "It was unclear whether Iran had supplied the missiles to the Houthis.",
        "Officials are examining whether Russia fired the missile at Poland.",
    ],
)
def test_an_open_question_reports_no_act(pipeline: Pipeline, text: str, scraped: bool) -> None:
    codes = _codes(pipeline, text, scraped)
    assert not any(c[0] in ("IRN", "RUS") for c in codes), codes


@pytest.mark.parametrize("scraped", [False, True])
def test_whether_after_the_act_leaves_it_reported(pipeline: Pipeline, scraped: bool) -> None:
    # "whether by accident or not" questions how, not whether, the missile was fired
    codes = _codes(pipeline, "Russia fired a missile at Poland, whether by accident or not.", scraped)
    assert any(c[0] == "RUS" and c[1] == "19" and c[2] == "POL" for c in codes), codes


@pytest.mark.parametrize("scraped", [False, True])
@pytest.mark.parametrize(
    "text, source",
    [
        ("The talks will resume after Russia withdraws its troops from Kherson.", "RUS"),
        ("Iran said it would respond when Israel attacks again.", "ISR"),
    ],
)
def test_a_present_after_a_future_time_opener_is_still_to_come(
    pipeline: Pipeline, text: str, source: str, scraped: bool
) -> None:
    codes = _codes(pipeline, text, scraped)
    assert not any(c[0] == source for c in codes), codes


def test_a_headline_present_after_a_time_opener_stays(pipeline: Pipeline) -> None:
    # no future for the time clause to hang on: the headline's present tells what happened
    codes = _codes(pipeline, "Iran fires missiles at Iraq after Israel bombs Syria", False)
    assert any(c[0] == "IRN" and c[1] == "19" for c in codes), codes


@pytest.mark.parametrize("scraped", [False, True])
def test_a_condition_on_a_future_is_no_act(pipeline: Pipeline, scraped: bool) -> None:
    text = "Iran said it would strike Israel if Israel attacks its nuclear sites."
    codes = _codes(pipeline, text, scraped)
    assert not any(c[0] == "ISR" for c in codes), codes
