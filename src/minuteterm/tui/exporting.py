"""Exporting from the app: one meeting's minutes in every format at once.

Runs in a worker thread (its caller's), never touching widgets; the record
was read on the event loop, so no database connection crosses threads.
"""

from __future__ import annotations

from pathlib import Path

from minuteterm.errors import StoreError
from minuteterm.model import MeetingRecord


def export_all(
    record: MeetingRecord, folder: Path, *, questions: str = "dash", public: bool = False
) -> list[Path]:
    """Write the minutes in every export format into ``folder``; the paths
    written. Problems come back as :class:`~minuteterm.errors.StoreError`
    with the reason."""
    from minuteterm.export import FORMATS, ExportError, default_filename, write_export

    paths = []
    try:
        for fmt in FORMATS:
            target = folder / default_filename(record, fmt, public=public)
            paths.append(write_export(record, fmt, target, questions=questions, public=public))
    except (ExportError, OSError) as error:
        raise StoreError(str(error)) from None
    return paths
