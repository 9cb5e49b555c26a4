"""The command line, run as a clerk's script would run it: real processes,
a real database file, exit status 0 or 2, one line on stderr, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from minuteterm.db.store import open_store
from minuteterm.demo import COMMITTEE as DEMO_COMMITTEE
from minuteterm.model import EntryKind
from minuteterm.recording.record import meeting_record


def run(
    *args: str, db: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess:
    """``minuteterm ARGS`` in a child process."""
    command = [sys.executable, "-m", "minuteterm", *args]
    if db is not None:
        command += ["--db", str(db)]
    return subprocess.run(
        command,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def assert_refused(result: subprocess.CompletedProcess, words: str) -> None:
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert words in result.stderr


@pytest.fixture
def agenda_file(tmp_path: Path) -> Path:
    path = tmp_path / "agenda.md"
    path.write_text(
        "# Licensing Committee agenda\n\n"
        "1. Apologies for absence\n"
        "2. Declarations of interest\n"
        "3. Street trading policy review\n"
        "4. Premises licence review: The Anchor (exempt)\n",
        encoding="utf-8",
    )
    return path


def test_new_list_capture_export_round_trip(
    db_path: Path, agenda_file: Path, tmp_path: Path
) -> None:
    created = run(
        "new",
        "--committee",
        "Licensing Committee",
        "--date",
        "12/03/2027",
        "--time",
        "10:00",
        "--venue",
        "Room 4",
        "--agenda",
        str(agenda_file),
        db=db_path,
    )
    assert created.returncode == 0, created.stderr
    meeting_id = created.stdout.strip()
    assert meeting_id.isdigit()

    listed = run("list", db=db_path)
    assert listed.returncode == 0
    assert "2027-03-12" in listed.stdout  # 12 March, read day first
    assert "Licensing Committee" in listed.stdout

    script = (
        "/item 3\n"
        "The Committee considered the draft street trading policy.\n"
        "? Cllr Osei: would pitch fees rise\n"
        "> Licensing Manager: fees would rise by inflation only\n"
        "! Licensing Manager: publish the consultation responses by 30/04/2027\n"
        "= That the draft policy be approved for consultation.\n"
    )
    captured = run("capture", meeting_id, db=db_path, stdin=script)
    assert captured.returncode == 0, captured.stderr
    assert len(captured.stdout.strip().splitlines()) == 6

    store = open_store(db_path)
    items = store.items(int(meeting_id))
    assert [item.title for item in items][3] == "Premises licence review: The Anchor"
    assert items[3].exempt
    kinds = [entry.kind for entry in store.entries(items[2].id)]
    store.close()
    assert kinds == [
        EntryKind.NOTE,
        EntryKind.QUESTION,
        EntryKind.RESPONSE,
        EntryKind.ACTION,
        EntryKind.RESOLUTION,
    ]

    out = tmp_path / "out"
    out.mkdir()
    exported = run("export", meeting_id, "--format", "md", "-o", str(out), db=db_path)
    assert exported.returncode == 0, exported.stderr
    written = Path(exported.stdout.strip())
    assert written.parent == out
    text = written.read_text(encoding="utf-8")
    assert "Licensing Committee" in text
    assert "RESOLVED" in text and "approved for consultation" in text


def test_export_docx_and_the_classic_theme(db_path: Path, tmp_path: Path) -> None:
    meeting_id = run("demo", "--no-open", db=db_path).stdout.strip()
    out = tmp_path / "out"
    out.mkdir()
    exported = run("export", meeting_id, "--format", "docx", "-o", str(out), db=db_path)
    assert exported.returncode == 0, exported.stderr
    written = Path(exported.stdout.strip())
    assert written.parent == out and written.suffix == ".docx"
    assert written.read_bytes().startswith(b"PK")  # a zip package, not text
    document = docx.Document(str(written))
    (committee,) = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert committee == DEMO_COMMITTEE
    items = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert len(items) >= 3 and items[0] == "HCS/6/26 Apologies for absence"
    assert any(p.text.startswith("RESOLVED:") for p in document.paragraphs)

    classic = out / "classic.html"
    themed = run(
        "export",
        meeting_id,
        "--format",
        "html",
        "--theme",
        "classic",
        "-o",
        str(classic),
        db=db_path,
    )
    assert themed.returncode == 0, themed.stderr
    assert themed.stdout.strip() == str(classic)
    assert "MinuteTerm classic theme" in classic.read_text(encoding="utf-8")


def test_capture_one_line_argument(db_path: Path) -> None:
    meeting_id = run("new", "--committee", "Audit", "--date", "14 Dec", db=db_path).stdout
    result = run("capture", meeting_id.strip(), "/add Urgent business", db=db_path)
    assert result.returncode == 0, result.stderr
    result = run("capture", meeting_id.strip(), "? Cllr Lee: was it urgent", db=db_path)
    assert result.returncode == 0, result.stderr
    assert "saved question" in result.stdout


def test_bad_lines_are_refused_by_line_number_and_the_rest_saved(db_path: Path) -> None:
    meeting_id = run("new", "--committee", "Audit", "--date", "14/12/2026", db=db_path)
    meeting_id = meeting_id.stdout.strip()
    run("capture", meeting_id, "/add Accounts", db=db_path)
    result = run(
        "capture",
        meeting_id,
        db=db_path,
        stdin="First note.\n! nobody owns this\nSecond note.\n",
    )
    assert result.returncode == 2
    assert "line 2: refused" in result.stderr and "owner" in result.stderr
    assert "Traceback" not in result.stderr
    store = open_store(db_path)
    texts = [entry.text for entry in store.meeting_entries(int(meeting_id))]
    store.close()
    assert texts == ["First note.", "Second note."]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("capture", "999", "a note"), "no meeting 999"),
        (("capture", "abc", "a note"), "not a meeting id"),
        (("export", "999", "--format", "md"), "no meeting 999"),
        (("export", "1", "--format", "pdf"), "pdf"),
        (("new", "--committee", "Audit", "--date", "31/02/2027"), "February"),
        (("new", "--committee", "Audit", "--date", "someday"), "someday"),
        (("new", "--committee", "Audit", "--date", "1/1/2027", "--time", "25:00"), "25:00"),
        (("new", "--committee", "Audit", "--date", "1/1/2027", "--agenda", "nope.md"), "nope.md"),
        (("frobnicate",), "frobnicate"),
    ],
)
def test_bad_input_gives_one_line_and_exit_2(
    db_path: Path, args: tuple[str, ...], words: str
) -> None:
    assert_refused(run(*args, db=db_path), words)


def test_database_that_is_not_ours_is_refused_untouched(tmp_path: Path) -> None:
    not_db = tmp_path / "minutes.db"
    not_db.write_bytes(b"%PDF-1.7 this is a pdf\n" * 50)
    before = not_db.read_bytes()
    assert_refused(run("list", db=not_db), "not a MinuteTerm database")
    assert not_db.read_bytes() == before


def test_database_in_missing_folder_is_refused(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "minutes.db"
    assert_refused(run("list", db=missing), "does not exist")
    assert not missing.parent.exists()


def test_agenda_file_that_is_not_text_is_refused(db_path: Path, tmp_path: Path) -> None:
    binary = tmp_path / "agenda.md"
    binary.write_bytes(bytes(range(256)) * 4)
    assert_refused(
        run(
            "new", "--committee", "Audit", "--date", "1/1/2027", "--agenda", str(binary), db=db_path
        ),
        "not a text file",
    )


def test_demo_makes_a_full_meeting_once(db_path: Path) -> None:
    first = run("demo", "--no-open", db=db_path)
    assert first.returncode == 0, first.stderr
    again = run("demo", "--no-open", db=db_path)
    assert again.stdout == first.stdout
    store = open_store(db_path)
    record = meeting_record(store, int(first.stdout))
    meetings = store.meetings()
    store.close()
    entries = [entry for item in record.items for entry in item.entries]
    kinds = [entry.kind for entry in entries]
    assert len(record.items) >= 6
    assert kinds.count(EntryKind.QUESTION) >= 3
    assert kinds.count(EntryKind.RESPONSE) >= 3
    assert kinds.count(EntryKind.ACTION) >= 3
    assert kinds.count(EntryKind.RESOLUTION) >= 3
    assert {EntryKind.DECLARATION, EntryKind.VOTE, EntryKind.ATTENDANCE} <= set(kinds)
    assert any(item.item.exempt and item.item.public_decision for item in record.items)
    # the October meeting it approved, and its next meeting, ready to minute
    assert [m.status.value for m in meetings] == ["draft", "closed", "approved"]


def test_capture_refuses_lines_that_are_not_utf8_and_keeps_the_rest(db_path: Path) -> None:
    meeting_id = run("new", "--committee", "Audit", "--date", "1/1/2027", db=db_path).stdout
    run("capture", meeting_id.strip(), "/add Accounts", db=db_path)
    command = [sys.executable, "-m", "minuteterm", "capture", meeting_id.strip()]
    result = subprocess.run(
        [*command, "--db", str(db_path)],
        input=b"Cost \xa3500 at the caf\xe9\nFees were agreed.\n",
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert b"line 1 is not UTF-8 text" in result.stderr
    store = open_store(db_path)
    texts = [entry.text for entry in store.meeting_entries(int(meeting_id))]
    store.close()
    assert texts == ["Fees were agreed."]


def test_meeting_id_too_big_for_the_database_is_refused(db_path: Path) -> None:
    assert_refused(run("capture", "9" * 30, "a note", db=db_path), "not a meeting id")


def test_committee_settings_then_formal_business_from_a_script(
    db_path: Path, tmp_path: Path
) -> None:
    settings = run(
        "committee",
        "Audit Committee",
        "--quorum",
        "2",
        "--numbering",
        "prefixed",
        "--prefix",
        "aud",
        db=db_path,
    )
    assert settings.returncode == 0, settings.stderr
    assert "quorum:           2" in settings.stdout and "AUD/1/26" in settings.stdout
    assert_refused(
        run("committee", "Audit Committee", "--prefix", "A/B", db=db_path), "minute prefix"
    )
    october = run("new", "--committee", "Audit Committee", "--date", "13/10/2026", db=db_path)
    november = run("new", "--committee", "Audit Committee", "--date", "10/11/2026", db=db_path)
    first, second = october.stdout.strip(), november.stdout.strip()
    script = "\n".join(
        [
            "present+ Cllr Ava Reid, Cllr Ben Ortiz",
            "/add Internal audit plan",
            "/item 1",
            "= That the internal audit plan be approved.",
            "vote+ for 3, against 0",
            "vote+ for 2, against 0",
            "/end",
        ]
    )
    fed = run("capture", first, db=db_path, stdin=script + "\n")
    assert fed.returncode == 2  # one line refused; the others saved
    assert "line 5: refused: 3 votes cast, but only 2 members are present" in fed.stderr
    assert "line 6: vote on" in fed.stdout
    lines = "/add Minutes\n/item 1\n/approve\n"
    inquorate = run("capture", second, db=db_path, stdin=lines)
    assert inquorate.returncode == 2
    assert "line 3: refused: the meeting is inquorate (0 members present, quorum 2)" in (
        inquorate.stderr
    )
    present = "present+ Cllr Ava Reid, Cllr Ben Ortiz\n/approve\n"
    approve = run("capture", second, db=db_path, stdin=present)
    assert approve.returncode == 0, approve.stderr
    assert_refused(run("capture", first, "A late note.", db=db_path), "approved and cannot change")
    exported = run("export", first, "--format", "md", "-o", str(tmp_path), db=db_path)
    minutes = Path(exported.stdout.strip()).read_text(encoding="utf-8")
    assert "## AUD/1/26 Internal audit plan" in minutes
    assert "carried (2 for, 0 against, 0 abstentions)" in minutes
    assert "Draft — subject to approval" not in minutes  # approved: no longer a draft
