"""Stage 1, cleaning: markup and boilerplate are masked, offsets never move."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.read import clean_view, readable

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def words(view: str) -> str:
    return " ".join(view.split())


@given(st.text(alphabet=st.sampled_from(list("<>/=\"' &;#abcpxy_-\n\t.:12äß")), max_size=200))
@settings(max_examples=300, deadline=None)
def test_view_has_the_length_and_the_newlines_of_the_text(text):
    view = clean_view(text)
    assert len(view) == len(text)
    assert [i for i, c in enumerate(view) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    # a character is kept, blanked, or an entity's first character
    for t, v in zip(text, view):
        assert v == t or v.isspace() or t == "&"


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda p: p.name[:3])
def test_view_of_every_seed_keeps_offsets(path):
    text = path.read_text(encoding="utf-8")
    view = clean_view(text)
    assert len(view) == len(text)
    kept = [i for i, (t, v) in enumerate(zip(text, view)) if t == v and not t.isspace()]
    assert len(kept) > 0.8 * len(text.replace(" ", "").replace("\n", ""))


SEED_REMNANTS = [
    # (text, must vanish, must stay)
    ('nehmen Victoria Grabovskaya< Quelle _ngcontent-sc98 fetchpriority="high" media="(max-width: 620px)" '
     'type="image/webp" srcset="https://24tv.ua/resources/photos/news/202410/2663567.jpg? v=1729002073000& '
     'w=480&h=270&fit=cover&output=webp&q=70">',
     ["srcset", "_ngcontent", "fetchpriority", "24tv", "2663567", "webp", "<", ">"], "nehmen Victoria Grabovskaya"),
    ("<p _ngcontent-sc101 class=Die militärische Zusammenarbeit nahm deutlich zu.",
     ["<p", "_ngcontent", "class="], "Die militärische Zusammenarbeit nahm deutlich zu."),
    ("Das ist < stark>wichtig< /stark>, sagte er.< /p>", ["stark", "<", "/p"], "Das ist wichtig , sagte er."),
    ("gegenüber Taiwan, Japan, Indien und Südchina, Korea. p>", ["p>"], "gegenüber Taiwan, Japan, Indien und Südchina, Korea."),
    ("Ernsthaft Kreml zur Zusammenarbeit mit der DVRK“ /></p>", ["/>", "</p>"], "Ernsthaft Kreml zur Zusammenarbeit mit der DVRK“"),
    ('Ein Bild <img src="a.jpg" alt="Putin und Kim"> zeigt beide.', ["img", "a.jpg", "alt"], "Ein Bild zeigt beide."),
    ("Kim &amp; Putin &#8211; ein Pakt&nbsp;für &quot;Frieden&quot;.", ["&amp;", "&#8211;", "&nbsp;", "&quot;"],
     "Kim & Putin – ein Pakt für \" Frieden\" ."),
]


@pytest.mark.parametrize("text,gone,kept", SEED_REMNANTS, ids=lambda x: str(x)[:20])
def test_markup_remnants_of_the_seeds_are_masked(text, gone, kept):
    view = clean_view(text)
    assert len(view) == len(text)
    for g in gone:
        assert g not in view
    assert words(view) == kept


def test_entities_read_as_their_characters():
    text = "M&uuml;ller sagte &quot;ja&quot; &amp; ging &#x2013; sofort."
    view = clean_view(text)
    assert readable(text, view) == 'Müller sagte "ja" & ging – sofort.'
    assert readable(text, view, 0, 11) == "Müller"


def test_unknown_entity_like_text_is_kept():
    text = "AT&T und Procter&Gamble; R&D"
    assert clean_view(text) == text


def test_urls_are_masked():
    text = "Mehr unter https://www.zeit.de/2024/06/19/nordkorea?x=1 und www.dw.com/de/a-123 zum Pakt."
    assert words(clean_view(text)) == "Mehr unter und zum Pakt."


@pytest.mark.parametrize("line", [
    "Leave a Reply", "Kommentare (0)", "Kommentar veröffentlichen", "Diesen Artikel teilen",
    "  Lesen Sie auch:", "Lesezeit: 2 Minuten", "- in", "zum Inhalt", "Skip to content", "Anzeige",
    "Your email address will not be published. Required fields are marked *",
])
def test_boilerplate_lines_are_dropped(line):
    text = f"Der Pakt wurde unterzeichnet.\n{line}\nKim begrüßte ihn."
    view = clean_view(text)
    assert len(view) == len(text)
    assert words(view) == "Der Pakt wurde unterzeichnet. Kim begrüßte ihn."


@pytest.mark.parametrize("prose", [
    "Die Kommentare des Kremls zum Abkommen blieben aus.",
    "Leave a reply to the ministry, the officials said, was not an option.",
    "Der Artikel 5 des Vertrags regelt die gegenseitige Hilfe.",
    "Putin sagte: „Wir werden 10.000 Container liefern.“",
    "Anzeige gegen Unbekannt wurde erstattet.",
])
def test_prose_is_kept(prose):
    assert clean_view(prose) == prose


def test_html_document_keeps_only_the_body_prose():
    html = ("<!DOCTYPE html>\n<html>\n<head>\n<title>Pakt</title>\n<style>p { color: red; }</style>\n"
            "<script>var containers = 6700; track('19. Juni');</script>\n</head>\n<body>\n"
            "<!-- ein Kommentar mit 12 Zahlen -->\n"
            "<h1 class=\"headline\">Russland und Nordkorea</h1>\n"
            "<p>Mehr als 10.000 Container wurden geliefert.</p>\n</body>\n</html>\n")
    view = clean_view(html)
    assert len(view) == len(html)
    assert words(view) == "Russland und Nordkorea Mehr als 10.000 Container wurden geliefert."
    start = html.index("Mehr als")
    assert view[start:start + 8] == html[start:start + 8] == "Mehr als"


def test_markdown_syntax_is_masked_only_for_markdown():
    md = ("---\ntitle: Pakt\ndate: 2024-06-20\n---\n# Überschrift\n\n"
          "Der **Vertrag** wurde am [19. Juni](https://example.com/2024/06/19) _unterzeichnet_.\n\n"
          "![Bild 5](img/5.png)\n\n> Ein Zitat mit `Code`.\n\n[1]: https://example.org/x\n")
    view = clean_view(md, markdown=True)
    assert len(view) == len(md)
    assert words(view) == "Überschrift Der Vertrag wurde am 19. Juni unterzeichnet . Ein Zitat mit Code ."
    # In plain text an asterisk is prose ("Bürger*innen").
    assert clean_view("Bürger*innen") == "Bürger*innen"


def test_number_space_entities_stay_number_spaces():
    # "3&nbsp;500" must read as one number: the view keeps the no-break space, then blanks
    view = clean_view("Es kamen 3&nbsp;500 und 4&#8239;000 Gäste&nbsp;heute.")
    assert view == "Es kamen 3\u00a0     500 und 4\u202f      000 Gäste\u00a0     heute."


@pytest.mark.parametrize("line", ["© 2024 Mediengruppe Nordhessen", "(c) 2023 Example News Ltd.",
                                  "Copyright 2022 Example", "Bild 3 von 8", "Foto 2/5", "Image 4 of 12",
                                  "4 Comments", "Comments (3)", "Kommentare (12)", "12 Kommentare"])
def test_furniture_lines_are_masked(line):
    text = f"Die Feuerwehr kam.\n{line}\nSie löschte."
    assert words(clean_view(text)) == "Die Feuerwehr kam. Sie löschte."


def test_prose_mentioning_comments_is_kept():
    text = "Die Kommentare unter dem Artikel waren zahlreich."
    assert clean_view(text) == text
