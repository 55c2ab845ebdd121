"""An optional NLI judge: a cross-encoder scores aligned statements.

A natural-language-inference model (a sentence-transformers
:class:`~sentence_transformers.CrossEncoder` trained on MNLI/XNLI) reads two
statements and gives the probabilities that the second *contradicts*, is
*entailed by*, or is *neutral* to the first. Its verdict is shown beside the
rule-based verdict of :mod:`consistency.judge`, never instead of it: the
rules say which values differ and why, the model says how strongly the two
sentences read as contradictory.

Each aligned pair is scored in both directions (premise -> hypothesis and
back, in one batched ``predict`` call) and the direction with the stronger
contradiction is kept: NLI is not symmetric, and a contradiction in either
direction is a contradiction.

>>> scorer = load_nli("path/to/xnli-model")           # doctest: +SKIP
>>> findings = annotate(findings, scorer)             # doctest: +SKIP
>>> findings[0].nli                                   # doctest: +SKIP
{'model': 'path/to/xnli-model', 'label': 'contradiction', 'contradiction': 0.91, ...}
"""

from __future__ import annotations

import os
from dataclasses import replace
from itertools import combinations
from typing import Any, Callable, Mapping, Optional, Sequence, Union

import numpy as np

from ..embed import ModelLoadError
from ..model import Finding, StatementRef

__all__ = ["NliScorer", "load_nli", "annotate", "label_columns", "NLI_LABELS"]

#: Column order of :meth:`NliScorer.score_pairs`.
NLI_LABELS = ("contradiction", "entailment", "neutral")

TextOf = Union[Mapping[tuple[str, int], str], Callable[[StatementRef], str], None]


def _label_kind(name: str) -> Optional[str]:
    n = str(name).lower().replace("-", "_").replace(" ", "_")
    if "contradict" in n:
        return "contradiction"
    if "entail" in n and not any(w in n for w in ("not_", "non_", "no_")):
        return "entailment"
    if "neutral" in n:
        return "neutral"
    return None


def label_columns(id2label: Mapping[Any, str], model: str = "model") -> tuple[int, Optional[int], Optional[int]]:
    """Find the contradiction, entailment and neutral outputs of a model by name.

    Parameters
    ----------
    id2label : mapping of int (or str of int) to label name
        The model config's ``id2label``; names are matched case-insensitively
        ("CONTRADICTION", "contradiction", "Entailment", ...).
    model : str
        The model's name, for the error message.

    Returns
    -------
    (contradiction, entailment, neutral) : tuple of int or None
        Output indices; entailment and neutral are ``None`` if the model has
        no such label.

    Raises
    ------
    ModelLoadError
        If no label (or more than one) is called contradiction.
    """
    found: dict[str, list[int]] = {k: [] for k in NLI_LABELS}
    for idx, name in id2label.items():
        kind = _label_kind(name)
        if kind:
            found[kind].append(int(idx))
    names = ", ".join(f"{int(k)}={v!r}" for k, v in sorted(id2label.items(), key=lambda kv: int(kv[0])))
    if len(found["contradiction"]) != 1:
        raise ModelLoadError(
            f"NLI model {model!r} has no single output label called 'contradiction' (its labels: {names}). "
            "--nli-model needs a cross-encoder trained for natural language inference "
            "(labels contradiction/entailment/neutral), e.g. an XNLI model."
        )
    for kind in ("entailment", "neutral"):
        if len(found[kind]) > 1:
            raise ModelLoadError(f"NLI model {model!r} has more than one {kind} label (its labels: {names})")
    return (found["contradiction"][0], (found["entailment"] or [None])[0], (found["neutral"] or [None])[0])


def _softmax(x: np.ndarray) -> np.ndarray:
    x = x - x.max(axis=1, keepdims=True)
    e = np.exp(x)
    return e / e.sum(axis=1, keepdims=True)


