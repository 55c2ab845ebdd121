"""The literal span search gives pysbd's spans, sentence for sentence."""

from __future__ import annotations

import random

import pysbd
import pytest

from consistency.segment.spans import Segmenter

TEXTS = [
    "Am 19. Juni wurden 14 Menschen verletzt. Die Polizei sagte, z. B. seien 3 Autos beschädigt.  Das war's.",
    "He said: \"No.\" He said: \"No.\" He said: \"No.\"   Then U.S. officials left. Then U.S. officials left.",
    "A.  A.  A.\n\nB. A. B.",
    "Ein Satz ohne Punkt",
    "Dr. Smith arrived at 5 p.m. on Jan. 3. He left (quietly) at 6.\tThe end.",
    "",
    "   ",
]


def _spans(seg, text):
    return [(s.sent, s.start, s.end) for s in seg.segment(text)]


@pytest.mark.parametrize("language", ["de", "en"])
def test_same_spans_as_pysbd(language):
    ours = Segmenter(language=language, clean=False, char_span=True)
    theirs = pysbd.Segmenter(language=language, clean=False, char_span=True)
    rng = random.Random(0)
    words = ["Er", "sagte", "No.", "3.", "Juni", "U.S.", "ja.", "Nein!", "ok?", "a", "b.", " ", "\n"]
    texts = TEXTS + [" ".join(rng.choice(words) for _ in range(rng.randint(1, 40))) for _ in range(200)]
    for text in texts:
        assert _spans(ours, text) == _spans(theirs, text), text


def test_plain_segment_unchanged():
    text = TEXTS[0]
    assert Segmenter(language="de", clean=False).segment(text) == pysbd.Segmenter(language="de", clean=False).segment(text)
