"""Turn bytes into text, or say clearly why not."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

__all__ = ["decode_bytes", "DecodeError"]


class DecodeError(ValueError):
    """The bytes are not text we can read."""


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data[:8192]:
        return True
    sample = data[:8192]
    control = sum(1 for b in sample if b < 9 or (13 < b < 32 and b != 27))
    return control > max(8, len(sample) // 50)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``.

    UTF-8 (with or without BOM) is tried first; anything else is detected
    with charset-normalizer. Binary data raises :class:`DecodeError`.
    Line endings are normalised to ``\\n`` so that offsets and line numbers
    agree with what an editor shows.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    if _looks_binary(data):
        raise DecodeError("binary file (not text)")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise DecodeError("cannot detect the text encoding") from None
        text, encoding = str(best), best.encoding
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding
