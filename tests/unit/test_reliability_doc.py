"""docs/reliability.md cannot orphan a promise: every test it names exists
(``tools/reliability.py --check``), so renaming or moving a test without
updating the page fails here."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "reliability.py"
DOC = ROOT / "docs" / "reliability.md"
ROW = re.compile(r"^\| \d+[a-z]? \|")


def check(doc: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(TOOL), "--check", "--doc", str(doc)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_every_test_the_page_names_exists() -> None:
    done = check(DOC)
    assert done.returncode == 0, done.stderr
    rows = [line for line in DOC.read_text(encoding="utf-8").splitlines() if ROW.match(line)]
    assert len(rows) >= 30  # the page still has its promises
    # every row was read, not only the first few
    assert done.stdout.startswith(f"{len(rows)} promises,"), done.stdout


def test_a_renamed_test_is_named_and_fails_the_check(tmp_path: Path) -> None:
    head = DOC.read_text(encoding="utf-8").split("| 1a |")[0]
    doc = tmp_path / "reliability.md"
    doc.write_text(
        head
        + "| 1 | Dates read as clerks write them | `tests/unit/test_dates.py`"
        + " | passed on 2026-12-01 |\n"
        + "| 2 | A promise whose test was renamed | "
        + "`tests/unit/test_dates.py::test_that_was_renamed`, `tests/unit/test_gone.py`"
        + " | passed on 2026-12-01 |\n",
        encoding="utf-8",
    )
    done = check(doc)
    assert done.returncode == 1
    assert "row 2: no test tests/unit/test_dates.py::test_that_was_renamed" in done.stderr
    assert "row 2: no test tests/unit/test_gone.py" in done.stderr
    assert "row 1:" not in done.stderr
    assert "passed on 2026-12-01" in doc.read_text(encoding="utf-8")  # --check writes nothing
