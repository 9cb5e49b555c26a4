"""Exporters: a meeting's minutes written as a file (Markdown, HTML, Word).

:data:`EXPORTERS` is the registry (format name -> extension and render
function); the CLI and the TUI go through :func:`render` and
:func:`write_export` so they offer exactly the same formats and options.
Markdown and HTML render to text; Word (``docx``) renders to bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from minuteterm.export.errors import ExportError
from minuteterm.export.files import slug, write_atomic, write_atomic_bytes
from minuteterm.export.html import render_html
from minuteterm.export.markdown import render_markdown
from minuteterm.export.themes import DEFAULT_THEME, available_themes, load_theme_css
from minuteterm.minutes import Minutes, build_minutes
from minuteterm.model import MeetingRecord

__all__ = [
    "EXPORTERS",
    "FORMATS",
    "TEXT_FORMATS",
    "ExportError",
    "Exporter",
    "available_themes",
    "default_filename",
    "load_theme_css",
    "render",
    "write_export",
]


class Exporter(NamedTuple):
    """One export format: its file extension and how to render it (to text,
    or to bytes for a binary format such as Word)."""

    extension: str
    render: Callable[[Minutes, str], str | bytes]
    binary: bool = False


def _markdown(minutes: Minutes, theme: str) -> str:
    """Markdown has no theme; ``theme`` is accepted and ignored."""
    return render_markdown(minutes)


def _docx(minutes: Minutes, theme: str) -> bytes:
    """Word has no theme either. python-docx (and lxml) are imported only
    when a ``.docx`` is made, so Markdown and HTML exports start as fast."""
    from minuteterm.export.docx import render_docx

    return render_docx(minutes, theme)


EXPORTERS: dict[str, Exporter] = {
    "md": Exporter("md", _markdown),
    "html": Exporter("html", render_html),
    "docx": Exporter("docx", _docx, binary=True),
}

#: The format names, in the order the CLI lists them.
FORMATS: tuple[str, ...] = tuple(EXPORTERS)
#: The formats that render to text (``str``); the others render to bytes.
TEXT_FORMATS: tuple[str, ...] = tuple(name for name, e in EXPORTERS.items() if not e.binary)


def _exporter(fmt: str) -> Exporter:
    try:
        return EXPORTERS[fmt]
    except KeyError:
        known = ", ".join(FORMATS)
        raise ExportError(f"unknown format {fmt!r}: use one of {known}") from None


def render(
    record: MeetingRecord,
    fmt: str,
    *,
    questions: str | None = None,
    theme: str = DEFAULT_THEME,
    public: bool = False,
    naming: str | None = None,
    resolutions: str | None = None,
) -> str | bytes:
    """The minutes of ``record`` as the contents of a ``fmt`` file: text for
    the formats in :data:`TEXT_FORMATS`, bytes for the others (``docx``).

    ``public=True`` makes the public version (exempt discussion left out).
    ``questions``, ``naming`` and ``resolutions`` default to the committee's
    house style. Raises :class:`ExportError` for an unknown format, theme or
    style.
    """
    exporter = _exporter(fmt)
    try:
        minutes = build_minutes(
            record, questions, public=public, naming=naming, resolutions=resolutions
        )
    except ValueError as error:
        raise ExportError(str(error)) from None
    return exporter.render(minutes, theme)


def default_filename(
    record: MeetingRecord, fmt: str, *, public: bool = False, style: str | None = None
) -> str:
    """``harbour-and-coastal-services-board-2026-12-14.md``: the committee
    and the meeting's local date, only ``[a-z0-9-]`` before the extension.

    The public version of a meeting with exempt items ends ``-public`` and
    the full one ``-confidential``, so the two are never confused on disk.
    ``style`` (a question style, say) is added when given, so files of
    different styles never overwrite one another.
    """
    meeting = record.meeting
    name = slug(meeting.committee) or "minutes"
    name += "-" + meeting.starts_at.date().isoformat()
    if style:
        name += "-" + slug(style)
    if record.confidential:
        name += "-public" if public else "-confidential"
    return f"{name}.{_exporter(fmt).extension}"


def write_export(
    record: MeetingRecord,
    fmt: str,
    path: Path,
    *,
    questions: str | None = None,
    theme: str = DEFAULT_THEME,
    public: bool = False,
    naming: str | None = None,
    resolutions: str | None = None,
) -> Path:
    """Write the minutes to ``path`` atomically and return the path written.

    ``path`` may be an existing folder: the file is then named by
    :func:`default_filename`. The contents go to a temporary file in the
    same folder which then replaces the target, so a reader never sees half a
    file. Raises :class:`ExportError` if anything stops the export.
    """
    contents = render(
        record,
        fmt,
        questions=questions,
        theme=theme,
        public=public,
        naming=naming,
        resolutions=resolutions,
    )
    path = Path(path).expanduser()
    if path.is_dir():
        path = path / default_filename(record, fmt, public=public)
    if not path.parent.is_dir():
        raise ExportError(f"cannot write {path}: folder {path.parent} does not exist")
    if isinstance(contents, bytes):
        write_atomic_bytes(path, contents)
    else:
        write_atomic(path, contents)
    return path
