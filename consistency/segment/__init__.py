"""Stage 2 — segment: Article in, :class:`~consistency.model.Sentence` out.

Sentence boundaries come from pysbd (rule-based, German and English
abbreviation and ordinal lists: "am 19. Juni", "z. B.", "U.S." do not end a
sentence), run on the article's cleaned view one paragraph at a time. The
offsets pysbd reports are re-anchored by a forward search, so each
Sentence satisfies ``article.text[start:end] == sentence.text``.

The code is in :mod:`.sentences`.
"""

from .sentences import (  # noqa: F401
    segment,
    split_text,
)

__all__ = ["segment", "split_text"]
