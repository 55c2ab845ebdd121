"""Statement alignment: which statements with opposite stances are linked strongly enough to contradict."""

import math

import numpy as np
import pytest

from consistency.align.statements import (StatementSettings, shared_subject, statement_groups, subject_conflict,
                                          subject_words)
from consistency.model import Batch, Claim, Quantity, Sentence


def claim(text, path, lang="en", cues=(), values=()):
    s = Sentence(path, 0, 0, len(text), text, 1, lang, text)
    return Claim(sentence=s, negated=bool(cues), negation_cues=tuple(cues), values=tuple(values))


def batch(claims, xa_sim=0.5):
    """A batch of two claims whose affirmed texts have cosine ``xa_sim``."""
    a = math.acos(xa_sim)
    Xa = np.array([[1.0, 0.0], [math.cos(a), math.sin(a)]], dtype=np.float32)
    return Batch(claims=tuple(claims), X=Xa.copy(), Xa=Xa, mentions=(), C=np.zeros((0, 2)), U=np.zeros((0, 2)),
                 n_new=len(claims), ids={c.article: c.article for c in claims})


def groups(claims, sim, xa_sim=None):
    b = batch(claims, sim if xa_sim is None else xa_sim)
    return statement_groups(b, np.zeros(2, dtype=int), np.array([0]), np.array([1]), np.array([sim]),
                            StatementSettings())


def count(n, noun):
    return Quantity(raw=str(n), start=0, end=1, kind="count", value=n, low=n, high=n, unit=noun, unit_key=noun.lower())


def test_subject_words_leave_out_attribution_denial_and_stance_words():
    c = claim("Die Zahl der Besucher stieg damit gegenüber dem Vorjahr deutlich an, teilte der Veranstalter mit.",
              "a.txt", "de")
    words = subject_words(c)
    assert "zahl" in words and "besuc" in words and "vorja" in words  # the words inside "stieg … an" stay
    assert "stieg" not in words and "teilt" not in words


def test_shared_subject_counts_words_and_lead_words():
    assert shared_subject(["zahl", "besuc", "vorja"], ["zahl", "gäste", "vorja"]) == (2, True)
    assert shared_subject(["brück", "sperr"], ["autob", "brück"]) == (1, True)
    assert shared_subject(["a", "b", "c", "brück"], ["brück"]) == (1, False)


def test_a_counted_noun_the_other_statement_does_not_name_is_another_subject():
    pilot = claim("The pilot was not hurt.", "a.txt", cues=("not",))
    crew = claim("Three cabin crew members were hurt.", "b.txt", values=(count(3, "crew members"),))
    assert subject_conflict(pilot, crew)
    pilots = claim("Three pilots were hurt.", "b.txt", values=(count(3, "pilots"),))
    assert not subject_conflict(claim("No pilots were hurt in the crash.", "a.txt", cues=("No",)), pilots)


def test_a_denial_about_another_person_is_not_a_negation_contradiction():
    # affirmed texts nearly alike, but the denial is about the pilot and the report about a passenger
    cl = [claim("The airline said the pilot was not hurt.", "a.txt", cues=("not",)),
          claim("The airline said a passenger was hurt.", "b.txt")]
    assert not any(g.same or g.strong for g in groups(cl, 0.85))


def test_the_same_proposition_denied_is_linked_for_negation():
    cl = [claim("Investigators have found the flight recorder.", "a.txt"),
          claim("Investigators have not found the flight recorder.", "b.txt", cues=("not",))]
    (g,) = groups(cl, 0.85)
    assert g.same == ((0, 1),)


def test_a_denial_before_what_the_other_affirms_is_linked_at_moderate_similarity():
    cl = [claim("Halvorsen Shipping said it would contest the harbour fine in court.", "a.txt"),
          claim("Halvorsen Shipping said on Friday it would not contest the harbour fine and would pay.", "b.txt",
                cues=("not",))]
    (g,) = groups(cl, 0.5, xa_sim=0.55)
    assert g.same == ((0, 1),)
    (g,) = groups(cl, 0.5, xa_sim=0.25)  # too far apart once the denial is set aside
    assert not g.same


def test_a_denial_whose_words_the_other_statement_all_holds_is_linked_at_lower_similarity():
    neg = claim("Keine der Geiseln wurde verletzt, teilte ein Polizeisprecher mit.", "a.txt", "de", cues=("Keine",))
    aff = claim("Eine Geisel erlitt beim Zugriff leichte Verletzungen und wurde ambulant behandelt.", "b.txt", "de")
    (g,) = groups([neg, aff], 0.32, xa_sim=0.33)
    assert g.same == ((0, 1),)
    part = claim("Eine Geisel wurde ambulant behandelt.", "b.txt", "de")  # "verletzt" is not in it
    assert not any(g.same for g in groups([neg, part], 0.32, xa_sim=0.33))
    # a denial of the verb speaks of a subject named elsewhere ("He"): not a denial of the others
    he = claim("He was not injured in the shooting.", "a.txt", cues=("not",))
    others = claim("Six others were injured in the shooting.", "b.txt")
    assert not any(g.same for g in groups([he, others], 0.4, xa_sim=0.4))


