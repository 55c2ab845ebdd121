"""The whole pipeline: paths in, a Report out. Never prints, never exits."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import fields, replace
from datetime import date
from typing import Callable, Iterable, Optional, Sequence

import numpy as np

from .align import AlignSettings, Candidates, find_candidates, group_order, statement_groups_of, value_groups
from .align.context import noun_text, value_context
from .align.identity import models_digest
from .embed import CachedEmbedder, Embedder, ResultCache, embed_affirmed, embed_claims, load_embedder, one_core_less
from .embed.cache import digest
from .extract import extract_claims
from .extract.entities import names_digest, use_names
from .extract.dates import find_publication_date
from .judge import JudgeSettings, finish, judge_group, with_names
from .judge.stances import forget_stances
from .judge.nli import NliScorer, annotate, load_nli
from .model import Article, ArticleStatus, Batch, Claim, Mention, Report
from .read import read_paths
from .segment import segment
from .settings import Settings

__all__ = ["check", "check_articles", "claims_of", "complete", "extracted_claims", "get_embedder", "prepare", "judge_batch",
           "with_publication_dates"]

Progress = Callable[[str, int, int], None]
_EMBED_CHUNK = 256  # claims embedded per progress tick


def get_embedder(settings: Settings) -> Embedder:
    """Load the settings' embedding model, wrapped in the disk cache unless disabled."""
    embedder = load_embedder(settings.model)
    if settings.cache_dir == "":
        return embedder
    return CachedEmbedder(embedder, settings.cache_dir)


def _dedupe(claims: list[Claim]) -> list[Claim]:
    """Drop a statement repeated word for word within one article (a headline
    printed twice): it is one statement, not two."""
    seen: set[tuple[str, str]] = set()
    out = []
    for c in claims:
        key = (c.article, c.sentence.clean)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def with_publication_dates(articles: Sequence[Article], settings: Settings) -> list[Article]:
    """The articles with their publication date filled in where the settings
    (``--published``) or a date line near the top of the article tell it."""
    pub = dict(settings.published)
    out = []
    for a in articles:
        if a.published is None and not a.error:
            stated = pub.get(a.path) or pub.get(a.id)
            found = date.fromisoformat(stated) if stated else find_publication_date(a.view or a.text)
            if found is not None:
                a = replace(a, published=found)
        out.append(a)
    return out


def _claims_key(article: Article, tolerance: float, names: str = "") -> str:
    """The result-cache key of an article's claims: everything they depend on (``names``: the
    digest of the names file, :func:`~consistency.extract.entities.names_digest`)."""
    # the dataclass fields, not the object: a pickle would also hold what the article caches on
    # itself (its line starts, once a statement was located), and the key would change
    return digest("claims/1", [getattr(article, f.name) for f in fields(article)], repr(tolerance),
                  *((f"names:{names}",) if names else ()))


#: Articles to extract from which a batch is segmented and extracted in a forked process, while
#: this one embeds (:func:`_article_claims`): extraction is Python that holds the interpreter
#: lock, so a thread beside the model's gains little (1,000 generated articles: extraction and
#: embedding 5.2 s in threads, 3.3 s with a process, 5.3 s one after the other). Below it the
#: fork costs more than it saves.
PROCESS_MIN_ARTICLES = 200
#: Articles per task sent to the extracting process.
_PROCESS_CHUNK = 50


def _extract_chunk(chunk: Sequence[Article], tolerance: float) -> list[tuple[Claim, ...]]:
    """Segment and extract each article of ``chunk`` (run in the extracting process)."""
    return [extract_claims(a, segment(a), tolerance) for a in chunk]


def _extract_forked(n_articles: int) -> bool:
    """Are ``n_articles`` extracted in a forked process (:func:`_extracted`)?"""
    import multiprocessing as mp

    return n_articles >= PROCESS_MIN_ARTICLES and "fork" in mp.get_all_start_methods()


def _extracted(todo: Sequence[Article], tolerance: float, forked: bool):
    """The claims of each article of ``todo``, in order: in a forked process when ``forked``
    (:func:`_extract_forked`), else here. If that process dies (killed for memory, say), the articles it
    did not return are extracted here."""
    if not forked:
        for a in todo:
            yield extract_claims(a, segment(a), tolerance)
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool
    from functools import partial

    chunks = [todo[i:i + _PROCESS_CHUNK] for i in range(0, len(todo), _PROCESS_CHUNK)]
    done = 0
    pool = ProcessPoolExecutor(1, mp_context=mp.get_context("fork"))
    try:
        for found in pool.map(partial(_extract_chunk, tolerance=tolerance), chunks):
            done += len(found)
            yield from found
    except BrokenProcessPool:
        for a in todo[done:]:
            yield extract_claims(a, segment(a), tolerance)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # also when the caller stops early


