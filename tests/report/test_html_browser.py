"""The HTML report in a real browser, used as a person would.

Debian's ``chromium`` (``apt-get install -y chromium``) driven by
``playwright`` (the ``test`` extra) without downloading a browser. The
tests skip with a message when either is missing.

Screenshots go to ``test-artifacts/`` (git-ignored). Run this file as a
script for the figures of a 200-article batch::

    python tests/report/test_html_browser.py [--articles 200 --facts 300 --runs 5]
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import sys
import time
from pathlib import Path

import pytest

from consistency.model import ArticleStatus, Finding, Quantity, Report, StatementRef
from consistency.report.html import to_html

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
#: Debian's chromium; ``CHROMIUM=/path/to/chromium`` to use another build
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOSTILE = ('<script>alert(1)</script> "><img src=x onerror=alert(1)> </div><b id="stray">stray</b> '
           "<!-- comment <iframe src=javascript:alert(2)>")


# ---------------------------------------------------------------- synthetic batches

def synthetic_report(n_articles: int = 6, n_facts: int = 12, seed: int = 7, hostile: bool = True) -> Report:
    """A report built from the dataclasses, with consistent offsets into generated article texts.

    Every fact is one sentence per article that mentions it; about a quarter of the facts with two
    or more articles are contradictions (one or two articles give another number). The first
    article carries hostile markup in its text, its path and one statement.
    """
    rng = random.Random(seed)
    paths = [f"batch/{i:03d}_{rng.getrandbits(32):08x}.txt" for i in range(n_articles)]
    if hostile:
        paths[0] = 'batch/"><img src=x onerror=alert(3)>.txt'
    plan, per_article = [], {p: [] for p in paths}
    for j in range(n_facts):
        k = min(n_articles, rng.choice([1, 2, 2, 3, 3, 4, 5, 8]))
        arts = rng.sample(paths, k)
        if hostile and j == 0:  # the first fact: a contradiction involving the hostile article
            arts = paths[:3]
            k = 3
        kind = "numeric" if j == 0 else rng.choice(["numeric"] * 5 + ["date", "statement", "negation"])
        contra = k >= 2 and (j == 0 or rng.random() < 0.25)
        verdict = "unverifiable" if k == 1 else ("contradict" if contra else "agree")
        base = rng.randint(10, 5000)
        values = [base] * k
        if contra:
            for i in rng.sample(range(k), max(1, k // 3)):
                values[i] = base + rng.randint(1, 99)
        plan.append((j, kind, verdict, arts, values))
        for a, v in zip(arts, values):
            if kind in ("numeric", "date"):
                sentence, raw = f"Nach Angaben {j} waren {v} Menschen am Ort {j}.", str(v)
            else:
                neg = kind == "negation" and v != base
                sentence, raw = f"Die Behörde {j} hat den Plan {'nicht ' if neg else ''}bestätigt.", None
            per_article[a].append((j, sentence, raw))
    texts, where = {}, {}
    for i, p in enumerate(paths):
        parts = [f"Artikel {i}\n\n"]
        if hostile and i == 0:
            parts.append(HOSTILE + "\n")
        pos = sum(len(x) for x in parts)
        for j, sentence, raw in per_article[p]:
            filler = f"Ein Satz ohne Befund Nummer {j} steht hier. "
            start = pos + len(filler)
            v = (start + sentence.index(raw), start + sentence.index(raw) + len(raw)) if raw else None
            where[(j, p)] = (start, sentence, raw, v)
            parts += [filler, sentence, "\n"]
            pos += len(filler) + len(sentence) + 1
        texts[p] = "".join(parts)
    findings = []
    for j, kind, verdict, arts, values in plan:
        order = list(dict.fromkeys(sorted(values, key=lambda x: -values.count(x))))
        refs = []
        for a, v in zip(arts, values):
            start, sentence, raw, vspan = where[(j, a)]
            qs = () if raw is None else (Quantity(raw=raw, start=vspan[0], end=vspan[1], kind="count",
                                                  value=float(v), low=float(v), high=float(v), unit="Menschen",
                                                  unit_key="menschen"),)
            refs.append(StatementRef(article=a, line=texts[a].count("\n", 0, start) + 1, start=start,
                                     end=start + len(sentence), text=sentence, values=qs,
                                     position=order.index(v) if verdict == "contradict" else 0,
                                     negated="nicht" in sentence))
        label = f"Menschen am Ort {j} (count)" if kind in ("numeric", "date") else f"statement: Die Behörde {j} …"
        if hostile and j == 0:
            label = "Menschen <b>(count)</b>"
        findings.append(Finding(id=f"{j:016x}", verdict=verdict, kind=kind, fact=label,
                                message=f"{len(set(arts))} articles, {len(set(values))} values", statements=tuple(refs),
                                reason="single source" if verdict == "unverifiable" else None,
                                confidence=0.0 if verdict == "unverifiable" else 0.9))
    findings.sort(key=lambda f: f.verdict != "agree")  # agreements first: the page must reorder
    statuses = tuple(ArticleStatus(path=p, id=Path(p).stem, sentences=len(per_article[p]), language="de", error=None)
                     for p in paths)
    return Report(articles=statuses, findings=tuple(findings), statements=sum(len(v) for v in per_article.values()),
                  settings={"model": "synthetic"}, texts=texts)


# ---------------------------------------------------------------- the browser

def _launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]'); browser tests skipped")
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"no chromium at {CHROMIUM} (Debian: apt-get install -y chromium); browser tests skipped")
    with sync_api.sync_playwright() as p:
        b = _launch(p)
        yield b
        b.close()


class Tab:
    """A page with what it did: dialogs opened, requests made, console errors."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.page = self.context.new_page()
        self.dialogs, self.requests, self.errors = [], [], []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: m.type in ("error", "warning") and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def open(self, report: Report, path: Path, **kw) -> None:
        path.write_text(to_html(report, **kw), encoding="utf-8")
        self.page.goto(path.as_uri(), wait_until="load")

    def visible_cards(self) -> list[str]:
        return self.page.eval_on_selector_all("#facts section.fact:not([hidden])", "els => els.map(e => e.id)")

    def shown(self) -> str:
        return self.page.text_content("#shown")


