"""Stage 2, segmenting: sentence boundaries in German and English, spans that never drift."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.model import Article
from consistency.read import clean_view, read_file, read_paths
from consistency.segment import segment, split_text

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
BATCHES = ROOT / "tests" / "data" / "batches"


def sentences(text: str, language: str) -> list[str]:
    return [text[a:b] for a, b in split_text(text, language)]


@pytest.mark.parametrize("text", [
    "Der Vertrag wurde am 19. Juni in Pjöngjang unterzeichnet. Danach reiste Putin ab.",
    "Am 26. Mai unterstützte Russland China im Sicherheitsrat. Das war neu.",
    "Russland liefert Waffen, z. B. Raketen und Granaten. Das ist bekannt.",
    "Dr. Müller sagte das im Interview. Er ist Experte für Korea.",
    "Das steht in Nr. 5 des Vertrags. Der Rest ist geheim.",
    "Es kamen ca. 300 Menschen zur Kundgebung. Die Polizei war da.",
    "Das war im 2. Weltkrieg nicht anders. Heute ist es wieder so.",
    "Der Vertrag wurde am 19.06.2024 unterzeichnet. Danach reiste er ab.",
    "Die Zahl der Todesopfer liegt bei über 350.000. Das schätzen westliche Geheimdienste.",
    "„Wir helfen uns gegenseitig“, sagte Putin. „Das ist ein Bündnis.“ Kim nickte.",
    "Er sagte: „Das ist gut.“ Dann ging er.",
    "Die USA bzw. Südkorea sind besorgt, u. a. wegen der Raketen. Seoul reagierte.",
])
def test_german_boundaries(text):
    expected = {
        "„Wir helfen uns gegenseitig“, sagte Putin. „Das ist ein Bündnis.“ Kim nickte.":
            ["„Wir helfen uns gegenseitig“, sagte Putin.", "„Das ist ein Bündnis.“", "Kim nickte."],
    }.get(text)
    got = sentences(text, "de")
    if expected:
        assert got == expected
    else:
        assert len(got) == 2, got
        assert "".join(got).replace(" ", "") == text.replace(" ", "")


@pytest.mark.parametrize("text,n", [
    ("The U.S. government disagreed. It said so on Monday.", 2),
    ("Dr. Smith said that in an interview. He is an expert.", 2),
    ("The treaty was signed on June 19. Then Putin left.", 2),
    ("The treaty was signed on 19 June 2024 in Pyongyang. Kim welcomed it.", 2),
    ("The U.S. and South Korea are worried. They said so on Friday.", 2),
    ("Officials said 12 people were killed. Police confirmed the figure.", 2),
    ('"We will help each other," Putin said. "It is an alliance." Kim nodded.', 3),
    ("About 3.5 million shells were shipped, e.g. by rail. Mr. Kim denied it.", 2),
])
def test_english_boundaries(text, n):
    got = sentences(text, "en")
    assert len(got) == n, got
    assert got[0].startswith(text[:10])


def test_a_detached_closing_quote_stays_with_its_sentence():
    text = "„Russland kann sich das nicht leisten.” Russland hat Angst vor einem Zweifrontenkonflikt."
    assert sentences(text, "de") == ["„Russland kann sich das nicht leisten.”",
                                     "Russland hat Angst vor einem Zweifrontenkonflikt."]


def test_paragraphs_and_headlines_are_separate_sentences():
    text = "Russland unterstützt Nordkorea\n\nDer Vertrag wurde unterzeichnet.\nKim begrüßte ihn"
    assert sentences(text, "de") == ["Russland unterstützt Nordkorea", "Der Vertrag wurde unterzeichnet.",
                                     "Kim begrüßte ihn"]


def test_bullets_are_not_part_of_the_sentence():
    text = "Punkte des Pakts:\n\n  • Gegenseitige Hilfe im Falle eines Angriffs\n  - Lieferung von Waffen\n"
    assert sentences(text, "de") == ["Punkte des Pakts:", "Gegenseitige Hilfe im Falle eines Angriffs",
                                     "Lieferung von Waffen"]


def test_hard_wrapped_lines_join():
    text = ("Der Vertrag zwischen Russland und Nordkorea wurde am 19. Juni\n"
            "in Pjöngjang unterzeichnet. Kim begrüßte ihn.")
    got = sentences(text, "de")
    assert got[0] == text[:text.index("Kim") - 1] and got[1] == "Kim begrüßte ihn."


def article(text: str, language: str = "de", path: str = "t.txt") -> Article:
    return Article(path=path, id="t", text=text, view=clean_view(text), language=language)


def test_sentences_of_markup_text_hug_the_prose():
    text = ('<p _ngcontent-sc101 class=Die Zusammenarbeit nahm zu. Das Militär ist präsent.\n\n'
            'Kim &amp; Putin trafen sich.< /p>\n')
    ss = segment(article(text))
    assert [s.clean for s in ss] == ["Die Zusammenarbeit nahm zu.", "Das Militär ist präsent.",
                                     "Kim & Putin trafen sich."]
    assert [s.line for s in ss] == [1, 1, 3]
    assert all(text[s.start:s.end] == s.text for s in ss)
    assert ss[0].text == "Die Zusammenarbeit nahm zu."


def test_an_article_with_an_error_has_no_sentences():
    assert segment(Article(path="x", id="x", text="", error="x: empty file")) == []


def test_spans_without_words_are_skipped():
    ss = segment(article("Der Pakt gilt.\n\n---\n\n2024\n\n* * *\n"))
    assert [s.clean for s in ss] == ["Der Pakt gilt."]


def test_over_long_runs_are_cut():
    text = " ".join(["wort"] * 600) + "."
    ss = segment(article(text))
    assert len(ss) >= 3 and all(len(s.text) <= 1000 for s in ss)
    assert all(text[s.start:s.end] == s.text for s in ss)


# -- the span invariant, property-style -------------------------------------------------------

def check_invariants(a: Article) -> int:
    ss = segment(a)
    last_end = -1
    for i, s in enumerate(ss):
        assert a.text[s.start:s.end] == s.text
        assert s.index == i and s.article == a.path
        assert s.start >= last_end, "sentences overlap or go backwards"
        last_end = s.end
        expected_line = a.record_line if a.record_line is not None else a.text.count("\n", 0, s.start) + 1
        assert s.line == expected_line
        assert s.text == s.text.strip() and s.clean and s.clean == " ".join(s.clean.split())
    return len(ss)


def test_every_sentence_of_every_seed_is_located():
    articles = read_paths([str(FIXTURES)])
    counts = [check_invariants(a) for a in articles]
    assert all(c > 20 for c in counts), counts


def test_every_sentence_of_every_test_batch_is_located():
    articles = [a for a in read_paths([str(BATCHES)]) if not a.error]
    assert len(articles) >= 20
    assert all(check_invariants(a) >= 3 for a in articles)


def test_seed_lines_are_those_an_editor_shows():
    a = read_file(str(next(FIXTURES.glob("001_*.txt"))))[0]
    by_line = {}
    for s in segment(a):
        by_line.setdefault(s.line, []).append(s.text)
    assert any("am 19. Juni" in t for t in by_line[7])
    assert any("über 350.000" in t for t in by_line[23])
    assert any("mehr als 10.000" in t for t in by_line[35])
    # "am 19. Juni" does not end a sentence
    assert any(t.startswith("An dem Verteidigungspakt") and t.endswith("„Friedliches“.") for t in by_line[7])


def test_jsonl_sentences_are_on_the_record_line(tmp_path):
    p = tmp_path / "b.jsonl"
    recs = [{"id": "a", "text": "Erster Satz hier. Zweiter Satz dort.\nDritter Satz."},
            {"id": "b", "text": "The first one. The second one.", "language": "en"}]
    p.write_text("\n".join(json.dumps(r) for r in recs) + "\n", encoding="utf-8")
    a, b = read_file(str(p))
    assert [s.line for s in segment(a)] == [1, 1, 1]
    assert [s.line for s in segment(b)] == [2, 2]
    assert check_invariants(a) == 3 and check_invariants(b) == 2


_ALPHABET = st.sampled_from(list("abcdefgh ÄÖüß.,!?:;\"„“”'<>/=&;#\n\t 0123456789-•*") + ["z. B.", "Dr.", "U.S.",
                                                                                      "19. Juni", "&amp;", "< stark>"])


@given(st.lists(_ALPHABET, max_size=120).map("".join), st.sampled_from(["de", "en"]))
@settings(max_examples=200, deadline=None)
def test_span_invariant_on_random_text(text, language):
    check_invariants(article(text, language))
