"""Negation scope, zero counts and reporting modals."""

import pytest

from consistency.extract import extract
from consistency.extract.cues import hedge_cues, negation_cues
from consistency.model import Sentence


def claim(text, lang="de"):
    return extract(Sentence("a.txt", 0, 0, len(text), text, 1, lang, text))


@pytest.mark.parametrize("text,lang", [
    ("The driver, who has not been named, was taken to hospital.", "en"),
    ("The bridge, which had not been inspected since 2019, collapsed on Monday.", "en"),
    ("The suspect (who was not armed) was arrested.", "en"),
    ("Die Frau, die nicht angeschnallt war, wurde schwer verletzt.", "de"),
    ("Der Fahrer, der keinen Führerschein hatte, wurde gestoppt.", "de"),
    ("Die Brücke – die seit Jahren nicht geprüft wurde – stürzte ein.", "de"),
])
def test_negation_in_a_relative_or_parenthetical_clause_does_not_negate(text, lang):
    assert negation_cues(text, lang) == ()


@pytest.mark.parametrize("text,lang", [
    ("Der Fahrer wurde nicht verletzt.", "de"),
    ("Der Fahrer, der verletzt wurde, ist nicht vorbestraft.", "de"),
    ("Er sagte, das sei nicht wahr.", "de"),
    ("Nein, das ist nicht wahr.", "de"),
    ("The driver was not injured.", "en"),
    ("The driver, who was injured, did not survive.", "en"),
])
def test_negation_of_the_main_clause_still_negates(text, lang):
    assert negation_cues(text, lang)


@pytest.mark.parametrize("text,lang,unit,key,role", [
    ("No one was injured in the blast.", "en", "injured", "people", "injured"),
    ("Nobody was hurt, police said.", "en", "hurt", "people", "injured"),
    ("No one was killed.", "en", "killed", "people", "killed"),
    ("There were no injuries.", "en", "injuries", "injured", "injured"),
    ("Niemand wurde verletzt.", "de", "verletzt", "people", "injured"),
    ("Verletzt wurde niemand.", "de", "Verletzt", "people", "injured"),
    ("Verletzt wurde nach Angaben von der Polizei niemand.", "de", "Verletzt", "people", "injured"),
    ("Es gab keine Verletzten.", "de", "Verletzten", "injured", "injured"),
    ("Bei dem Brand gab es keine Toten.", "de", "Toten", "death", "killed"),
])
def test_nobody_hurt_is_a_zero_count(text, lang, unit, key, role):
    c = claim(text, lang)
    assert c.negated  # the negation cue stays
    [v] = [v for v in c.values if v.kind == "count"]
    assert (v.value, v.low, v.high, v.unit, v.unit_key, v.role) == (0, 0, 0, unit, key, role)
    assert text[v.start:v.end] == v.raw


@pytest.mark.parametrize("text,lang", [
    ("Der Täter soll über die Grenze geflohen sein.", "de"),
    ("Die Täter sollen das Auto gestohlen haben.", "de"),
    ("Police said he would be charged with murder.", "en"),
    ("Er sagte, er würde nicht zurücktreten.", "de"),
    # the month is no modal
    ("The tram derailed in Ashford Vale on Sunday, May 11.", "en"),
    ("May 11 was the day of the derailment.", "en"),
    ("The plant opened in May and closed in June.", "en"),
])
def test_reporting_modals_are_not_hedges(text, lang):
    assert hedge_cues(text, lang) == ()


@pytest.mark.parametrize("text,lang", [
    ("Wenn der Damm bricht, würde das Dorf überflutet.", "de"),
    ("If the dam broke, the village would flood, officials said.", "en"),
    ("The storm could reach the coast.", "en"),
    ("Er könnte geflohen sein.", "de"),
    ("Möglicherweise gab es weitere Opfer.", "de"),
    ("Falls es regnet, fällt das Fest aus.", "de"),
    ("The suspect may have fled.", "en"),
    ("May the suspect have fled?", "en"),
    ("He might be released.", "en"),
    ("The team would win the title easily.", "en"),
])
def test_real_hedges_stay(text, lang):
    assert hedge_cues(text, lang)
