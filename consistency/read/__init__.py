"""Stage 1 — read: paths in, :class:`~consistency.model.Article` out.

Files (``.txt``, ``.md``, ``.html``/``.htm``, ``.jsonl``), folders (searched
recursively for those suffixes) and glob patterns are accepted. Nothing is
dropped silently: a path or record that cannot be read becomes an Article
with ``error`` set, naming the file (and line), and the others are read on.

Paths become articles in :mod:`.files`; decoding is in :mod:`.decode`, the cleaned view in :mod:`.clean`,
the language in :mod:`.language`.
"""

from .files import (  # noqa: F401
    read_paths,
    read_file,
    article_from_text,
    clean_view,
    readable,
    decode_bytes,
    detect_language,
    DecodeError,
    SUFFIXES,
    DEFAULT_MAX_BYTES,
    path_problem,
)

__all__ = ["read_paths", "read_file", "article_from_text", "clean_view", "readable", "decode_bytes",
           "detect_language", "DecodeError", "SUFFIXES", "DEFAULT_MAX_BYTES", "path_problem"]
