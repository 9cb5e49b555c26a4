"""Read an officer report's cover: who it goes to, who wrote it, what it is
for and what it recommends.

Councils open their committee reports with a block like::

    REPORT TO:          Executive Board
    DATE:               30 July 2026
    REPORTING OFFICER:  Strategic Director, People
    PORTFOLIO:          Children and Families
    SUBJECT:            …
    WARD(S)             All

    1.0 PURPOSE OF THE REPORT
    1.1 To share …
    2.0 RECOMMENDATION: …

each in its own variant (``Report of:``, ``Wards affected``, a two-column
table in Word, ``Recommendations`` with (a), (b) …). :func:`read_report`
takes a ``.txt``, ``.docx`` or ``.pdf`` file to plain lines and
:func:`parse_cover` finds the block in them. What cannot be read — no cover
block, a scanned PDF with no text — is refused with the reason
(:class:`ReportRefused`). Nothing here writes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from minuteterm.errors import StoreError
from minuteterm.filekind import kind_of

#: The largest report file read.
MAX_REPORT_BYTES = 30 * 1024 * 1024


class ReportRefused(StoreError):
    """A report that cannot be read; the message says why."""


@dataclass(frozen=True)
class OfficerReport:
    """The cover of one officer report."""

    subject: str | None = None
    report_to: str | None = None
    date: str | None = None
    officer: str | None = None
    portfolio: str | None = None
    wards: str | None = None
    purpose: str | None = None
    recommendations: tuple[str, ...] = ()


# --- files to lines -----------------------------------------------------------


def _txt_lines(data: bytes) -> list[str]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise ReportRefused("the file is not text (save the report as .txt, .docx or .pdf)")
    return text.splitlines()


def _docx_lines(path: Path) -> list[str]:
    """Paragraphs and table rows in document order; a two-cell row reads as
    ``label: value``."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except Exception as error:  # python-docx raises several kinds for a bad file
        raise ReportRefused(
            f"{path.name} is not a Word document that can be read ({error})"
        ) from None
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rpartition("}")[2]
        if tag == "p":
            lines += Paragraph(child, document).text.splitlines() or [""]
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells = [cell.text.strip() for cell in row.cells]
                cells = [cell for i, cell in enumerate(cells) if cell and cell not in cells[:i]]
                if len(cells) >= 2:
                    lines.append(f"{cells[0].rstrip(':').strip()}: {' '.join(cells[1:])}")
                elif cells:
                    lines.append(cells[0])
            lines.append("")
    return lines


def _pdf_lines(path: Path) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise ReportRefused(f"{path.name} is a password-protected PDF: save an open copy")
        text = "\n".join(page.extract_text() or "" for page in reader.pages[:40])
    except ReportRefused:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise ReportRefused(f"{path.name} is not a PDF that can be read ({error})") from None
    if not text.strip():
        raise ReportRefused(
            f"{path.name} has no text to read (a scanned PDF?): import the Word or text version"
        )
    return text.splitlines()


def report_lines(path: str | Path) -> list[str]:
    """The report's text as lines, from ``.txt``, ``.docx`` or ``.pdf``."""
    path = Path(path).expanduser()
    suffix = path.suffix.lower()
    if suffix not in (".txt", ".text", ".docx", ".pdf"):
        raise ReportRefused(f"{path.name}: reports are read from .txt, .docx or .pdf files")
    if (kind := kind_of(path)) is not None:
        raise ReportRefused(f"{path} is {kind}, not a report")
    try:
        if path.stat().st_size > MAX_REPORT_BYTES:
            raise ReportRefused(f"{path.name} is too big to be a committee report")
        if suffix == ".docx":
            return _docx_lines(path)
        if suffix == ".pdf":
            return _pdf_lines(path)
        return _txt_lines(path.read_bytes())
    except FileNotFoundError:
        raise ReportRefused(f"{path} does not exist") from None
    except IsADirectoryError:
        raise ReportRefused(f"{path} is a folder, not a report") from None
    except OSError as error:
        raise ReportRefused(f"cannot read {path}: {error.strerror}") from None


