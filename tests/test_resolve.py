"""Role binding, modality and dates on sentences written for these tests, clean and scraped."""

import datetime as dt

import pytest

from detente.model import Document
from tests.conftest import scrape

RENDER = [pytest.param(lambda s: s, id="clean"), pytest.param(scrape, id="scraped")]


def code(pipeline, text, date="2015-04-30"):
    return pipeline.run(Document("t", text, dt.date.fromisoformat(date))).events


def keys(event):
    return (event.source.key, event.target.key if event.target else None)


@pytest.mark.parametrize("render", RENDER)
def test_coordinated_subjects_act_jointly(pipeline, render):
    events = code(pipeline, render("China and Russia signed a treaty of friendship on Thursday."))
    assert any(e.cameo.startswith("05") and set(keys(e)) == {"CHN", "RUS"} and e.reciprocal for e in events)


@pytest.mark.parametrize("render", RENDER)
def test_between_x_and_y(pipeline, render):
    events = code(pipeline, render("Talks between Iran and Iraq resumed in Geneva on Monday."))
    assert any(e.cameo.startswith("04") and set(keys(e)) == {"IRN", "IRQ"} for e in events)


@pytest.mark.parametrize("render", RENDER)
def test_passive_voice_swaps_roles(pipeline, render):
    events = code(pipeline, render("Japan was sharply criticised by China on Friday."))
    assert any(e.cameo.startswith("11") and keys(e) == ("CHN", "JPN") for e in events)


@pytest.mark.parametrize("render", RENDER)
def test_refusal_is_a_rejection_not_the_positive_code(pipeline, render):
    events = code(pipeline, render("Pakistan refused to send troops to help Saudi Arabia."))
    assert events and all(not e.cameo.startswith(("06", "07")) for e in events)
    assert any(e.cameo.startswith("12") and e.source.key == "PAK" for e in events)


@pytest.mark.parametrize("render", RENDER)
def test_negated_attack_is_no_event(pipeline, render):
    events = code(pipeline, render("Israel did not attack Lebanon on Sunday."))
    assert not any(e.quad_class == 4 for e in events)


@pytest.mark.parametrize("render", RENDER)
def test_plan_to_cooperate_is_an_intent(pipeline, render):
    events = code(pipeline, render("Beijing is planning to boost its trade cooperation with Moscow."))
    assert any(e.cameo.startswith("03") and e.status == "planned" and keys(e) == ("CHN", "RUS") for e in events)


@pytest.mark.parametrize("render", RENDER)
def test_plan_to_sanction_is_a_threat(pipeline, render):
    events = code(pipeline, render("The European Union will impose new sanctions on Russia unless it withdraws."))
    assert any(e.cameo.startswith("13") and e.status == "planned" and e.source.key == "EU" for e in events)


@pytest.mark.parametrize("render", RENDER)
def test_reported_speech_speaker_is_the_source(pipeline, render):
    events = code(pipeline, render("Sanctions on Iran will be tightened, the White House announced on Tuesday."))
    assert any(e.source.key == "USA" and e.target and e.target.key == "IRN" for e in events)


@pytest.mark.parametrize("render", RENDER)
def test_historical_reference_is_dated_to_its_time(pipeline, render):
    events = code(pipeline, render("The Soviet Union and China fought a brief border war in 1969."))
    war = [e for e in events if e.quad_class == 4]
    assert war and war[0].date == "1969" and war[0].status == "historical"


@pytest.mark.parametrize("render", RENDER)
def test_weekday_resolves_to_the_past_day(pipeline, render):
    events = code(pipeline, render("Russia condemned Ukraine on Thursday."), date="2015-04-30")
    assert events[0].date == "2015-04-30"  # 2015-04-30 was a Thursday
    events = code(pipeline, render("Russia condemned Ukraine on Monday."), date="2015-04-30")
    assert events[0].date == "2015-04-27" and events[0].date_precision == "day"


