"""Stage 6 — judge: a Group in, a :class:`~consistency.model.Finding` out.

Value groups: every statement's value is an interval; statements whose
intervals share a common point take one *position*. One position across two
or more articles is ``agree``; two or more positions is ``contradict``
(kind ``numeric`` or ``date``); a fact from one article only, or with values
that cannot be compared (a relative date without a publication date), is
``unverifiable``. Hedged statements ("könnte", "möglicherweise", "if") are
set aside: if only they disagree, the finding is ``unverifiable`` with the
reason "hedged", never a contradiction.

Statement groups: one statement affirming what another denies is a
``negation`` contradiction, otherwise ``agree``.

Confidence (in [0, 1]) is the weakest alignment similarity in the group for
agree and contradict findings, scaled down by half when a contradiction
rests on open-ended bounds only; for unverifiable findings it is 0.

Value groups are judged in :mod:`.values`, statement groups in :mod:`.statements`.
"""

from .values import (  # noqa: F401
    judge,
    judge_all,
    judge_group,
    finish,
    with_names,
    positions,
    format_value,
    fingerprint,
    JudgeSettings,
    split_mixed,
    MIXES_FACTS,
    SPLIT_LINK,
    OPPOSED_LINK,
)

__all__ = ["judge", "judge_all", "judge_group", "finish", "with_names", "positions", "format_value",
           "fingerprint", "JudgeSettings", "split_mixed", "MIXES_FACTS", "SPLIT_LINK", "OPPOSED_LINK"]
