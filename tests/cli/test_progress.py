"""Progress on stderr: drawn for a person at a terminal, silent when piped or in CI."""

from __future__ import annotations

import io

import numpy as np
import pytest

from consistency.cli import main
from rich.console import Console

from consistency.cli.progress import StageProgress, terminal_progress, wanted
from consistency.model import Article
from consistency.pipeline import check_articles
from consistency.settings import Settings



class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self):
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


def test_silent_when_not_a_terminal(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    out = io.StringIO()
    p = terminal_progress(out)
    assert not wanted(out) and not p.enabled
    with p:
        for stage, done, total in [("reading", 0, 0), ("embedding", 0, 512), ("embedding", 256, 512),
                                   ("done", 1, 1)]:
            p(stage, done, total)
    assert out.getvalue() == ""
    assert set(p.timings) == {"reading", "embedding"}  # timed for --verbose even when not drawn


def test_silent_in_ci_even_on_a_terminal(monkeypatch):
    term = FakeTerminal()
    monkeypatch.setenv("CI", "true")
    assert not wanted(term)
    with terminal_progress(term) as p:
        p("embedding", 1, 2)
    assert term.getvalue() == ""
    monkeypatch.setenv("CI", "false")  # explicitly not CI
    assert wanted(term)
    monkeypatch.delenv("CI")
    assert wanted(term)
    assert not wanted(term, env={"CI": "1"})
    with terminal_progress(term, quiet=True) as p:  # --quiet: never
        p("embedding", 1, 2)
    assert term.getvalue() == ""


def test_closed_or_odd_streams_are_not_terminals(tmp_path):
    closed = open(tmp_path / "f", "w")
    closed.close()  # isatty() raises ValueError

    class NoIsatty:
        def write(self, s):
            pass

    assert not wanted(closed, env={}) and not wanted(NoIsatty(), env={})


def test_draws_rich_bars_on_a_terminal_and_erases_them(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    term = FakeTerminal()
    clock = Clock()
    console = Console(file=term, force_terminal=True, width=100)
    with StageProgress(console, clock=clock) as p:
        p("reading", 0, 0)
        clock.t = 0.5
        p("embedding", 0, 512)
        p("embedding", 256, 512)
        p.refresh()
        clock.t = 2.0
        p("aligning", 10, 512)
        p.refresh()
    text = term.getvalue()
    assert "embedding" in text and "256/512" in text and "50%" in text
    assert "aligning" in text
    assert text.endswith("\x1b[?25h") or "\x1b[2K" in text  # the bars are erased (transient)
    assert p.timings["embedding"] == 1.5 and p.timings["reading"] == 0.5


def test_context_manager_stops_the_bars_on_error(monkeypatch):
    term = FakeTerminal()
    console = Console(file=term, force_terminal=True, width=100)
    with pytest.raises(RuntimeError):
        with StageProgress(console) as p:
            p("embedding", 1, 4)
            raise RuntimeError("model failed")
    assert not p.live_started()


class TinyEmbedder:
    """A stand-in embedding engine: 8-dimensional vectors from a hash, counted calls."""

    name = "tiny"

    def __init__(self):
        self.calls = []

    def encode(self, texts):
        self.calls.append(len(texts))
        rng = np.random.default_rng(len(texts))
        x = rng.normal(size=(len(texts), 8)).astype(np.float32)
        return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_pipeline_ticks_embedding_in_chunks():
    text = " ".join(f"Am Tag {i} kamen {i + 10} Menschen zur Versammlung Nummer {i}." for i in range(600))
    article = Article(path="long.txt", id="long", text=text, view=text, language="de")
    ticks = []
    embedder = TinyEmbedder()
    report = check_articles([article], Settings(cache_dir=""), embedder=embedder,
                            progress=lambda *a: ticks.append(a))
    n = report.statements
    assert n > 256
    embedding = [t for t in ticks if t[0] == "embedding"]
    assert embedding[0] == ("embedding", 0, n) and embedding[-1] == ("embedding", n, n)
    assert [t[1] for t in embedding[1:]] == [min(k, n) for k in range(256, n + 256, 256)]
    # the statements in chunks of 256, then the clauses and counted nouns of their values
    chunks = [len(range(i, min(i + 256, n))) for i in range(0, n, 256)]
    assert embedder.calls[:len(chunks)] == chunks
    assert report.texts == {"long.txt": text}


def _batch(tmp_path):
    (tmp_path / "a.txt").write_text("Beim Brand wurden 12 Menschen verletzt.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Beim Brand wurden 15 Menschen verletzt.\n", encoding="utf-8")
    return [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]


def test_cli_quiet_when_stderr_is_piped(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    main(["check", *_batch(tmp_path), "--model", "tfidf", "--no-cache", "--exit-zero", "-f", "json"])
    err = capsys.readouterr().err
    assert "\r" not in err and "embedding" not in err and "2 articles" in err


def test_cli_draws_progress_on_a_terminal(tmp_path, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    term = FakeTerminal()
    monkeypatch.setattr("sys.stderr", term)
    main(["check", *_batch(tmp_path), "--model", "tfidf", "--no-cache", "--exit-zero", "-o",
          str(tmp_path / "r.json"), "-f", "json"])
    err = term.getvalue()
    assert "embedding" in err or "aligning" in err or "extracting" in err
    # the bars are erased before the summary, which stands on a line of its own
    assert err.rstrip().splitlines()[-1].endswith("2 articles, 4 statements, 2 facts: 1 contradict, 0 agree, "
                                                  "1 unverifiable") or "2 articles" in err.splitlines()[-1]
    monkeypatch.setenv("CI", "true")
    term2 = FakeTerminal()
    monkeypatch.setattr("sys.stderr", term2)
    main(["check", *_batch(tmp_path), "--model", "tfidf", "--no-cache", "--exit-zero", "-o",
          str(tmp_path / "r.json"), "-f", "json"])
    assert "\r" not in term2.getvalue() and "\x1b" not in term2.getvalue() and "2 articles" in term2.getvalue()
