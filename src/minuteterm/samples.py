"""Regenerate ``exports/``: the demo meeting in every format and question style.

Run ``python -m minuteterm.samples`` from the repository root; a test fails
when the committed files differ from what this writes.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pendulum

from .demo import ZONE, ensure_demo
from .export import FORMATS, render
from .minutes import QUESTION_STYLES
from .store import open_store


def sample_exports() -> dict[str, str]:
    """File name -> contents, for every sample export of the demo meeting."""
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "demo.db")
        try:
            record = store.record(ensure_demo(store))
        finally:
            store.close()
    return {
        f"demo-{style}.{fmt}": render(record, fmt, questions=style)
        for style in QUESTION_STYLES
        for fmt in FORMATS
    }


def main(folder: Path = Path("exports")) -> None:
    """Write the samples into ``folder`` (times shown in the demo council's zone)."""
    pendulum.set_local_timezone(pendulum.timezone(ZONE))
    folder.mkdir(exist_ok=True)
    for name, text in sample_exports().items():
        (folder / name).write_text(text, encoding="utf-8")
        print(folder / name)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("exports"))
