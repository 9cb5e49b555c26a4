"""The action sheet written out: a terminal table, Markdown, CSV or HTML.

The CLI (``minuteterm actions``) and the actions screen both go through
:func:`render_sheet` and :func:`write_sheet`, so they give the same sheet.
The HTML is the Markdown rendered the way the minutes are (markdown-it with
raw HTML off, the theme's CSS inlined, a Content Security Policy that
forbids fetching anything), so it is one self-contained file.

The CSV has a fixed header (:data:`CSV_HEADER`), dates as ``YYYY-MM-DD``,
``yes``/``no`` for overdue and ``\n`` line endings (every CSV reader,
Excel included, takes them). A cell the clerk typed that starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'``
so a spreadsheet shows it as text instead of running it as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from markdown_it import MarkdownIt

from minuteterm import clock
from minuteterm.dates import format_date, to_local
from minuteterm.export.errors import ExportError
from minuteterm.export.files import slug, write_atomic
from minuteterm.export.html import html_document
from minuteterm.export.markdown import cell, escape, escape_line
from minuteterm.export.themes import DEFAULT_THEME, load_theme_css
from minuteterm.minutes import CONFIDENTIAL_LINE, capitalise
from minuteterm.model import ActionSheetRow, Counts

#: The formats the sheet can be written in, in the order the CLI lists them.
SHEET_FORMATS: tuple[str, ...] = ("table", "md", "csv", "html")
EXTENSIONS = {"table": "txt", "md": "md", "csv": "csv", "html": "html"}
DEFAULT_TITLE = "Action sheet"
#: The public version's title (and so its file name, ``action-sheet-public-…``).
PUBLIC_TITLE = "Action sheet (public)"

CSV_HEADER: tuple[str, ...] = (
    "number",
    "committee",
    "meeting",
    "item",
    "action",
    "owner",
    "due",
    "status",
    "latest update",
    "latest update date",
    "overdue",
)

#: The widest a terminal table's text columns grow before "…".
TABLE_WIDTHS = {"committee": 30, "action": 48, "owner": 28, "update": 40}

_MD = MarkdownIt("js-default")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# --- words shared by the formats -----------------------------------------------------


def counts_line(counts: Counts) -> str:
    """``5 actions: 3 open (1 overdue), 1 done, 1 dropped``."""
    noun = "action" if counts.total == 1 else "actions"
    return (
        f"{counts.total} {noun}: {counts.open} open ({counts.overdue} overdue), "
        f"{counts.done} done, {counts.dropped} dropped"
    )


def _short_date(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def due_cell(row: ActionSheetRow, long: bool = False) -> str:
    """The due date, or "next meeting" until that meeting exists."""
    if row.due is not None:
        return format_date(row.due) if long else _short_date(row.due)
    return row.due_text or ""


def update_cell(row: ActionSheetRow) -> str:
    """``3 Dec 2026 – report circulated``, or nothing."""
    if not row.latest_update:
        return ""
    if row.latest_update_at is None:
        return row.latest_update
    return f"{_short_date(row.latest_update_at.date())} – {row.latest_update}"


def _marking(rows: Sequence[ActionSheetRow]) -> list[str]:
    """The CONFIDENTIAL line, when the sheet shows an exempt action (or an
    update typed in an exempt item); ``actions --public`` leaves them out."""
    if any(row.confidential for row in rows):
        return [f"{CONFIDENTIAL_LINE}; actions marked (exempt)"]
    return []


def _number(row: ActionSheetRow) -> str:
    """``42``, or ``42 (exempt)`` for a confidential action."""
    return f"{row.number} (exempt)" if row.confidential else str(row.number)


def _one_committee(rows: Sequence[ActionSheetRow]) -> str | None:
    names = {row.committee for row in rows}
    return names.pop() if len(names) == 1 else None


# --- table (a terminal) -------------------------------------------------------------


def _fit(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(rows: Sequence[ActionSheetRow], counts: Counts, title: str, today: date) -> str:
    committee = _one_committee(rows)
    columns = ["No.", "Reference", "Action", "Owner", "Due", "Status", "Latest update"]
    if committee is None:
        columns.insert(2, "Committee")
    lines_of_cells = [columns]
    for row in rows:
        cells = [
            _number(row),
            row.reference,
            _fit(capitalise(row.description), TABLE_WIDTHS["action"]),
            _fit(row.owner, TABLE_WIDTHS["owner"]),
            due_cell(row),
            "OVERDUE" if row.overdue else row.status.value,
            _fit(update_cell(row), TABLE_WIDTHS["update"]),
        ]
        if committee is None:
            cells.insert(2, _fit(row.committee, TABLE_WIDTHS["committee"]))
        lines_of_cells.append(cells)
    widths = [max(len(cells[i]) for cells in lines_of_cells) for i in range(len(columns))]
    heading = f"{title} – {committee}" if committee else title
    out = [heading, *_marking(rows), f"As at {format_date(today)}: {counts_line(counts)}", ""]
    if not rows:
        return "\n".join([*out, "No actions match."]) + "\n"
    for number, cells in enumerate(lines_of_cells):
        out.append("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())
        if number == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out) + "\n"


# --- Markdown and HTML ----------------------------------------------------------------


def _status_markdown(row: ActionSheetRow) -> str:
    return "**Overdue**" if row.overdue else row.status.value.capitalize()


def _markdown_parts(
    rows: Sequence[ActionSheetRow], counts: Counts, title: str, today: date
) -> tuple[str, str, str]:
    """The heading, the counts line and the table (or "No actions match.")."""
    committee = _one_committee(rows)
    heading = f"# {escape(title)}"
    if committee:
        heading += f"\n\n{escape_line(committee)}"
    for line in _marking(rows):
        heading += f"\n\n**{escape(line)}**"
    summary = f"As at {format_date(today)}: {escape(counts_line(counts))}."
    if not rows:
        return heading, summary, "No actions match."
    columns = ["No.", "Reference", "Action", "Owner", "Due", "Status", "Latest update"]
    if committee is None:
        columns.insert(2, "Committee")
    lines = ["| " + " | ".join(columns) + " |", "| " + " | ".join("---" for _ in columns) + " |"]
    for row in rows:
        cells = [
            cell(_number(row)),
            cell(row.reference),
            cell(capitalise(row.description)),
            cell(row.owner),
            cell(due_cell(row, long=True)),
            _status_markdown(row),
            cell(update_cell(row)),
        ]
        if committee is None:
            cells.insert(2, cell(row.committee))
        lines.append("| " + " | ".join(cells) + " |")
    return heading, summary, "\n".join(lines)


def _markdown(rows: Sequence[ActionSheetRow], counts: Counts, title: str, today: date) -> str:
    return "\n\n".join(_markdown_parts(rows, counts, title, today)) + "\n"


def _html(
    rows: Sequence[ActionSheetRow], counts: Counts, title: str, today: date, theme: str
) -> str:
    heading, summary, table = _markdown_parts(rows, counts, title, today)
    counts_html = _MD.render(summary).replace("<p>", '<p class="counts">', 1)
    body = _MD.render(heading) + counts_html + _MD.render(table)
    return html_document(title, load_theme_css(theme).strip(), body, kind="action-sheet")


# --- CSV ----------------------------------------------------------------------------


def _as_text(value: str) -> str:
    """A typed value a spreadsheet will not run as a formula."""
    return f"'{value}" if value.startswith(_FORMULA_START) else value


def _csv(rows: Sequence[ActionSheetRow], counts: Counts, title: str, today: date) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for row in rows:
        updated = row.latest_update_at
        writer.writerow(
            [
                row.number,
                _as_text(row.committee),
                row.meeting_starts_at.date().isoformat(),
                _as_text(row.item_number),
                _as_text(row.description),
                _as_text(row.owner),
                row.due.isoformat() if row.due else (row.due_text or ""),
                row.status.value,
                _as_text(row.latest_update or ""),
                updated.date().isoformat() if updated else "",
                "yes" if row.overdue else "no",
            ]
        )
    return buffer.getvalue()


_RENDERERS: dict[str, Callable[[Sequence[ActionSheetRow], Counts, str, date], str]] = {
    "table": _table,
    "md": _markdown,
    "csv": _csv,
}


# --- the public face ------------------------------------------------------------------


def _check(fmt: str) -> None:
    if fmt not in SHEET_FORMATS:
        raise ExportError(f"unknown format {fmt!r}: use one of {', '.join(SHEET_FORMATS)}")


def render_sheet(
    rows: Sequence[ActionSheetRow],
    counts: Counts,
    fmt: str,
    *,
    title: str = DEFAULT_TITLE,
    theme: str = DEFAULT_THEME,
    today: date | None = None,
) -> str:
    """The sheet as the text of a ``fmt`` file (``table``, ``md``, ``csv``,
    ``html``). ``counts`` are shown as given (count with no limit); ``today``
    (default: now, locally) dates the counts. Raises :class:`ExportError`
    for an unknown format or theme."""
    _check(fmt)
    day = today or to_local(clock.now()).date()
    if fmt == "html":
        return _html(rows, counts, title, day, theme)
    return _RENDERERS[fmt](rows, counts, title, day)


def default_sheet_filename(fmt: str, title: str = DEFAULT_TITLE, today: date | None = None) -> str:
    """``action-sheet-2026-12-14.csv``: the title and the date."""
    _check(fmt)
    day = today or to_local(clock.now()).date()
    return f"{slug(title) or 'action-sheet'}-{day.isoformat()}.{EXTENSIONS[fmt]}"


def write_sheet(
    rows: Sequence[ActionSheetRow],
    counts: Counts,
    fmt: str,
    path: Path,
    *,
    title: str = DEFAULT_TITLE,
    theme: str = DEFAULT_THEME,
    today: date | None = None,
) -> Path:
    """Write the sheet to ``path`` (a file, or a folder to name it in)
    atomically and return the path written. A CSV file starts with a
    byte-order mark so that Excel reads it as UTF-8."""
    text = render_sheet(rows, counts, fmt, title=title, theme=theme, today=today)
    path = Path(path).expanduser()
    if path.is_dir():
        path = path / default_sheet_filename(fmt, title, today)
    if not path.parent.is_dir():
        raise ExportError(f"cannot write {path}: folder {path.parent} does not exist")
    write_atomic(path, "\ufeff" + text if fmt == "csv" else text)
    return path