@pytest.fixture
def tab(browser):
    t = Tab(browser)
    yield t
    t.context.close()


def _chip(tab: Tab, value: str):
    return tab.page.locator(f'button[data-value="{value}"]')


# ---------------------------------------------------------------- tests

@pytest.mark.slow
def test_seed_report_as_a_person_reads_it(seed_report, tab, tmp_path):
    n = len(seed_report.findings)
    tab.open(seed_report, tmp_path / "seed.html")
    page = tab.page
    # the matrix: one row per fact, one column per article
    assert page.locator("#matrix").is_visible()
    assert page.locator("#matrix .mrow[data-f]").count() == n
    assert page.locator("#matrix a.col").count() == len(seed_report.articles)
    # the list of facts, contradictions first
    assert page.locator("#facts").is_visible()
    verdicts = page.eval_on_selector_all("#facts section.fact", "els => els.map(e => e.dataset.verdict)")
    rank = {"contradict": 0, "agree": 1, "unverifiable": 2}
    assert len(verdicts) == n and verdicts == sorted(verdicts, key=rank.get)
    assert _chip(tab, "contradict").inner_text().endswith(str(seed_report.count("contradict")))
    assert tab.shown() == f"{n} of {n} facts shown"
    # a filter changes the list (and the matrix)
    agree = seed_report.count("agree")
    assert agree > 0
    _chip(tab, "agree").click()
    assert _chip(tab, "agree").get_attribute("aria-pressed") == "false"
    assert len(tab.visible_cards()) == n - agree and tab.shown() == f"{n - agree} of {n} facts shown"
    assert page.locator("#matrix .mrow[data-f]:not([hidden])").count() == n - agree
    _chip(tab, "agree").click()
    assert len(tab.visible_cards()) == n
    # the search box narrows to the facts whose card mentions the words
    query = seed_report.articles[2].id
    page.fill("#search", query)
    cards = page.eval_on_selector_all("#facts section.fact", "els => els.map(e => [e.hidden, e.textContent])")
    assert 0 < sum(not h for h, _ in cards) < n
    assert all((query.lower() in text.lower()) != hidden for hidden, text in cards)
    page.fill("#search", "")
    assert len(tab.visible_cards()) == n
    # an article column leads to the article's text, its facts highlighted
    page.locator("#matrix a.col").first.click()
    assert page.evaluate("location.hash") == "#a0"
    assert page.locator("#a0 .st").count() >= 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / "report.png"))
    assert not tab.errors and not tab.dialogs


