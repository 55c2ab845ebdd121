"""One very long line is segmented in linear time: pysbd never sees more than MAX_BLOCK_CHARS
at once, and line numbers come from a bisection, not a count from the start (issue 11)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import consistency.segment.sentences as seg
from consistency.model import Article
from consistency.read import article_from_text

ROOT = Path(__file__).resolve().parents[2]
CONSOLE = Path(sys.executable).with_name("consistency")
SENTENCE = "Die Stadt hat am 19. Juni z. B. 3.500 Einwohner gezählt, sagte der Bürgermeister Dr. Müller der dpa. "


def test_pysbd_never_sees_more_than_the_block_limit(monkeypatch):
    seen = []
    real = seg._segmenter("de")

    class Spy:
        def segment(self, text):
            seen.append(len(text))
            return real.segment(text)

    monkeypatch.setattr(seg, "_segmenter", lambda language: Spy())
    text = (SENTENCE * 1200) + "Ende ohne Punkt " * 2000  # ~150 KB on one line, a tail without a sentence end
    art = article_from_text("long.txt", text, language="de")
    sentences = seg.segment(art)
    assert max(seen) <= seg.MAX_BLOCK_CHARS
    assert len(sentences) >= 1200
    for s in sentences:
        assert art.text[s.start:s.end] == s.text and s.line == 1
    # cuts fall at sentence ends where there are some: whole sentences come out
    assert sum(s.text == SENTENCE.strip() for s in sentences) >= 1150


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet="ab\n", max_size=300), st.data())
def test_line_of_matches_counting_newlines(text, data):
    art = Article(path="x.txt", id="x", text=text)
    offset = data.draw(st.integers(0, len(text)))
    assert art.line_of(offset) == text.count("\n", 0, offset) + 1


def test_long_line_through_the_console_script(tmp_path):
    (tmp_path / "long.txt").write_text(SENTENCE * 1000 + "\n", encoding="utf-8")  # 100 KB, one line
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"}
    r = subprocess.run([str(CONSOLE), "check", "long.txt", "--model", "tfidf", "--no-cache", "-f", "json"],
                       cwd=tmp_path, capture_output=True, text=True, timeout=600, env=env)
    assert r.returncode in (0, 1) and "Traceback" not in r.stderr, r.stderr
    assert json.loads(r.stdout)["summary"]["statements"] >= 1
