"""Officer reports dropped onto agenda items: the cover read from .txt,
.docx and .pdf files in three fictional councils' layouts, the opening
note and proposed resolutions it gives, and proposals kept out of the
minutes until the clerk confirms them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import pendulum
import pytest

from minuteterm.db.store import Store, open_store
from minuteterm.importing.report import ReportRefused, read_report
from minuteterm.importing.report_import import import_report
from minuteterm.importing.skeleton import opening_note, past_tense, proposed_resolution
from minuteterm.model import EntryKind, MeetingStatus, NewItem
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.record import meeting_record
from minuteterm.recording.recorder import Recorder

#: Marshfield: capitals, numbered 1.0 sections, the ward on one line.
MARSHFIELD_TXT = """\
REPORT TO:          Children and Families Policy and Performance Board

DATE:               11 January 2027

REPORTING OFFICER:  Strategic Director, People

PORTFOLIO:          Children and Young People

SUBJECT:            Review of short breaks for disabled children

WARD(S)             All

1.0 PURPOSE OF THE REPORT

1.1 To share the findings of the review of short breaks and the
options for the service from April 2027.

2.0 RECOMMENDATION: That

2.1 Members note the findings of the review; and

2.2 the Board is asked to endorse consultation on the options in section 4.

3.0 SUPPORTING INFORMATION

