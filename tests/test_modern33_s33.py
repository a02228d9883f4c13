"""Session 33 (modern long-form): pronouns in reported speech and after long sentences."""

from __future__ import annotations

import pytest

from detente import Pipeline
from tests.conftest import coded, scrape


@pytest.mark.parametrize("scraped", [False, True])
def test_pronoun_a_pronoun_speaker_reports_is_the_speaker(pipeline: Pipeline, scraped: bool) -> None:
    # "he said he would": the second "he" is the speaker, the subject of the sentence before, not
    # the last person named (the one he met)
    text = "Erdogan met Putin in Sochi on Friday. He said he would send a delegation to Moscow next month."
    codes = coded(pipeline, scrape(text) if scraped else text)
    assert any(c[0] == "TUR" and c[1] == "03" and c[2] == "RUS" for c in codes)
    assert not any(c[0] == "RUS" and c[1] == "03" for c in codes)


def test_it_after_a_long_sentence_is_its_main_subject(pipeline: Pipeline) -> None:
    # a sentence of some 50 words: "it" reaches back to the subject of its root verb, not to the
    # subject of a relative clause inside it ("groups that islamabad has tolerated")
    text = (
        "The Indian foreign ministry accused Pakistan of sheltering militants who attacked a convoy in "
        "Kashmir, killing dozens of soldiers, and said the attack had been planned across the border by "
        "groups that Islamabad has long tolerated despite repeated promises to the United States. "
        "It also said it would lodge a complaint with Islamabad."
    )
    codes = coded(pipeline, text, digits=3)
    assert ("IND", "114", "PAK") in codes  # the complaint is the ministry's, lodged with pakistan
    assert not any(c[1] == "114" and c[0] != "IND" for c in codes)