def _article_claims(articles: Sequence[Article], settings: Settings, cache: Optional[ResultCache],
                    state: Optional[dict] = None):
    """Yield ``(article, key, claims)`` for each readable article (dates resolved), segmenting
    and extracting only the articles whose claims are not in ``cache`` (:func:`_extracted`).
    ``state["forked"]`` tells, from the first article on, whether another process extracts."""
    use_names(settings.names)
    readable = [a for a in with_publication_dates(articles, settings) if not a.error]
    names = names_digest(settings.names)
    keys = ([_claims_key(a, settings.tolerance, names) for a in readable] if cache is not None
            else [None] * len(readable))
    stored = cache.get_many(keys) if cache is not None else {}
    todo = [a for a, key in zip(readable, keys) if key is None or stored.get(key) is None]
    forked = _extract_forked(len(todo))
    if state is not None:
        state["forked"] = forked
    extracted = _extracted(todo, settings.tolerance, forked)
    fresh = []
    try:
        for a, key in zip(readable, keys):
            found = stored.get(key) if key is not None else None
            if found is None:
                found = next(extracted)
                if key is not None:
                    fresh.append((key, found))
                    if len(fresh) >= 200:
                        cache.put_many(fresh)
                        fresh = []
            yield a, key, found
    finally:
        extracted.close()  # the extracting process ends here, also when the caller stops early
    if cache is not None:
        cache.put_many(fresh)


def extracted_claims(articles: Sequence[Article], settings: Settings, *,
                     forked: Optional[bool] = None) -> Iterable[tuple[Claim, ...]]:
    """The claims of each readable article of ``articles``, in order, as :func:`claims_of` gives
    them for that article alone (publication date resolved, a repeated statement once).

    Yields one tuple per readable article while the others are still being extracted: in a
    forked process from :data:`PROCESS_MIN_ARTICLES` articles on (``forked=None``; ``True`` or
    ``False`` decides), so the caller can embed meanwhile. Close the generator to stop early.
    """
    use_names(settings.names)
    readable = [a for a in with_publication_dates(articles, settings) if not a.error]
    found = _extracted(readable, settings.tolerance,
                       _extract_forked(len(readable)) if forked is None else forked)
    try:
        for claims in found:
            yield tuple(_dedupe(list(claims)))
    finally:
        found.close()


def _result_cache(settings: Settings) -> Optional[ResultCache]:
    """The settings' result cache (beside the embedding cache), or ``None`` when caching is off."""
    return None if settings.cache_dir == "" else ResultCache(settings.cache_dir)


def claims_of(articles: Sequence[Article], settings: Settings, *,
              cache: Optional[ResultCache] = None) -> list[Claim]:
    """Segment and extract every readable article (publication dates resolved first).

    ``cache`` holds the claims of articles seen before (by content, settings and code).
    """
    claims: list[Claim] = []
    for _, _, found in _article_claims(articles, settings, cache):
        claims.extend(found)
    return _dedupe(claims)


def _encode(embedder: Embedder, texts: Sequence[str], dim: int) -> np.ndarray:
    """Embed distinct texts once; rows in the order of ``texts``."""
    if not texts:
        return np.zeros((0, dim), dtype=np.float32)
    uniq = list(dict.fromkeys(texts))
    V = np.asarray(embedder.encode(uniq), dtype=np.float32)
    row = {t: i for i, t in enumerate(uniq)}
    return V[[row[t] for t in texts]]


