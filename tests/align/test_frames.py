"""Frames: one slot (preposition and verb) filled with another noun."""

import numpy as np

from consistency.align.frames import slot_contrast, slots
from consistency.align.statements import StatementSettings, statement_groups
from consistency.judge import judge
from consistency.model import Batch, Claim, Sentence


def test_slots_are_a_preposition_a_noun_and_the_verb_right_after_it():
    assert slots("Drei Angestellte wurden mit einer Pistole bedroht.", "de") == (("mit", "bedroht", "Pistole"),)
    assert slots("Das Feuer war in einem Zimmer im zweiten Obergeschoss ausgebrochen.", "de") == (
        ("im", "ausgebr", "Obergeschoss"),)  # "in einem Zimmer im": no verb after the noun
    assert slots("Mit einer Pistole bedroht wurden drei Angestellte.", "de") == ()  # no verb after the noun
    assert slots("Three employees were threatened with a pistol.", "en") == ()  # English has no slots


def test_a_contrast_needs_each_filler_absent_from_the_other_article():
    a, b = "Drei Angestellte wurden mit einer Pistole bedroht.", "Die Täter hatten sie mit einem Messer bedroht."
    assert slot_contrast(a, b, "de", {"pisto", "anges"}, {"täter", "messe"}) == ("Pistole", "Messer")
    # the second article also speaks of a pistol: two weapons, not two accounts of one
    assert slot_contrast(a, b, "de", {"pisto", "anges"}, {"täter", "messe", "pisto"}) is None
    # the same noun, or another verb, is no contrast
    assert slot_contrast(a, a, "de", {"pisto"}, {"pisto"}) is None
    assert slot_contrast(a, "Die Täter hatten sie mit einem Messer verletzt.", "de", set(), set()) is None


def _claim(text, path):
    s = Sentence(path, 0, 0, len(text), text, 1, "de", text)
    return Claim(sentence=s)


def test_a_slot_contrast_is_an_entity_contradiction_between_the_two_statements():
    claims = (_claim("Drei Angestellte wurden mit einer Pistole bedroht.", "a.txt"),
              _claim("Die beiden Täter hatten die Angestellten mit einem Messer bedroht.", "b.txt"))
    X = np.array([[1.0, 0.0], [0.5, 0.866]], dtype=np.float32)  # cosine 0.5
    batch = Batch(claims=claims, X=X, Xa=X.copy(), mentions=(), C=np.zeros((0, 2)), U=np.zeros((0, 2)),
                  n_new=2, ids={"a.txt": "a", "b.txt": "b"})
    (g,) = statement_groups(batch, np.zeros(2, dtype=int), np.array([0]), np.array([1]), np.array([0.5]),
                            StatementSettings())
    assert g.contrasts == ((0, 1, "Pistole", "Messer"),)
    f = judge(g, claims, {"a.txt": "a", "b.txt": "b"})
    assert (f.verdict, f.kind) == ("contradict", "entity")
    assert [r.position for r in f.statements] == [0, 1]
    assert "“Pistole”" in f.message and "“Messer”" in f.message
    # less alike sentences are not one statement
    (g,) = statement_groups(batch, np.zeros(2, dtype=int), np.array([0]), np.array([1]), np.array([0.4]),
                            StatementSettings()) or (None,)
    assert g is None or not g.contrasts