def test_contradictions_filters_and_hostile_text(tab, tmp_path):
    report = synthetic_report()
    contra = report.count("contradict")
    n = len(report.findings)
    assert contra >= 1
    tab.open(report, tmp_path / "contra.html")
    page = tab.page
    # contradictions first, though the report listed agreements first
    verdicts = page.eval_on_selector_all("#facts section.fact", "els => els.map(e => e.dataset.verdict)")
    assert verdicts[:contra] == ["contradict"] * contra and "contradict" not in verdicts[contra:]
    assert page.locator("#matrix a.cell.v-contradict.minor").count() >= 1
    first = page.locator("#f0")
    assert first.locator(".side").count() == 2 and first.locator("mark.val").count() == 3
    # the hostile article is shown as text, nothing of it runs or becomes an element
    page.locator("#a0").scroll_into_view_if_needed()
    # rendered as visible text (off-screen sections are rendered from the next frame: content-visibility)
    page.wait_for_function("() => document.querySelector('#a0 .text').innerText.includes('<script>alert(1)</script>')")
    text = page.locator("#a0 .text").inner_text()
    assert "<script>alert(1)</script>" in text and '"><img src=x onerror=alert(1)>' in text
    assert "<iframe src=javascript:alert(2)>" in text
    assert page.evaluate("document.scripts.length") == 1
    assert page.evaluate("document.querySelectorAll('img, iframe, #stray, [onerror]').length") == 0
    assert page.locator("#f0 h3").text_content() == "Menschen <b>(count)</b>"
    assert 'onerror=alert(3)>' in page.locator("#matrix a.col").first.get_attribute("title")
    # filter: hide the contradictions, then the agreements
    _chip(tab, "contradict").click()
    assert len(tab.visible_cards()) == n - contra
    assert page.locator("#matrix a.cell.v-contradict:visible").count() == 0
    _chip(tab, "contradict").click()
    kinds = page.eval_on_selector_all("#facts section.fact", "els => els.map(e => e.dataset.kind)")
    _chip(tab, "numeric").click()
    assert len(tab.visible_cards()) == n - kinds.count("numeric")
    _chip(tab, "numeric").click()
    page.fill("#search", "zzz-nothing-matches")
    assert tab.visible_cards() == [] and page.locator("#nomatch").is_visible()
    page.click("#reset")
    assert len(tab.visible_cards()) == n and not page.locator("#nomatch").is_visible()
    # a matrix cell leads to its fact; a fact's quote leads to the article text
    page.locator("#matrix .mrow[data-f]").first.locator("a.cell").first.click()
    assert page.evaluate("location.hash") == "#f0" and first.is_visible()
    first.locator("figcaption a").first.click()
    assert page.evaluate("location.hash").startswith("#s0-")
    # following a link to a fact hidden by the filters shows it again
    _chip(tab, "contradict").click()
    page.locator("#a0 sup.refs a").first.click()
    assert page.evaluate("location.hash") == "#f0" and first.is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.click("#reset")
    page.evaluate("location.hash = '#overview'; window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / "report-contradictions.png"))
    page.evaluate("document.getElementById('facts').scrollIntoView(); window.scrollBy(0, -100)")
    page.wait_for_timeout(100)  # let the cards that came into view render (content-visibility)
    page.screenshot(path=str(ARTIFACTS / "report-facts.png"))
    # nothing was fetched but the page itself, no alert, no script error or CSP violation
    assert all(u.startswith("file://") for u in tab.requests), tab.requests
    assert len(tab.requests) == 1
    assert tab.dialogs == [] and tab.errors == []


def test_two_hundred_articles_open_and_filter(tab, tmp_path):
    report = synthetic_report(n_articles=200, n_facts=300, hostile=False)
    n = len(report.findings)
    tab.open(report, tmp_path / "big.html")
    page = tab.page
    assert page.locator("#matrix a.col").count() == 200
    assert tab.shown() == f"{n} of {n} facts shown"
    agree = report.count("agree")
    _chip(tab, "agree").click()
    assert tab.shown() == f"{n - agree} of {n} facts shown"
    _chip(tab, "agree").click()
    page.fill("#search", "Ort 1")
    assert 0 < len(tab.visible_cards()) < n
    assert tab.errors == []


# ---------------------------------------------------------------- figures for the README

_CLICK = """async (value) => {
  const b = document.querySelector(`button[data-value="${value}"]`);
  const t0 = performance.now();
  b.click();
  document.body.offsetHeight;              // style and layout done
  const t1 = performance.now();
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));   // and painted
  return [t1 - t0, performance.now() - t0];
}"""
_TYPE = """async (q) => {
  const s = document.getElementById("search");
  const t0 = performance.now();
  s.value = q; s.dispatchEvent(new Event("input"));
  document.body.offsetHeight;
  return performance.now() - t0;
}"""


def bench(n_articles: int = 200, n_facts: int = 300, runs: int = 5) -> dict:
    """Medians over ``runs`` fresh page loads: render, load, filter click, search."""
    import tempfile

    from playwright.sync_api import sync_playwright

    report = synthetic_report(n_articles=n_articles, n_facts=n_facts, hostile=False)
    t0 = time.perf_counter()
    page_html = to_html(report)
    render = time.perf_counter() - t0
    folder = Path(tempfile.mkdtemp())
    path = folder / "big.html"
    path.write_text(page_html, encoding="utf-8")
    out = {"articles": n_articles, "facts": len(report.findings), "contradict": report.count("contradict"),
           "bytes": len(page_html.encode("utf-8")), "render_s": render}
    load, fcp, click_layout, click_paint, search = [], [], [], [], []
    with sync_playwright() as p:
        b = _launch(p)
        for _ in range(runs):
            ctx = b.new_context(viewport={"width": 1400, "height": 1000})
            page = ctx.new_page()
            t = time.perf_counter()
            page.goto(path.as_uri(), wait_until="load")
            load.append(time.perf_counter() - t)
            fcp.append(page.evaluate("(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime"
                                     " || 0") / 1000)
            for value in ("agree", "agree", "contradict", "contradict"):
                lay, paint = page.evaluate(_CLICK, value)
                click_layout.append(lay / 1000)
                click_paint.append(paint / 1000)
            search.append(page.evaluate(_TYPE, "ort 17.") / 1000)
            ctx.close()
        b.close()
    shutil.rmtree(folder)
    out.update(load_s=statistics.median(load), first_paint_s=statistics.median(fcp),
               filter_layout_s=statistics.median(click_layout), filter_paint_s=statistics.median(click_paint),
               search_s=statistics.median(search), runs=runs)
    return out


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--facts", type=int, default=300)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    r = bench(a.articles, a.facts, a.runs)
    print(f"{r['articles']} articles, {r['facts']} facts ({r['contradict']} contradict), "
          f"page {r['bytes'] / 1e6:.2f} MB, rendered in {r['render_s'] * 1000:.0f} ms (Python)")
    print(f"medians of {r['runs']} runs: load {r['load_s'] * 1000:.0f} ms, first paint {r['first_paint_s'] * 1000:.0f} ms, "
          f"filter click {r['filter_layout_s'] * 1000:.1f} ms to layout / {r['filter_paint_s'] * 1000:.1f} ms to paint, "
          f"search {r['search_s'] * 1000:.1f} ms", file=sys.stdout)
