"""Stage 5 — align: a prepared :class:`~consistency.model.Batch` in, :class:`~consistency.model.Group` out.

Event before fact, then fact before comparison:

1. **Stories** (:mod:`.stories`): the articles are clustered into stories by a
   fitted model over their similarity and the names, numbers and dates they
   share; facts of different stories are never compared. Inside a story,
   background sentences (another year, "last winter", "the previous record")
   are marked (:mod:`.scope`).
2. **Candidates**: the bi-encoder proposes pairs of statements from different
   articles of one story (:func:`similar_pairs`, each statement's most similar
   ones), and their values of one family (:mod:`.values`) become candidate
   value pairs.
3. **Fact identity** (:mod:`.features`, :mod:`.identity`): a fitted, calibrated
   model scores each candidate pair with the probability that both values
   state the same fact, from the clause around each value, the counted noun,
   roles, qualifiers, subjects and background; never from the values themselves.
   It is fitted inside stories, so its probability is weighed by the story
   probability of the two articles (:data:`STORY_EVIDENCE`).
4. **Groups** (:mod:`.cluster`): average linkage on those probabilities; one
   group, one fact.

Statements are also aligned on their whole meaning (:mod:`.statements`) for
negation, antonym and entity contradictions.

The stage's entry points (:func:`align`, :func:`find_candidates`, :func:`value_groups`,
:func:`statement_groups_of`) are in :mod:`.groups`.
"""

from .groups import (  # noqa: F401
    align,
    find_candidates,
    Candidates,
    value_groups,
    statement_groups_of,
    group_order,
    similar_pairs,
    family,
    values_match,
    AlignSettings,
    ANN_MIN_ROWS,
    value_probabilities,
)

__all__ = ["align", "find_candidates", "Candidates", "value_groups", "statement_groups_of", "group_order",
           "similar_pairs", "family", "values_match", "AlignSettings", "ANN_MIN_ROWS", "value_probabilities"]
