"""Word export, read back with python-docx as a clerk's Word would show it:
the structure in the navigation pane (Heading 1, a Heading 2 per item),
bold labels, bullets, the action sheet as a table, the marking on every
page, the public version without the exempt words, hostile text kept as
text, and the same bytes for the same minutes.

Run with ``UPDATE_GOLDEN=1`` to rewrite ``tests/golden/minutes-dash.docx.txt``
(one line per paragraph, ``style | text`` with bold runs in ``**``), then read
the diff before committing it.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from minuteterm.db.store import Store
from minuteterm.export import ExportError, default_filename, render, write_export
from minuteterm.export.docx import FIXED_TIME, render_docx
from minuteterm.minutes import (
    CONFIDENTIAL_LINE,
    DRAFT_LINE,
    ActionRow,
    Attendance,
    Heading,
    Minutes,
    Resolutions,
    Section,
    Span,
)
from minuteterm.minutes import Paragraph as MinutesParagraph
from minuteterm.model import MeetingRecord
from minuteterm.recording.record import meeting_record
from tests.fixtures_meeting import COMMITTEE, HOSTILE, build_fixed_meeting

GOLDEN = Path(__file__).parents[1] / "golden" / "minutes-dash.docx.txt"
ACTION_HEADER = ["No.", "Ref", "Action", "Owner", "Due", "Status"]


@pytest.fixture
def record(store: Store) -> MeetingRecord:
    """The fixed meeting's record."""
    return meeting_record(store, build_fixed_meeting(store))


def opened(data: str | bytes, tmp_path: Path, name: str = "minutes.docx") -> Document:
    """The bytes written to a real file and opened with python-docx."""
    assert isinstance(data, bytes)
    path = tmp_path / name
    path.write_bytes(data)
    return docx.Document(str(path))


def marked(paragraph: Paragraph) -> str:
    """The paragraph's text with its bold runs in ``**``."""
    return "".join(f"**{run.text}**" if run.bold else run.text for run in paragraph.runs)


def body(document: Document) -> list[Paragraph]:
    """The body's paragraphs (not those inside the table)."""
    return list(document.paragraphs)


def styled(document: Document, style: str) -> list[str]:
    return [p.text for p in body(document) if p.style.name == style]


def all_text(document: Document) -> str:
    """Every word of the document: body, table cells, headers and footers."""
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    parts.append(document.core_properties.title)
    return "\n".join(parts)


def outline(document: Document) -> str:
    """The golden text: page setup, properties, every block in order, then
    each section's header and footer."""
    section = document.sections[0]
    props = document.core_properties
    lines = [
        f"page | {section.page_width.mm:.0f} x {section.page_height.mm:.0f} mm, margins "
        f"{section.top_margin.mm:.0f} {section.right_margin.mm:.0f} "
        f"{section.bottom_margin.mm:.0f} {section.left_margin.mm:.0f} mm",
        f"properties | {props.title} | {props.author} | {props.created.isoformat()} | "
        f"{props.modified.isoformat()} | {props.language}",
    ]
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells = " | ".join(marked(cell.paragraphs[0]) for cell in row.cells)
                lines.append(f"{block.style.name} | {cells}")
        else:
            lines.append(f"{block.style.name} | {marked(block)}")
    for part, paragraphs in (
        ("header", section.header.paragraphs),
        ("footer", section.footer.paragraphs),
    ):
        lines += [f"{part} | {p.alignment} | {marked(p)}" for p in paragraphs]
    return "\n".join(lines) + "\n"


# --- the golden file -------------------------------------------------------------------


def test_golden_outline(record: MeetingRecord, tmp_path: Path) -> None:
    text = outline(opened(render(record, "docx"), tmp_path))
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(text, encoding="utf-8", newline="\n")
    assert GOLDEN.exists(), f"{GOLDEN.name} missing: run with UPDATE_GOLDEN=1"
    assert text == GOLDEN.read_text(encoding="utf-8")


# --- structure -------------------------------------------------------------------------


