"""Stage 7 — report: pure functions from a Report to a string.

``to_json`` follows the versioned contract ``consistency.report/1`` (see the
README); the same input gives byte-identical output.

JSON, text and Markdown are in :mod:`.formats`, HTML in :mod:`.html`, the CI formats in :mod:`.ci`.
"""

from .formats import (  # noqa: F401
    to_json,
    to_markdown,
    to_text,
    to_html,
    summary_line,
    FORMATS,
    SCHEMA,
    report_dict,
)

__all__ = ["to_json", "to_markdown", "to_text", "to_html", "summary_line", "FORMATS", "SCHEMA",
           "report_dict"]