3.1 The review heard from 140 families.
"""


def write_docx(path: Path) -> Path:
    """Westmere: a two-column table for the cover, sentence-case headings,
    a lead-in and lettered recommendations."""
    document = docx.Document()
    document.add_heading("Westmere District Council", level=1)
    table = document.add_table(rows=0, cols=2)
    for label, value in (
        ("Report to:", "Cabinet"),
        ("Date of meeting:", "2 February 2027"),
        ("Report of:", "Director of Place"),
        ("Cabinet Member:", "Cllr Dana Price, Economy"),
        ("Title:", "Harbour car parks tariff"),
        ("Wards affected:", "Harbour; Quayside"),
    ):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    for text in (
        "1. Purpose of report",
        "1.1 The purpose of this report is to seek approval for a new tariff for the"
        " harbour car parks and to set out its effect on income.",
        "2. Recommendations",
        "It is recommended that Cabinet:",
        "(a) approves the tariff in Appendix 1 from 1 April 2027;",
        "(b) notes the expected income of £240,000 a year.",
        "3. Background",
        "3.1 Tariffs were last changed in 2023.",
    ):
        document.add_paragraph(text)
    document.save(str(path))
    return path


#: Oakbridge: title-case labels, Purpose: on one line, numbered 1) 2).
OAKBRIDGE_LINES = [
    "Oakbridge City Council",
    "Meeting: Housing Scrutiny Panel",
    "Date: 16 March 2027",
    "Lead officer: Head of Housing Services",
    "Subject: Temporary accommodation placements",
    "Ward(s) affected: All wards",
    "Purpose: To update the Panel on the use of temporary accommodation.",
    "Recommendation(s)",
    "1) That the Panel note the rise in placements since April.",
    "2) That the Panel receive a further report in September 2027.",
    "Background",
    "Placements have risen by a fifth.",
]


def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose content stream draws ``lines`` as text."""
    commands = ["BT", "/F1 11 Tf", "14 TL", "50 790 Td"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        commands.append(f"({escaped}) Tj T*")
    commands.append("ET")
    return _pdf("\n".join(commands).encode("latin-1"))


def _pdf(stream: bytes) -> bytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def make_meeting(store: Store, committee: str, *, exempt_item: bool = False) -> int:
    agenda = [
        NewItem("Apologies for absence"),
        NewItem("Report for decision"),
        NewItem("Land at Quarry Road", exempt=exempt_item, exempt_paragraph="3"),
    ]
    return create_meeting(
        store, committee, pendulum.datetime(2027, 3, 16, 18, 0, tz="Europe/London"), agenda=agenda
    )


def run(*args: str, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "minuteterm", *args, "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def entries_of(store: Store, meeting_id: int, position: int) -> list[tuple[str, str]]:
    item = store.items(meeting_id)[position - 1]
    return [(entry.kind.value, entry.text) for entry in store.entries(item.id)]


# --- reading covers ---------------------------------------------------------------


def test_three_councils_covers_are_read(tmp_path: Path) -> None:
    txt = tmp_path / "marshfield.txt"
    txt.write_text(MARSHFIELD_TXT)
    marshfield = read_report(txt)
    assert marshfield.officer == "Strategic Director, People"
    assert marshfield.subject == "Review of short breaks for disabled children"
    assert marshfield.wards == "All"
    assert marshfield.purpose and marshfield.purpose.startswith("To share the findings")
    assert marshfield.recommendations == (
        "That Members note the findings of the review",
        "That the Board is asked to endorse consultation on the options in section 4.",
    )

    westmere = read_report(write_docx(tmp_path / "westmere.docx"))
    assert westmere.report_to == "Cabinet"
    assert westmere.officer == "Director of Place"
    assert westmere.portfolio == "Cllr Dana Price, Economy"
    assert westmere.subject == "Harbour car parks tariff"
    assert westmere.wards == "Harbour; Quayside"
    assert len(westmere.recommendations) == 2

    pdf = tmp_path / "oakbridge.pdf"
    pdf.write_bytes(text_pdf(OAKBRIDGE_LINES))
    oakbridge = read_report(pdf)
    assert oakbridge.report_to == "Housing Scrutiny Panel"
    assert oakbridge.officer == "Head of Housing Services"
    assert oakbridge.purpose == "To update the Panel on the use of temporary accommodation."
    assert oakbridge.recommendations == (
        "That the Panel note the rise in placements since April.",
        "That the Panel receive a further report in September 2027.",
    )


def test_the_skeleton_reads_as_minutes() -> None:
    assert past_tense("share") == "shared"
    assert past_tense("seek") == "sought"
    assert past_tense("apply") == "applied"
    assert proposed_resolution("Members note the findings.", "Executive Board") == (
        "That the Board note the findings."
    )
    assert proposed_resolution("It is recommended that Cabinet approves the tariff", "Cabinet") == (
        "That Cabinet approve the tariff."
    )
    assert proposed_resolution("The Committee is asked to note the plan", "Audit Committee") == (
        "That the Committee note the plan."
    )
    assert proposed_resolution("the report be noted", "Audit Committee") == (
        "That the report be noted."
    )


def test_what_cannot_be_read_is_refused_with_the_reason(tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear Clerk,\nPlease find the papers attached.\n")
    with pytest.raises(ReportRefused, match="no report cover"):
        read_report(letter)
    scanned = tmp_path / "scanned.pdf"
    scanned.write_bytes(_pdf(b""))
    with pytest.raises(ReportRefused, match="no text to read"):
        read_report(scanned)
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ReportRefused, match="not a Word document"):
        read_report(broken)
    with pytest.raises(ReportRefused, match=r"\.txt, \.docx or \.pdf"):
        read_report(tmp_path / "report.odt")


# --- onto the item --------------------------------------------------------------


def test_a_report_gives_its_item_an_opening_note_and_proposals(
    store: Store, tmp_path: Path
) -> None:
    meeting_id = make_meeting(store, "Children and Families Policy and Performance Board")
    recorder = Recorder(store, meeting_id)
    recorder.apply("/item 2")
    recorder.apply("Members discussed the timetable.")
    txt = tmp_path / "marshfield.txt"
    txt.write_text(MARSHFIELD_TXT)
    outcome = import_report(store, meeting_id, "2", txt)
    assert "2 proposed resolutions" in outcome.message
    assert entries_of(store, meeting_id, 2) == [
        (
            "note",
            "The Board considered a report of the Strategic Director, People, which shared"
            " the findings of the review of short breaks and the options for the service"
            " from April 2027.",
        ),
        ("note", "Members discussed the timetable."),
        ("proposal", "That the Board note the findings of the review."),
        ("proposal", "That the Board endorse consultation on the options in section 4."),
    ]
    again = import_report(store, meeting_id, "2", txt)
    assert "already has" in again.message
    assert len(entries_of(store, meeting_id, 2)) == 4


def test_proposals_are_not_resolved_until_confirmed(store: Store, tmp_path: Path) -> None:
    meeting_id = make_meeting(store, "Cabinet")
    import_report(store, meeting_id, "2", write_docx(tmp_path / "westmere.docx"))
    minutes = meeting_record(store, meeting_id)
    from minuteterm.export import render

    text = render(minutes, "md")
    assert "considered a report of the Director of Place, which sought approval" in text
    assert "RESOLVED" not in text and "approve the tariff" not in text

    recorder = Recorder(store, meeting_id)
    recorder.apply("/item 2")
    outcome = recorder.apply("/resolve 2")
    assert "That Cabinet note the expected income" in outcome.message
    text = render(meeting_record(store, meeting_id), "md")
    assert "**RESOLVED:** That Cabinet note the expected income of £240,000 a year." in text
    assert "approve the tariff" not in text

    # an edited = line confirms a proposal with the clerk's words
    (proposal,) = [
        e for e in store.entries(store.items(meeting_id)[1].id) if e.kind is EntryKind.PROPOSAL
    ]
    assert recorder.edit_line(proposal.id) == (
        "= That Cabinet approve the tariff in Appendix 1 from 1 April 2027."
    )
    recorder.edit(proposal.id, "= That Cabinet approve the tariff from 1 May 2027.")
    text = render(meeting_record(store, meeting_id), "md")
    # in the report's order, whichever was confirmed first
    assert "1) That Cabinet approve the tariff from 1 May 2027." in text
    assert "2) That Cabinet note the expected income" in text
    assert store.revisions(proposal.id)[-1].kind is EntryKind.PROPOSAL


def test_resolve_then_export_from_the_command_line(tmp_path: Path, db_path: Path) -> None:
    pdf = tmp_path / "oakbridge.pdf"
    pdf.write_bytes(text_pdf(OAKBRIDGE_LINES))
    created = run("new", "--committee", "Housing Scrutiny Panel", "--date", "16/03/2027",
                  db=db_path)  # fmt: skip
    meeting = created.stdout.strip()
    for line in ("/add Apologies for absence", "/add Temporary accommodation"):
        assert run("capture", meeting, line, db=db_path).returncode == 0
    imported = run("import", "report", str(pdf), "--meeting", meeting, "--item", "2", db=db_path)
    assert imported.returncode == 0, imported.stderr
    assert "2 proposed resolutions" in imported.stdout
    out = tmp_path / "minutes.md"
    run("export", meeting, "--format", "md", "-o", str(out), db=db_path)
    assert "RESOLVED" not in out.read_text()

    assert run("capture", meeting, "/item 2", db=db_path).returncode == 0
    resolved = run("capture", meeting, "/resolve", db=db_path)
    assert "resolved 2 resolutions in item 2" in resolved.stdout
    run("export", meeting, "--format", "md", "-o", str(out), db=db_path)
    text = out.read_text()
    assert "The Panel considered a report of the Head of Housing Services, which updated" in text
    assert "**RESOLVED:**" in text
    assert "1) That the Panel note the rise in placements since April." in text

    unread = tmp_path / "notes.txt"
    unread.write_text("Just some notes\n")
    refused = run("import", "report", str(unread), "--meeting", meeting, "--item", "2", db=db_path)
    assert refused.returncode == 2
    assert len(refused.stderr.strip().splitlines()) == 1
    assert "no report cover" in refused.stderr
    missing = run("import", "report", str(pdf), "--meeting", meeting, "--item", "9", db=db_path)
    assert missing.returncode == 2 and "no item 9" in missing.stderr


def test_closing_with_proposals_waiting_says_so(store: Store, tmp_path: Path) -> None:
    meeting_id = make_meeting(store, "Housing Scrutiny Panel")
    pdf = tmp_path / "oakbridge.pdf"
    pdf.write_bytes(text_pdf(OAKBRIDGE_LINES))
    import_report(store, meeting_id, "2", pdf)
    recorder = Recorder(store, meeting_id)
    recorder.apply("/item 2")
    recorder.apply("/resolve 1")
    outcome = recorder.apply("/end")
    assert "1 proposed resolution not confirmed (item 2)" in outcome.message
    assert store.meeting(meeting_id).status is MeetingStatus.CLOSED


def test_an_exempt_item_with_a_report_stays_out_of_the_public_minutes(
    store: Store, tmp_path: Path
) -> None:
    from minuteterm.export import render

    meeting_id = make_meeting(store, "Cabinet", exempt_item=True)
    import_report(store, meeting_id, "3", write_docx(tmp_path / "westmere.docx"))
    recorder = Recorder(store, meeting_id)
    recorder.apply("/item 3")
    recorder.apply("/resolve")
    full = render(meeting_record(store, meeting_id), "md")
    public = render(meeting_record(store, meeting_id), "md", public=True)
    assert "considered a report of the Director of Place" in full
    assert "That Cabinet approve the tariff" in full
    assert "Director of Place" not in public
    assert "tariff" not in public
    assert "Land at Quarry Road" in public


def test_two_windows_on_the_meeting(store: Store, db_path: Path, tmp_path: Path) -> None:
    meeting_id = make_meeting(store, "Cabinet")
    other = open_store(db_path)
    try:
        import_report(other, meeting_id, "2", write_docx(tmp_path / "westmere.docx"))
        kinds = [kind for kind, _text in entries_of(store, meeting_id, 2)]
        assert kinds == ["note", "proposal", "proposal"]
        Recorder(store, meeting_id).apply("/item 2")
        outcome = Recorder(other, meeting_id).apply("/resolve")
        assert "resolved 2" in outcome.message
        assert [kind for kind, _text in entries_of(store, meeting_id, 2)] == [
            "note",
            "resolution",
            "resolution",
        ]
    finally:
        other.close()


def test_an_approved_meeting_takes_no_report(store: Store, tmp_path: Path) -> None:
    earlier = make_meeting(store, "Cabinet")
    later = create_meeting(
        store,
        "Cabinet",
        pendulum.datetime(2027, 4, 20, 18, 0, tz="Europe/London"),
        agenda=[NewItem("Minutes of the previous meeting")],
    )
    Recorder(store, earlier).apply("/end")
    Recorder(store, later).apply("/approve")
    before = entries_of(store, earlier, 2)
    from minuteterm.db.store import MeetingLocked

    with pytest.raises(MeetingLocked):
        import_report(store, earlier, "2", write_docx(tmp_path / "westmere.docx"))
    assert entries_of(store, earlier, 2) == before


def test_opening_note_without_a_to_purpose_names_the_subject() -> None:
    from minuteterm.importing.report import OfficerReport

    report = OfficerReport(subject="Annual governance statement", officer="Jo Patel")
    assert opening_note(report, "Audit Committee") == (
        "The Committee considered a report of Jo Patel on Annual governance statement."
    )


def test_resolve_is_read_by_the_grammar() -> None:
    from datetime import date

    from minuteterm.errors import CaptureError
    from minuteterm.grammar.lines import ResolveProposals, parse

    today = date(2027, 3, 16)
    assert parse("/resolve", today) == ResolveProposals()
    assert parse("/resolve 2", today) == ResolveProposals(2)
    with pytest.raises(CaptureError, match="/resolve 2 for the second"):
        parse("/resolve all of them", today)
    with pytest.raises(CaptureError, match=r"/resolve \[N\]"):
        parse("/resolv", today)