def test_headings_give_the_navigation_pane_the_items_in_order(
    record: MeetingRecord, tmp_path: Path
) -> None:
    document = opened(render(record, "docx"), tmp_path)
    assert styled(document, "Heading 1") == [COMMITTEE]
    assert body(document)[0].style.name == "Heading 1"
    expected = [
        f"{number}. {item.item.title}" + (" (Exempt – Part II)" if item.item.exempt else "")
        for number, item in enumerate(record.items, start=1)
    ]
    assert styled(document, "Heading 2") == [*expected, "Action sheet"]
    texts = [p.text for p in body(document)]
    assert texts[1:3] == [
        "Minutes of the meeting held on Monday 14 December 2026 at 6.30 pm",
        "Venue: Council Chamber, Harbour House, Quay Street",
    ]
    # Attendance comes before the first item, the closing line after the last.
    present = next(i for i, text in enumerate(texts) if text.startswith("Present:"))
    assert texts.index(CONFIDENTIAL_LINE) < present < texts.index(expected[0])
    closing = "The meeting began at 6.31 pm and closed at 8.05 pm."
    assert texts.index(expected[-1]) < texts.index(closing) < texts.index("Action sheet")


def test_labels_are_bold_and_the_clerks_words_are_not(
    record: MeetingRecord, tmp_path: Path
) -> None:
    paragraphs = body(opened(render(record, "docx"), tmp_path))
    by_text = {p.text: p for p in paragraphs}
    present = next(p for p in paragraphs if p.text.startswith("Present:"))
    assert (present.runs[0].text, present.runs[0].bold) == ("Present:", True)
    assert not any(r.bold for r in present.runs[1:])
    one = by_text["RESOLVED: That the revised quayside signage be approved."]
    assert [(r.text, bool(r.bold)) for r in one.runs] == [
        ("RESOLVED:", True),
        (" That the revised quayside signage be approved.", False),
    ]
    action = by_text[
        "ACTION 1 – Harbour Master: circulate the revised dredging programme to members "
        "(by 15 January 2027)"
    ]
    assert action.runs[0].text == "ACTION 1" and action.runs[0].bold
    for label in ("Apologies for absence:", "Officers in attendance:"):
        (line,) = [p for p in paragraphs if p.text.startswith(label)]
        assert line.runs[0].text == label and line.runs[0].bold


def test_several_resolutions_take_a_paragraph_each_numbered(tmp_path: Path) -> None:
    block = Resolutions(("That A be noted.", "That B be agreed."))
    stem = Resolutions(("note A; and", "agree B."), stem="That the Board")
    item = Section("1", "Item", False, (block, stem))
    minutes = Minutes(Heading("Board", "held"), "Board", sections=(item,))
    paragraphs = body(opened(render_docx(minutes, "default"), tmp_path))
    assert [marked(p) for p in paragraphs[-6:]] == [
        "**RESOLVED:**",
        "1) That A be noted.",
        "2) That B be agreed.",
        "**RESOLVED:** That the Board –",  # several resolutions under one stem
        "1) note A; and",
        "2) agree B.",
    ]


def test_lettered_resolutions_read_a_b(tmp_path: Path) -> None:
    block = Resolutions(("That A.", "That B."), label="RECOMMENDED:", marks="letters")
    item = Section("1", "Item", False, (block,))
    minutes = Minutes(Heading("Board", "held"), "Board", sections=(item,))
    paragraphs = body(opened(render_docx(minutes, "default"), tmp_path))
    assert [marked(p) for p in paragraphs[-3:]] == [
        "**RECOMMENDED:**",
        "(a) That A.",
        "(b) That B.",
    ]


def test_bullets_use_the_list_bullet_style(record: MeetingRecord, tmp_path: Path) -> None:
    document = opened(render(record, "docx", questions="bullets"), tmp_path)
    bullets = styled(document, "List Bullet")
    assert len(bullets) == 7
    assert bullets[0].startswith("In response to a query from Cllr Sam Ahmed regarding how the")
    assert any(text.startswith("ACTION 2 – Democratic Services Officer") for text in bullets)
    # The dash style has no bullets: its questions are paragraphs.
    assert styled(opened(render(record, "docx"), tmp_path, "dash.docx"), "List Bullet") == []