# --- the cover block ------------------------------------------------------------

_FIELDS: dict[str, str] = {
    "report_to": r"report(?:ing)?\s+to|to|meeting|committee|decision[- ]maker|report\s+for",
    "date": r"date(?:\s+of\s+(?:the\s+)?meeting)?|meeting\s+date",
    "officer": (
        r"reporting\s+officer|report\s+(?:of|by|from)|lead\s+officer|responsible\s+officer"
        r"|report\s+author|from|director"
    ),
    "portfolio": (
        r"portfolio(?:\s+holder)?|cabinet\s+(?:member|portfolio)|executive\s+member"
        r"|lead\s+member"
    ),
    "subject": r"subject|title|report\s+title|title\s+of\s+(?:the\s+)?report|re",
    "wards": r"wards?(?:\s*\(s\))?(?:\s+affected)?|ward\(s\)(?:\s+affected)?",
}
_FIELD_LINE = {
    name: re.compile(rf"^\s*(?:{words})\s*(?::|\t| {{2,}}|$)\s*(?P<value>.*)$", re.IGNORECASE)
    for name, words in _FIELDS.items()
}
#: A label in capitals may be followed by a single space: ``WARD(S) All``.
_CAPS_FIELD_LINE = {
    name: re.compile(rf"^\s*(?P<label>{words}) (?P<value>\S.*)$", re.IGNORECASE)
    for name, words in _FIELDS.items()
    if name in ("wards", "officer", "report_to", "portfolio", "subject")
}

_NUMBER = r"(?:\d+(?:\.0)?\.?\s+|[A-Z]\.?\s+(?=[A-Z]))?"
_PURPOSE = re.compile(
    rf"^\s*{_NUMBER}(?:the\s+)?(?:purpose(?:\s+of\s+(?:(?:the|this)\s+)?report)?|report\s+purpose"
    r"|reason\s+for\s+(?:the|this)\s+report|summary\s+and\s+purpose)\s*(?::|[-–]\s|$)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_RECOMMENDATIONS = re.compile(
    rf"^\s*{_NUMBER}(?:recommendations?|recommendation\(s\)|recommended\s+decisions?"
    r"|decisions?\s+required|recommendation\s+for\s+decision)\s*(?::|[-–]\s|$)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_SECTION_WORDS = re.compile(
    r"^(?:background|supporting\s+information|introduction|executive\s+summary|summary"
    r"|report\s+details|details|key\s+issues|main\s+issues|policy\s+implications"
    r"|financial\s+implications|legal\s+implications|implications|risk(?:\s+analysis)?"
    r"|equality|consultation|reasons?\s+for\s+(?:the\s+)?recommendations?"
    r"|alternative\s+options|options(?:\s+considered)?|appendices|background\s+papers"
    r"|contact\s+officer|list\s+of\s+background\s+papers|conclusions?|next\s+steps)\b",
    re.IGNORECASE,
)
_HEADING_NUMBER = re.compile(r"^\s*\d+(?:\.0)?\.?\s+(?P<text>\S.*)$")
_ITEM_MARK = re.compile(
    r"^\s*(?:\d+(?:\.\d+)+\.?|\d+[.)]|\(?[a-h]\)|\(?[ivx]{1,4}\)|[a-h]\.|[-•*–·▪])\s+"
)


def _is_heading(line: str) -> bool:
    """A section heading: ``3.0 SUPPORTING INFORMATION``, ``BACKGROUND``,
    ``4. Financial implications``."""
    text = line.strip()
    numbered = _HEADING_NUMBER.match(text)
    body = numbered.group("text") if numbered else text
    if not body or len(body) > 80 or body.endswith((".", ";", ",")):
        return False
    letters = [char for char in body if char.isalpha()]
    if letters and all(char.isupper() for char in letters) and len(letters) > 3:
        return True
    return bool(_SECTION_WORDS.match(body))


