"""Stances of statements (antonym, account, place) and the verdict on statement groups."""

import pytest

from consistency.judge import judge
from consistency.judge.statements import _digest
from consistency.judge.stances import opposed, place_slots, places_differ, sides, stances
from consistency.model import Claim, Group, Mention, Sentence


def claim(text, path="dir/a0.txt", lang="en", negated=False, cues=()):
    s = Sentence(path, 0, 0, len(text), text, 1, lang, text)
    return Claim(sentence=s, negated=negated, negation_cues=cues)


IDS = {f"dir/a{i}.txt": f"a{i}" for i in range(4)}


@pytest.mark.parametrize("text,lang,side", [
    ("Der Umsatz des Versandhändlers ist im dritten Quartal deutlich gesunken.", "de", "rise:b"),
    ("The retailer's sales rose sharply in the third quarter.", "en", "rise:a"),
    ("Die Papiere des Autobauers gaben zum Handelsschluss um zwei Prozent nach.", "de", "rise:b"),
    ("Der Gemeinderat lehnte den Bebauungsplan für das Gewerbegebiet am Dienstag ab.", "de", "approve:b"),
    ("Der Kreistag stimmte dem Haushalt nach einer langen Debatte mit knapper Mehrheit zu.", "de", "approve:a"),
    ("Die Grünen stimmten geschlossen dagegen.", "de", "approve:b"),
    ("Most Labour members voted in favour of the amendment.", "en", "approve:a"),
    ("The ski lift remains open despite the storm warning.", "en", "open:a"),
    ("Das Hallenbad ist wegen eines Wasserschadens geschlossen.", "de", "open:b"),
    ("Das Stadtfest fand trotz des Regens am Samstag statt.", "de", "held:a"),
    ("Die Veranstalter sagten das Konzert am Freitag ab.", "de", "held:b"),
    ("The final went ahead despite the heat.", "en", "held:a"),
    ("The match was called off an hour before kick-off.", "en", "held:b"),
    ("Die Bergung des Wracks ist am Montag gescheitert.", "de", "succeed:b"),
    ("The rescue of the trapped miners succeeded on Friday.", "en", "succeed:a"),
    ("Die Zahl der Anträge hat sich verdoppelt.", "de", "rise:a"),
])
def test_antonym_sides_in_german_and_english(text, lang, side):
    assert sides(claim(text, lang=lang), "antonym") == side


def test_a_german_and_an_english_statement_take_opposite_sides():
    de = stances(claim("Das Hallenbad ist seit Montag geschlossen.", lang="de"))
    en = stances(claim("The indoor pool is open as usual.", lang="en"))
    assert opposed("antonym", de["antonym"], en["antonym"])
    assert not opposed("antonym", de["antonym"], de["antonym"])


def test_a_contrast_clause_speaks_of_another_subject():
    # the first clause is the statement's own; the clause after "while" has another subject
    c = claim("The Green group voted in favour, while the conservatives opposed the motion.")
    assert sides(c, "antonym") == "approve:a"


def test_a_denied_antonym_takes_no_side_unless_the_denial_is_part_of_it():
    assert sides(claim("The bridge was not closed on Sunday.", negated=True, cues=("not",)), "antonym") is None
    assert sides(claim("The jury found the coach not guilty.", negated=True, cues=("not",)), "antonym") == "guilty:b"


@pytest.mark.parametrize("text,lang,side", [
    ("Das Ergebnis des Gutachtens steht noch aus.", "de", "verify:b"),
    ("Das Labor hat den Befund am Freitag bestätigt.", "de", "verify:a"),
    ("The lab result has not yet been confirmed.", "en", "verify:b"),
    ("Der Entführer gab nach vier Stunden auf.", "de", "surrender:a"),
    ("Officers stormed the warehouse shortly before midnight.", "en", "surrender:b"),
    # a cause ruled out / suspected or not ruled out (the denial is part of the side)
    ("Brandstiftung sei damit ausgeschlossen, hieß es.", "de", "rule_out:a"),
    ("Die Polizei schließt Brandstiftung nicht aus und ermittelt.", "de", "rule_out:b"),
    ("Nach dem Brand geht die Polizei von Brandstiftung aus.", "de", "rule_out:b"),
    ("Investigators have ruled out foul play.", "en", "rule_out:a"),
    ("Police have not ruled out foul play.", "en", "rule_out:b"),
    ("Investigators cannot rule out arson.", "en", "rule_out:b"),
])
def test_incompatible_accounts(text, lang, side):
    negated = " not " in text or " nicht " in text or "cannot" in text
    cue = "nicht" if lang == "de" else ("cannot" if "cannot" in text else "not")
    c = claim(text, lang=lang, negated=negated, cues=(cue,) if negated else ())
    assert sides(c, "statement") == side


