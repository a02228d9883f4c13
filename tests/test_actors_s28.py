"""Actor tables (session 28): people, groups and media of 2010-2017 news, coded with the right country."""

import datetime as dt

import pytest

from detente.bench.render import scrape
from detente.model import Document


def _first(pipeline, text: str, day: dt.date) -> tuple[str | None, str | None]:
    doc = pipeline.run_until(Document("t", text, day), "recognise_actors")
    actor = doc.mentions[0].actor if doc.mentions else None
    return (actor.country, actor.org) if actor else (None, None)


# People the tables lacked (no actor at all) or coded for another body or country on the date.
_PEOPLE = [
    ("Yemi Osinbajo", dt.date(2017, 5, 1), "NGA"),
    ("Tukur Buratai", dt.date(2016, 5, 1), "NGA"),
    ("Sambo Dasuki", dt.date(2014, 5, 1), "NGA"),
    ("Michael Makuei Lueth", dt.date(2014, 5, 1), "SSD"),
    ("Taban Deng Gai", dt.date(2016, 10, 1), "SSD"),
    ("Lam Akol", dt.date(2016, 5, 1), "SSD"),  # was Sudan's foreign minister before independence
    ("Lambert Mende", dt.date(2014, 5, 1), "COD"),
    ("Willy Nyamitwe", dt.date(2016, 5, 1), "BDI"),
    ("James Kabarebe", dt.date(2014, 5, 1), "RWA"),
    ("Noureddine Adam", dt.date(2013, 6, 1), "CAF"),
    ("Isaac Zida", dt.date(2015, 3, 1), "BFA"),
    ("Moussa Faki Mahamat", dt.date(2014, 5, 1), "TCD"),  # foreign minister before the AU
    ("Tedros Adhanom", dt.date(2014, 5, 1), "ETH"),  # foreign minister before WHO
    ("Jean Ping", dt.date(2016, 9, 1), "GAB"),  # opposition candidate after the AU
    ("Mohamed ElBaradei", dt.date(2013, 8, 1), "EGY"),  # vice president after the IAEA
    ("Walid al-Moallem", dt.date(2015, 5, 1), "SYR"),
    ("Bouthaina Shaaban", dt.date(2014, 5, 1), "SYR"),
    ("Ahmed al-Assiri", dt.date(2016, 5, 1), "SAU"),
    ("Bandar bin Sultan", dt.date(2013, 5, 1), "SAU"),
    ("Fethullah Gulen", dt.date(2016, 8, 1), "TUR"),
    ("Ehsanullah Ehsan", dt.date(2015, 5, 1), "PAK"),
    ("Prawit Wongsuwan", dt.date(2016, 5, 1), "THA"),
    ("Tito Karnavian", dt.date(2016, 5, 1), "IDN"),  # not Yugoslavia's Tito
    ("Ronald dela Rosa", dt.date(2017, 5, 1), "PHL"),
    ("Tareck El Aissami", dt.date(2017, 5, 1), "VEN"),
    ("German Vargas Lleras", dt.date(2016, 5, 1), "COL"),  # not the adjective 'German'
    ("Josefina Vidal", dt.date(2015, 5, 1), "CUB"),
    ("Ricardo Patino", dt.date(2014, 5, 1), "ECU"),
    ("Ben Rhodes", dt.date(2015, 5, 1), "USA"),
    ("Cameron Munter", dt.date(2012, 5, 1), "USA"),  # not Britain's Cameron
    ("Minni Minnawi", dt.date(2014, 5, 1), "SDN"),
    ("Paul Malong", dt.date(2015, 5, 1), "SSD"),
    ("Mukhtar Robow", dt.date(2013, 5, 1), "SOM"),
    ("Salim al-Jabouri", dt.date(2016, 5, 1), "IRQ"),
    ("Sadegh Larijani", dt.date(2016, 5, 1), "IRN"),
    ("Sarwar Danish", dt.date(2016, 5, 1), "AFG"),  # not the adjective 'Danish'
    ("Syed Salahuddin", dt.date(2017, 5, 1), "IND"),  # not Iraq's Salahuddin province
    ("Burhan Wani", dt.date(2016, 5, 1), "IND"),
    ("Wu Dawei", dt.date(2013, 5, 1), "CHN"),  # not Myanmar's port of Dawei
    ("Juan Ponce Enrile", dt.date(2013, 5, 1), "PHL"),  # not Puerto Rico's Ponce
    ("Leni Robredo", dt.date(2017, 5, 1), "PHL"),
    ("Gennady Zyuganov", dt.date(2015, 5, 1), "RUS"),
    ("Dmytro Yarosh", dt.date(2015, 5, 1), "UKR"),
    ("Liu Xiaobo", dt.date(2013, 5, 1), "CHN"),
    ("Hong Yong-pyo", dt.date(2015, 5, 1), "KOR"),
    ("Sergio Moro", dt.date(2016, 9, 1), "BRA"),
    ("Joaquin Guzman", dt.date(2016, 5, 1), "MEX"),
]


