"""The HTML side of the published folder: ``DIR/minutes/``.

Each meeting's page is its public minutes exactly as ``export --public``
writes them (self-contained, escaped, under a Content Security Policy that
lets nothing run or load); ``index.html`` lists the meetings by committee
and date, newest first, under the same policy. The folder is written whole
beside the old one and swapped in, so a page withdrawn from the archive
does not linger and a reader never sees half a folder.
"""

from __future__ import annotations

import contextlib
import html
import os
import secrets
import shutil
from collections.abc import Iterable
from datetime import date
from itertools import groupby
from pathlib import Path

from minuteterm.dates import format_date
from minuteterm.export.html import CONTENT_SECURITY_POLICY
from minuteterm.publishing.errors import PublishError
from minuteterm.publishing.gather import PublicMeeting

INDEX_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;"
    "line-height:1.5}h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}"
    "ul{padding-left:1.2rem}.draft{color:#8a4b00}"
)


#: A plain form (no script) to Datasette's "search the minutes" query; it
#: works where the folder is served, as ``minuteterm publish --serve`` does.
SEARCH_FORM = (
    '<form method="get" action="/minutes/search_minutes">'
    '<label for="q">Search the minutes</label> <input id="q" name="q" type="search"> '
    '<button type="submit">Search</button></form>'
)


def _line(meeting: PublicMeeting) -> str:
    row = meeting.meeting
    day = format_date(date.fromisoformat(row["date"]))
    text = f'<a href="{html.escape(meeting.filename)}">{html.escape(day)}</a>'
    if row["title"] != row["committee"]:
        text += f" – {html.escape(row['title'])}"
    if row["status"] != "approved":
        text += ' <span class="draft">(draft — subject to approval)</span>'
    return f"<li>{text}</li>"


def index_html(meetings: Iterable[PublicMeeting], title: str) -> str:
    """The index page: each committee (by name), its meetings newest first."""
    ordered = sorted(meetings, key=lambda m: (m.meeting["committee"].casefold(), m.meeting["id"]))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en-GB"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title><style>{INDEX_STYLE}</style></head>",
        f"<body><main><h1>{html.escape(title)}</h1>",
        SEARCH_FORM,
    ]
    if not ordered:
        parts.append("<p>No minutes have been published yet.</p>")
    for _name, group in groupby(ordered, key=lambda m: m.meeting["committee"].casefold()):
        listed = sorted(group, key=lambda m: (m.meeting["starts_at"], m.uid), reverse=True)
        parts.append(f"<section><h2>{html.escape(listed[0].meeting['committee'])}</h2><ul>")
        parts += [_line(meeting) for meeting in listed]
        parts.append("</ul></section>")
    parts.append("</main></body></html>\n")
    return "\n".join(parts)


def check_target(folder: Path) -> None:
    """Refuse to publish into a folder holding anything but an earlier
    publication: its ``minutes/`` is replaced whole, and nothing a person
    put there may be lost. A new or empty folder is fine."""
    if not folder.exists():
        return
    if not folder.is_dir():
        raise PublishError(f"cannot publish into {folder}: it is a file, not a folder")
    if any(folder.iterdir()) and not (folder / "minutes.db").is_file():
        raise PublishError(
            f"{folder} holds other files: publish into a new or empty folder,"
            " or one published before"
        )
    pages = folder / "minutes"
    if pages.exists() and (
        not pages.is_dir()
        or any(not (p.is_file() and p.suffix == ".html") for p in pages.iterdir())
    ):
        raise PublishError(f"{pages} holds files MinuteTerm did not write: move them first")


def write_site(folder: Path, meetings: list[PublicMeeting], title: str) -> Path:
    """Write ``folder`` (``DIR/minutes``): every meeting's page and the
    index, replacing what was there. Raises :class:`PublishError`."""
    token = secrets.token_hex(6)
    fresh = folder.with_name(f".{folder.name}.{token}.new")
    stale = folder.with_name(f".{folder.name}.{token}.old")
    try:
        fresh.mkdir()
        for meeting in meetings:
            (fresh / meeting.filename).write_text(meeting.html, encoding="utf-8", newline="\n")
        (fresh / "index.html").write_text(index_html(meetings, title), encoding="utf-8")
        if folder.exists():
            os.replace(folder, stale)
        os.replace(fresh, folder)
    except OSError as error:
        raise PublishError(f"cannot write {folder}: {error.strerror or error}") from None
    finally:
        for leftover in (fresh, stale):
            with contextlib.suppress(OSError):
                shutil.rmtree(leftover)
    return folder
