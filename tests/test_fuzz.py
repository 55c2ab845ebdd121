"""Fuzz: random bytes, random Unicode with control characters and random JSONL go through
read -> segment -> extract -> align -> judge (alone and against a corpus) and every output
format without a traceback or a numpy RuntimeWarning; JSON, SARIF and JUnit always parse; HTML
is written; text, markdown and github never hold a raw control character (issue 11). Bounded:
few examples, small inputs, a cheap embedder."""

from __future__ import annotations

import json
import os
import re
import tempfile
import warnings
import xml.etree.ElementTree as ET

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consistency import Settings
from consistency.corpus import Corpus, check_with_corpus
from consistency.embed import TfidfEmbedder
from consistency.pipeline import check_articles
from consistency.read import article_from_text, read_paths
from consistency.report import FORMATS
from consistency.segment import segment

RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
EMBEDDER = TfidfEmbedder(n_features=2 ** 10)
S = Settings(cache_dir="", model="tfidf")
BASE = "Bei dem Hochwasser in Passau wurden am Montag {n} Häuser überflutet. "
FUZZ = settings(max_examples=40, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

#: Unicode with plenty of control characters, bidi marks and markup
noisy = st.lists(st.one_of(
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
    st.sampled_from(list("\x00\x07\x0b\x0c\x1b\x7f\x85\u202e\u2066\n\t<>&`|%:;[]") + ["&nbsp;", "&#8239;", "\x1b[2J"]),
), max_size=120).map("".join)
#: file names: anything but "/" and NUL
names = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="/\x00"),
                min_size=1, max_size=20).filter(lambda s: s not in (".", "..") and len(s.encode()) < 200)
#: counts, and numerals of up to 400 digits (beyond float's range)
counts = st.one_of(st.integers(0, 10 ** 6), st.integers(10 ** 15, 10 ** 400))
json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | noisy,
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(noisy, inner, max_size=3),
                           max_leaves=6)


def _check_formats(articles, corpus=None) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        for a in articles:
            segment(a)  # on its own too: errors give no sentences, others spans into the text
        if corpus is None:
            report = check_articles(articles, S, embedder=EMBEDDER)
        else:
            report = check_with_corpus(articles, corpus, S, embedder=EMBEDDER)
    for name, fmt in FORMATS.items():
        out = fmt(report)
        out.encode("utf-8")  # writable as UTF-8
        if name in ("json", "sarif"):
            json.loads(out)
        elif name == "junit":
            ET.fromstring(out.encode("utf-8"))
        elif name in ("text", "markdown", "github"):
            bad = RAW.search(out)
            assert bad is None, (name, bad)


def _read(files: dict[str, bytes]):
    with tempfile.TemporaryDirectory() as d:
        for name, data in files.items():
            with open(os.path.join(d, name), "wb") as fh:
                fh.write(data)
        articles = read_paths([d])
        assert len(articles) >= len(files)  # nothing dropped silently
        _check_formats(articles)


@FUZZ
@given(st.binary(max_size=1500), names)
def test_random_bytes(data, name):
    _read({"ok.txt": (BASE.format(n=120) * 2).encode(), f"{name}.txt": data})


@FUZZ
@given(noisy, names, counts)
def test_random_unicode_with_control_characters(text, name, n):
    for suffix in (".txt", ".html", ".md"):
        _read({"ok.txt": BASE.format(n=120).encode(),
               f"{name}{suffix}": (text + BASE.format(n=n) + text).encode("utf-8")})


@FUZZ
@given(st.lists(st.one_of(st.dictionaries(st.sampled_from(["id", "text", "title", "source", "published",
                                                              "language"]), json_values, max_size=6),
                          json_values, noisy), max_size=5), counts)
def test_random_jsonl(records, n):
    lines = [json.dumps({"id": "good", "text": BASE.format(n=n)})]
    lines += [json.dumps(r) if not isinstance(r, str) else r.replace("\n", " ") for r in records]
    _read({"ok.txt": BASE.format(n=120).encode(), "batch.jsonl": "\n".join(lines).encode("utf-8")})


@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(st.tuples(noisy, counts), min_size=1, max_size=4), st.lists(st.tuples(noisy, counts), max_size=3))
def test_random_articles_against_a_corpus(stored, new):
    """Random articles stored with ``add``, random new ones checked against them."""
    def articles(items, prefix):
        return [article_from_text(f"{prefix}{k}.txt", text + BASE.format(n=n) + text) for k, (text, n) in enumerate(items)]

    with tempfile.TemporaryDirectory() as d:
        corpus = Corpus(os.path.join(d, "c.sqlite"), create=True, root=d)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", RuntimeWarning)
                corpus.add(articles(stored, "s") + [article_from_text("ok.txt", BASE.format(n=120))], S,
                           embedder=EMBEDDER)
            _check_formats(articles(new, "n") + articles(stored[:1], "s"), corpus)
        finally:
            corpus.close()
