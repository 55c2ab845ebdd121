"""Stage 1, decoding: bytes in any common encoding become the same text."""

from __future__ import annotations

import codecs

import pytest

from consistency.read import DecodeError, decode_bytes

GERMAN = ("Der Vertrag über gegenseitige Hilfe wurde am 19. Juni in Pjöngjang unterzeichnet. "
          "Die Bündnispartner äußerten sich zufrieden; Größe und Tragweite sind umstritten.\n")
FRENCHY = "Café naïve façade. The résumé was déjà vu for the attaché.\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + bytes(range(256))


def test_utf8():
    assert decode_bytes(GERMAN.encode("utf-8")) == (GERMAN, "utf-8")


def test_utf8_bom_is_dropped():
    text, _ = decode_bytes(codecs.BOM_UTF8 + GERMAN.encode("utf-8"))
    assert text == GERMAN and not text.startswith("\ufeff")


@pytest.mark.parametrize("bom,encoding", [
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
])
def test_utf16_and_utf32_with_bom(bom, encoding):
    """Wide encodings hold NUL bytes: the byte-order mark tells them from binary data."""
    assert decode_bytes(bom + GERMAN.encode(encoding))[0] == GERMAN


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
@pytest.mark.parametrize("sample", [GERMAN, FRENCHY, "Müller", "Die Straße ist schön."])
def test_western_single_byte_encodings_are_detected(encoding, sample):
    """charset-normalizer detects the code page; cp1252 wins the ties with cp1250."""
    text, detected = decode_bytes(sample.encode(encoding))
    assert text == sample
    assert detected != "utf-8"


def test_cp1252_punctuation():
    sample = "„Wir helfen uns“ – sagte er … und ging.\n"
    assert decode_bytes(sample.encode("cp1252"))[0] == sample


def test_central_european_text_keeps_its_code_page():
    sample = "Zażółć gęślą jaźń, to jest polski tekst o umowie z Koreą Północną.\n"
    assert decode_bytes(sample.encode("cp1250"))[0] == sample


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_endings_are_normalised(newline):
    text, _ = decode_bytes(newline.join(["eins", "zwei", "drei"]).encode())
    assert text == "eins\nzwei\ndrei"


@pytest.mark.parametrize("data", [PNG, b"\x00\x01\x02\x03" * 100, bytes(range(32)) * 20])
def test_binary_data_is_refused(data):
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(data)


def test_broken_utf16_after_bom_is_refused():
    with pytest.raises(DecodeError, match="byte-order mark"):
        decode_bytes(codecs.BOM_UTF16_LE + b"a\x00\x00\xd8")