@pytest.mark.parametrize("render", RENDER)
def test_quantities_and_contexts(pipeline, render):
    text = "Russia and China signed a 30-year, $400 billion deal to supply Russian natural gas to China."
    events = code(pipeline, render(text), date="2014-05-21")
    deal = [e for e in events if e.cameo.startswith(("05", "06"))]
    assert deal and "energy" in deal[0].contexts
    values = {q["value"] for q in deal[0].quantities}
    assert 4e11 in values and 30 in values


def test_repeated_mentions_merge(pipeline):
    text = "Russia shelled Kharkiv on Thursday. Russia also shelled Kharkiv, officials said."
    events = [e for e in code(pipeline, text) if e.cameo.startswith("19")]
    assert len(events) == 1 and len(events[0].mentions) == 2


def test_criticism_told_in_two_clauses_is_two_statements(pipeline):
    # each statement is an act of its own; the benchmark codes them one by one
    text = "Russia condemned Ukraine on Thursday. Russia also condemned Ukraine, officials said."
    events = [e for e in code(pipeline, text) if e.cameo.startswith("11")]
    assert [keys(e) for e in events] == [("RUS", "UKR"), ("RUS", "UKR")]


def test_site_chrome_yields_no_events(pipeline):
    text = (
        "sign in china and russia deepen energy ties manage newsletters top stories senator attacks rival "
        "over tax plan israel bombs gaza governor vows to fight sanctions china and russia signed an energy "
        "agreement on thursday russia will build a pipeline to china copyright 2015 the daily news click here "
        "for reprint permission terms of use"
    )
    events = code(pipeline, text)
    assert events and all({e.source.key, e.target.key if e.target else None} <= {"CHN", "RUS", None} for e in events)


def test_a_sentence_repeated_thousands_of_times_is_one_event_with_every_mention() -> None:
    import detente

    events = detente.code("Russia and China signed a gas deal on Wednesday. " * 3000, date="2014-05-21")
    assert len(events) == 1
    assert len(events[0].mentions) == 3000
    assert len({(m.start, m.end) for m in events[0].mentions}) == 3000


def test_a_comma_before_and_joins_clauses_not_subjects(pipeline):
    # clean text only: scraped text has no comma to tell the clause join from a list of subjects
    events = code(pipeline, "Russia did not attack Ukraine, and China refused to meet Japan.", "2020-01-02")
    assert [keys(e) for e in events] == [("CHN", "JPN")]


@pytest.mark.parametrize("render", RENDER)
def test_they_after_a_meeting_is_the_two_parties_not_the_place(pipeline, render):
    events = code(pipeline, render("Vladimir Putin met Xi Jinping in Moscow on Friday. They signed a gas deal."))
    assert all(keys(e) != ("RUS", "RUS") for e in events)


def test_an_actor_inside_a_relative_clause_set_off_by_commas_is_not_the_subject(pipeline):
    """Clean text only: without the commas scraped text does not say where the clause ends."""
    events = code(pipeline, "Egypt, which borders Rafah, warned Israel against a ground offensive in the city.")
    assert [keys(e) for e in events] == [("EGY", "ISR")]
    events = code(pipeline, "In Rafah, which borders Egypt, Israeli troops attacked Hamas fighters.")
    assert any(keys(e) == ("ISR", "PSE") for e in events)


def test_a_clause_after_after_is_background_only_where_full_stops_say_it_hangs_on_the_clause_before(pipeline):
    """Punctuated, "after Ukraine shelled ..." is background to the signing; in scraped text of many
    sentences it may as well open the next sentence, so it is coded."""
    signing = "Russia and China signed a trade agreement in Moscow on Monday"
    clean = code(pipeline, f"{signing} after Ukraine shelled the city of Donetsk.")
    assert not [e for e in clean if e.cameo[:2] == "19"]
    run_on = code(
        pipeline,
        "russia and china signed a trade agreement in moscow on monday officials said the deal covers energy and "
        "grain after ukraine shelled the city of donetsk russia said it would respond and the foreign ministry in "
        "moscow said the talks would continue next month in beijing",
    )
    assert any(e.cameo[:2] == "19" and e.source.key == "UKR" for e in run_on)


def test_run_on_scraped_text_keeps_a_clause_the_parse_starts_anew(pipeline):
    """Two sentences the missing full stops ran together ("... russian troops | kremlin spokesman
    dmitry peskov accused ..."): the second is a clause of its own, not the first's complement."""
    run_on = code(
        pipeline,
        "the kremlin said on monday that it saw no basis for peace talks while kyiv insisted on the withdrawal of "
        "all russian troops kremlin spokesman dmitry peskov accused western governments of prolonging the conflict "
        "by supplying weapons to ukraine nato s secretary general is due to meet the us president in washington",
        date="2024-06-25",
    )
    roots = {e.cameo[:2] for e in run_on}
    assert {"10", "11"} <= roots, [e.cameo for e in run_on]
    assert any(e.cameo[:2] == "11" and e.source.key == "RUS" for e in run_on)


def test_a_dateline_is_no_target(pipeline):
    # written clean only: scraped text loses the capitals and the dash that mark a dateline
    text = (
        "Aid Workers Kidnapped in Mali -DAKAR — -Canada has confirmed that two of its citizens were abducted"
        " after they were taken hostage by gunmen in northern Mali."
    )
    events = code(pipeline, text, "2019-09-02")
    assert any(e.cameo.startswith("18") and e.target and e.target.country == "CAN" for e in events)
    assert not any(e.target and e.target.country == "SEN" for e in events)


@pytest.mark.parametrize("render", RENDER)
def test_a_meeting_told_twice_is_one_event(pipeline, render):
    text = (
        "President Obama met Chinese President Xi Jinping in Beijing on Monday. "
        "The two leaders discussed trade and climate change during their meeting."
    )
    meetings = [e for e in code(pipeline, render(text), "2014-11-12") if e.cameo.startswith("04")]
    assert len(meetings) == 1 and {meetings[0].source.country, meetings[0].target.country} == {"USA", "CHN"}


def test_a_yes_no_question_reports_nothing(pipeline):
    # clean only: scraped text has no question marks
    assert code(pipeline, "Will Russia attack Ukraine again this year?") == []
    events = code(pipeline, "Russia attacked Ukraine on Monday. Will the fighting stop?")
    assert [(e.source.country, e.cameo[:2], e.target.country) for e in events] == [("RUS", "19", "UKR")]


def test_an_attack_with_no_victim_named_is_not_aimed_at_the_articles_other_party(pipeline):
    text = (
        "Iran and the United States traded accusations on Monday over the nuclear deal. Iranian officials"
        " blamed Washington for the delay. Iranian forces shelled villages on Tuesday, officials said."
    )
    shelling = [e for e in code(pipeline, text, "2016-05-01") if e.cameo.startswith("19")]
    assert [e.source.country for e in shelling] == ["IRN"]
    assert all(e.target is None or e.target.country != "USA" for e in shelling)
    # criticism with no one named still turns to the article's other party
    text = text.replace("Iranian forces shelled villages", "Iranian officials condemned the decision")
    events = code(pipeline, text, "2016-05-01")
    assert any(e.cameo.startswith("11") and e.target.country == "USA" and "condemned" in e.trigger for e in events)


def test_comma_conjunction_and_a_new_subject_start_a_second_act(pipeline):
    # clean text only: scraped text has no comma to tell the two clauses apart
    text = (
        "Hezbollah fired dozens of rockets into northern Israel, "
        "and the Israeli military struck targets in southern Lebanon."
    )
    coded = {(e.source.country, e.cameo[:2], e.target.country if e.target else None) for e in code(pipeline, text)}
    assert ("LBN", "19", "ISR") in coded and ("ISR", "19", "LBN") in coded


def test_a_clause_opened_by_once_states_a_condition(pipeline):
    # clean text only: without punctuation the condition's end is unknown
    events = code(pipeline, "Once Israel signs a final peace deal with the Palestinians, Riyadh will recognise it.")
    assert not any(e.source.country == "ISR" and e.cameo[:2] == "05" and e.status == "reported" for e in events)