def prepare(claims: Sequence[Claim], embedder: Embedder, *, n_new: Optional[int] = None, ids: dict,
            published: Optional[dict] = None, X: Optional[np.ndarray] = None,
            tick: Optional[Progress] = None, defer: bool = False) -> Batch:
    """Embed what align and judge need, once: the prepared :class:`~consistency.model.Batch`.

    Parameters
    ----------
    claims : sequence of Claim
        New claims first (``n_new`` of them; all by default), then corpus claims.
    embedder : Embedder
    ids : dict
        Article path -> stable id for every article of ``claims``.
    published : dict, optional
        Article path -> publication date.
    X : ndarray of shape (len(claims), dim), optional
        Claim embeddings already at hand (a corpus stores them); embedded here otherwise.
        When given, the stored claims' sentences are not embedded again; the clauses and
        nouns of their values are (through the disk cache, a lookup after the first check),
        unless ``defer``.
    defer : bool
        Embed the affirmed texts, clauses and nouns of the new claims only; the corpus claims'
        rows are left ``pending`` for :func:`complete`, which align calls once the stories are
        known (:func:`align_and_judge`), so only those of stories with a new article are embedded.
    """
    tick = tick or (lambda stage, done, total: None)
    claims = tuple(claims)
    n_new = len(claims) if n_new is None else n_new
    if X is None:
        parts = []
        for i in range(0, len(claims), _EMBED_CHUNK):  # in chunks, so progress can tick
            parts.append(embed_claims(claims[i:i + _EMBED_CHUNK], embedder))
            tick("embedding", min(i + _EMBED_CHUNK, len(claims)), len(claims))
        X = np.vstack(parts) if parts else np.zeros((0, 1), dtype=np.float32)
    X = np.asarray(X, dtype=np.float32)
    dim = X.shape[1] if X.ndim == 2 and X.shape[0] else 1
    mentions = tuple(Mention(ci, vi) for ci, c in enumerate(claims) for vi in range(len(c.values)))
    Xa = X.copy()
    C = np.zeros((len(mentions), dim), dtype=np.float32)
    U = np.zeros((len(mentions), dim), dtype=np.float32)
    pending = None
    if defer and n_new < len(claims):
        pending = np.zeros(len(claims), dtype=bool)
        pending[n_new:] = True
    _embed_rows(claims, mentions, X, Xa, C, U, np.arange(n_new if pending is not None else len(claims)), embedder)
    return Batch(claims=claims, X=X, Xa=Xa, mentions=mentions, C=C, U=U, n_new=n_new, ids=ids,
                 published=published or {}, pending=pending)


def _embed_rows(claims: tuple, mentions: tuple, X: np.ndarray, Xa: np.ndarray, C: np.ndarray, U: np.ndarray,
                rows: np.ndarray, embedder: Embedder) -> None:
    """Fill, in place, ``Xa[rows]`` and the rows of ``C`` and ``U`` of those claims' mentions."""
    if not len(rows):
        return
    dim = C.shape[1]
    Xa[rows] = embed_affirmed([claims[i] for i in rows.tolist()], X[rows], embedder)
    chosen = np.zeros(len(claims), dtype=bool)
    chosen[rows] = True
    ks = [k for k, m in enumerate(mentions) if chosen[m.claim]]
    if not ks:
        return
    values = {k: claims[mentions[k].claim].values[mentions[k].value_index] for k in ks}
    C[ks] = _encode(embedder, [value_context(claims[mentions[k].claim], values[k]) for k in ks], dim)
    nouns = {k: noun_text(claims[mentions[k].claim], values[k]) for k in ks}
    have = [k for k in ks if nouns[k]]
    if have:
        U[have] = _encode(embedder, [nouns[k] for k in have], dim)


def complete(batch: Batch, embedder: Embedder, claims: np.ndarray) -> Batch:
    """``batch`` with the pending rows (``Batch.pending``) of the chosen claims embedded.

    Parameters
    ----------
    batch : Batch
    embedder : Embedder
        The model the batch was prepared with.
    claims : ndarray of shape (n_claims,), bool
        Which claims need their rows; pending rows of the others stay zero (and pending).

    Returns
    -------
    batch : Batch
        A new batch (``batch`` itself when nothing is pending among the chosen claims).
    """
    claims = np.asarray(claims, dtype=bool)
    if claims.shape != (len(batch.claims),):
        raise ValueError(f"claims must be a bool array of shape ({len(batch.claims)},), got {claims.shape}")
    if batch.pending is None or not (batch.pending & claims).any():
        return batch
    Xa, C, U = batch.Xa.copy(), batch.C.copy(), batch.U.copy()
    _embed_rows(batch.claims, batch.mentions, batch.X, Xa, C, U, np.flatnonzero(batch.pending & claims), embedder)
    left = batch.pending & ~claims
    return replace(batch, Xa=Xa, C=C, U=U, pending=left if left.any() else None)


