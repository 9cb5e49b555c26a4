"""Minutes as a Word document (``.docx``), written with python-docx.

The content and its order are those of the Markdown and HTML exports; the
structure uses Word's own built-in styles (Heading 1 for the committee,
Heading 2 for each item and the action sheet, List Bullet for bullets,
Table Grid for the sheet, with a repeating header row) so the navigation
pane, a screen reader and a council's own template all see it.

Every page carries the confidential marking in its header and the draft
status with "Page N of M" in its footer, so a page taken out of a printed
Part II minute still says what it is. The page is A4.

Text is only ever set as run text (never parsed), so markup the clerk typed
(``[bold]``, ``<script>``, ``&amp;``) stays literal; characters XML 1.0
cannot hold (controls, lone surrogates) are dropped rather than raising.

The output is deterministic: fixed document properties and a re-zipped
package whose entries all carry one fixed date, so the same minutes always
give the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section as WordSection
from docx.shared import Mm, Twips
from docx.table import Table
from docx.text.paragraph import Paragraph as WordParagraph

from minuteterm.export.themes import DEFAULT_THEME
from minuteterm.minutes import (
    ActionRow,
    Attendance,
    Block,
    BulletList,
    Heading,
    Minutes,
    Paragraph,
    Resolutions,
    Section,
    Span,
)

AUTHOR = "MinuteTerm"
LANGUAGE = "en-GB"
#: The one moment every document and zip entry is dated, for identical bytes.
FIXED_TIME = datetime(2000, 1, 1, tzinfo=UTC)
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)

#: The most a document property (the title) may hold in python-docx.
PROPERTY_LIMIT = 255

ACTION_HEADER = ("No.", "Ref", "Action", "Owner", "Due", "Status")
#: Column widths that fill A4 between the margins (170 mm); the action gets the room.
ACTION_WIDTHS_MM = (12, 14, 66, 36, 28, 14)

#: Not allowed in XML 1.0 (C0 controls but tab and line breaks, lone
#: surrogates, U+FFFE/U+FFFF), plus DEL and the C1 controls, which are legal
#: but show as boxes.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
#: Line breaks become spaces, as in the Markdown: a paragraph is one line.
_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")


def safe(text: str) -> str:
    """``text`` as Word can store it: no characters XML 1.0 forbids, line
    breaks as spaces; everything else (markup, emoji, RTL) kept as it is."""
    return _BREAKS.sub(" ", _NOT_XML.sub("", text))


# --- paragraphs ----------------------------------------------------------------------


#: Characters python-docx writes as elements of their own (``<w:tab/>``,
#: ``<w:br/>``; :func:`safe` has made line breaks spaces already).
_OWN_ELEMENTS = frozenset("\t\r\n")


def _add_run(paragraph: WordParagraph, text: str, bold: bool = False) -> None:
    """A run of ``text``. Text with no tab or line break is written as the
    one ``<w:t>`` python-docx would write, without its character-by-character
    reading (over half of a long meeting's export): the same XML."""
    run = paragraph.add_run()
    text = safe(text)
    if _OWN_ELEMENTS.isdisjoint(text):
        if text:
            run._r.add_t(text)
    else:
        run.text = text
    if bold:
        run.bold = True


def _style_id(document: WordDocument, name: str) -> str:
    """The id of the built-in style ``name`` (looked up once per document:
    python-docx finds a style by name with a search of every style, which
    for a long meeting cost a third of the export)."""
    cache: dict[str, str] = document.__dict__.setdefault("_minuteterm_style_ids", {})
    if name not in cache:
        cache[name] = document.styles[name].style_id
    return cache[name]


def _spans(
    document: WordDocument, spans: tuple[Span, ...], style: str | None = None
) -> WordParagraph:
    """A paragraph of ``spans``: the generator's labels bold, the rest plain."""
    paragraph = document.add_paragraph()
    if style is not None:
        paragraph._p.style = _style_id(document, style)  # the id, found once
    for span in spans:
        _add_run(paragraph, span.text, bold=span.strong)
    return paragraph


def _plain(document: WordDocument, text: str, style: str | None = None) -> WordParagraph:
    return _spans(document, (Span(text),), style)


def _labelled(document: WordDocument, label: str, names: tuple[str, ...]) -> None:
    """``**Present:** A, B, C.``"""
    _spans(document, (Span(f"{label}:", strong=True), Span(f" {', '.join(names)}.")))


def _heading(document: WordDocument, heading: Heading) -> None:
    """The committee as Heading 1, then title, date and venue, marking and status."""
    _plain(document, heading.body, "Heading 1")
    if heading.title:
        _plain(document, heading.title)
    _plain(document, heading.held)
    if heading.venue:
        _plain(document, f"Venue: {heading.venue}")
    for note in (heading.marking, heading.status):
        if note:
            _spans(document, (Span(note, strong=True),))


def _attendance(document: WordDocument, attendance: Attendance) -> None:
    """Present, substitutes, apologies, absent, officers and others."""
    if attendance.present:
        _labelled(document, "Present", attendance.present)
    for line in attendance.substitutions:
        _plain(document, line)
    for label, names in (
        ("Apologies for absence", attendance.apologies),
        ("Absent", attendance.absent),
        ("Officers in attendance", attendance.officers),
        ("Also in attendance", attendance.others),
    ):
        if names:
            _labelled(document, label, names)


def _resolutions(document: WordDocument, block: Resolutions) -> None:
    """``RESOLVED: That ...`` in one paragraph, or the label then one
    paragraph per decision, each starting ``1)`` or ``(a)``."""
    label = Span(block.label, strong=True)
    if len(block.items) == 1:
        _spans(document, (label, Span(f" {block.items[0]}")))
        return
    stem = (Span(f" {block.stem} –"),) if block.stem else ()
    _spans(document, (label, *stem)).paragraph_format.keep_with_next = True
    last = len(block.items) - 1
    for index, text in enumerate(block.items):
        item = _plain(document, f"{block.mark(index)} {text}")
        item.paragraph_format.left_indent = Mm(8)
        item.paragraph_format.keep_with_next = index < last


def _block(document: WordDocument, block: Block) -> None:
    if isinstance(block, Resolutions):
        _resolutions(document, block)
    elif isinstance(block, BulletList):
        for item in block.items:
            _spans(document, item.spans, "List Bullet")
    elif isinstance(block, Paragraph):
        _spans(document, block.spans)


def _section(document: WordDocument, section: Section) -> None:
    """One agenda item: its heading as Heading 2, then its blocks."""
    _plain(document, section.heading, "Heading 2")
    for block in section.blocks:
        _block(document, block)


# --- the action sheet ----------------------------------------------------------------


def _keep_rows_whole(table: Table) -> None:
    """No row splits across a page; the first repeats at the top of every
    page and is read as the column headings."""
    for index, row in enumerate(table.rows):
        properties = row._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
        if index == 0:
            properties.append(OxmlElement("w:tblHeader"))


def _action_sheet(document: WordDocument, rows: tuple[ActionRow, ...]) -> None:
    """``Action sheet`` (Heading 2, on a new page) and its six-column table."""
    _plain(document, "Action sheet", "Heading 2").paragraph_format.page_break_before = True
    columns = len(ACTION_HEADER)
    table = document.add_table(rows=1 + len(rows), cols=columns)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    texts = list(ACTION_HEADER)
    for row in rows:
        texts += [row.number, row.ref, row.action, row.owner, row.due, row.status]
    # The cells in reading order, found once (python-docx works each row's
    # and column's cells out again every time it is asked).
    for index, (cell, text) in enumerate(zip(table._cells, texts, strict=True)):
        _add_run(cell.paragraphs[0], text, bold=index < columns)
        cell.width = Mm(ACTION_WIDTHS_MM[index % columns])
    for column, width in zip(table.columns, ACTION_WIDTHS_MM, strict=True):
        column.width = Mm(width)
    _keep_rows_whole(table)


# --- pages, header and footer --------------------------------------------------------


def _field(paragraph: WordParagraph, instruction: str, shown: str) -> None:
    """A Word field (``PAGE``, ``NUMPAGES``) showing ``shown`` until Word
    updates it (which it does for every page when it lays the page out)."""
    begin, separate, end = (
        OxmlElement("w:fldChar", {qn("w:fldCharType"): kind})
        for kind in ("begin", "separate", "end")
    )
    code = OxmlElement("w:instrText", {qn("xml:space"): "preserve"})
    code.text = f" {instruction} "
    for element in (begin, code, separate):
        paragraph.add_run()._r.append(element)
    paragraph.add_run(shown)
    paragraph.add_run()._r.append(end)


def _page_marks(section: WordSection, heading: Heading) -> None:
    """The marking (bold, centred) in the header of every page; the status
    and "Page N of M" in the footer."""
    if heading.marking:
        top = section.header.paragraphs[0]
        top.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _add_run(top, heading.marking, bold=True)
    footer = section.footer
    page = footer.paragraphs[0]
    if heading.status:
        _add_run(page, heading.status)
        page = footer.add_paragraph(style="Footer")
    page.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    page.add_run("Page ")
    _field(page, "PAGE", "1")
    page.add_run(" of ")
    _field(page, "NUMPAGES", "1")


def _a4(section: WordSection) -> None:
    """A4 portrait (in twips, as Word itself writes it), 2 cm margins."""
    section.page_width, section.page_height = Twips(11906), Twips(16838)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(20), Mm(22)
    section.header_distance = section.footer_distance = Mm(10)


def _properties(document: WordDocument, title: str) -> None:
    """Fixed document properties, and British English for the spelling check."""
    properties = document.core_properties
    properties.title = _property_text(title)
    properties.author = properties.last_modified_by = AUTHOR
    properties.comments = ""
    properties.language = LANGUAGE
    properties.revision = 1
    properties.created = properties.modified = FIXED_TIME
    defaults = document.styles.element.find(qn("w:docDefaults"))
    for lang in defaults.iter(qn("w:lang")):
        lang.set(qn("w:val"), LANGUAGE)


def _property_text(text: str) -> str:
    """``text`` for a document property: shortened with "…" past 255 characters."""
    text = safe(text)
    return text if len(text) <= PROPERTY_LIMIT else text[: PROPERTY_LIMIT - 1] + "…"


def _drop_thumbnail(document: WordDocument) -> None:
    """python-docx's template ships a preview picture of another document."""
    rels = document.part.package.rels
    for rel_id, rel in list(rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            rels.pop(rel_id)
            rels.related_parts.pop(rel_id, None)


# --- bytes ---------------------------------------------------------------------------


def _fixed_zip(package: bytes) -> bytes:
    """The package re-zipped in the same entry order, every entry dated
    :data:`FIXED_TIME` (python-docx dates them now)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.create_system = 3
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(entry.filename))
    return out.getvalue()


def render_docx(minutes: Minutes, theme: str = DEFAULT_THEME) -> bytes:
    """The minutes as the bytes of a ``.docx`` file. Word has no theme here:
    ``theme`` is accepted and ignored, as for Markdown."""
    document = Document()
    _properties(document, minutes.title)
    _drop_thumbnail(document)
    _a4(document.sections[0])
    _heading(document, minutes.heading)
    if minutes.attendance is not None:
        _attendance(document, minutes.attendance)
    for section in minutes.sections:
        _section(document, section)
    if minutes.closing:
        _plain(document, minutes.closing)
    if minutes.actions:
        _action_sheet(document, minutes.actions)
    _page_marks(document.sections[0], minutes.heading)
    package = io.BytesIO()
    document.save(package)
    return _fixed_zip(package.getvalue())
