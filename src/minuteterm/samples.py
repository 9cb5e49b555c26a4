"""Regenerate ``exports/``: the demo meeting in every format and question
style, confidential and public, in both HTML themes, and the demo's action
sheet as Markdown, CSV and HTML.

Run ``python -m minuteterm.samples`` from the repository root; a test fails
when the committed files differ from what this writes. The folder is
emptied of older samples first, so a sample no longer made does not linger.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pendulum

from minuteterm.actions.sheet import ActionFilter, ActionSheet
from minuteterm.db.store import Store, open_store
from minuteterm.demo import NEXT_STARTS, ZONE, ensure_demo
from minuteterm.export import EXPORTERS, FORMATS, render
from minuteterm.export.action_sheet import EXTENSIONS, render_sheet
from minuteterm.minutes import QUESTION_STYLES
from minuteterm.recording.record import meeting_record

#: The demo's action sheet is shown as it stands on the morning of the next meeting.
SHEET_AS_AT = NEXT_STARTS.set(hour=9, minute=0)

#: The action sheet samples.
SHEET_FORMATS = ("md", "csv", "html")


#: The second HTML theme, shown for the dash style.
CLASSIC = "classic"
#: The two versions of minutes with exempt items.
VERSIONS = {"confidential": False, "public": True}


def _sheets(store: Store) -> dict[str, str]:
    sheet = ActionSheet(store)
    everything = ActionFilter(limit=None)
    now = SHEET_AS_AT.in_tz("UTC")
    rows, counts = sheet.page(everything, now=now)
    return {
        f"demo-actions.{EXTENSIONS[fmt]}": render_sheet(rows, counts, fmt, today=SHEET_AS_AT.date())
        for fmt in SHEET_FORMATS
    }


def sample_exports() -> dict[str, str | bytes]:
    """File name -> contents, for every sample export of the demo meeting,
    and the demo's action sheet."""
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "demo.db")
        try:
            record = meeting_record(store, ensure_demo(store))
            sheets = _sheets(store)
        finally:
            store.close()
    minutes: dict[str, str | bytes] = {}
    for version, public in VERSIONS.items():
        for style in QUESTION_STYLES:
            for fmt in FORMATS:
                extension = EXPORTERS[fmt].extension
                name = f"demo-{style}-{version}.{extension}"
                minutes[name] = render(record, fmt, questions=style, public=public)
        name = f"demo-dash-{version}-{CLASSIC}.html"
        minutes[name] = render(record, "html", theme=CLASSIC, public=public)
    return minutes | sheets


def main(folder: Path = Path("exports")) -> None:
    """Write the samples into ``folder`` (times shown in the demo council's zone)."""
    pendulum.set_local_timezone(pendulum.timezone(ZONE))
    folder.mkdir(exist_ok=True)
    for old in folder.glob("demo-*"):
        old.unlink()
    for name, contents in sample_exports().items():
        if isinstance(contents, bytes):
            (folder / name).write_bytes(contents)
        else:
            (folder / name).write_text(contents, encoding="utf-8", newline="\n")
        print(folder / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("exports"))