class ChunkedEmbedding:
    """Embed a growing list of claims in a worker thread, while the caller goes on (extracting).

    ``send(claims)`` hands over every whole chunk of :data:`_EMBED_CHUNK` claims not yet sent, in
    order; ``parts(claims)`` waits for them and embeds the rest here. The model sees the batches
    one :func:`~consistency.embed.embed_claims` call over all the claims gives it (a chunk is a
    multiple of the models' batch sizes), so the vectors are the same. The model is asked for
    (``model()``) only when something is embedded; while ``leave_a_core()`` is true when the
    first chunk is sent (another process extracts), it leaves that process a core until
    ``parts`` (:func:`~consistency.embed.one_core_less`). Use it as a context manager: leaving it
    stops the thread.
    """

    def __init__(self, model: Callable[[], Embedder], leave_a_core: Callable[[], bool] = lambda: False):
        self._model, self._leave_a_core = model, leave_a_core
        self._pool: Optional[ThreadPoolExecutor] = None
        self._futures: list[Future] = []
        self._shared = ExitStack()
        self.sent = 0

    def send(self, claims: Sequence[Claim]) -> None:
        """Hand the whole chunks of ``claims[self.sent:]`` to the worker thread."""
        while len(claims) - self.sent >= _EMBED_CHUNK:
            embedder = self._model()
            if self._pool is None:
                self._pool = ThreadPoolExecutor(1, thread_name_prefix="consistency-embed")
                if self._leave_a_core():
                    self._shared.enter_context(one_core_less(embedder))
            chunk = tuple(claims[self.sent:self.sent + _EMBED_CHUNK])
            self._futures.append(self._pool.submit(embed_claims, chunk, embedder))
            self.sent += _EMBED_CHUNK

    def parts(self, claims: Sequence[Claim], tick: Callable[[int], None] = lambda done: None) -> list[np.ndarray]:
        """The vectors of ``claims`` (all of them sent so far, and the rest), as arrays in order;
        ``tick(done)`` after each."""
        self._shared.close()  # extraction is over: every core for the rest
        parts = []
        for f in self._futures:
            parts.append(f.result())
            tick(min(len(parts) * _EMBED_CHUNK, len(claims)))
        if self.sent < len(claims):
            parts.append(embed_claims(tuple(claims[self.sent:]), self._model()))
            tick(len(claims))
        return parts

    def __enter__(self) -> "ChunkedEmbedding":
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._shared.close()


def _claims_and_embeddings(articles: Sequence[Article], settings: Settings, embedder: Optional[Embedder],
                           tick: Progress, cache: Optional[ResultCache]):
    """Segment, extract and embed, both cores busy: each chunk of claims is embedded in a
    worker thread (the model's BLAS code releases the GIL) while the articles are extracted, in
    a forked process from :data:`PROCESS_MIN_ARTICLES` articles on (:func:`_extracted`; the model
    then leaves it a core), else in the main thread. Chunks are those of :func:`prepare`
    (``_EMBED_CHUNK`` claims in order), so the embeddings are the ones it would compute.

    Returns ``(claims, X, embedder, keys)``; ``keys`` are the articles' claim-cache keys.
    """
    claims: list[Claim] = []
    seen: set[tuple[str, str]] = set()
    keys: list[Optional[str]] = []
    state: dict = {}

    def model() -> Embedder:
        nonlocal embedder
        embedder = embedder or get_embedder(settings)
        return embedder

    # while another process extracts, the model leaves it a core (1,000 generated articles on 2
    # cores: 6.5 s end to end with one BLAS thread, 7.8 s with two)
    with ChunkedEmbedding(model, lambda: bool(state.get("forked"))) as embedding:
        for _, key, found in _article_claims(articles, settings, cache, state):
            keys.append(key)
            for c in found:  # _dedupe, incrementally
                if (c.article, c.sentence.clean) not in seen:
                    seen.add((c.article, c.sentence.clean))
                    claims.append(c)
            embedding.send(claims)
        tick("embedding", 0, len(claims))
        parts = embedding.parts(claims, lambda done: tick("embedding", done, len(claims)))
    X = np.vstack(parts) if parts else np.zeros((0, 1), dtype=np.float32)
    return claims, np.asarray(X, dtype=np.float32), embedder, keys