def test_action_sheet_is_a_real_table(record: MeetingRecord, tmp_path: Path) -> None:
    document = opened(render(record, "docx"), tmp_path)
    (table,) = document.tables
    assert table.style.name == "Table Grid"
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ACTION_HEADER
    assert all(run.bold for cell in table.rows[0].cells for run in cell.paragraphs[0].runs)
    assert [row[:4] for row in rows[1:]] == [
        ["1", "3", "Circulate the revised dredging programme to members", "Harbour Master"],
        [
            "2",
            "4",
            "Add the signage review | next steps to the *work programme*",
            "Democratic Services Officer",
        ],
        ["3", "5", "Negotiate the break clause", "Head of Coastal Finance"],
    ]
    assert [row[4:] for row in rows[1:]] == [
        ["15 January 2027", "Open"],
        ["next meeting", "Open"],
        ["", "Open"],
    ]
    header_row = table.rows[0]._tr
    assert header_row.trPr is not None and header_row.trPr.find(qn("w:tblHeader")) is not None
    # The sheet comes after the heading "Action sheet", which starts a new page.
    heading = next(p for p in body(document) if p.text == "Action sheet")
    assert heading.paragraph_format.page_break_before


def test_every_page_carries_the_marking_and_the_draft_line(
    record: MeetingRecord, tmp_path: Path
) -> None:
    document = opened(render(record, "docx"), tmp_path)
    for section in document.sections:
        assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)  # A4
        assert not section.different_first_page_header_footer
        (top,) = section.header.paragraphs
        assert top.text == CONFIDENTIAL_LINE
        assert top.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert all(run.bold for run in top.runs)
        footer = [p.text for p in section.footer.paragraphs]
        assert footer == [DRAFT_LINE, "Page 1 of 1"]
        fields = [t.text for t in section.footer._element.iter(qn("w:instrText"))]
        assert [field.strip() for field in fields] == ["PAGE", "NUMPAGES"]


def test_public_version_has_no_marking_and_no_exempt_words(
    record: MeetingRecord, tmp_path: Path
) -> None:
    public = opened(render(record, "docx", public=True), tmp_path)
    text = all_text(public)
    assert "commercially sensitive" not in text
    assert "break clause" not in text
    assert "authorised to agree the lease terms" not in text
    assert CONFIDENTIAL_LINE not in text
    assert "5. Harbour office lease (Exempt – Part II)" in styled(public, "Heading 2")
    assert "RESOLVED: That the lease terms be agreed." in text
    for section in public.sections:
        assert [p.text for p in section.header.paragraphs if p.text] == []
        assert section.footer.paragraphs[0].text == DRAFT_LINE
    confidential = all_text(opened(render(record, "docx"), tmp_path, "full.docx"))
    assert "commercially sensitive" in confidential and "break clause" in confidential


# --- text as text ------------------------------------------------------------------------


def test_hostile_text_appears_literally(record: MeetingRecord, tmp_path: Path) -> None:
    text = all_text(opened(render(record, "docx"), tmp_path))
    for hostile in HOSTILE:
        assert hostile in text
    assert "Sailing Club &amp; Rowing Club" in text


def _dirty_minutes(dirty: str) -> Minutes:
    heading = Heading(f"Board{dirty}", f"held{dirty}", f"venue{dirty}", None, "draft", dirty)
    paragraph = MinutesParagraph((Span("ACTION 1", strong=True), Span(f" note{dirty}")))
    block = Resolutions((f"That{dirty} A.", "That B."))
    row = ActionRow(f"1{dirty}", f"act{dirty}", f"owner{dirty}", "", "Open", "1")
    return Minutes(
        heading,
        f"Board{dirty}",
        Attendance(present=(f"Cllr A{dirty}",)),
        (Section("1", f"Item{dirty}", True, (paragraph, block)),),
        closing=f"closed{dirty}",
        actions=(row,),
    )


def test_characters_xml_cannot_hold_are_dropped_not_raised(tmp_path: Path) -> None:
    dirty = "\x00\x01\x07\x08\x0b\x0c\x1b[31m\x7f\x9b\ud800\udfff\ufffe\uffff"
    data = render_docx(_dirty_minutes(dirty), "default")
    document = opened(data, tmp_path)
    text = all_text(document)
    assert "Board[31m" in text and "Item[31m" in text and "owner[31m" in text
    assert document.core_properties.title == "Board[31m"
    for char in dirty.replace("[31m", ""):
        assert char not in text


