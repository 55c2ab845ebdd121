"""Settings of a run, validated once at the boundary."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Optional

from .read import DEFAULT_MAX_BYTES

__all__ = ["Settings", "SettingsError"]


class SettingsError(ValueError):
    """A setting has a bad value; the message names the key."""


@dataclass(frozen=True)
class Settings:
    """Everything a run can be told.

    Attributes
    ----------
    model : str or None
        Embedding model: ``use-multilingual`` (default), ``minilm``, ``tfidf``,
        a sentence-transformers model name, or a path to a saved model.
    fact_threshold : float
        Calibrated probability (of the fitted fact-identity model) from which
        two quantities (counts, money, measures, ...) are one fact; also the
        average probability a group of values must keep.
    time_threshold : float
        The same for two points in time (dates, years, weekdays): real news
        name many dates of other happenings (an arrest, a hearing, a funeral).
    value_threshold : float
        Cosine similarity (of number-masked statements) from which two
        statements that differ in a name may be the same statement, and from
        which a corpus statement is fetched as a neighbour.
    statement_threshold : float
        Cosine similarity from which two statements without values are the
        same statement on similarity alone.
    phrase_threshold : float
        Lower similarity that suffices when the statements share a
        distinctive phrase.
    tolerance : float
        Relative band of approximate hedges ("rund", "about", "fast").
    exact_tolerance : float
        Relative difference between two unhedged numbers that still agree.
    cache_dir : str or None
        Embedding cache folder; ``None`` for the default, ``""`` for no cache.
    max_bytes : int
        Files larger than this are reported as errors, not read.
    published : tuple of (path, iso_date)
        Publication dates by article path, for relative dates.
    nli_model : str or None
        Optional sentence-transformers CrossEncoder (name or path) that
        scores aligned pairs for entailment/contradiction.
    corpus : str or None
        The corpus (``consistency add`` / ``check --corpus``): a SQLite file, or a
        ``postgresql://`` URL of a shared PostgreSQL + pgvector corpus.
    fail_on : str
        ``contradict`` (default), ``unverifiable`` or ``never``.
    ignore : tuple of str
        Glob patterns of paths never read.
    names : str or None
        A TOML file of more names of entities (a person, a place, an organisation under
        several spellings or languages), merged into the built-in table
        (:func:`consistency.extract.entities.load_names`).
    """

    model: Optional[str] = None
    fact_threshold: float = 0.4
    time_threshold: float = 0.5
    value_threshold: float = 0.55
    statement_threshold: float = 0.8
    phrase_threshold: float = 0.25
    tolerance: float = 0.1
    exact_tolerance: float = 0.0
    cache_dir: Optional[str] = None
    max_bytes: int = DEFAULT_MAX_BYTES
    published: tuple = ()
    nli_model: Optional[str] = None
    corpus: Optional[str] = None
    fail_on: str = "contradict"
    ignore: tuple = ()
    names: Optional[str] = None

    def __post_init__(self):
        for key in ("value_threshold", "statement_threshold", "phrase_threshold"):
            v = getattr(self, key)
            if not isinstance(v, (int, float)) or isinstance(v, bool) or not -1.0 <= v <= 1.0:
                raise SettingsError(f"{key} must be a number in [-1, 1], got {v!r}")
        for key in ("fact_threshold", "time_threshold"):
            v = getattr(self, key)
            if not isinstance(v, (int, float)) or isinstance(v, bool) or not 0.0 < v < 1.0:
                raise SettingsError(f"{key} must be a probability in (0, 1), got {v!r}")
        for key in ("tolerance", "exact_tolerance"):
            v = getattr(self, key)
            if not isinstance(v, (int, float)) or isinstance(v, bool) or not 0.0 <= v < 1.0:
                raise SettingsError(f"{key} must be a number in [0, 1), got {v!r}")
        if not isinstance(self.max_bytes, int) or isinstance(self.max_bytes, bool) or self.max_bytes <= 0:
            raise SettingsError(f"max_bytes must be a positive integer, got {self.max_bytes!r}")
        if self.fail_on not in ("contradict", "unverifiable", "never"):
            raise SettingsError(f"fail_on must be one of contradict, unverifiable, never, got {self.fail_on!r}")
        if self.names is not None and (not isinstance(self.names, str) or not self.names.strip()):
            raise SettingsError(f"names must be the path of a names file, got {self.names!r}")
        if self.model is not None and (not isinstance(self.model, str) or not self.model.strip()):
            raise SettingsError(f"model must be a non-empty string, got {self.model!r}")

    def as_dict(self) -> dict:
        d = asdict(self)
        d["published"] = dict(self.published)
        return d

    @classmethod
    def keys(cls) -> list[str]:
        return [f.name for f in fields(cls)]
