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

from ..minutes import (
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

_INLINE = re.compile(r"([\\`*_\[\]<>|~#!])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_LINE_START = re.compile(r"^([-+=]|\d+(?=[.)]))")


def escape(text: str) -> str:
    """``text`` as literal Markdown inline text (one line)."""
    text = " ".join(text.split())
    text = _INLINE.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    return _LINE_START.sub(_escape_start, text)


def _escape_start(match: re.Match[str]) -> str:
    """``-`` → ``\\-``; ``12`` (before ``.``/``)``) → ``12\\`` (the dot escaped)."""
    marker = match.group(1)
    return "\\" + marker if not marker[0].isdigit() else marker + "\\"


def inline(paragraph: Paragraph) -> str:
    """One paragraph's spans: labels bold, everything else escaped."""
    parts = []
    for span in paragraph.spans:
        text = escape(span.text)
        parts.append(f"**{text}**" if span.strong and text else text)
    return "".join(parts)


def _labelled(label: str, names: tuple[str, ...]) -> str:
    return f"**{label}:** {escape(', '.join(names))}."


def heading_markdown(heading: Heading) -> str:
    """``# Committee`` and the lines under it."""
    lines = [f"# {escape(heading.body)}"]
    if heading.title:
        lines.append(escape(heading.title))
    lines.append(escape(heading.held))
    if heading.venue:
        lines.append(f"Venue: {escape(heading.venue)}")
    for note in (heading.marking, heading.status):
        if note:
            lines.append(f"**{escape(note)}**")
    return "\n\n".join(lines)


def attendance_markdown(attendance: Attendance) -> str:
    """Present, substitutes, apologies, officers and others."""
    parts = []
    if attendance.present:
        parts.append(_labelled("Present", attendance.present))
    parts += [escape(line) for line in attendance.substitutions]
    if attendance.apologies:
        parts.append(_labelled("Apologies for absence", attendance.apologies))
    if attendance.officers:
        parts.append(_labelled("Officers in attendance", attendance.officers))
    if attendance.others:
        parts.append(_labelled("Also in attendance", attendance.others))
    return "\n\n".join(parts)


def resolutions_markdown(block: Resolutions) -> str:
    """``**RESOLVED:** That ...``, or the label and a list numbered ``1)``."""
    label = f"**{escape(block.label)}**"
    if len(block.items) == 1:
        return f"{label} {escape(block.items[0])}"
    lines = [f"{number}) {escape(text)}" for number, text in enumerate(block.items, 1)]
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
    return "\n\n".join(parts)


def _cell(text: str) -> str:
    return escape(text) or " "


def action_sheet_markdown(rows: tuple[ActionRow, ...]) -> str:
    """``## Action sheet`` and its table."""
    lines = [
        "## Action sheet",
        "",
        "| Ref | Action | Owner | Due | Status |",
        "| --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        cells = (row.ref, row.action, row.owner, row.due, row.status)
        lines.append("| " + " | ".join(_cell(cell) for cell in cells) + " |")
    return "\n".join(lines)


def render_markdown(minutes: Minutes) -> str:
    """The whole minutes as one Markdown document (ends with a newline)."""
    parts = [heading_markdown(minutes.heading)]
    if minutes.attendance is not None:
        parts.append(attendance_markdown(minutes.attendance))
    parts += [section_markdown(section) for section in minutes.sections]
    if minutes.closing:
        parts.append(escape(minutes.closing))
    if minutes.actions:
        parts.append(action_sheet_markdown(minutes.actions))
    return "\n\n".join(part for part in parts if part) + "\n"