def _field(line: str) -> tuple[str, str] | None:
    for name, pattern in _FIELD_LINE.items():
        match = pattern.match(line)
        if match:
            return name, match.group("value").strip()
    for name, pattern in _CAPS_FIELD_LINE.items():
        match = pattern.match(line)
        if match and match.group("label").isupper() and len(match.group("label")) > 2:
            return name, match.group("value").strip()
    return None


def _cover_fields(lines: list[str]) -> dict[str, str]:
    """The labelled fields before the first section, a value on the line
    after its label when the label stands alone."""
    fields: dict[str, str] = {}
    waiting: str | None = None
    for line in lines:
        if _PURPOSE.match(line) or _RECOMMENDATIONS.match(line):
            break
        if not line.strip():
            continue
        found = _field(line)
        if found is not None and found[0] not in fields:
            name, value = found
            if value:
                fields[name], waiting = value, None
            else:
                waiting = name
            continue
        if waiting is not None:
            fields[waiting], waiting = line.strip(), None
    return {name: " ".join(value.split()) for name, value in fields.items()}


def _section(lines: list[str], start: re.Pattern[str]) -> list[str] | None:
    """The lines of the section that ``start`` opens (with what follows
    its heading on the same line), up to the next heading."""
    for index, line in enumerate(lines):
        match = start.match(line)
        if match is None:
            continue
        body = [match.group("rest")] if match.group("rest").strip() else []
        for following in lines[index + 1 :]:
            if (
                _is_heading(following)
                or _PURPOSE.match(following)
                or _RECOMMENDATIONS.match(following)
            ):
                break
            body.append(following)
        return body
    return None


def _paragraphs(lines: list[str]) -> list[str]:
    """Lines joined into paragraphs: a marked line (``2.1``, ``(a)``,
    ``-``) or a blank line starts a new one; marks are taken off."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line.strip():
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        mark = _ITEM_MARK.match(line)
        if mark is not None:
            if current:
                paragraphs.append(" ".join(current))
            current = [line[mark.end() :].strip()]
        else:
            current.append(line.strip())
    if current:
        paragraphs.append(" ".join(current))
    return [" ".join(paragraph.split()) for paragraph in paragraphs if paragraph.strip()]


def _recommendations(lines: list[str]) -> tuple[str, ...]:
    """Each recommendation; a lead-in ending in a colon ("It is recommended
    that the Committee:") is put in front of each one after it."""
    paragraphs = _paragraphs(lines)
    lead, found = "", list[str]()
    for paragraph in paragraphs:
        if not found and (paragraph.endswith(":") or paragraph.lower() == "that"):
            lead = paragraph.rstrip(":").strip()
            continue
        text = paragraph.rstrip(";").strip()
        text = re.sub(r"[;,]?\s+and$", "", text)
        found.append(f"{lead} {text}".strip() if lead else text)
    return tuple(found)


def parse_cover(lines: list[str]) -> OfficerReport:
    """The cover block in a report's lines; :class:`ReportRefused` when
    there is none (no labelled fields, or no purpose and no recommendation)."""
    fields = _cover_fields(lines)
    purpose_lines = _section(lines, _PURPOSE)
    recommendation_lines = _section(lines, _RECOMMENDATIONS)
    purpose = _paragraphs(purpose_lines or [])
    recommendations = _recommendations(recommendation_lines or [])
    named = any(fields.get(name) for name in ("subject", "officer", "report_to"))
    if not named or not (purpose or recommendations):
        raise ReportRefused(
            "no report cover found: expected REPORT TO:, REPORTING OFFICER:, SUBJECT: and"
            " the PURPOSE OF THE REPORT and RECOMMENDATION(S) sections"
        )
    return OfficerReport(
        subject=fields.get("subject"),
        report_to=fields.get("report_to"),
        date=fields.get("date"),
        officer=fields.get("officer"),
        portfolio=fields.get("portfolio"),
        wards=fields.get("wards"),
        purpose=purpose[0] if purpose else None,
        recommendations=recommendations,
    )


def read_report(path: str | Path) -> OfficerReport:
    """An officer report's cover from a ``.txt``, ``.docx`` or ``.pdf`` file."""
    return parse_cover(report_lines(path))
