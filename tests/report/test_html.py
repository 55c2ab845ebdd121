"""The HTML report as a string: self-contained, escaped, complete.

The browser tests (test_html_browser.py) open the same pages in Chromium.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from consistency.model import ArticleStatus, Finding, Quantity, Report, StatementRef
from consistency.report import FORMATS, report_dict, to_json
from consistency.report.html import content_security_policy, to_html

HOSTILE = ('<script>alert(1)</script> "><img src=x onerror=alert(1)> </div></section><b>stray</b> '
           "<!-- open comment ' &amp; <style>body{display:none}</style>")
#: the only elements the page itself uses: anything else was injected
OWN_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "div", "h1", "h2", "h3", "h4", "nav", "a",
            "span", "button", "input", "main", "p", "section", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
            "figure", "figcaption", "blockquote", "mark", "sup", "code", "b", "small", "footer", "script", "ul", "li"}


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of script elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._in = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in = tag if tag in ("script", "style") else None

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "script":
            self.scripts.append(data)
        elif self._in == "style":
            self.styles.append(data)


def parse(page: str) -> Tags:
    p = Tags()
    p.feed(page)
    p.close()
    return p


def sentence_ref(path: str, text: str, sentence: str, values=(), position=0, **kw) -> StatementRef:
    """A StatementRef for ``sentence`` inside ``text``, values located by their raw text."""
    start = text.index(sentence)
    qs = []
    for raw, low in values:
        vs = text.index(raw, start)
        qs.append(Quantity(raw=raw, start=vs, end=vs + len(raw), kind="count", value=low, low=low, high=low,
                           unit="Menschen", unit_key="menschen"))
    return StatementRef(article=path, line=text.count("\n", 0, start) + 1, start=start, end=start + len(sentence),
                        text=sentence, values=tuple(qs), position=position, **kw)


A_TEXT = ("Brand im Hafen\n\nBei dem Brand wurden 12 Menschen verletzt. " + HOSTILE + "\n"
          "Die Feuerwehr kam mit 150 Kräften.\n")
B_TEXT = "Großbrand\n\nBei dem Brand wurden 15 Menschen verletzt. Die Feuerwehr kam mit 150 Kräften.\n"
C_TEXT = "Feuer\n\nBei dem Brand wurden 12 Menschen verletzt.\n"
EVIL_PATH = 'evil/"><img src=x onerror=alert(2)>.txt'


def make_report(with_texts: bool = True) -> Report:
    """Three articles (one with hostile text and path), one agreement listed before a contradiction."""
    texts = {"a.txt": A_TEXT, EVIL_PATH: B_TEXT, "c.txt": C_TEXT}
    agree = Finding(
        id="aaaa", verdict="agree", kind="numeric", fact="Kräften (count)",
        message="2 articles agree: a.txt, <b>evil</b> says 150 Kräften",
        statements=(sentence_ref("a.txt", A_TEXT, "Die Feuerwehr kam mit 150 Kräften.", [("150", 150)]),
                    sentence_ref(EVIL_PATH, B_TEXT, "Die Feuerwehr kam mit 150 Kräften.", [("150", 150)])))
    contra = Finding(
        id="cccc", verdict="contradict", kind="numeric", fact="Menschen <i>(count)</i>",
        message="a.txt, c.txt says 12 Menschen; evil says 15 Menschen",
        statements=(sentence_ref("a.txt", A_TEXT, "Bei dem Brand wurden 12 Menschen verletzt.", [("12", 12)], 0,
                                 attribution="<script>alert(3)</script>"),
                    sentence_ref(EVIL_PATH, B_TEXT, "Bei dem Brand wurden 15 Menschen verletzt.", [("15", 15)], 1),
                    sentence_ref("c.txt", C_TEXT, "Bei dem Brand wurden 12 Menschen verletzt.", [("12", 12)], 0)))
    hostile = Finding(
        id="uuuu", verdict="unverifiable", kind="statement", fact="statement: " + HOSTILE[:40],
        message="single source", reason="single source",
        statements=(sentence_ref("a.txt", A_TEXT, HOSTILE),))
    arts = (ArticleStatus("a.txt", "a", 3, "de", None), ArticleStatus(EVIL_PATH, '<img src=x onerror=alert(4)>', 2,
                                                                      "de", None),
            ArticleStatus("c.txt", "c", 1, "de", None), ArticleStatus("gone.txt", "gone", 0, None,
                                                                      "gone.txt: <b>cannot</b> read"))
    return Report(articles=arts, findings=(agree, contra, hostile), statements=6,
                  settings={"model": "<script>x</script>"}, texts=texts if with_texts else {})


@pytest.fixture(scope="module")
def page() -> str:
    return to_html(make_report())


def test_registered_as_a_format():
    assert FORMATS["html"] is to_html
    assert FORMATS["html"](make_report()).startswith("<!DOCTYPE html>")


def test_hostile_text_is_escaped_never_markup(page):
    tags = parse(page)
    names = {t for t, _ in tags.tags}
    assert names <= OWN_TAGS, f"injected elements: {names - OWN_TAGS}"
    assert "img" not in names and "i" not in names
    assert sum(1 for t, _ in tags.tags if t == "script") == 1  # ours only
    assert sum(1 for t, _ in tags.tags if t == "style") == 1
    assert not [a for _, attrs in tags.tags for a in attrs if a.startswith("on")], "event handler attribute"
    # bold text is ours (the <b> of tile numbers), never "stray" or "evil" from input
    assert "<b>stray</b>" not in page and "<b>evil</b>" not in page
    # the hostile strings are there, as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in page  # attribution
    assert "&lt;img src=x onerror=alert(4)&gt;" in page  # article id
    assert "&lt;b&gt;cannot&lt;/b&gt; read" in page  # read error
    assert "alert(1)</script>" not in page and "<img" not in page


def test_no_network_and_a_strict_csp(page):
    tags = parse(page)
    metas = [a for t, a in tags.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert len(metas) == 1 and page.index("Content-Security-Policy") < page.index("<style>")
    csp = metas[0]["content"]
    assert csp == content_security_policy(tags.styles[0], tags.scripts[0])
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "http" not in csp and "img-src 'none'" in csp and "connect-src 'none'" in csp
    # the CSP allows exactly our inline script and style, by hash
    for source, directive in ((tags.scripts[0], "script-src"), (tags.styles[0], "style-src")):
        digest = base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode()
        assert f"{directive} 'sha256-{digest}';" in csp
    # nothing is loaded: no src attribute, no external link, no url() or @import in the CSS
    for tag, attrs in tags.tags:
        assert "src" not in attrs, tag
        assert tag != "link"
        assert attrs.get("href", "#").startswith("#"), attrs
        assert "style" not in attrs  # would need 'unsafe-inline'
    assert "url(" not in tags.styles[0] and "@import" not in tags.styles[0] and "@font-face" not in tags.styles[0]
    # the script never writes markup
    assert "innerHTML" not in tags.scripts[0] and "insertAdjacentHTML" not in tags.scripts[0]
    assert "document.write" not in tags.scripts[0] and "eval(" not in tags.scripts[0]


def test_contradictions_first_with_sides_and_values_highlighted(page):
    cards = re.findall(r'<section class="fact v-(\w+)" id="(f\d+)" data-verdict="(\w+)" data-kind="(\w+)"', page)
    assert [c[2] for c in cards] == ["contradict", "agree", "unverifiable"]
    first = page[page.index('id="f0"'):page.index('id="f1"')]
    # two sides, A (two articles, the majority) and B (the odd one out)
    assert first.count('<div class="side">') == 1 and first.count('<div class="side minor">') == 1
    assert '<span class="pos">A</span><span>12 Menschen</span><span class="n">2 articles' in first
    assert '<mark class="val">12</mark>' in first and '<mark class="val">15</mark>' in first
    assert "a.txt:3" in first  # file and line
    assert "Menschen &lt;i&gt;(count)&lt;/i&gt;" in first
    assert "confidence 1.00" in first


def test_matrix_cells_per_article_and_fact(page):
    matrix = page[page.index('id="matrix"'):page.index('<section id="facts">')]
    rows = re.findall(r'<div class="mrow" data-f="(f\d+)" role="row">(.*?)</div>', matrix)
    assert [r[0] for r in rows] == ["f0", "f1", "f2"]
    # one cell per article that mentions the fact, in the article's column (c<k>); none for the others
    cells = [re.findall(r'<a class="cell ([^"]+) c(\d)" role="cell" href="#(f\d)"[^>]*>(.*?)</a>', r[1]) for r in rows]
    assert [(c[0], c[1], c[3]) for c in cells[0]] == [("v-contradict", "0", "A"), ("v-contradict minor", "1", "B"),
                                                     ("v-contradict", "2", "A")]
    assert [(c[0], c[1], c[3]) for c in cells[1]] == [("v-agree", "0", "✓"), ("v-agree", "1", "✓")]
    assert [(c[0], c[1], c[3]) for c in cells[2]] == [("v-unverifiable", "0", "?")]
    assert all(c[2] == r[0] for r, cs in zip(rows, cells) for c in cs)  # cells link to their fact
    # four article columns (the unreadable one too), placed by the page's own CSS
    assert re.findall(r'<a class="col c(\d)" role="columnheader" href="#a(\d)"', matrix) == [(str(k), str(k))
                                                                                            for k in range(4)]
    style = parse(page).styles[0]
    assert ".matrix{--n:4}" in style and ".c3{grid-column:5}" in style and ".c4{" not in style
    # the odd-one-out row points at the evil article (minority in the one contradiction)
    # (articles are named by their path relative to the common root of the inputs, escaped)
    assert re.search(r'<span class="c1 hot" role="cell" title="evil/&#34;&gt;&lt;img src=x onerror=alert\(2\)&gt;.txt: '
                     r'odd one out in 1 contradiction\(s\)">1</span>', matrix)


def test_matrix_columns_name_articles_by_path_from_the_common_root():
    """Two folders with an a.txt each: the columns say which (never two bare "a" columns)."""
    paths = ["news/berlin/a.txt", "news/hamburg/a.txt"]
    refs = [StatementRef(article=p, line=1, start=0, end=5, text="Hallo", values=(), position=k)
            for k, p in enumerate(paths)]
    report = Report(articles=tuple(ArticleStatus(p, "a", 1, "de", None) for p in paths),
                    findings=(Finding(id="x", verdict="contradict", kind="statement", fact="f", message="m",
                                      statements=tuple(refs), confidence=1.0),), statements=2)
    matrix = to_html(report)
    cols = re.findall(r'<a class="col c\d" role="columnheader" href="#a\d" title="[^"]*">([^<]*)</a>', matrix)
    assert cols == ["berlin/a.txt", "hamburg/a.txt"]


def test_counts_and_filters(page):
    assert 'data-filter="verdict" data-value="contradict" aria-pressed="true"' in page
    assert re.search(r'data-value="numeric" aria-pressed="true">numeric<span class="n">2</span>', page)
    assert re.search(r'data-value="statement" aria-pressed="true">statement<span class="n">1</span>', page)
    assert 'id="search"' in page and "3 of 3 facts shown" in page


def test_article_texts_with_facts_highlighted_and_linked(page):
    art = page[page.index('<section class="article" id="a0">'):page.index('<section class="article" id="a1">')]
    # the statements behind findings are marked, with links to their facts
    start = A_TEXT.index("Bei dem Brand")
    assert f'<span class="st v-contradict" id="s0-{start}">Bei dem Brand wurden <mark class="val">12</mark>' in art
    assert 'href="#f0"' in art and 'href="#f1"' in art and 'href="#f2"' in art
    # the fact card links back to the statement in the text
    assert f'href="#s0-{start}">a.txt:3</a>' in page
    # the whole text is there, escaped
    assert "Brand im Hafen" in art and "&lt;style&gt;body{display:none}&lt;/style&gt;" in art
    assert "cannot" in page[page.index('id="a3"'):]


def test_without_texts_the_page_still_works():
    page = to_html(make_report(with_texts=False))
    assert page.count("The article text is not part of this report.") == 3
    assert '<mark class="val">12</mark>' in page  # quotes still highlighted from their own offsets
    assert 'href="#s0-' not in page  # no link to a text that is not there
    # texts given explicitly
    page2 = to_html(make_report(with_texts=False), {"a.txt": A_TEXT})
    assert page2.count("The article text is not part of this report.") == 2 and 'href="#s0-' in page2


def test_text_that_does_not_match_the_offsets_is_shown_unmarked():
    page = to_html(make_report(with_texts=False), {"a.txt": "something else <b>entirely</b>"})
    art = page[page.index('id="a0"'):page.index('id="a1"')]
    assert "something else &lt;b&gt;entirely&lt;/b&gt;" in art and 'class="st' not in art


def test_deterministic_and_json_unchanged():
    r = make_report()
    assert to_html(r) == to_html(make_report())
    assert "texts" not in report_dict(r)
    assert to_json(r) == to_json(make_report(with_texts=False))
    assert r == make_report(with_texts=False)  # texts take no part in equality


def test_empty_report():
    page = to_html(Report(articles=(), findings=(), statements=0))
    assert "No facts to show." in page and "0 of 0 facts shown" in page
    assert '<p class="empty" id="nomatch">' in page  # "no match" visible, not hidden


def _one_statement_page(text: str) -> str:
    full = "Satz: " + text + " Ende."
    return to_html(Report(
        articles=(ArticleStatus(text, text, 1, None, None),),
        findings=(Finding(id="x", verdict="unverifiable", kind="statement", fact=text, message=text,
                          statements=(StatementRef(article=text, line=1, start=0, end=len(full), text=full,
                                                   values=(), position=0, attribution=text),)),),
        statements=1, settings={"model": text}, texts={text: full}))


_MARKUP = st.text(alphabet=st.sampled_from(list("<>\"'&=/ !-;abimgscrtx\n\u00e4\u2028")), min_size=1, max_size=60)


@settings(max_examples=80, deadline=None)
@given(_MARKUP | st.text(min_size=1, max_size=60))
@example(HOSTILE)
@example("<a href=x>")
def test_any_text_stays_text(text):
    """Whatever the article, its path or the settings say, the page has exactly the elements and
    attributes it has for a harmless text: the text is never markup."""
    def shape(page):
        return [(t, sorted(a)) for t, a in parse(page).tags]

    assert shape(_one_statement_page(text)) == shape(_one_statement_page("harmless"))


@pytest.mark.slow
def test_seed_report_carries_the_article_texts(seed_report):
    fixtures = Path(__file__).resolve().parents[2] / "fixtures"
    assert set(seed_report.texts) == {a.path for a in seed_report.articles}
    for a in seed_report.articles:
        assert seed_report.texts[a.path] == (fixtures / Path(a.path).name).read_bytes().decode("utf-8")
    for f in seed_report.findings:
        for s in f.statements:
            assert seed_report.texts[s.article][s.start:s.end] == s.text
    page = to_html(seed_report)
    assert page.count('<section class="fact ') == len(seed_report.findings)
    assert page.count('<span class="st ') >= 1
