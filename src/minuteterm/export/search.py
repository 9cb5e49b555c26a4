"""Search results written out: a terminal table, Markdown, CSV or JSON.

Each result gives the meeting date, committee, minute (or item) number and
title, kind, and a snippet with the words found marked (``«word»`` in the
table and CSV, bold in Markdown, ``«»`` in JSON too, with the plain text
beside it). A confidential result (an exempt item's discussion, or a
confidential action) says so: CONFIDENTIAL. Plain data in, text out.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from minuteterm.dates import format_date
from minuteterm.export.errors import ExportError
from minuteterm.export.markdown import cell, escape
from minuteterm.search.results import Hit, Results, marked, plain

#: The formats search results can be written in.
RESULT_FORMATS: tuple[str, ...] = ("table", "md", "csv", "json")
CSV_HEADER = (
    "date",
    "committee",
    "minute",
    "title",
    "kind",
    "confidential",
    "found",
    "meeting",
    "item",
    "entry",
)
#: The widest a table's text columns grow before "…".
TABLE_WIDTHS = {"committee": 28, "title": 34, "found": 70}
CONFIDENTIAL = "CONFIDENTIAL"


def _fit(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _around_mark(text: str, width: int) -> str:
    """``text`` cut to ``width``, keeping the first marked word in view."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    first = text.find("«")
    start = max(0, min(first - width // 3, len(text) - width + 1)) if first > 0 else 0
    cut = ("…" if start else "") + text[start:]
    return cut if len(cut) <= width else cut[: width - 1] + "…"


def found_text(hit: Hit, start: str = "«", end: str = "»") -> str:
    """What was found: the speaker (if any) and the snippet, marked."""
    snippet = marked(hit.snippet, start, end)
    if hit.speaker:
        return f"{marked(hit.speaker, start, end)}: {snippet}"
    return snippet


def summary(results: Results, text: str) -> str:
    """``3 results for "damp mould" (best match first)``."""
    count = len(results.hits)
    if not count:
        return f'No results for "{" ".join(text.split())[:80]}".'
    noun = "result" if count == 1 else "results"
    return f'{count} {noun} for "{" ".join(text.split())[:80]}" ({results.order})'


def _kind(hit: Hit) -> str:
    return f"{hit.kind_label} {CONFIDENTIAL}" if hit.confidential else hit.kind_label


def _table(results: Results, text: str) -> str:
    rows = [["Date", "Committee", "Minute", "Title", "Kind", "Found"]]
    for hit in results.hits:
        rows.append(
            [
                f"{hit.starts_at:%d/%m/%Y}",
                _fit(hit.committee, TABLE_WIDTHS["committee"]),
                hit.reference,
                _fit(plain(hit.title), TABLE_WIDTHS["title"]),
                _kind(hit),
                _around_mark(found_text(hit), TABLE_WIDTHS["found"]),
            ]
        )
    out = [summary(results, text)]
    if not results.hits:
        return out[0] + "\n"
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    out.append("")
    for number, row in enumerate(rows):
        out.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if number == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out) + "\n"


def _markdown(results: Results, text: str) -> str:
    out = [f"# {escape(summary(results, text))}"]
    if not results.hits:
        return out[0] + "\n"
    lines = ["| Date | Committee | Minute | Title | Kind | Found |", "| --- " * 6 + "|"]
    for hit in results.hits:
        found = escape(found_text(hit, "\x02", "\x03")).replace("\x02", "**").replace("\x03", "**")
        kind = cell(hit.kind_label) + (f" **{CONFIDENTIAL}**" if hit.confidential else "")
        cells = [
            format_date(hit.starts_at.date()),
            cell(hit.committee),
            cell(hit.reference),
            cell(plain(hit.title)),
            kind,
            found or " ",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n\n".join([out[0], "\n".join(lines)]) + "\n"


def _as_text(value: str) -> str:
    """A typed value a spreadsheet will not run as a formula."""
    return f"'{value}" if value.startswith(("=", "+", "-", "@", "\t", "\r")) else value


def _csv(results: Results, text: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for hit in results.hits:
        writer.writerow(
            [
                hit.starts_at.date().isoformat(),
                _as_text(hit.committee),
                _as_text(hit.reference),
                _as_text(plain(hit.title)),
                hit.kind_label,
                "yes" if hit.confidential else "no",
                _as_text(found_text(hit)),
                hit.meeting_id,
                hit.item_id,
                hit.entry_id or "",
            ]
        )
    return buffer.getvalue()


def _json(results: Results, text: str) -> str:
    found = [
        {
            "date": hit.starts_at.date().isoformat(),
            "committee": hit.committee,
            "minute": hit.reference,
            "title": plain(hit.title),
            "kind": hit.kind_label,
            "confidential": hit.confidential,
            "found": found_text(hit),
            "text": plain(found_text(hit, "", "")),
            "meeting": hit.meeting_id,
            "item": hit.item_id,
            "entry": hit.entry_id,
        }
        for hit in results.hits
    ]
    document = {"query": text, "order": results.order, "results": found}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


_RENDERERS: dict[str, Callable[[Results, str], str]] = {
    "table": _table,
    "md": _markdown,
    "csv": _csv,
    "json": _json,
}


def render_results(results: Results, text: str, fmt: str) -> str:
    """The results of searching for ``text`` as a ``fmt`` document."""
    if fmt not in _RENDERERS:
        raise ExportError(f"unknown format {fmt!r}: use one of {', '.join(RESULT_FORMATS)}")
    return _RENDERERS[fmt](results, text)
