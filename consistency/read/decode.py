"""Turn bytes into text, or say clearly why not."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

__all__ = ["decode_bytes", "DecodeError"]

#: Byte-order marks, longest first (a UTF-32-LE BOM starts with the UTF-16-LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Multi-byte encodings that only make sense when the data holds NUL bytes.
_WIDE = ["utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be"]
#: The single-byte code page of German and English text. charset-normalizer
#: often names an equivalent Central-European page first (cp1250 decodes
#: "ä ö ü ß" alike but turns "à ï" into "ŕ ď"); among equally plausible
#: candidates, this one wins.
_WESTERN = "cp1252"
#: How much more "chaos" (charset-normalizer's mess ratio) cp1252 may show
#: than the best candidate and still win: short Western texts with a few
#: accented letters often score 0.0 in Baltic pages and ~0.09 in cp1252.
_TIE = 0.1


class DecodeError(ValueError):
    """The bytes are not text we can read."""


#: Share of NUL bytes (in the first 8 KiB and in the whole text) above which data is binary:
#: one stray NUL in a long article is damage, not a sign of an image or an archive.
NUL_SHARE = 0.01


def _nul_heavy(count: int, length: int) -> bool:
    return count > max(2, length * NUL_SHARE)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if _nul_heavy(sample.count(b"\x00"), len(sample)):
        return True
    control = sum(1 for b in sample if b < 9 or (13 < b < 32 and b != 27))
    return control > max(8, len(sample) // 50)


def _detect(data: bytes) -> tuple[str, str]:
    """Decode non-UTF-8 bytes with charset-normalizer, preferring cp1252 on a tie."""
    matches = list(from_bytes(data, cp_exclusion=_WIDE))
    if not matches:
        raise DecodeError("cannot detect the text encoding")
    least = min(m.chaos for m in matches)
    plausible = [m for m in matches if m.chaos <= least + _TIE]
    for m in plausible:
        if _WESTERN in m.could_be_from_charset:
            try:
                return data.decode(_WESTERN), _WESTERN
            except UnicodeDecodeError:  # one of the 5 bytes cp1252 leaves undefined
                return data.decode("latin-1"), "latin-1"
    best = min(plausible, key=lambda m: (-m.coherence, matches.index(m)))
    return str(best), best.encoding


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``.

    A byte-order mark (UTF-8, UTF-16, UTF-32) decides the encoding; else
    UTF-8 is tried, and anything else is detected with charset-normalizer
    (Western European cp1252 preferred among equally plausible code pages).
    Binary data raises :class:`DecodeError` (decided by the share of NUL
    and control bytes: a few stray NULs in a long text are kept and masked
    in the cleaned view). Line endings are normalised to
    ``\\n`` so that offsets and line numbers agree with what an editor shows.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"not valid {encoding.upper()} despite its byte-order mark "
                                  f"(byte {exc.start})") from None
            text = text.lstrip("\ufeff")
            break
    else:
        if _looks_binary(data):
            raise DecodeError("binary file (not text)")
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _detect(data)
    if _nul_heavy(text.count("\x00"), len(text)):
        raise DecodeError("binary file (not text)")
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding
