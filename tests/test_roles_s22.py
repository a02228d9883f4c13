"""Role binding across clause edges: fronted adjuncts, coordinated verbs, relative clauses."""

import datetime as dt

import pytest

from detente.model import Document


def code(pipeline, text, date="2016-05-01"):
    return pipeline.run(Document("t", text, dt.date.fromisoformat(date))).events


def keys(event):
    return (event.source.key, event.target.key if event.target else None)


@pytest.mark.parametrize(
    "text",
    [
        "After speaking by phone late on Sunday, French President Francois Hollande and German Chancellor"
        " Angela Merkel called the bombings barbarous.",
        # scraped: the parse's subject keeps the co-subjects joined to it by "and"
        "after speaking by phone late on sunday french president francois hollande and german chancellor"
        " angela merkel called the bombings barbarous",
    ],
)
def test_fronted_adjunct_takes_the_co_subjects_after_its_comma(pipeline, text):
    events = code(pipeline, text)
    assert any(e.cameo == "041" and set(keys(e)) == {"FRA", "DEU"} for e in events)


def test_fronted_adjunct_keeps_its_own_object(pipeline):
    events = code(pipeline, "After talking with Erdogan by phone, Putin ordered the sanctions lifted.")
    assert any(e.cameo == "041" and keys(e) == ("RUS", "TUR") for e in events)


def test_a_comma_ends_the_noun_a_relative_clause_may_hang_on(pipeline):
    # "by phone, | putin ordered" is the main clause, not "the sanctions | the un imposed"
    events = code(pipeline, "After talking with Erdogan by phone, Putin ordered the sanctions lifted.")
    assert not any(e.target is not None and e.target.key == e.source.key for e in events)


def test_a_list_of_three_subjects_is_one_clause(pipeline):
    # "putin, | erdogan and rouhani met": the comma continues the list, it starts no clause
    events = code(pipeline, "Putin, Erdogan and Rouhani met in Ankara on Monday.", "2018-04-05")
    parties = {k for e in events if e.cameo.startswith("04") for k in keys(e)}
    assert parties == {"RUS", "TUR", "IRN"}


def test_an_actor_after_a_clause_and_a_comma_still_starts_one(pipeline):
    events = code(pipeline, "In Syria, Russia and Iran criticized Turkey.", "2018-04-05")
    assert {keys(e) for e in events} == {("RUS", "TUR"), ("IRN", "TUR")}


def test_a_scraped_list_of_people_after_the_verb_are_all_its_objects(pipeline):
    # scraped text loses the commas: "merkel | british prime minister david cameron"
    text = "president vladimir putin spoke with french president francois hollande italian prime minister matteo renzi"
    events = code(pipeline, text, "2014-03-02")
    assert {keys(e) for e in events if e.cameo.startswith("04")} == {("RUS", "FRA"), ("RUS", "ITA")}


def test_force_is_aimed_at_whom_its_purpose_names(pipeline):
    events = code(pipeline, "Russia scrambled fighter jets to intercept two U.S. bombers over the Baltic Sea.")
    assert {keys(e) for e in events} == {("RUS", "USA")}


def test_a_verb_pattern_ending_in_a_noun_has_no_object_relative(pipeline):
    # scraped "by phone | putin ordered" is not "the sanctions | the un imposed"
    events = code(pipeline, "after talking with erdogan by phone putin ordered the sanctions lifted")
    assert not any(keys(e) == ("RUS", "RUS") for e in events)


def test_an_actor_possessed_by_a_prepositional_object_is_no_subject(pipeline):
    # "the chief iranian delegate to the u n s | atomic energy agency accused"
    text = (
        "on tuesday kazem gharibabadi the senior iranian envoy to the u n s international atomic energy agency"
        " accused the u s of breaching the nuclear accord"
    )
    events = code(pipeline, text)
    assert any(keys(e) == ("IRN", "USA") for e in events) and not any(e.source.key == "IGO" for e in events)


def test_a_state_with_a_past_verb_and_its_object_starts_a_clause(pipeline):
    # scraped "trading blame | russia blamed the rebels": not governed by the heading before it
    events = code(pipeline, "the un traded accusations russia blamed the syrian rebels for breaking the truce")
    assert any(keys(e) == ("RUS", "SYR") and e.cameo.startswith("11") for e in events)


def test_a_fronted_adjunct_with_three_co_subjects_is_not_aimed_at_the_main_clause_object(pipeline):
    events = code(pipeline, "After speaking by phone, Obama, Merkel and Hollande condemned Russia.")
    calls = [keys(e) for e in events if e.cameo == "041"]
    assert calls and all("RUS" not in pair and set(pair) <= {"USA", "DEU", "FRA"} for pair in calls)
    assert {keys(e) for e in events if e.cameo.startswith("11")} == {("USA", "RUS"), ("DEU", "RUS"), ("FRA", "RUS")}


def test_a_scraped_list_of_co_subjects_ending_in_and_takes_every_person(pipeline):
    text = "presidents vladimir putin hassan rouhani and ilham aliyev met in baku on monday"
    events = code(pipeline, text)
    assert {k for e in events if e.cameo.startswith("04") for k in keys(e)} == {"RUS", "IRN", "AZE"}


def test_a_possessive_after_an_abbreviation_ends_no_sentence():
    from detente.normalize.tokens import tokenize

    for text in ("The U.N.'s nuclear watchdog criticized Iran.", "The U.S.\u2019s envoy met Lavrov."):
        assert [t.text for t in tokenize(text) if t.break_before] == []
    # a quotation closing a sentence still ends it
    assert [t.text for t in tokenize("He said 'no.' Then he left.") if t.break_before] == ["then"]


def test_a_possessive_abbreviation_keeps_its_subject(pipeline):
    events = code(pipeline, "The U.N.'s nuclear watchdog criticized Iran on Monday.")
    assert any(e.cameo.startswith("11") and keys(e)[1] == "IRN" and e.source.key for e in events)


def test_it_skips_the_places_where_its_antecedent_acted(pipeline):
    text = (
        "Since the Islamic State group grew into a powerful force in Syria and Iraq, it has repeatedly called"
        " on its supporters to mount violent attacks against Britain."
    )
    events = code(pipeline, text)
    assert events and all(e.source.key != "SYR" for e in events)


def test_it_continues_the_state_opening_an_unparsed_sentence(pipeline):
    text = (
        "The United States recognises that view, but also keeps strong ties with Taipei.\n"
        "It also supplies Taiwan with military equipment."
    )
    assert any(keys(e) == ("USA", "TWN") for e in code(pipeline, text))


def test_he_opening_a_sentence_continues_the_subject_before(pipeline):
    events = code(pipeline, "Putin met Erdogan in Sochi on Monday. He praised Iran for its help in Syria.")
    assert any(keys(e) == ("RUS", "IRN") for e in events)
    assert not any(keys(e) == ("TUR", "IRN") for e in events)


def test_they_skips_the_places_joined_to_a_locative(pipeline):
    text = "Kurdish fighters made gains in Iraq and Syria. They also attacked Turkish troops on Monday."
    events = code(pipeline, text)
    assert events and all(e.source.key != "SYR" for e in events)