def test_a_denial_that_ends_its_clause_denies_what_its_subject_did():
    neg = claim("Nach Angaben der Museumsleitung löste die Alarmanlage nicht aus.", "a.txt", "de", cues=("nicht",))
    aff = claim("Die Alarmanlage schlug um 3.12 Uhr an, die Streife war sieben Minuten später vor Ort.", "b.txt", "de")
    (g,) = groups([neg, aff], 0.58, xa_sim=0.6)
    assert g.same == ((0, 1),)
    other = claim("Die Streife war sieben Minuten später vor Ort.", "b.txt", "de")  # another subject
    assert not any(g.same for g in groups([neg, other], 0.58, xa_sim=0.6))
    assert not any(g.same for g in groups([neg, aff], 0.58, xa_sim=0.4))  # too far apart
    # a denial with more of its clause after it does not end the clause: not what "Krieg" did
    warn = claim("Die Gefahr einer Beteiligung am Krieg sollte nicht unterschätzt werden.", "a.txt", "de",
                 cues=("nicht",))
    war = claim("Sie vermuten, dass Nordkorea Russland mit Waffen für den Krieg versorgt.", "b.txt", "de")
    assert not any(g.same for g in groups([warn, war], 0.55, xa_sim=0.55))


def test_a_denied_concept_in_the_other_language_is_linked():
    cl = [claim("The bus driver was not arrested, police said.", "a.txt", cues=("not",)),
          claim("Der Busfahrer wurde nach dem Unfall festgenommen.", "b.txt", "de")]
    (g,) = groups(cl, 0.5, xa_sim=0.6)
    assert g.same == ((0, 1),)


def test_antonyms_with_a_shared_subject_are_strongly_linked():
    cl = [claim("Die Zahl der Besucher im Tierpark sank im August deutlich.", "a.txt", "de"),
          claim("Die Zahl der Gäste im Tierpark stieg im August an.", "b.txt", "de")]
    (g,) = groups(cl, 0.47)
    assert g.strong == ((0, 1),)


def test_antonyms_about_different_things_are_not_linked():
    cl = [claim("Der Umsatz des Konzerns sank im dritten Quartal.", "a.txt", "de"),
          claim("Die Zahl der Beschäftigten stieg im Werk Süd an.", "b.txt", "de")]
    assert not any(g.strong for g in groups(cl, 0.47))


def test_antonyms_across_languages_are_linked_from_the_cross_language_similarity():
    # two languages share no subject words, and a sentence and its translation are less alike
    # than two sentences in one language: the two sides of one concept suffice from 0.3
    cl = [claim("The mountain pass remains open to traffic.", "a.txt"),
          claim("Die Passstraße ist seit Sonntag gesperrt.", "b.txt", "de")]
    assert [g.strong for g in groups(cl, 0.35)] == [((0, 1),)]
    assert not any(g.strong for g in groups(cl, 0.25))


def test_a_state_that_goes_on_contradicts_a_report_that_it_changed():
    reopened = claim("Die Bundesstraße wurde am Montag wieder für den Verkehr freigegeben.", "a.txt", "de")
    closed = claim("Die Bundesstraße bleibt dagegen weiter gesperrt.", "b.txt", "de")
    assert [g.strong for g in groups([reopened, closed], 0.67)] == [((0, 1),)]
    was = claim("Die Bundesstraße war am Sonntag gesperrt.", "b.txt", "de")  # the state before: no clash
    assert not any(g.strong for g in groups([reopened, was], 0.67))


def test_another_place_is_linked_when_the_rest_is_shared():
    cl = [claim("The tanker ran aground near Harlingen early on Friday.", "a.txt"),
          claim("The tanker ran aground near Vlieland on Friday morning.", "b.txt")]
    (g,) = groups(cl, 0.5)
    assert g.strong == ((0, 1),)


def test_another_place_after_the_same_narrow_preposition_in_the_other_language_is_linked():
    cl = [claim("A passenger ferry collided with a cargo ship off the island of Rømø early on Thursday.", "a.txt"),
          claim("Am Donnerstag früh ist vor der Insel Fanø eine Passagierfähre zusammengestoßen.", "b.txt", "de")]
    assert [g.strong for g in groups(cl, 0.53)] == [((0, 1),)]
    assert not any(g.strong for g in groups(cl, 0.45))  # less alike: not one statement
    # "in" says too little about the slot: a town in each language is not one statement
    cl = [claim("A passenger ferry was christened in Esbjerg on Thursday.", "a.txt"),
          claim("Am Donnerstag wurde in Hamburg eine Passagierfähre getauft.", "b.txt", "de")]
    assert not any(g.strong for g in groups(cl, 0.53))


