"""Minutes as Markdown (CommonMark with GFM tables).

Everything the clerk typed is escaped so that it stays text: no emphasis,
links, images, code, HTML, entities, tables or lists can come out of it.
The escaping is kept minimal so the ``.md`` file still reads as prose: only
characters that could start markup are backslash-escaped, ``&`` only where
it would begin an entity reference (``&amp;``, ``&#60;``), and list, heading
and quote markers only at the start of a line.

The per-part functions are public so :mod:`.html` can render each part on
its own and wrap it in its own element.
"""

from __future__ import annotations

import re

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
)

_INLINE = re.compile(r"([\\`*_\[\]<>|~#])")
_IMAGE = re.compile(r"!(?=\\\[)")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_LINE_START = re.compile(r"^(?:([-+=])|(\d+)(?=[.)]))")
_BREAKS = re.compile(r"[\r\n\f\v\u2028\u2029]+")


def escape(text: str) -> str:
    """``text`` as literal Markdown inline text, for the middle of a line."""
    text = _INLINE.sub(r"\\\1", _BREAKS.sub(" ", text))
    text = _IMAGE.sub(r"\\!", text)
    return _ENTITY.sub(r"\\&", text)


def escape_line(text: str) -> str:
    """Like :func:`escape`, for text that starts a line: a leading ``-``, ``+``,
    ``=`` or ``1.``/``1)`` would start a list or underline a heading."""
    return _LINE_START.sub(_escape_start, escape(text).strip())


def _escape_start(match: re.Match[str]) -> str:
    """``-`` becomes ``\\-``; ``12`` before ``.`` or ``)`` becomes ``12\\``."""
    if match.group(1):
        return "\\" + match.group(1)
    return match.group(2) + "\\"


def inline(paragraph: Paragraph) -> str:
    """One paragraph's spans: labels bold, everything else escaped."""
    parts = []
    for index, span in enumerate(paragraph.spans):
        text = escape_line(span.text) if index == 0 else escape(span.text)
        parts.append(f"**{text}**" if span.strong and text else text)
    return "".join(parts)


def _labelled(label: str, names: tuple[str, ...]) -> str:
    return f"**{label}:** {escape(', '.join(names))}."


def heading_markdown(heading: Heading) -> str:
    """``# Committee`` and the lines under it."""
    lines = [f"# {escape(heading.body)}"]
    if heading.title:
        lines.append(escape_line(heading.title))
    lines.append(escape_line(heading.held))
    if heading.venue:
        lines.append(f"Venue: {escape(heading.venue)}")
    for note in (heading.marking, heading.status):
        if note:
            lines.append(f"**{escape_line(note)}**")
    return "\n\n".join(lines)


def attendance_markdown(attendance: Attendance) -> str:
    """Present, substitutes, apologies, officers and others."""
    parts = []
    if attendance.present:
        parts.append(_labelled("Present", attendance.present))
    parts += [escape_line(line) for line in attendance.substitutions]
    if attendance.apologies:
        parts.append(_labelled("Apologies for absence", attendance.apologies))
    if attendance.absent:
        parts.append(_labelled("Absent", attendance.absent))
    if attendance.officers:
        parts.append(_labelled("Officers in attendance", attendance.officers))
    if attendance.others:
        parts.append(_labelled("Also in attendance", attendance.others))
    return "\n\n".join(parts)


def resolutions_markdown(block: Resolutions) -> str:
    """``**RESOLVED:** That ...``, or the label and a list numbered ``1)``
    (or lettered ``(a)``, one paragraph each)."""
    label = f"**{escape_line(block.label)}**"
    if len(block.items) == 1:
        return f"{label} {escape(block.items[0])}"
    if block.marks == "letters":
        lines = [f"{block.mark(i)} {escape(text)}" for i, text in enumerate(block.items)]
        return label + "\n\n" + "\n\n".join(lines)
    lines = [f"{number}) {escape_line(text)}" for number, text in enumerate(block.items, 1)]
    return label + "\n\n" + "\n".join(lines)


def block_markdown(block: Block) -> str:
    """One block of an item's minute."""
    if isinstance(block, Resolutions):
        return resolutions_markdown(block)
    if isinstance(block, BulletList):
        return "\n".join(f"- {inline(item)}" for item in block.items)
    return inline(block)


def section_heading_markdown(section: Section) -> str:
    """``## 3. Title``."""
    return f"## {escape(section.heading)}"


def section_markdown(section: Section) -> str:
    """An item's heading and its blocks."""
    parts = [section_heading_markdown(section)]
    parts += [block_markdown(block) for block in section.blocks]
    return "\n\n".join(part for part in parts if part)


def cell(text: str) -> str:
    """Text for one table cell (never empty, so the row keeps its shape)."""
    return escape_line(text) or " "


def action_sheet_markdown(rows: tuple[ActionRow, ...]) -> str:
    """``## Action sheet`` and its table."""
    lines = [
        "## Action sheet",
        "",
        "| No. | Ref | Action | Owner | Due | Status |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        cells = (row.number, row.ref, row.action, row.owner, row.due, row.status)
        lines.append("| " + " | ".join(cell(text) for text in cells) + " |")
    return "\n".join(lines)


def render_markdown(minutes: Minutes) -> str:
    """The whole minutes as one Markdown document (ends with a newline)."""
    parts = [heading_markdown(minutes.heading)]
    if minutes.attendance is not None:
        parts.append(attendance_markdown(minutes.attendance))
    parts += [section_markdown(section) for section in minutes.sections]
    if minutes.closing:
        parts.append(escape_line(minutes.closing))
    if minutes.actions:
        parts.append(action_sheet_markdown(minutes.actions))
    return "\n\n".join(part for part in parts if part) + "\n"
