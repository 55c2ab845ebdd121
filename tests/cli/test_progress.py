"""Progress on stderr: drawn for a person at a terminal, silent when piped or in CI."""

from __future__ import annotations

import io

import numpy as np
import pytest

from consistency.cli import main
from consistency.cli.progress import Progress, terminal_progress, wanted
from consistency.model import Article
from consistency.pipeline import check_articles
from consistency.settings import Settings

ERASE = "\r\x1b[K"


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
    p = Progress(out)
    assert not wanted(out) and not p.enabled
    for stage, done, total in [("reading", 0, 0), ("embedding", 0, 512), ("embedding", 256, 512), ("done", 1, 1)]:
        p(stage, done, total)
    p.clear()
    assert out.getvalue() == ""


def test_silent_in_ci_even_on_a_terminal(monkeypatch):
    term = FakeTerminal()
    monkeypatch.setenv("CI", "true")
    assert not wanted(term)
    terminal_progress(term)("embedding", 1, 2)
    assert term.getvalue() == ""
    monkeypatch.setenv("CI", "false")  # explicitly not CI
    assert wanted(term)
    monkeypatch.delenv("CI")
    assert wanted(term)
    assert not wanted(term, env={"CI": "1"})


def test_closed_or_odd_streams_are_not_terminals(tmp_path):
    closed = open(tmp_path / "f", "w")
    closed.close()  # isatty() raises ValueError

    class NoIsatty:
        def write(self, s):
            pass

    assert not wanted(closed, env={}) and not wanted(NoIsatty(), env={})


def test_renders_one_updating_line_when_forced():
    out, clock = io.StringIO(), Clock()
    p = Progress(out, force=True, clock=clock, width=10)
    p("reading", 0, 0)
    clock.t = 0.5
    p("embedding", 0, 512)
    clock.t = 1.0
    p("embedding", 256, 512)
    clock.t = 2.0
    p("embedding", 512, 512)
    p("aligning", 0, 512)
    text = out.getvalue()
    frames = text.split(ERASE)[1:]
    assert text.startswith(ERASE) and "\n" not in text  # one line, redrawn in place
    assert frames[0].startswith("reading") and "…" in frames[0]
    assert frames[1].startswith("embedding") and "512 statements" in frames[1]  # no bar stuck at 0 %
    assert "█████░░░░░ 256/512  50%" in frames[2] and "1.0s" in frames[2]
    assert "██████████ 512/512 100%" in frames[3]
    assert frames[4].startswith("aligning")
    p("done", 512, 512)  # the line is erased, so the summary that follows stands alone
    assert out.getvalue().endswith(ERASE) and len(out.getvalue().split(ERASE)) == len(frames) + 2


def test_throttles_redraws_of_one_stage():
    out, clock = io.StringIO(), Clock()
    p = Progress(out, force=True, clock=clock, interval=0.1)
    for i in range(1, 100):
        clock.t = i * 0.001
        p("embedding", i, 100)
    p("embedding", 100, 100)  # the last tick of a stage is always drawn
    frames = out.getvalue().split(ERASE)[1:]
    assert len(frames) == 2 and "100/100" in frames[-1]


def test_context_manager_erases_the_line_on_error():
    out = io.StringIO()
    with pytest.raises(RuntimeError):
        with Progress(out, force=True) as p:
            p("embedding", 1, 4)
            raise RuntimeError("model failed")
    assert out.getvalue().endswith(ERASE)
    quiet = io.StringIO()
    with Progress(quiet, force=False) as p:
        p("embedding", 1, 4)
    assert quiet.getvalue() == ""


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
    main(["check", *_batch(tmp_path), "--model", "tfidf", "--no-cache", "--exit-zero"])
    err = capsys.readouterr().err
    assert "\r" not in err and "embedding" not in err and "2 articles" in err


def test_cli_draws_progress_on_a_terminal(tmp_path, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    term = FakeTerminal()
    monkeypatch.setattr("sys.stderr", term)
    main(["check", *_batch(tmp_path), "--model", "tfidf", "--no-cache", "--exit-zero", "-o",
          str(tmp_path / "r.json"), "-f", "json"])
    err = term.getvalue()
    assert ERASE + "embedding" in err and ERASE + "aligning" in err
    # the line is erased before the summary, which stands on a line of its own
    assert ERASE + "2 articles" in err
    monkeypatch.setenv("CI", "true")
    term2 = FakeTerminal()
    monkeypatch.setattr("sys.stderr", term2)
    main(["check", *_batch(tmp_path), "--model", "tfidf", "--no-cache", "--exit-zero", "-o",
          str(tmp_path / "r.json"), "-f", "json"])
    assert "\r" not in term2.getvalue() and "2 articles" in term2.getvalue()
