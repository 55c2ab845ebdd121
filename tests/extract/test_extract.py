import pytest

from consistency.extract import extract
from consistency.extract.entities import canonical_text, find_entities
from consistency.extract.units import counted_noun, unit_key
from consistency.model import Sentence


def claim(text, lang="de", published=None):
    return extract(Sentence("a.txt", 0, 0, len(text), text, 1, lang, text), published=published)


def values(text, lang="de"):
    return [(v.raw, v.kind, v.unit_key) for v in claim(text, lang).values]


def test_seed_facts():
    assert values("US-Beamte sagen, dass mehr als 10.000 mit Artilleriegeschossen, Raketen und anderen "
                  "Waffen gefüllte Schiffscontainer nach Russland geschickt wurden.") == [
        ("mehr als 10.000", "count", "container")]
    assert values("Nach Schätzungen westlicher Geheimdienste liegt die Zahl der Todesopfer in "
                  "Russlandkriegen bei über 350.000.") == [("über 350.000", "count", "death")]
    assert values("Er meinte, das Abkommen sei vergleichbar mit einem Vertrag von 1961 zwischen der "
                  "Sowjetunion und Nordkorea.") == [("1961", "year", "time")]
    assert values("eine bedeutende Lücke von fast 25 Jahren") == [("fast 25", "duration", "year")]


def test_year_or_count_is_told_by_the_words_around():
    assert values("Es kamen 2000 Soldaten.") == [("2000", "count", "soldier")]
    assert values("Im Jahr 2000 kamen sie.") == [("2000", "year", "time")]


def test_names_and_identifiers_are_not_quantities():
    assert values("Er sagte gegenüber Channel 24, dass F-16s geliefert wurden.") == []


def test_offsets_hold_for_every_value():
    text = "Am 26. Mai schickten sie mehr als 10.000 Container und 1,5 Millionen Euro."
    c = claim(text)
    assert c.values
    for v in c.values:
        assert text[v.start:v.end] == v.raw


@pytest.mark.parametrize("noun,key", [("Schiffscontainer", "container"), ("containers", "container"),
                                      ("Soldaten", "soldier"), ("troops", "soldier"), ("Todesopfer", "death"),
                                      ("Jahren", "year"), ("years", "year"), ("Atomtest", "test")])
def test_unit_keys_are_language_neutral(noun, key):
    assert unit_key(noun) == key


def test_counted_noun_english_plural():
    t = "more than 10,000 shipping containers were sent"
    assert counted_noun(t, 0, 16, "en")[0] == "containers"


def test_negation_hedge_attribution():
    c = claim("Russland hat keine Munition aus Nordkorea erhalten, sagte der Kreml.")
    assert c.negated and "keine" in c.negation_cues
    c = claim("Russland könnte möglicherweise Waffen an Nordkorea liefern.")
    assert c.hedged and not c.negated
    c = claim("Laut Polishchuk gibt es gewisse Vorbehalte.")
    assert c.attribution == "Polishchuk"
    c = claim("According to the Kremlin, no shells were received.", "en")
    assert c.negated and c.attribution.endswith("Kremlin")
    c = claim("Das ist nicht nur ein Vertrag.")
    assert not c.negated  # "nicht nur" does not deny


def test_denial_words():
    assert claim("Beide Länder haben dies bestritten.").negated
    assert claim("Moscow denied the reports.", "en").negated


@pytest.mark.parametrize("a,b", [("Pjöngjang", "Pyongyang"), ("Pjongjang", "Pyongyang"),
                                 ("Kim Jong Un", "Kim Jong-un"), ("Kim Jong -un", "Kim Jong Un"),
                                 ("DVRK", "North Korea"), ("Nordkorea", "North Korea"),
                                 ("Moskau", "Moscow"), ("Kreml", "Kremlin")])
def test_one_entity_under_several_spellings(a, b):
    [ea] = find_entities(f"Es geht um {a} heute.")
    [eb] = find_entities(f"It is about {b} today.")
    assert ea.name == eb.name


def test_canonical_text_for_embedding():
    assert canonical_text("Putin in Pjöngjang") == "Vladimir Putin in Pyongyang"


def test_subject_of_a_number_is_its_clause_entities():
    c = claim("Die Zahl der russischen Todesopfer liegt bei über 350.000, die der ukrainischen bei 70.000.")
    assert [v.subject for v in c.values] == [("Russia",), ("Ukraine",)]