def test_place_slots():
    assert list(place_slots("The plane landed near Springfield on Monday.")) == [("near", "Springfield")]
    assert list(place_slots("Das Frachtschiff lief vor der Insel Sylt auf Grund.")) == [("off", "Sylt")]
    assert list(place_slots("A barge ran aground off the island of Texel.")) == [("off", "Texel")]
    assert list(place_slots("It was the warmest day in Austria's history, in March.")) == []  # possessive, month
    assert list(place_slots("Die Polizei fahndet in Richtung Autobahn.")) == []  # a German noun, not a name


def test_places_differ_only_for_one_slot_at_one_level():
    vienna = claim("The summit was held in Vienna on Monday.")
    assert places_differ(vienna, claim("The summit was held in Geneva on Monday."))
    assert not places_differ(vienna, claim("The summit was held near Geneva on Monday."))  # another slot
    assert not places_differ(claim("The fire broke out near Lyon."), claim("The fire broke out near Germany."))
    assert not places_differ(vienna, claim("The summit in Geneva ended, delegates then flew in Vienna."))


def _group(claims, strong=(), same=()):
    return Group(kind="statement", mentions=tuple(Mention(i) for i in range(len(claims))), fact="statement: x",
                 key="statement", similarity=0.6, strong=tuple(strong), same=tuple(same))


def test_strongly_linked_antonyms_contradict():
    cl = [claim("Das Hallenbad ist seit Montag geschlossen.", "dir/a0.txt", "de"),
          claim("The indoor pool is open as usual.", "dir/a1.txt")]
    f = judge(_group(cl, strong=[(0, 1)]), cl, IDS)
    assert (f.verdict, f.kind) == ("contradict", "antonym")
    assert "“geschlossen”" in f.message and "“is open”" in f.message
    assert {s.position for s in f.statements} == {0, 1}


def test_loosely_aligned_antonyms_agree():
    cl = [claim("Das Hallenbad ist seit Montag geschlossen.", "dir/a0.txt", "de"),
          claim("The indoor pool is open as usual.", "dir/a1.txt")]
    assert judge(_group(cl), cl, IDS).verdict == "agree"


def test_accounts_contradict_as_statement_kind():
    cl = [claim("Der Entführer gab nach vier Stunden auf.", "dir/a0.txt", "de"),
          claim("Officers stormed the bank after four hours.", "dir/a1.txt")]
    f = judge(_group(cl, strong=[(0, 1)]), cl, IDS)
    assert (f.verdict, f.kind) == ("contradict", "statement")


def test_another_place_for_the_same_statement_is_an_entity_contradiction():
    cl = [claim("The summit was held in Vienna on Monday.", "dir/a0.txt"),
          claim("The summit was held in Geneva on Monday.", "dir/a1.txt")]
    f = judge(_group(cl, strong=[(0, 1)]), cl, IDS)
    assert (f.verdict, f.kind) == ("contradict", "entity")
    assert "Vienna" in f.message and "Geneva" in f.message
    town_and_country = [claim("The summit was held in Berlin on Monday.", "dir/a0.txt"),
                        claim("The summit was held in Germany on Monday.", "dir/a1.txt")]
    assert judge(_group(town_and_country, strong=[(0, 1)]), town_and_country, IDS).verdict == "agree"


def test_digest_is_still_importable_from_judge():
    assert _digest("Ein Satz.") == _digest("ein  satz")


def test_a_statement_contradiction_holds_the_clashing_statements_not_the_whole_chain():
    cl = [claim("The indoor pool is open as usual.", "dir/a0.txt"),
          claim("The indoor pool has been closed since Monday.", "dir/a1.txt"),
          claim("The town council met on Tuesday.", "dir/a2.txt"),  # reached by a loose link only
          claim("The mayor spoke about the budget.", "dir/a3.txt")]
    g = Group(kind="statement", mentions=tuple(Mention(i) for i in range(4)), fact="statement: pool",
              key="statement", similarity=0.9, strong=((0, 1), (1, 2)))
    f = judge(g, cl, IDS)
    assert (f.verdict, f.kind) == ("contradict", "antonym")
    # a2 is strongly linked to a clashing statement but takes no side on open/closed; a3 is far
    assert [s.article for s in f.statements] == ["dir/a0.txt", "dir/a1.txt"]
    assert sorted(s.position for s in f.statements) == [0, 1]


def test_a_suspect_is_no_suspicion_and_a_plan_is_no_ruling():
    assert sides(claim("The suspect was arrested on Friday."), "statement") is None
    assert sides(claim("Die Feuerwehr geht davon aus, dass der Brand bald gelöscht ist.", lang="de"),
                 "statement") is None