class NliScorer:
    """Scores statement pairs with an NLI cross-encoder.

    Parameters
    ----------
    model : object with ``predict(pairs, ...) -> ndarray of shape (n_pairs, n_labels)``
        A loaded :class:`sentence_transformers.CrossEncoder` (or anything with
        the same ``predict``), returning raw logits.
    columns : tuple of (int, int or None, int or None)
        Output indices of contradiction, entailment and neutral
        (see :func:`label_columns`).
    name : str
        Shown in reports beside the score.
    batch_size : int
    """

    def __init__(self, model: Any, columns: tuple[int, Optional[int], Optional[int]], name: str,
                 batch_size: int = 32):
        self.model = model
        self.columns = columns
        self.name = name
        self.batch_size = batch_size

    def _predict(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        """Probabilities in :data:`NLI_LABELS` order, shape (len(pairs), 3)."""
        if not pairs:
            return np.zeros((0, 3), dtype=np.float64)
        try:
            import torch
            identity = torch.nn.Identity()
        except ImportError:  # pragma: no cover - torch comes with sentence-transformers
            identity = None
        logits = self.model.predict(pairs, batch_size=self.batch_size, show_progress_bar=False,
                                    activation_fn=identity, apply_softmax=False, convert_to_numpy=True)
        logits = np.asarray(logits, dtype=np.float64)
        if logits.ndim != 2 or logits.shape[0] != len(pairs):
            raise ValueError(f"NLI model {self.name!r} returned scores of shape {logits.shape}, "
                             f"expected ({len(pairs)}, n_labels)")
        probs = _softmax(logits)
        out = np.zeros((len(pairs), 3), dtype=np.float64)
        for col, idx in enumerate(self.columns):
            if idx is not None:
                out[:, col] = probs[:, idx]
        return out

    def score_both(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Score each pair forwards and backwards, in one ``predict`` call.

        Returns
        -------
        probs : ndarray of shape (n_pairs, 2, 3)
            ``probs[i, 0]`` for premise ``pairs[i][0]`` and hypothesis
            ``pairs[i][1]``, ``probs[i, 1]`` for the reverse; the last axis
            is (contradiction, entailment, neutral).
        """
        pairs = [(str(a), str(b)) for a, b in pairs]
        both = self._predict(pairs + [(b, a) for a, b in pairs])
        n = len(pairs)
        return np.stack([both[:n], both[n:]], axis=1) if n else np.zeros((0, 2, 3))

    def score_pairs(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Score pairs in both directions, keeping the stronger contradiction.

        Returns
        -------
        probs : ndarray of shape (n_pairs, 3)
            Softmax probabilities (contradiction, entailment, neutral) of the
            direction whose contradiction probability is higher.
        """
        both = self.score_both(pairs)
        if not len(both):
            return np.zeros((0, 3))
        pick = np.argmax(both[:, :, 0], axis=1)
        return both[np.arange(len(both)), pick]


def load_nli(name_or_path: str, *, device: str = "cpu", batch_size: int = 32) -> NliScorer:
    """Load an NLI cross-encoder without ever downloading it.

    Parameters
    ----------
    name_or_path : str
        A folder with a saved cross-encoder, or a Hugging Face model name
        that is already in the local cache (loaded with ``HF_HUB_OFFLINE=1``).

    Raises
    ------
    ModelLoadError
        The model cannot be found locally or loaded, or it has no
        contradiction label.
    """
    if not isinstance(name_or_path, str) or not name_or_path.strip():
        raise ModelLoadError(f"--nli-model needs a model name or path, got {name_or_path!r}")
    local = os.path.isdir(name_or_path)
    if os.path.isfile(name_or_path):
        raise ModelLoadError(f"NLI model {name_or_path!r} is a file; give the folder of a saved cross-encoder")
    if not local:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        from sentence_transformers import CrossEncoder
        model = CrossEncoder(name_or_path, device=device, local_files_only=not local)
    except Exception as exc:  # noqa: BLE001 - re-raised with context
        first = str(exc).splitlines()[0] if str(exc) else ""
        where = ("local folder" if local else
                 "not a local folder, and not a model name found in the local Hugging Face cache")
        raise ModelLoadError(
            f"cannot load NLI model {name_or_path!r} ({where}): {type(exc).__name__}: {first}. "
            "Models are never downloaded at run time: give the path of a saved cross-encoder."
        ) from exc
    config = getattr(getattr(model, "model", None), "config", None)
    id2label = getattr(config, "id2label", None) or {}
    return NliScorer(model, label_columns(id2label, name_or_path), name=name_or_path, batch_size=batch_size)


def _text_getter(text_of: TextOf) -> Callable[[StatementRef], str]:
    if text_of is None:
        return lambda s: " ".join(s.text.split())
    if callable(text_of):
        return text_of
    return lambda s: text_of.get((s.article, s.start)) or " ".join(s.text.split())


def _candidate_pairs(f: Finding) -> list[tuple[int, int]]:
    """Pairs of statement indices to score: across positions, else all pairs."""
    idx = list(combinations(range(len(f.statements)), 2))
    cross = [(i, j) for i, j in idx if f.statements[i].position != f.statements[j].position]
    return cross or idx


def annotate(findings: Sequence[Finding], scorer: NliScorer, text_of: TextOf = None) -> list[Finding]:
    """Add the NLI judge's view to each finding with two or more statements.

    All pairs of all findings are scored in one batch, each pair in both
    directions. The verdict, kind and confidence of a finding are never
    changed; only its ``nli`` field is set:

    ``{"model", "label", "contradiction", "entailment", "neutral", "pair"}``,
    where ``pair`` is ``[premise, hypothesis]`` (indices into
    ``finding.statements``) of the pair and direction with the highest
    contradiction probability, ``contradiction``/``entailment``/``neutral``
    are that direction's probabilities, and ``label`` is the most probable of
    the three. Pairs are taken across positions (the statements the rules
    found to differ) or, when all statements take one position (agree), all
    pairs.

    Parameters
    ----------
    findings : sequence of Finding
    scorer : NliScorer
    text_of : mapping of (article, start) to str, or callable, optional
        The text to score for a statement (default: its text with white
        space folded).

    Returns
    -------
    findings : list of Finding
        In the same order.
    """
    get = _text_getter(text_of)
    jobs: list[tuple[int, list[tuple[int, int]]]] = []
    unique: dict[tuple[str, str], int] = {}
    for k, f in enumerate(findings):
        if len(f.statements) < 2:
            continue
        pairs = _candidate_pairs(f)
        for i, j in pairs:
            key = tuple(sorted((get(f.statements[i]), get(f.statements[j]))))
            unique.setdefault(key, len(unique))
        jobs.append((k, pairs))
    if not jobs:
        return list(findings)
    keys = list(unique)
    probs = scorer.score_both(keys)  # (n_unique, 2, 3)
    out = list(findings)
    for k, pairs in jobs:
        f = findings[k]
        best = None
        for i, j in pairs:
            ti, tj = get(f.statements[i]), get(f.statements[j])
            key = tuple(sorted((ti, tj)))
            row = probs[unique[key]]
            # row[0] scores key[0] -> key[1]; map back to statement indices
            fwd, bwd = (row[0], row[1]) if key == (ti, tj) else (row[1], row[0])
            for p, (a, b) in ((fwd, (i, j)), (bwd, (j, i))):
                if best is None or p[0] > best[0][0]:
                    best = (p, [a, b])
        p, pair = best
        out[k] = replace(f, nli={
            "model": scorer.name,
            "label": NLI_LABELS[int(np.argmax(p))],
            "contradiction": round(float(p[0]), 4),
            "entailment": round(float(p[1]), 4),
            "neutral": round(float(p[2]), 4),
            "pair": pair,
        })
    return out