@pytest.mark.slow
def test_cross_language_antonym_and_negation_end_to_end(embedder, tmp_path):
    from consistency import Settings, check

    (tmp_path / "a.txt").write_text(
        "Brückensperrung in Talheim\n\nDie Neckarbrücke in Talheim ist seit Dienstag für den Verkehr gesperrt.\n\n"
        "Der Gemeinderat lehnte den Neubau der Brücke am Abend ab.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Talheim bridge\n\nThe Neckar bridge in Talheim remains open to traffic.\n\n"
        "The town council approved the new bridge in the evening.\n", encoding="utf-8")
    report = check([str(tmp_path)], Settings(cache_dir=""), embedder=embedder)
    found = {(f.kind, frozenset(s.text for s in f.statements)) for f in report.findings if f.verdict == "contradict"}
    kinds = {k for k, _ in found}
    assert "antonym" in kinds
    opened = [texts for k, texts in found if k == "antonym" and any("open" in t for t in texts)]
    assert opened and any("gesperrt" in t for t in opened[0])


@pytest.mark.slow
def test_pairs_left_out_before_the_rules_would_have_linked_nothing(embedder, monkeypatch):
    # the numpy pre-filter (_live_pairs) must give the very groups of the pair-by-pair rules alone
    from pathlib import Path

    from consistency.align import AlignSettings, similar_pairs
    from consistency.align import statements as stm
    from consistency.align.stories import stories
    from consistency.pipeline import claims_of, prepare
    from consistency.read import read_paths
    from consistency.settings import Settings

    root = Path(__file__).resolve().parents[2]
    arts = read_paths([str(root / "fixtures"), str(root / "tests/data/eval/en"), str(root / "tests/data/eval/de")])
    claims = claims_of(arts, Settings())
    b = prepare(claims, embedder, ids={a.path: a.id for a in arts})
    story = stories(b)
    ii, jj, ss = similar_pairs(b.X, b.articles, 0.0)
    settings = StatementSettings()
    phrases = stm.distinctive_phrases([c.sentence.clean for c in b.claims])
    live = stm._live_pairs(b, story, ii, jj, ss, phrases, settings)
    assert 0 < live.sum() < len(live)  # some pairs are left out, some kept
    fast = statement_groups(b, story, ii, jj, ss, settings)
    monkeypatch.setattr(stm, "_live_pairs", lambda b, story, ii, *rest: np.ones(len(ii), dtype=bool))
    slow = statement_groups(b, story, ii, jj, ss, settings)
    assert fast == slow and len(fast) > 0


def test_stances_are_cached_per_claim_but_returned_as_fresh_dicts():
    from consistency.judge.stances import _stances, forget_stances, stances

    c = claim("Die Preise stiegen in Berlin.", "a.txt", "de")
    forget_stances()
    first = stances(c)
    assert first == _stances(c)
    first["antonym"] = "changed"
    assert stances(c) == _stances(c)  # the caller's change does not reach the cache


def test_groups_from_edges():
    import numpy as np

    from consistency.align.statements import _groups

    class _S:
        def __init__(self, text):
            self.clean = text

    class _C:
        def __init__(self, article, text):
            self.article, self.sentence = article, _S(text)

    claims = [_C("a", "one"), _C("b", "two"), _C("b", "three"), _C("a", "four"), _C("a", "five")]
    # 0-1 and 1-2 are linked (one group across two articles); 3-4 are of one article only: no group
    groups = _groups(claims, np.array([0, 1, 3]), np.array([1, 2, 4]), np.array([0.9, 0.5, 0.95]),
                     {(0, 1)}, set(), set())
    assert len(groups) == 1
    g = groups[0]
    assert [m.claim for m in g.mentions] == [0, 1, 2] and g.strong == ((0, 1),)
    assert g.similarity == 0.5  # the least of its members' best links


def test_two_shared_distinctive_phrases_link_statements_that_are_otherwise_little_alike():
    a = claim("The old railway viaduct collapsed into the river gorge overnight.", "a.txt")
    b = claim("Witnesses saw the old railway viaduct tumble into the river gorge.", "b.txt")
    g = groups([a, b], 0.3)  # far below every similarity threshold: only the phrases link them
    assert len(g) == 1 and g[0].strong == ((0, 1),)
    c = claim("Witnesses saw the bridge tumble down after the storm.", "b.txt")
    assert groups([a, c], 0.3) == []  # no phrase in common, nothing else to link them