def test_a_long_committee_name_is_kept_whole_in_the_text(tmp_path: Path) -> None:
    name = "Board " + "very " * 100
    minutes = Minutes(Heading(name, "held"), f"{name} – minutes")
    document = opened(render_docx(minutes, "default"), tmp_path)
    assert document.paragraphs[0].text == name
    title = document.core_properties.title
    assert len(title) == 255 and title.endswith("…") and name.startswith(title[:-1])


def test_line_breaks_become_spaces_and_other_scripts_stay(tmp_path: Path) -> None:
    words = "مرحبا بالعالم שלום 👩‍👩‍👧 e\u0301 <b>&nbsp;</b> [bold]x[/]"
    minutes = Minutes(
        Heading("Board", "held"),
        "Board",
        sections=(Section("1", "Item", False, (MinutesParagraph((Span(f"a\nb\r\n{words}"),)),)),),
    )
    paragraphs = body(opened(render_docx(minutes, "default"), tmp_path))
    assert paragraphs[-1].text == f"a b {words}"


# --- files and bytes -----------------------------------------------------------------------


def test_same_minutes_give_the_same_bytes(record: MeetingRecord, tmp_path: Path) -> None:
    first = render(record, "docx")
    assert render(record, "docx") == first
    assert render(record, "docx", theme="classic") == first  # Word takes no theme
    assert render(record, "docx", public=True) != first
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        entries = package.infolist()
        assert entries[0].filename == "[Content_Types].xml"
        assert {entry.date_time for entry in entries} == {(2000, 1, 1, 0, 0, 0)}
        assert "docProps/thumbnail.jpeg" not in package.namelist()
        assert package.testzip() is None
    props = opened(first, tmp_path).core_properties
    assert (props.created, props.modified) == (FIXED_TIME, FIXED_TIME)
    assert (props.author, props.last_modified_by) == ("MinuteTerm", "MinuteTerm")
    assert props.comments == ""
    assert props.title.startswith(COMMITTEE)


def test_write_export_writes_the_docx_bytes_atomically(
    record: MeetingRecord, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    written = write_export(record, "docx", folder, public=True)
    assert written.name == default_filename(record, "docx", public=True)
    assert written.name.endswith("-public.docx")
    assert written.read_bytes() == render(record, "docx", public=True)
    assert [p.name for p in folder.iterdir()] == [written.name]
    assert styled(opened(written.read_bytes(), tmp_path), "Heading 1") == [COMMITTEE]


def test_a_failed_docx_write_leaves_the_old_file_and_no_temp(
    record: MeetingRecord, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "minutes.docx"
    target.write_bytes(b"the old file")

    def disk_full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched, pytest.raises(ExportError, match=r"No space left"):
        patched.setattr(os, "fsync", disk_full)
        write_export(record, "docx", target)
    assert target.read_bytes() == b"the old file"
    assert [p.name for p in folder.iterdir()] == ["minutes.docx"]
    with pytest.raises(ExportError, match="cannot write"):
        write_export(record, "docx", Path("/proc/minuteterm-minutes.docx"))


@pytest.mark.parametrize(
    "text",
    [
        "RESOLVED That the report be noted.",
        " leading and trailing spaces ",
        "a\ttab between words",
        "",
        "Café – £1.2m, 50% of “the” budget",
    ],
)
@pytest.mark.parametrize("bold", [False, True])
def test_a_run_is_written_as_python_docx_writes_it(text: str, bold: bool) -> None:
    """Runs are written without python-docx's character-by-character
    reading: the XML must be exactly what it writes (approved minutes'
    Word files stay byte-identical)."""
    from minuteterm.export.docx import _add_run, safe

    ours, theirs = docx.Document(), docx.Document()
    _add_run(ours.add_paragraph(), text, bold=bold)
    run = theirs.add_paragraph().add_run(safe(text))
    if bold:
        run.bold = True
    assert ours.paragraphs[-1]._p.xml == theirs.paragraphs[-1]._p.xml
    assert ours.paragraphs[-1].text == safe(text)
