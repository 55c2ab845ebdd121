"""Stage 1, reading: files, folders, globs, JSONL records, and every error named."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from consistency.read import DEFAULT_MAX_BYTES, read_file, read_paths

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
DE = "Der Vertrag wurde am 19. Juni unterzeichnet. Russland und Nordkorea helfen sich im Falle eines Angriffs.\n"
EN = "The treaty was signed on June 19. Russia and North Korea will help each other in case of an attack.\n"


def write(path: Path, content, encoding="utf-8") -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode(encoding))
    return str(path)


def only(articles):
    assert len(articles) == 1
    return articles[0]


# -- plain files -------------------------------------------------------------------------------

def test_text_file(tmp_path):
    p = write(tmp_path / "a.txt", DE)
    a = only(read_file(p))
    assert a.error is None and a.path == p and a.id == "a"
    assert a.text == DE and len(a.view) == len(a.text) and a.language == "de"


def test_english_is_detected(tmp_path):
    assert only(read_file(write(tmp_path / "b.txt", EN))).language == "en"


def test_crlf_file_gets_editor_line_numbers(tmp_path):
    p = write(tmp_path / "crlf.txt", "Titel\r\n\r\n" + DE.replace("\n", "\r\n"))
    a = only(read_file(p))
    assert "\r" not in a.text
    assert a.line_of(a.text.index("Der Vertrag")) == 3


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_latin1_file_is_read(tmp_path, encoding):
    text = "Die Bündnispartner äußerten sich: Größere Lieferungen für Pjöngjang.\n"
    a = only(read_file(write(tmp_path / "latin.txt", text, encoding)))
    assert a.error is None and a.text == text


def test_utf8_bom_file(tmp_path):
    a = only(read_file(write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + DE.encode())))
    assert a.text == DE


def test_html_file(tmp_path):
    html = ("<html><head><title>X</title><style>p{margin:0}</style><script>var n = 6700;</script></head>"
            "<body><p>Mehr als 10.000 Container wurden geliefert.</p></body></html>")
    a = only(read_file(write(tmp_path / "page.html", html)))
    assert a.text == html  # the original is never rewritten
    assert " ".join(a.view.split()) == "Mehr als 10.000 Container wurden geliefert."


def test_markdown_file(tmp_path):
    md = "# Der Pakt\n\nDer **Vertrag** wurde am [19. Juni](https://x.org/2024/06/19) unterzeichnet.\n"
    a = only(read_file(write(tmp_path / "note.md", md)))
    assert " ".join(a.view.split()) == "Der Pakt Der Vertrag wurde am 19. Juni unterzeichnet."


# -- errors in plain files -----------------------------------------------------------------------

def test_empty_file(tmp_path):
    p = write(tmp_path / "empty.txt", b"")
    a = only(read_file(p))
    assert a.error == f"{p}: empty file"


def test_file_with_markup_only(tmp_path):
    p = write(tmp_path / "tags.html", "<html><body><div class='x'></div></body></html>")
    assert only(read_file(p)).error.startswith(f"{p}: no article text")


def test_binary_file(tmp_path):
    p = write(tmp_path / "image.txt", bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(300))
    a = only(read_file(p))
    assert a.error == f"{p}: binary file (not text)"


def test_too_large_file_names_the_limit(tmp_path):
    p = write(tmp_path / "big.txt", DE * 100)
    a = only(read_file(p, max_bytes=1000))
    assert a.error.startswith(f"{p}: file too large")
    assert "1,000 bytes" in a.error and "--max-bytes" in a.error
    assert only(read_file(p, max_bytes=10**6)).error is None


def test_default_limit_is_10_mib():
    assert DEFAULT_MAX_BYTES == 10 * 1024 * 1024


# -- JSONL ---------------------------------------------------------------------------------------

def jsonl(tmp_path, lines, name="batch.jsonl") -> str:
    return write(tmp_path / name, "\n".join(l if isinstance(l, str) else json.dumps(l, ensure_ascii=False)
                                            for l in lines) + "\n")


def test_jsonl_records(tmp_path):
    p = jsonl(tmp_path, [
        {"id": "a1", "text": DE, "title": "Pakt", "source": "dw", "published": "2024-06-20", "language": "de"},
        "",
        {"id": 7, "text": EN, "published": "2024-06-21T08:30:00Z"},
    ])
    a, b = read_file(p)
    assert (a.path, a.id, a.title, a.source, a.published, a.language, a.record_line) == \
        (f"{p}:1", "a1", "Pakt", "dw", date(2024, 6, 20), "de", 1)
    assert (b.path, b.id, b.published, b.language, b.record_line) == (f"{p}:3", "7", date(2024, 6, 21), "en", 3)
    # every offset of a record is located on the record's line
    assert a.line_of(len(a.text) - 1) == 1 and b.line_of(0) == 3


@pytest.mark.parametrize("bad,message", [
    ('{"id": "x", "text": "Der Pakt"', "broken JSON line"),
    ('["not", "an", "object"]', "must be a JSON object"),
    ({"text": DE}, "no 'id'"),
    ({"id": "x"}, "no 'text'"),
    ({"id": "x", "text": "   "}, "no 'text'"),
    ({"id": "x", "text": DE, "published": "19.06.2024"}, "not an ISO date"),
    ({"id": "x", "text": DE, "published": 2024}, "ISO date"),
    ({"id": "x", "text": DE, "language": "fr"}, "unsupported language"),
])
def test_each_jsonl_error_names_file_and_line_and_the_rest_is_read(tmp_path, bad, message):
    p = jsonl(tmp_path, [{"id": "ok1", "text": DE}, bad, {"id": "ok2", "text": EN}])
    first, broken, last = read_file(p)
    assert first.error is None and last.error is None and last.record_line == 3
    assert broken.error.startswith(f"{p}:2: ") and message in broken.error
    assert broken.path == f"{p}:2" and broken.record_line == 2


def test_jsonl_duplicate_id(tmp_path):
    p = jsonl(tmp_path, [{"id": "a", "text": DE}, {"id": "a", "text": EN}])
    first, second = read_file(p)
    assert first.error is None
    assert second.error == f"{p}:2: duplicate id 'a'"


def test_jsonl_without_records(tmp_path):
    p = write(tmp_path / "blank.jsonl", "\n\n  \n")
    assert only(read_file(p)).error == f"{p}: no records"


def test_jsonl_with_crlf_and_bom(tmp_path):
    body = json.dumps({"id": "a", "text": DE}) + "\r\n" + json.dumps({"id": "b", "text": EN}) + "\r\n"
    a, b = read_file(write(tmp_path / "win.jsonl", b"\xef\xbb\xbf" + body.encode()))
    assert (a.error, b.error, b.record_line) == (None, None, 2)


# -- folders, globs, missing paths ---------------------------------------------------------------

def test_folder_is_searched_recursively_in_sorted_order(tmp_path):
    write(tmp_path / "b.txt", DE)
    write(tmp_path / "a.md", EN)
    write(tmp_path / "sub" / "c.html", "<p>" + DE + "</p>")
    write(tmp_path / "notes.csv", "a,b\n1,2\n")
    write(tmp_path / ".hidden" / "d.txt", DE)
    arts = read_paths([str(tmp_path)])
    assert [Path(a.path).relative_to(tmp_path).as_posix() for a in arts] == ["a.md", "b.txt", "sub/c.html"]


def test_fixtures_folder():
    arts = read_paths([str(FIXTURES)])
    assert len(arts) == 5 and all(a.error is None and a.language == "de" for a in arts)


def test_glob(tmp_path):
    write(tmp_path / "x1.txt", DE)
    write(tmp_path / "x2.txt", EN)
    write(tmp_path / "y.txt", DE)
    arts = read_paths([str(tmp_path / "x*.txt")])
    assert [Path(a.path).name for a in arts] == ["x1.txt", "x2.txt"]


def test_a_path_given_twice_is_read_once(tmp_path):
    p = write(tmp_path / "a.txt", DE)
    assert len(read_paths([p, str(tmp_path), p])) == 1


@pytest.mark.parametrize("name,message", [
    ("missing.txt", "no such file or folder"),
    ("nothing-*.txt", "no file matches this pattern"),
])
def test_missing_paths_are_errors_not_silence(tmp_path, name, message):
    p = str(tmp_path / name)
    good = write(tmp_path / "good.txt", DE)
    arts = read_paths([p, good])
    assert [a.path for a in arts] == [p, good]
    assert arts[0].error == f"{p}: {message}" and arts[1].error is None


def test_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    a = only(read_paths([str(tmp_path / "empty")]))
    assert "no articles" in a.error and str(tmp_path / "empty") in a.error
