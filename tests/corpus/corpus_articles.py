"""Tiny articles for the corpus tests (a few sentences each, so the suite stays fast), and helpers."""

from __future__ import annotations

from pathlib import Path

FLOOD = ("Hochwasser in Passau\n\n"
         "Bei dem Hochwasser in Passau wurden am Montag 120 Häuser überflutet. "
         "Die Feuerwehr war mit 300 Einsatzkräften vor Ort.\n")
BRIDGE = ("Neue Brücke in Regensburg\n\n"
          "Die neue Brücke in Regensburg kostet 45 Millionen Euro. "
          "Der Bau soll im Jahr 2026 abgeschlossen sein.\n")
STORM = ("Storm in Hamburg\n\n"
         "The storm in Hamburg damaged 80 cars on Tuesday. "
         "Police closed the harbour bridge for six hours.\n")
#: contradicts FLOOD (450 houses, not 120), on line 4
NEW_CONTRA = ("Passau unter Wasser\n\n"
              "Der Bürgermeister sprach von einer Katastrophe.\n"
              "Bei dem Hochwasser in Passau wurden am Montag 450 Häuser überflutet.\n")


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


class CountingEmbedder:
    """Wraps an embedder and counts the texts it embeds."""

    def __init__(self, inner):
        self.inner = inner
        self.name = inner.name
        self.texts: list[str] = []

    def encode(self, texts):
        texts = list(texts)
        self.texts += texts
        return self.inner.encode(texts)