def check_articles(articles: Sequence[Article], settings: Settings = Settings(), *,
                   embedder: Optional[Embedder] = None, progress: Optional[Progress] = None,
                   nli: Optional[NliScorer] = None) -> Report:
    """Check already-read articles against each other.

    ``nli`` is a loaded NLI judge (:func:`consistency.judge.nli.load_nli`); without one it is
    loaded from ``settings.nli_model`` when that is set. It only annotates findings.

    Unless caching is off (``settings.cache_dir == ""``), the claims of each article and the
    findings of the batch are kept in the result cache beside the embedding cache
    (:class:`~consistency.embed.ResultCache`), keyed by the articles, their embeddings, the
    settings and the code: checking the same batch again reads them back.
    """
    tick = progress or (lambda stage, done, total: None)
    if nli is None and settings.nli_model:
        nli = load_nli(settings.nli_model)  # before the slow stages: a bad model fails fast
    tick("segmenting", 0, len(articles))
    articles = with_publication_dates(articles, settings)
    cache = _result_cache(settings)
    try:
        claims, X, embedder, keys = _claims_and_embeddings(articles, settings, embedder, tick, cache)
        model = embedder.name if embedder else settings.model
        memo = None
        if cache is not None and nli is None:
            memo = digest("findings/1", keys, X.tobytes(), repr(X.shape), repr(settings), model, models_digest())
            findings = cache.get(memo)
            if findings is not None:
                tick("aligning", 0, len(claims))
                return _report(articles, tuple(claims), len(claims), findings, settings, model, tick)
        batch = prepare(claims, embedder, ids={a.path: a.id for a in articles},
                        published={a.path: a.published for a in articles if a.published},
                        X=X if claims else None, tick=tick)
        report = judge_batch(articles, batch, settings, model=model, nli=nli, tick=tick)
        if memo is not None:
            cache.put(memo, report.findings)
        return report
    finally:
        if cache is not None:
            cache.close()


def _report(articles: Sequence[Article], claims: Sequence[Claim], n_new: int, findings, settings: Settings,
            model: Optional[str], tick: Progress, extra: Optional[dict] = None) -> Report:
    """The report of a judged batch."""
    counts: dict[str, int] = {}
    for c in claims[:n_new]:
        counts[c.article] = counts.get(c.article, 0) + 1
    statuses = tuple(ArticleStatus(path=a.path, id=a.id, sentences=counts.get(a.path, 0),
                                   language=a.language, error=a.error) for a in articles)
    tick("done", n_new, n_new)
    return Report(articles=statuses, findings=tuple(findings), statements=n_new,
                  settings={"model": model,
                            "fact_threshold": settings.fact_threshold,
                            "time_threshold": settings.time_threshold,
                            "value_threshold": settings.value_threshold,
                            "statement_threshold": settings.statement_threshold,
                            "phrase_threshold": settings.phrase_threshold,
                            "tolerance": settings.tolerance, **(extra or {})},
                  texts={a.path: a.text for a in articles if not a.error})


#: Claims from which a batch's statements are aligned and judged in a forked process while this
#: one aligns and judges its values (:func:`align_and_judge`); below it the fork costs more than it saves.
PROCESS_MIN_CLAIMS = 1500


def align_and_judge(batch: Batch, align_settings: AlignSettings, judge_settings: JudgeSettings, *,
                    forked: Optional[bool] = None, embedder: Optional[Embedder] = None) -> list:
    """Align a prepared batch and judge its groups: the findings, contradictions first.

    Only groups with at least one new claim (``batch.n_new``) are judged: corpus articles that
    disagree among themselves are not this batch's findings. Value and statement alignment share
    the stories and the bi-encoder's proposals, and are otherwise independent: from
    :data:`PROCESS_MIN_CLAIMS` claims on (or with ``forked=True``), where the platform forks, the
    statements are aligned and judged in a forked process while this one does the values, both
    cores busy. The findings are the same either way (in the order of :func:`.align.align`); if
    that process fails, its part is done here.

    A batch with ``pending`` rows (:func:`prepare` with ``defer=True``) needs ``embedder``: once
    the stories are known, the pending rows of the stories with a new claim are embedded
    (:func:`complete`); the other stories' groups hold no new claim and are never judged.
    """
    if not batch.claims:
        return []
    forget_stances()  # the stances of this batch's claims are computed once, here or when judged
    cand = find_candidates(batch, align_settings)
    if batch.pending is not None:
        if embedder is None:
            raise ValueError("a batch with pending rows needs the embedder to complete it")
        ours = np.isin(cand.story, cand.story[:batch.n_new])
        batch = complete(batch, embedder, ours)
        cand = _only_stories(cand, ours)
    judge_settings = with_names(judge_settings, batch.ids)

    def judged(groups) -> list[tuple]:
        if len(batch.claims) > batch.n_new:
            groups = [g for g in groups if any(m.claim < batch.n_new for m in g.mentions)]
        return [(group_order(g), judge_group(g, batch.claims, batch.ids, judge_settings)) for g in groups]

    def statements() -> list[tuple]:
        return judged(statement_groups_of(batch, cand, align_settings))

    if forked is None:
        forked = len(batch.claims) >= PROCESS_MIN_CLAIMS
    with _beside(statements, forked and _can_fork()) as other:
        values = judged(value_groups(batch, cand, align_settings))
        found = values + other()
    found.sort(key=lambda item: item[0])  # stable: values before statements of one key, as align sorts
    return finish([f for _, fs in found for f in fs])