@pytest.mark.parametrize(("name", "day", "country"), _PEOPLE)
@pytest.mark.parametrize("render", [str, scrape])
def test_a_person_of_the_era_is_coded_for_their_country(pipeline, name, day, country, render):
    assert _first(pipeline, render(f"{name} spoke to reporters on Monday."), day)[0] == country


# UN envoys count for the UN while they serve, not for the country they once served as minister.
@pytest.mark.parametrize("render", [str, scrape])
def test_a_un_envoy_counts_for_the_un(pipeline, render):
    assert _first(pipeline, render("Nickolay Mladenov spoke on Monday."), dt.date(2016, 5, 1)) == (None, "UN")


# Groups and media: a name inside a longer one (Fatah in Jabhat Fatah al-Sham, Masirah island in
# Al-Masirah) or a group the tables lacked.
_GROUPS = [
    ("Jabhat Fatah al-Sham fighters", dt.date(2016, 10, 1), "SYR"),
    ("Al-Masirah television", dt.date(2015, 9, 1), "YEM"),
    ("Al-Manar", dt.date(2015, 9, 1), "LBN"),
    ("Mai-Mai militiamen", dt.date(2015, 3, 1), "COD"),
    ("Jamaat-ul-Ahrar militants", dt.date(2016, 3, 1), "PAK"),
    ("Tehrik-i-Taliban militants", dt.date(2014, 3, 1), "PAK"),
    ("SPLA soldiers", dt.date(2014, 5, 1), "SSD"),
    ("Svoboda", dt.date(2014, 3, 1), "UKR"),
    ("Ecuadoran officials", dt.date(2012, 5, 1), "ECU"),
    ("Shebab militants", dt.date(2014, 5, 1), "SOM"),
    ("The Haqqanis", dt.date(2016, 5, 1), "AFG"),
    ("Jamaat-ud-Dawa", dt.date(2016, 5, 1), "PAK"),
    ("PJAK fighters", dt.date(2016, 5, 1), "IRN"),
    ("Raia Mutomboki fighters", dt.date(2014, 5, 1), "COD"),
    ("Imbonerakure militiamen", dt.date(2015, 5, 1), "BDI"),
    ("The White Army", dt.date(2014, 5, 1), "SSD"),
    ("ULFA rebels", dt.date(2014, 5, 1), "IND"),
    ("Barisan Revolusi Nasional", dt.date(2014, 5, 1), "THA"),
    ("Colectivos", dt.date(2017, 5, 1), "VEN"),
]


@pytest.mark.parametrize(("text", "day", "country"), _GROUPS)
@pytest.mark.parametrize("render", [str, scrape])
def test_a_group_of_the_era_is_coded_for_its_country(pipeline, text, day, country, render):
    assert _first(pipeline, render(f"{text} said on Monday."), day)[0] == country


# In lowercase text a one-word alias that is a common noun ("bush", "tusk") after an article is the
# noun, unless a noun the name modifies follows ("the bush administration").
@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("thousands fled into the bush after the attack", None),
        ("rebels in the bush attacked a convoy", None),
        ("poachers sold the tusk in hanoi", None),
        ("the bush administration invaded iraq", "George W. Bush"),
        ("tusk said the eu would respond", "Donald Tusk"),
    ],
)
def test_a_name_that_is_a_common_noun_after_an_article(pipeline, text, person):
    doc = pipeline.run_until(Document("t", text, dt.date(2015, 5, 1)), "recognise_actors")
    assert next((m.actor.name for m in doc.mentions if m.actor and m.actor.person_id), None) == person
