"""``minuteterm actions``, run as a clerk's script would run it: real
processes on a real database file, the output read back as a program would
read it (csv module, an HTML parser), bad input refused in one line.

The child processes run on the real clock, so the actions here are due long
ago (always overdue) or far ahead (never), never near today.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pendulum
import pytest

from minuteterm import cli
from minuteterm.actions.sheet import SORTS, ActionFilter, ActionSheet
from minuteterm.db.store import open_store
from minuteterm.export.action_sheet import CSV_HEADER, SHEET_FORMATS
from minuteterm.export.html import CONTENT_SECURITY_POLICY
from minuteterm.model import ActionStatus, NewItem
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.recorder import Recorder
from tests.system.test_cli import assert_refused

ZONE = "Europe/London"


def run(*args: str, db: Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """``minuteterm ARGS --db DB`` in a child process."""
    return subprocess.run(
        [sys.executable, "-m", "minuteterm", *args, "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


#: A short name for each action the fixture raises.
NAMES = {
    "circulate the damp survey": "survey",
    "report on void times": "report",
    "=SUM(A1) review the formula": "formula",
    "repaint the stairwells": "repaint",
    "circulate the audit plan, v2": "audit",
}


@pytest.fixture
def numbers(db_path: Path) -> dict[str, int]:
    """Five actions in two committees; returns their numbers by a short name."""
    store = open_store(db_path)
    housing = create_meeting(
        store,
        "Housing Committee",
        pendulum.datetime(2020, 3, 2, 18, 30, tz=ZONE),
        agenda=[NewItem("Repairs"), NewItem("Voids")],
    )
    recorder = Recorder(store, housing)
    lines = [
        "! Repairs Manager: circulate the damp survey by 01/04/2020",
        "! Head of Housing: report on void times by 01/01/2099",
        "! Head of Housing: =SUM(A1) review the formula by next meeting",
        "/next",
        "! Repairs Manager: repaint the stairwells by 01/06/2020",
    ]
    for line in lines:
        recorder.apply(line, now=pendulum.datetime(2020, 3, 2, 18, 40, tz=ZONE))
    audit = create_meeting(
        store,
        "Audit Committee",
        pendulum.datetime(2020, 3, 9, 18, 30, tz=ZONE),
        agenda=[NewItem("Plan")],
    )
    Recorder(store, audit).apply("! Head of Audit: circulate the audit plan, v2 by 01/01/2098")
    sheet = ActionSheet(store)
    found = {NAMES[row.description]: row for row in sheet.rows()}
    sheet.update(
        found["repaint"].action_id,
        status=ActionStatus.DONE,
        note="all stairwells repainted",
        now=pendulum.datetime(2020, 5, 20, 9, tz=ZONE),
    )
    store.close()
    return {name: row.number for name, row in found.items()}


def read_csv(text: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text))
    assert tuple(reader.fieldnames or ()) == CSV_HEADER
    return list(reader)


def test_csv_reads_back(db_path: Path, numbers: dict[str, int]) -> None:
    result = run("actions", "--format", "csv", db=db_path)
    assert result.returncode == 0, result.stderr
    # each committee numbers its own actions: the Audit plan is also 1
    rows = {NAMES[row["action"].lstrip("'")]: row for row in read_csv(result.stdout)}
    assert {name: int(row["number"]) for name, row in rows.items()} == numbers
    assert (rows["survey"]["number"], rows["audit"]["number"]) == ("1", "1")
    survey = rows["survey"]
    assert survey == {
        "number": str(numbers["survey"]),
        "committee": "Housing Committee",
        "meeting": "2020-03-02",
        "item": "1",
        "action": "circulate the damp survey",
        "owner": "Repairs Manager",
        "due": "2020-04-01",
        "status": "open",
        "latest update": "",
        "latest update date": "",
        "overdue": "yes",
    }
    stairs = rows["repaint"]
    assert (stairs["status"], stairs["overdue"], stairs["item"]) == ("done", "no", "2")
    assert (stairs["latest update"], stairs["latest update date"]) == (
        "all stairwells repainted",
        "2020-05-20",
    )
    formula = rows["formula"]
    assert formula["due"] == "next meeting"  # no later Housing meeting yet
    assert formula["action"] == "'=SUM(A1) review the formula"  # not run by a spreadsheet
    assert rows["report"]["overdue"] == "no"


def test_csv_to_a_file_for_excel(db_path: Path, numbers: dict[str, int], tmp_path: Path) -> None:
    target = tmp_path / "sheet.csv"
    result = run("actions", "--format", "csv", "-o", str(target), db=db_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(target)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a byte-order mark: Excel reads UTF-8
    assert len(read_csv(raw.decode("utf-8-sig"))) == len(numbers)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--status", "open"), ["circulate", "report", "=SUM(A1)", "circulate"]),
        (("--status", "done"), ["repaint"]),
        (("--status", "dropped"), []),
        (("--overdue",), ["circulate"]),
        (("--committee", "audit"), ["circulate"]),
        (("--owner", "repairs"), ["circulate", "repaint"]),
        (("--search", "stairwells"), ["repaint"]),
        (("--due-within", "36500", "--sort", "due"), ["circulate", "report"]),
        (("--sort", "due"), ["circulate", "repaint", "circulate", "report", "=SUM(A1)"]),
    ],
)
def test_filters_and_sorts(
    db_path: Path, numbers: dict[str, int], args: tuple[str, ...], expected: list[str]
) -> None:
    result = run("actions", "--format", "csv", *args, db=db_path)
    assert result.returncode == 0, result.stderr
    first_words = [row["action"].lstrip("'").split()[0] for row in read_csv(result.stdout)]
    assert first_words == expected


def test_markdown_and_table(db_path: Path, numbers: dict[str, int]) -> None:
    markdown = run("actions", "--format", "md", "--committee", "housing", db=db_path).stdout
    assert markdown.startswith("# Action sheet\n\nHousing Committee\n\nAs at ")
    assert ": 4 actions: 3 open (1 overdue), 1 done, 0 dropped." in markdown
    assert "| No. | Reference | Action | Owner | Due | Status | Latest update |" in markdown
    survey = numbers["survey"]
    assert (
        f"| {survey} | 2 Mar 2020 / 1 | Circulate the damp survey | Repairs Manager"
        " | 1 April 2020 | **Overdue** |" in markdown
    )
    table = run("actions", db=db_path).stdout.splitlines()
    assert table[0] == "Action sheet"
    header = table[3]
    columns = "No. Reference Committee Action Owner Due Status Latest update"
    assert header.split() == columns.split()
    row = next(line for line in table if line.startswith(f"{survey} "))
    assert "OVERDUE" in row and "1 Apr 2020" in row
    assert row.index("Circulate") == header.index("Action")  # the columns line up


class Page(HTMLParser):
    """Tags, the style sheet and the text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.style = ""
        self.text: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data
        else:
            self.text.append(data)


