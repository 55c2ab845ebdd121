"""A self-contained HTML report: one file, no network, opens offline.

:func:`to_html` is a pure function from a :class:`~consistency.model.Report`
to a string. The page has

* an overview matrix, facts × articles, each cell coloured *and* labelled by
  verdict (✓ agree, A/B… the side taken in a contradiction, ? unverifiable,
  blank: not mentioned), with counts per verdict and kind;
* one card per fact, contradictions first: the aligned statements side by
  side, grouped by position, with the values highlighted in the quote;
* every article's text with the statements behind findings highlighted;
* filters by verdict and kind and a search box (inline vanilla JavaScript).

The markup is a Jinja2 template (``templates/report.html.j2``) rendered
with autoescape on; Python prepares plain values for it (the functions
below), never HTML.

Safety: every string that comes from an article, a path or the settings is
escaped by the template engine (only the page's own CSS and script are
inserted as markup); the script never writes HTML
(``textContent``, ``hidden`` and attributes only); a Content-Security-Policy
allows only the page's own inline style and script (by hash) and no
network at all, so even a missed escape could not run injected code.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from collections import Counter
from typing import Iterable, Mapping, Optional, Sequence, Union

from ..judge import format_value
from ..model import KINDS, VERDICTS, Finding, Quantity, Report, StatementRef
from ..names import attribution_name, display_names

__all__ = ["to_html", "content_security_policy"]

_ORDER = {"contradict": 0, "agree": 1, "unverifiable": 2}
_ICON = {"contradict": "✗", "agree": "✓", "unverifiable": "?"}
_LABEL = {"contradict": "contradict", "agree": "agree", "unverifiable": "unverifiable"}
_FACT_LABEL_MAX = 46


_CSS = """
:root{--fg:#1f2328;--muted:#59636e;--bg:#fff;--panel:#f6f8fa;--line:#d1d9e0;--accent:#0969da;
--agree:#1a7f37;--agree-bg:#d7f5dd;--contra:#cf222e;--solid:#cf222e;--contra-bg:#ffe3e0;--unver:#8a5a00;--unver-bg:#fff1b8;
--none:#f3f5f7;--mark:#fff0a8;--head:76px;
--sans:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif;
--mono:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,"Liberation Mono",monospace}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#161b22;
--line:#30363d;--accent:#4493f8;--agree:#3fb950;--agree-bg:#12361d;--contra:#ff7b72;--contra-bg:#4a1416;
--unver:#d29922;--unver-bg:#3b2e0a;--none:#1b2129;--mark:#5c4a00;--solid:#da3633}}
*{box-sizing:border-box}
[hidden]{display:none!important}
html{scroll-padding-top:calc(var(--head) + 12px)}
body{margin:0;font:15px/1.5 var(--sans);color:var(--fg);background:var(--bg)}
a{color:var(--accent);text-decoration:none}
a:hover{text-decoration:underline}
code,.mono{font-family:var(--mono);font-size:.86em}
h1{font-size:17px;margin:0;font-weight:650;white-space:nowrap}
h2{font-size:20px;margin:32px 0 12px;font-weight:650}
h3{font-size:15px;margin:0;font-weight:600}
.top{position:sticky;top:0;z-index:20;background:var(--bg);border-bottom:1px solid var(--line);
box-shadow:0 1px 3px rgba(0,0,0,.06);padding:10px 24px}
.bar{display:flex;flex-wrap:wrap;align-items:center;gap:8px 18px}
.bar nav{display:flex;gap:14px;font-size:14px}
.stats{display:flex;gap:6px;flex-wrap:wrap;font-size:13px;color:var(--muted)}
.filters{display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin-top:8px;font-size:13px}
.filters .lbl{color:var(--muted);margin-right:2px}
.filters .sep{width:1px;height:20px;background:var(--line);margin:0 6px}
.chip{font:inherit;font-size:13px;border:1px solid var(--line);background:var(--bg);color:var(--fg);
border-radius:999px;padding:2px 10px;cursor:pointer;line-height:1.5}
.chip[aria-pressed=false]{opacity:.5;text-decoration:line-through;background:var(--panel)}
.chip .n{color:var(--muted);margin-left:4px;font-variant-numeric:tabular-nums}
.chip.v-contradict[aria-pressed=true]{border-color:var(--contra);background:var(--contra-bg)}
.chip.v-agree[aria-pressed=true]{border-color:var(--agree);background:var(--agree-bg)}
.chip.v-unverifiable[aria-pressed=true]{border-color:var(--unver);background:var(--unver-bg)}
#search{font:inherit;font-size:13px;padding:4px 10px;border:1px solid var(--line);border-radius:6px;
min-width:220px;background:var(--bg);color:var(--fg)}
#shown{color:var(--muted);font-variant-numeric:tabular-nums;margin-left:auto}
main{padding:4px 24px 48px;max-width:1500px}
.lede{color:var(--muted);margin:14px 0 0}
.sum{display:flex;flex-wrap:wrap;gap:16px 32px;align-items:flex-start;margin:12px 0 8px}
.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(112px,1fr));gap:10px;flex:1 1 520px;max-width:820px}
.tile{border:1px solid var(--line);border-radius:8px;padding:10px 12px;background:var(--panel)}
.tile b{display:block;font-size:24px;line-height:1.2;font-variant-numeric:tabular-nums}
.tile span{color:var(--muted);font-size:13px}
.tile.hot{border-color:var(--contra);background:var(--contra-bg)}
.tile.v-contradict b{color:var(--contra)}
.tile.v-agree b{color:var(--agree)}
.tile.v-unverifiable b{color:var(--unver)}
table.counts{border-collapse:collapse;font-size:13px;margin:0;font-variant-numeric:tabular-nums}
table.counts th,table.counts td{border-bottom:1px solid var(--line);padding:4px 12px;text-align:right}
table.counts th:first-child,table.counts td:first-child{text-align:left}
table.counts tfoot td{font-weight:600}
.legend{display:flex;flex-wrap:wrap;gap:14px;font-size:13px;color:var(--muted);margin:10px 0}
.legend span{display:inline-flex;align-items:center;gap:6px}
.scroll{overflow:auto;max-height:72vh;border:1px solid var(--line);border-radius:8px;width:fit-content;max-width:100%}
.matrix{width:max-content;font-size:12px;--cell:26px;--label:340px}
.mrow{display:grid;grid-template-columns:var(--label) repeat(var(--n),var(--cell));grid-auto-rows:var(--cell);
height:var(--cell);border-bottom:1px solid var(--bg);background:repeating-linear-gradient(90deg,var(--none) 0 25px,
var(--bg) 25px var(--cell)) var(--label) 0/100% 100% no-repeat}
.mrow>*{grid-row:1}
.mrow.head{position:sticky;top:0;z-index:3;height:var(--colhead);grid-auto-rows:var(--colhead);background:var(--bg);
border-bottom:1px solid var(--line)}
.mrow.odd{position:sticky;top:var(--colhead);z-index:3;height:22px;grid-auto-rows:22px;background:var(--bg);
border-bottom:1px solid var(--line);font-weight:600;font-size:11px;color:var(--muted);font-variant-numeric:tabular-nums}
.mrow.odd span{text-align:center;line-height:22px}
.mrow.odd .hot{color:#fff;background:var(--solid)}
.mrow .lab{grid-column:1;position:sticky;left:0;z-index:2;background:var(--bg);border-right:1px solid var(--line);
padding:0 10px 0 8px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;line-height:var(--cell);color:var(--fg)}
.mrow.head .lab{z-index:4;display:flex;align-items:flex-end;padding-bottom:6px;color:var(--muted);line-height:1.3}
.mrow.odd .lab{line-height:22px;text-align:left}
.mrow .lab .ic{display:inline-block;width:16px;text-align:center;font-weight:700}
.mrow a.col{writing-mode:vertical-rl;transform:rotate(180deg);padding:6px 0;text-align:left;justify-self:center;
font-family:var(--mono);font-weight:500;color:var(--fg);max-height:var(--colhead);overflow:hidden;
text-overflow:ellipsis;white-space:nowrap}
.mrow a.col:hover{color:var(--accent)}
.mrow a.cell{display:block;margin:0 1px 0 0;text-align:center;line-height:var(--cell);font-weight:700;
text-decoration:none}
.mrow a.cell:hover{outline:2px solid var(--accent);outline-offset:-2px}
.cell.v-agree{background:var(--agree-bg);color:var(--agree)}
.cell.v-unverifiable{background:var(--unver-bg);color:var(--unver)}
.cell.v-contradict{background:var(--contra-bg);color:var(--contra);box-shadow:inset 0 0 0 1px var(--contra)}
.cell.v-contradict.minor{background:var(--solid);color:#fff}
.ic.v-contradict,.badge.v-contradict{color:var(--contra)}
.ic.v-agree,.badge.v-agree{color:var(--agree)}
.ic.v-unverifiable,.badge.v-unverifiable{color:var(--unver)}
.sw{display:inline-block;width:18px;height:18px;border-radius:3px;text-align:center;line-height:18px;
font-weight:700;font-size:11px}
.sw.v-agree{background:var(--agree-bg);color:var(--agree)}
.sw.v-unverifiable{background:var(--unver-bg);color:var(--unver)}
.sw.v-contradict{background:var(--contra-bg);color:var(--contra);box-shadow:inset 0 0 0 1px var(--contra)}
.sw.v-contradict.minor{background:var(--solid);color:#fff}
.sw.none{background:var(--none);border:1px solid var(--line)}
.fact{border:1px solid var(--line);border-left:4px solid var(--line);border-radius:8px;margin:0 0 14px;
padding:12px 16px;background:var(--bg);content-visibility:auto;contain-intrinsic-size:auto 220px}
.fact.v-contradict{border-left-color:var(--contra)}
.fact.v-agree{border-left-color:var(--agree)}
.fact.v-unverifiable{border-left-color:var(--unver)}
.fact:target,.article:target,.st:target{outline:3px solid var(--accent);outline-offset:2px}
.fact header{display:flex;flex-wrap:wrap;align-items:baseline;gap:6px 10px}
.badge{font-size:12px;font-weight:700;text-transform:uppercase;letter-spacing:.04em;border-radius:4px;padding:1px 7px}
.badge.v-contradict{background:var(--solid);color:#fff}
.badge.v-agree{background:var(--agree-bg)}
.badge.v-unverifiable{background:var(--unver-bg)}
.kind{font-size:12px;color:var(--muted);border:1px solid var(--line);border-radius:4px;padding:0 6px}
.meta{margin-left:auto;font-size:12px;color:var(--muted)}
.msg{margin:6px 0 10px;color:var(--fg)}
.reason{color:var(--muted)}
.nli{margin:-4px 0 10px;font-size:13px;color:var(--muted)}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:12px}
.side{border-radius:6px;background:var(--panel);padding:8px 10px}
.side h4{margin:0 0 6px;font-size:13px;font-weight:600;display:flex;gap:8px;align-items:baseline}
.side h4 .pos{font-family:var(--mono);background:var(--fg);color:var(--bg);border-radius:3px;padding:0 5px}
.side h4 .n{color:var(--muted);font-weight:normal}
.side.minor h4 .pos{background:var(--solid);color:#fff}
.stmts{display:grid;grid-template-columns:repeat(auto-fill,minmax(280px,1fr));gap:8px}
.stmt{margin:0;background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:6px 10px}
.stmt figcaption{font-size:12px;color:var(--muted);display:flex;flex-wrap:wrap;gap:4px 8px}
.stmt figcaption a{font-family:var(--mono)}
.flag{border-radius:3px;padding:0 5px;background:var(--panel);border:1px solid var(--line)}
.stmt blockquote{margin:4px 0 0;font-size:14px}
mark.val{background:var(--mark);color:inherit;border-radius:3px;padding:0 2px;font-weight:600;
box-shadow:inset 0 -2px 0 rgba(0,0,0,.25)}
.articles .article{border:1px solid var(--line);border-radius:8px;margin:0 0 14px;background:var(--bg);
content-visibility:auto;contain-intrinsic-size:auto 500px}
.article h3{padding:10px 16px;border-bottom:1px solid var(--line);background:var(--panel);border-radius:8px 8px 0 0;
display:flex;flex-wrap:wrap;gap:4px 12px;align-items:baseline}
.article h3 small{font-weight:normal;color:var(--muted);font-size:12px}
.article .text{white-space:pre-wrap;overflow-wrap:anywhere;padding:12px 16px;margin:0;font-size:14px;line-height:1.6;
max-height:70vh;overflow:auto}
.article .err{padding:12px 16px;color:var(--contra)}
.st{border-radius:3px;padding:1px 0}
.st.v-agree{background:var(--agree-bg)}
.st.v-unverifiable{background:var(--unver-bg)}
.st.v-contradict{background:var(--contra-bg);box-shadow:inset 0 -2px 0 var(--contra)}
sup.refs{font-size:11px;line-height:0;margin-left:2px}
sup.refs a{font-weight:700;margin-right:2px}
.empty{padding:24px;text-align:center;color:var(--muted);border:1px dashed var(--line);border-radius:8px}
footer{color:var(--muted);font-size:12px;padding:24px;border-top:1px solid var(--line)}
.matrix.h60{--colhead:60px}.matrix.h90{--colhead:90px}.matrix.h120{--colhead:120px}.matrix.h150{--colhead:150px}
@media print{.top{position:static}.filters{display:none}.scroll,.article .text{max-height:none;overflow:visible}
.fact,.article{content-visibility:visible}}
"""

# The script never builds HTML: it toggles ``hidden`` and ``aria-pressed``
# and writes one counter with ``textContent``.
_JS = """
(function () {
  "use strict";
  var d = document;
  var cards = Array.prototype.slice.call(d.querySelectorAll("#facts section.fact"));
  var rows = {};
  Array.prototype.forEach.call(d.querySelectorAll("#matrix .mrow[data-f]"), function (r) {
    rows[r.getAttribute("data-f")] = r;
  });
  var state = {verdict: {}, kind: {}, q: ""};
  var texts = null;
  var shown = d.getElementById("shown");
  var empty = d.getElementById("nomatch");
  var search = d.getElementById("search");
  var buttons = Array.prototype.slice.call(d.querySelectorAll("button[data-filter]"));
  function apply() {
    if (state.q && texts === null) {
      texts = cards.map(function (c) { return c.textContent.toLowerCase(); });
    }
    var n = 0;
    for (var i = 0; i < cards.length; i++) {
      var c = cards[i];
      var ok = state.verdict[c.getAttribute("data-verdict")] !== false &&
               state.kind[c.getAttribute("data-kind")] !== false &&
               (!state.q || texts[i].indexOf(state.q) !== -1);
      if (c.hidden === ok) { c.hidden = !ok; }
      var r = rows[c.id];
      if (r && r.hidden === ok) { r.hidden = !ok; }
      if (ok) { n++; }
    }
    shown.textContent = n + " of " + cards.length + " facts shown";
    empty.hidden = n > 0;
  }
  buttons.forEach(function (b) {
    state[b.getAttribute("data-filter")][b.getAttribute("data-value")] = b.getAttribute("aria-pressed") === "true";
    b.addEventListener("click", function () {
      var on = b.getAttribute("aria-pressed") !== "true";
      b.setAttribute("aria-pressed", on ? "true" : "false");
      state[b.getAttribute("data-filter")][b.getAttribute("data-value")] = on;
      apply();
    });
  });
  function reset() {
    buttons.forEach(function (b) {
      b.setAttribute("aria-pressed", "true");
      state[b.getAttribute("data-filter")][b.getAttribute("data-value")] = true;
    });
    search.value = "";
    state.q = "";
    apply();
  }
  search.addEventListener("input", function () {
    state.q = search.value.trim().toLowerCase();
    apply();
  });
  d.getElementById("reset").addEventListener("click", reset);
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && d.getElementById(id);
    if (el && el.closest && el.closest("[hidden]")) {
      reset();
      el.scrollIntoView();
    }
  }
  window.addEventListener("hashchange", reveal);
  apply();
  reveal();
})();
"""


def _sha256(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(css: str, js: str = _JS) -> str:
    """No network at all: only the page's own inline style and script (by hash) may apply."""
    return (f"default-src 'none'; style-src {_sha256(css)}; script-src {_sha256(js)}; "
            "img-src 'none'; font-src 'none'; connect-src 'none'; media-src 'none'; object-src 'none'; "
            "frame-src 'none'; base-uri 'none'; form-action 'none'")


def _short(text: str, limit: int) -> str:
    t = " ".join(str(text).split())
    return t if len(t) <= limit else t[:limit - 1].rstrip() + "…"


def _value_words(q: Quantity) -> str:
    try:
        return format_value(q)
    except (TypeError, ValueError, OverflowError):
        return q.raw


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping union of ``(start, end)`` spans (empty ones dropped)."""
    out: list[list[int]] = []
    for s, e in sorted(sp for sp in spans if sp[1] > sp[0]):
        if out and s < out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _pieces(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[str, bool]]:
    """``text`` cut into ``(piece, is_value)`` at the spans (offsets into ``text``); the template marks
    the values (``<mark class="val">``) and escapes every piece."""
    out, pos = [], 0
    for s, e in _merge((max(0, s), min(len(text), e)) for s, e in spans):
        out += [(text[pos:s], False), (text[s:e], True)]
        pos = e
    out.append((text[pos:], False))
    return [(t, v) for t, v in out if t]


def _value_spans(st: StatementRef) -> list[tuple[int, int]]:
    """Offsets of the statement's values inside its quote ``st.text``."""
    spans = []
    for q in st.values:
        s, e = q.start - st.start, q.end - st.start
        if 0 <= s < e <= len(st.text) and st.text[s:e] == q.raw:
            spans.append((s, e))
        elif q.raw and q.raw in st.text:  # offsets from elsewhere: fall back to the first occurrence
            s = st.text.index(q.raw)
            spans.append((s, s + len(q.raw)))
    return spans


def _letter(p: int) -> str:
    return chr(ord("A") + p) if 0 <= p < 26 else str(p + 1)


class _Fact:
    """A finding prepared for display: its anchor and each article's side."""

    def __init__(self, index: int, finding: Finding):
        self.f = finding
        self.anchor = f"f{index}"
        sides: dict[int, list[StatementRef]] = {}
        for st in finding.statements:
            sides.setdefault(st.position, []).append(st)
        self.sides = dict(sorted(sides.items()))
        arts_per_side = {p: len({s.article for s in sts}) for p, sts in self.sides.items()}
        top = max(arts_per_side.values(), default=0)
        leaders = [p for p, n in arts_per_side.items() if n == top]
        #: the side most articles take, if one side does; the others are the odd ones out
        self.majority = leaders[0] if finding.verdict == "contradict" and len(leaders) == 1 else None
        self.by_article: dict[str, list[int]] = {}
        for st in finding.statements:
            ps = self.by_article.setdefault(st.article, [])
            if st.position not in ps:
                ps.append(st.position)

    def minor(self, article: str) -> bool:
        """True when ``article`` takes a minority side (or a tie) in a contradiction."""
        return self.f.verdict == "contradict" and self.majority not in self.by_article.get(article, ())


def _ordered(findings: Sequence[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: _ORDER.get(f.verdict, 3))  # stable: keeps the report's order


def _texts(report: Report, articles) -> dict[str, str]:
    texts = dict(getattr(report, "texts", None) or {})
    if articles is None:
        return texts
    if isinstance(articles, Mapping):
        texts.update({str(k): v for k, v in articles.items() if isinstance(v, str)})
    else:
        for a in articles:
            if getattr(a, "text", None) is not None and not getattr(a, "error", None):
                texts[a.path] = a.text
    return texts


def _labels(names: Sequence[str], room: int = 24, shortest: int = 12) -> list[str]:
    """Column labels: the articles' names (paths relative to the common root of the inputs) when
    they fit in ``room`` characters, else the shortest end of each (at least ``shortest``
    characters) that is still unique, with "…" where cut (the full path is in the title)."""
    longest = max((len(i) for i in names), default=0)
    if longest <= room:
        return list(names)
    for n in range(shortest, longest):
        if len({i[-n:] for i in names}) == len(set(names)):
            return [i if len(i) <= n else "…" + i[-n:] for i in names]
    return list(names)


def _grid_css(n_columns: int) -> str:
    """The matrix's column placement: ``.c<k>`` is column ``k + 2`` (column 1 holds the labels)."""
    return (f".matrix{{--n:{max(1, n_columns)}}}"
            + "".join(f".c{k}{{grid-column:{k + 2}}}" for k in range(n_columns)))


def _side_title(x: _Fact, p: int, sts: list[StatementRef]) -> str:
    if sts[0].values:
        vals = list(dict.fromkeys(_value_words(q) for s in sts for q in s.values))
        return "; ".join(vals[:3]) + ("…" if len(vals) > 3 else "")
    if all(s.negated for s in sts):
        return "denies"
    return "states"


def _article_regions(text: str, mentions: list[tuple[_Fact, StatementRef]]) -> list[tuple[int, int, list, list]]:
    """Statement spans in ``text`` (merged when they overlap) with their facts and value spans.

    A statement whose span does not match ``text`` (a text other than the
    one the report was made from) is left out rather than mis-highlighted.
    """
    found: dict[tuple[int, int], tuple[list[_Fact], list[tuple[int, int]]]] = {}
    for x, st in mentions:
        if not (0 <= st.start < st.end <= len(text)) or text[st.start:st.end] != st.text:
            continue
        fs, vals = found.setdefault((st.start, st.end), ([], []))
        if x not in fs:
            fs.append(x)
        vals.extend((st.start + s, st.start + e) for s, e in _value_spans(st))
    regions = []
    for s, e in _merge(found):
        fs, vals = [], []
        for (a, b), (xs, vs) in found.items():
            if s <= a and b <= e:
                fs.extend(y for y in xs if y not in fs)
                vals.extend(vs)
        regions.append((s, e, fs, vals))
    return regions


def _matrix(report: Report, facts: list[_Fact]) -> Optional[dict]:
    """Facts × articles. Only the cells of articles that mention a fact are elements, placed in
    their column by a class (``c<k>``): a matrix of 200 articles × 300 facts stays a few
    hundred elements, so filtering does not re-lay out 60,000 table cells. The grey of the
    "not mentioned" cells is the row's background."""
    arts = report.articles
    if not facts or not arts:
        return None
    odd = Counter(a for x in facts if x.f.verdict == "contradict" for a in x.by_article if x.minor(a))
    worst = max(odd.values(), default=0)
    names = display_names([a.path for a in arts])
    labels = _labels([names[a.path] for a in arts])
    longest = max((len(x) for x in labels), default=4)
    col = {a.path: k for k, a in enumerate(arts)}
    rows = []
    for x in facts:
        f = x.f
        cells = []
        for path in sorted(x.by_article, key=lambda p: col.get(p, -1)):
            if path not in col:
                continue
            ps = x.by_article[path]
            if f.verdict == "contradict":
                sym = "/".join(_letter(p) for p in sorted(ps))
                cls = "v-contradict minor" if x.minor(path) else "v-contradict"
            else:
                sym, cls = _ICON.get(f.verdict, "•"), f"v-{f.verdict}"
            cells.append({"k": col[path], "cls": cls, "sym": sym, "name": names[path]})
        rows.append({"anchor": x.anchor, "verdict": f.verdict, "fact": f.fact, "label": _short(f.fact, _FACT_LABEL_MAX),
                     "title": _short(f.fact, 80), "cells": cells})
    return {
        # a style attribute would need 'unsafe-inline' in the CSP: the header height is a class instead
        "colhead": next((h for h in (60, 90, 120) if 14 + 7 * longest <= h), 150),
        "columns": [{"k": k, "label": label, "name": names[a.path], "path": a.path}
                    for k, (a, label) in enumerate(zip(arts, labels))],
        # a row to find the outlier article: contradictions in which it takes a minority side
        "odd": [{"k": k, "n": odd[a.path], "hot": odd[a.path] == worst, "name": names[a.path]}
                for k, a in enumerate(arts) if odd.get(a.path)],
        "rows": rows,
    }


def _statement(st: StatementRef, art_index: dict[str, int], anchors: set[str]) -> dict:
    i = art_index.get(st.article)
    target = f"s{i}-{st.start}" if i is not None else None
    return {"where": f"{st.article}:{st.line}", "link": target if target in anchors else None,
            "negated": st.negated, "hedged": st.hedged,
            "attribution": (attribution_name(st.attribution) or st.attribution) if st.attribution else "",
            "pieces": _pieces(st.text, _value_spans(st))}


def _card(x: _Fact, art_index: dict[str, int], anchors: set[str]) -> dict:
    f = x.f
    nli = getattr(f, "nli", None)
    nli_view = None
    if isinstance(nli, dict) and nli:
        scores = ", ".join(f"{k} {nli[k]:.2f}" for k in ("contradiction", "entailment", "neutral")
                           if isinstance(nli.get(k), (int, float)))
        nli_view = {"model": nli.get("model"), "label": nli.get("label"), "scores": scores}
    sides = []
    for p, sts in x.sides.items():
        sides.append({"minor": f.verdict == "contradict" and p != x.majority,
                      "letter": _letter(p) if len(x.sides) > 1 else "", "title": _side_title(x, p, sts),
                      "n": len({s.article for s in sts}),
                      "statements": [_statement(st, art_index, anchors) for st in sts]})
    return {"anchor": x.anchor, "verdict": f.verdict, "kind": f.kind, "fact": f.fact, "id": f.id,
            "confidence": f.confidence, "message": f.message,
            "reason": f.reason if f.reason and f.verdict != "unverifiable" else None, "nli": nli_view,
            "sides": sides}


def _article(i: int, status, text: Optional[str], mentions: list[tuple[_Fact, StatementRef]],
             anchors: set[str], name: str = "") -> dict:
    view = {"k": i, "name": name or status.id, "path": status.path, "id": status.id, "language": status.language,
            "sentences": status.sentences, "error": status.error, "pieces": None}
    if status.error or text is None:
        return view
    pieces, pos = [], 0
    for s, e, fs, vals in _article_regions(text, mentions):
        anchor = f"s{i}-{s}"
        anchors.add(anchor)
        if text[pos:s]:
            pieces.append({"plain": text[pos:s]})
        pieces.append({"plain": None, "anchor": anchor,
                       "worst": min(fs, key=lambda y: _ORDER.get(y.f.verdict, 3)).f.verdict,
                       "inner": _pieces(text[s:e], [(a - s, b - s) for a, b in vals]),
                       "refs": [{"anchor": y.anchor, "verdict": y.f.verdict, "title": _short(y.f.fact, 80)}
                                for y in fs]})
        pos = e
    if text[pos:]:
        pieces.append({"plain": text[pos:]})
    view["pieces"] = pieces
    return view


def _template_source(name: str):
    """The template with its lines joined (a newline and the indentation after it dropped)."""
    from importlib.resources import files

    source = files(__package__).joinpath("templates", name).read_text(encoding="utf-8")
    return re.sub(r"\n[ \t]*", "", source), None, lambda: True


@functools.lru_cache(maxsize=1)
def _template():
    import jinja2

    env = jinja2.Environment(loader=jinja2.FunctionLoader(_template_source), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    return env.get_template("report.html.j2")


def to_html(report: Report, articles: Optional[Union[Mapping[str, str], Iterable]] = None) -> str:
    """Render ``report`` as one self-contained HTML page (a Jinja2 template, autoescaped).

    Parameters
    ----------
    report : Report
    articles : mapping of path to text, or iterable of Article, optional
        The article texts to show with their facts highlighted; by default
        ``report.texts``. Without texts the page still has the matrix and
        the facts, and says the text is not part of the report.

    Returns
    -------
    page : str
        A complete HTML document: inline CSS and JavaScript, no external
        resource, a Content-Security-Policy that forbids any network access.
    """
    from markupsafe import Markup

    texts = _texts(report, articles)
    facts = [_Fact(i, f) for i, f in enumerate(_ordered(report.findings))]
    art_index = {a.path: i for i, a in enumerate(report.articles)}
    anchors: set[str] = set()
    mentions: dict[str, list[tuple[_Fact, StatementRef]]] = {}
    for x in facts:
        for st in x.f.statements:
            mentions.setdefault(st.article, []).append((x, st))
    # articles first (they register the statement anchors the fact cards link to)
    names = display_names([a.path for a in report.articles])
    article_views = [_article(i, a, texts.get(a.path), mentions.get(a.path, []), anchors, names[a.path])
                     for i, a in enumerate(report.articles)]
    cards = [_card(x, art_index, anchors) for x in facts]
    s = report.summary
    errors = sum(1 for a in report.articles if a.error)
    tiles = [("", s["articles"], "articles"), ("", s["statements"], "statements"), ("", s["findings"], "facts")]
    tiles += [(f"v-{v}" + (" hot" if v == "contradict" and s[v] else ""), s[v], f"{_ICON[v]} {v}")
              for v in VERDICTS]
    if errors:
        tiles.append(("v-contradict hot", errors, "unreadable"))
    kinds = [k for k in KINDS if any(x.f.kind == k for x in facts)]
    kinds += sorted({x.f.kind for x in facts} - set(KINDS))
    table = Counter((x.f.kind, x.f.verdict) for x in facts)
    kind_counts = Counter(x.f.kind for x in facts)
    css = _CSS + _grid_css(len(report.articles))
    return _template().render(
        csp=content_security_policy(css), css=Markup(css), js=Markup(_JS),
        title=f"Fact consistency · {s['articles']} articles · {s['contradict']} contradictions",
        summary=s, verdicts=VERDICTS, icon=_ICON, facts=facts,
        verdict_counts=Counter(x.f.verdict for x in facts),
        kind_counts=[(k, kind_counts[k]) for k in kinds],
        tiles=tiles,
        count_rows=[(k, [table.get((k, v), 0) for v in VERDICTS], sum(table.get((k, v), 0) for v in VERDICTS))
                    for k in kinds],
        matrix=_matrix(report, facts), cards=cards,
        unreadable=[(art_index[a.path], a.path, a.error) for a in report.articles if a.error],
        articles=article_views,
        settings=" · ".join(f"{k} {v}" for k, v in (report.settings or {}).items()))
