"""Actor tables (session 27): office holders of 2010-2026 with their dated terms, coded in and out of office."""

import datetime as dt

import pytest

from detente.bench.render import scrape
from detente.model import Document


def _codes(pipeline, text: str, day: dt.date) -> list[tuple[str, str | None]]:
    doc = pipeline.run_until(Document("t", text, day), "recognise_actors")
    return [(doc.span_text(m.start, m.end).lower(), m.actor.code) for m in doc.mentions]


# A person holding an office the tables lacked was coded out of power (sector OPP) or not at all.
_HOLDERS = [
    ("Sergei Shoigu", dt.date(2025, 3, 10), "RUSGOV"),  # security council secretary from May 2024
    ("Yuri Ushakov", dt.date(2025, 3, 10), "RUSGOV"),  # Kremlin foreign policy aide
    ("Elvira Nabiullina", dt.date(2025, 3, 10), "RUSGOV"),  # central bank governor
    ("Valerii Zaluzhnyi", dt.date(2025, 3, 10), "UKRGOV"),  # ambassador to London
    ("Ali Larijani", dt.date(2025, 9, 10), "IRNGOV"),  # security council secretary from August 2025
    ("Delcy Rodriguez", dt.date(2025, 3, 10), "VENGOV"),  # vice president
    ("Yoshimasa Hayashi", dt.date(2025, 3, 10), "JPNGOV"),  # chief cabinet secretary
    ("Adel al-Jubeir", dt.date(2025, 3, 10), "SAUGOV"),  # minister of state for foreign affairs
    ("Celso Amorim", dt.date(2025, 3, 10), "BRAGOV"),  # Lula's foreign policy adviser
    ("Marcelo Ebrard", dt.date(2025, 3, 10), "MEXGOV"),  # economy secretary
    ("Jerome Powell", dt.date(2025, 3, 10), "USAGOV"),
    ("Kashim Shettima", dt.date(2025, 3, 10), "NGAGOV"),
    ("Muhoozi Kainerugaba", dt.date(2025, 3, 10), "UGAMIL"),
    ("Han Kuo-yu", dt.date(2025, 3, 10), "TWNLEG"),
    ("Jimmy Cherizier", dt.date(2025, 3, 10), "HTICRM"),
    ("Dmitry Medvedev", dt.date(2025, 3, 10), "RUSGOV"),  # security council deputy chairman from 2020
]


@pytest.mark.parametrize(("name", "day", "code"), _HOLDERS)
@pytest.mark.parametrize("render", [str, scrape])
def test_an_office_holder_is_coded_in_office(pipeline, name, day, code, render):
    text = render(f"{name} spoke to reporters on Monday.")
    assert _codes(pipeline, text, day)[0][1] == code


# Heads of international bodies count for the body while they lead it, for their country before.
_ORG_HEADS = [
    ("Alain Berset", dt.date(2025, 3, 10), "COE"),
    ("Alain Berset", dt.date(2023, 3, 10), "CHE"),
    ("Annalena Baerbock", dt.date(2025, 10, 10), "UNGA"),
    ("Annalena Baerbock", dt.date(2024, 10, 10), "DEU"),
    ("Dilma Rousseff", dt.date(2025, 3, 10), "NDB"),
    ("Omar Alieu Touray", dt.date(2025, 3, 10), "ECOWAS"),
    ("Jasem Albudaiwi", dt.date(2025, 3, 10), "GCC"),
    ("Mathias Cormann", dt.date(2025, 3, 10), "OECD"),
    ("Fatih Birol", dt.date(2025, 3, 10), "IEA"),
    ("Audrey Azoulay", dt.date(2022, 3, 10), "UNESCO"),
    ("Yuji Iwasawa", dt.date(2025, 6, 10), "ICJ"),
    ("Nawaf Salam", dt.date(2024, 6, 10), "ICJ"),
    ("Nawaf Salam", dt.date(2025, 6, 10), "LBN"),
]


@pytest.mark.parametrize(("name", "day", "key"), _ORG_HEADS)
def test_a_head_of_a_body_counts_for_it_in_office(pipeline, name, day, key):
    doc = pipeline.run_until(Document("t", f"{name} spoke to reporters on Monday.", day), "recognise_actors")
    assert doc.mentions[0].actor.key == key


def test_a_kuwaiti_emirs_dynasty_is_no_malaysian_state(pipeline):
    found = _codes(pipeline, "Sheikh Mishal al-Ahmad al-Sabah received the envoy.", dt.date(2025, 3, 10))
    assert found and all(code == "KWTGOV" for _, code in found)


# A surname the tables know alone, after a given name that is not the person's, names someone else.
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Hugo Katz spoke to reporters on Monday.", None),
        ("Foreign Minister Melvin Cavusoglu spoke to reporters on Monday.", "TURGOV"),  # a misspelt given name
        ("Sergej Lavrov spoke to reporters on Monday.", "RUSGOV"),  # another spelling of his own
        ("In Ankara, Erdogan spoke to reporters on Monday.", "TURGOV"),  # a comma: no given name
    ],
)
@pytest.mark.parametrize("render", [str, scrape])
def test_a_surname_after_another_given_name_is_someone_else(pipeline, text, code, render):
    found = [c for _, c in _codes(pipeline, render(text), dt.date(2016, 2, 14)) if c and c[:3] in ("ISR", "TUR", "RUS")]
    assert found[:1] == ([code] if code else [])


# In text written with capitals, a known person's one-word alias in lowercase is a common word.
@pytest.mark.parametrize(
    "text",
    ["Firefighters battled bush fires near Sydney on Monday.", "Rangers seized an elephant tusk on Monday."],
)
def test_a_lowercase_alias_in_cased_text_is_no_person(pipeline, text):
    assert not {"bush", "tusk"} & {name for name, _ in _codes(pipeline, text, dt.date(2020, 1, 10))}


def test_a_capitalised_alias_is_still_the_person(pipeline):
    assert _codes(pipeline, "Bush spoke to reporters on Monday.", dt.date(2008, 1, 10))[0][1] == "USAGOV"