def test_html_is_written_to_the_current_folder(
    db_path: Path, numbers: dict[str, int], tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    result = run("actions", "--format", "html", db=db_path, cwd=folder)
    assert result.returncode == 0, result.stderr
    written = Path(result.stdout.strip())
    assert written.parent == folder and written.name.startswith("action-sheet-")
    page = Page()
    page.feed(written.read_text(encoding="utf-8"))
    tags = [tag for tag, _ in page.tags]
    assert "script" not in tags and "link" not in tags and "img" not in tags
    csp = {"http-equiv": "Content-Security-Policy", "content": CONTENT_SECURITY_POLICY}
    assert ("meta", csp) in page.tags
    theme = (Path(__file__).parents[2] / "themes" / "default" / "minutes.css").read_text("utf-8")
    assert "main.action-sheet" in page.style and page.style.strip() == theme.strip()
    assert ("main", {"class": "action-sheet"}) in page.tags
    text = "".join(page.text)
    assert "circulate the audit plan, v2" in text.lower()
    assert "=SUM(A1) review the formula" in text
    assert tags.count("tr") == len(numbers) + 1


def test_html_to_stdout(db_path: Path, numbers: dict[str, int], tmp_path: Path) -> None:
    result = run("actions", "--format", "html", "-o", "-", db=db_path, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert list(tmp_path.glob("*.html")) == []


def test_update_typed_through_capture(db_path: Path, numbers: dict[str, int]) -> None:
    store = open_store(db_path)
    meeting = create_meeting(
        store,
        "Housing Committee",
        pendulum.datetime(2020, 4, 6, 18, 30, tz=ZONE),
        agenda=[NewItem("Minutes of the previous meeting"), NewItem("Repairs")],
    )
    store.close()
    survey = numbers["survey"]
    result = run("capture", str(meeting), f"!! {survey} done: survey circulated", db=db_path)
    assert result.returncode == 0, result.stderr
    assert f"action {survey} (circulate the damp survey): marked done" in result.stdout
    assert_refused(run("capture", str(meeting), "!! 9999 done", db=db_path), "no action 9999")
    rows = read_csv(run("actions", "--format", "csv", "--status", "done", db=db_path).stdout)
    assert [row["latest update"] for row in rows if row["number"] == str(survey)] == [
        "survey circulated"
    ]
    store = open_store(db_path)
    log = [item.title for item in store.items(meeting)]
    store.close()
    assert log == ["Minutes of the previous meeting", "Action log", "Repairs"]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--status", "finished"), "'finished' is not one of"),
        (("--due-within", "soon"), "--due-within needs a number of days"),
        (("--due-within", "-1"), "--due-within needs a number of days"),
        (("--sort", "colour"), "'colour' is not one of"),
        (("--committee", "planning"), "no committee matches 'planning'"),
        (("--format", "pdf"), "'pdf' is not one of"),
        (("--format", "html", "--theme", "nope", "-o", "-"), "unknown theme 'nope'"),
        (("--format", "md", "-o", "no/such/folder/sheet.md"), "does not exist"),
    ],
)
def test_bad_input_gives_one_line_and_exit_2(
    db_path: Path, numbers: dict[str, int], args: tuple[str, ...], words: str
) -> None:
    assert_refused(run("actions", *args, db=db_path), words)


def test_cli_choices_match_the_domain() -> None:
    assert tuple(SORTS) == cli._SORTS
    assert cli._SHEET_FORMATS == SHEET_FORMATS


def test_no_filter_means_everything(db_path: Path, numbers: dict[str, int]) -> None:
    store = open_store(db_path)
    try:
        assert ActionSheet(store).counts(ActionFilter()).total == len(numbers)
    finally:
        store.close()
    empty = run("actions", "--status", "dropped", db=db_path)
    assert empty.returncode == 0 and "No actions match." in empty.stdout