def _only_stories(cand: Candidates, keep: np.ndarray) -> Candidates:
    """``cand`` without the work of the stories outside ``keep`` (a claim mask, whole stories):
    their proposed pairs are dropped and each of their claims is a story of its own, so no value
    or statement of theirs is compared. Everything is done per story, so the kept stories' groups
    are what they were; the others' would hold no new claim and never be judged."""
    if keep.all():
        return cand
    story = cand.story.copy()
    out = np.flatnonzero(~keep)
    story[out] = story.max() + 1 + np.arange(len(out))
    pair = keep[cand.ii] & keep[cand.jj]
    return replace(cand, story=story, ii=cand.ii[pair], jj=cand.jj[pair], ss=cand.ss[pair])


def _can_fork() -> bool:
    import multiprocessing as mp

    return "fork" in mp.get_all_start_methods()


#: The job a forked process of :func:`_beside` runs: set before the fork, so the process inherits it
#: (and the batch it reads) instead of receiving them pickled.
_JOB: Optional[Callable] = None


def _run_job():
    return _JOB()


@contextmanager
def _beside(job: Callable, fork: bool):
    """``with _beside(job, fork) as other: ...; other()``: run ``job`` in a forked process while the
    body runs; ``other()`` returns its result (``job()`` run here if not forked or if the process
    failed)."""
    global _JOB
    pool = future = None
    if fork:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        _JOB = job
        try:
            pool = ProcessPoolExecutor(1, mp_context=mp.get_context("fork"))
            future = pool.submit(_run_job)  # forks here
        except OSError:  # no process to be had: the job runs here
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)
            pool = future = None
        finally:
            _JOB = None

    def result():
        if future is not None:
            from concurrent.futures.process import BrokenProcessPool

            try:
                return future.result()
            except BrokenProcessPool:
                pass  # killed (for memory, say): its part is done here
        return job()

    try:
        yield result
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def judge_batch(articles: Sequence[Article], batch: Batch, settings: Settings, *, model: Optional[str],
                nli=None, tick: Optional[Progress] = None, extra: Optional[dict] = None,
                embedder: Optional[Embedder] = None) -> Report:
    """Align, judge and report a prepared batch: the part a plain check and a corpus check share.

    Parameters
    ----------
    articles : the new articles (listed in the report)
    batch : Batch
        The new articles' claims first (``batch.n_new``), then any corpus claims compared with them.
    extra : dict, optional
        More entries for ``Report.settings``.
    embedder : Embedder, optional
        The batch's model; needed when ``batch.pending`` (a corpus check's deferred rows).

    Only groups with at least one new claim are judged: corpus articles that
    disagree among themselves are not this batch's findings.
    """
    tick = tick or (lambda stage, done, total: None)
    all_claims = batch.claims
    tick("aligning", 0, len(all_claims))
    findings = align_and_judge(batch, AlignSettings.from_settings(settings),
                               JudgeSettings(settings.exact_tolerance, batch.published), embedder=embedder)
    if nli is not None:
        findings = annotate(findings, nli, {(c.article, c.sentence.start): c.sentence.clean for c in all_claims})
    return _report(articles, all_claims, batch.n_new, findings, settings, model, tick, extra)


def check(paths: Iterable[str] | str, settings: Settings = Settings(), *,
          embedder: Optional[Embedder] = None, progress: Optional[Progress] = None) -> Report:
    """Check a batch of articles for facts they agree and disagree on.

    Parameters
    ----------
    paths : str or iterable of str
        Files, folders and glob patterns.
    settings : Settings
    embedder : Embedder, optional
        A loaded embedding engine (to reuse one across calls).

    Returns
    -------
    report : Report
    """
    if isinstance(paths, str):
        paths = [paths]
    if progress:
        progress("reading", 0, 0)  # total unknown until the paths are expanded
    articles = read_paths(paths, max_bytes=settings.max_bytes)
    return check_articles(articles, settings, embedder=embedder, progress=progress)
