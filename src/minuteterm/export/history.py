"""A subject's history written out: plain text for the terminal, Markdown,
or one self-contained HTML page (the minutes' theme, no fetching).

One page tells the story of an issue: each earlier item, oldest first,
with its date, committee and minute number, what was resolved, and each
action with where it stands today. An exempt item in the confidential
version is marked CONFIDENTIAL; the public version keeps only its heading
and its decision in general terms. Plain data in, text out.
"""

from __future__ import annotations

from markdown_it import MarkdownIt

from minuteterm.dates import format_date
from minuteterm.export.errors import ExportError
from minuteterm.export.html import html_document
from minuteterm.export.markdown import escape, escape_line
from minuteterm.export.themes import DEFAULT_THEME, load_theme_css
from minuteterm.search.story import Story, StoryAction, StoryItem

HISTORY_FORMATS: tuple[str, ...] = ("text", "md", "html")
CONFIDENTIAL = "CONFIDENTIAL"
_MD = MarkdownIt("js-default")


def title_of(story: Story) -> str:
    """``History: Damp and mould``."""
    return f"History: {' '.join(story.subject.split())}"


def counted(story: Story) -> str:
    """How many items, and whether only the latest are shown."""
    if not story.items:
        return "No earlier items on this subject."
    noun = "item" if story.total == 1 else "items"
    if story.total > len(story.items):
        return f"{story.total} {noun}; the latest {len(story.items)} shown, oldest first."
    return f"{story.total} {noun}, oldest first."


def _due_words(action: StoryAction) -> str:
    """``by 31 January 2027``, ``by the next meeting``, or nothing."""
    if action.due is not None:
        return f"by {format_date(action.due)}"
    if action.due_text == "next meeting":
        return "by the next meeting"
    return f"by {action.due_text}" if action.due_text else ""


def action_line(action: StoryAction) -> str:
    """``ACTION 27 – Repairs Manager: provide … (open, due by 1 March 2027)``."""
    due = _due_words(action)
    state = action.status + (f", due {due}" if due and action.status == "open" else "")
    number = action.number or action.action_id
    line = f"ACTION {number} – {action.owner}: {action.description} ({state})"
    return line + (f" – latest: {action.latest_note}" if action.latest_note else "")


def heading(item: StoryItem) -> str:
    """``12 October 2026 · Harbour Board · minute 4: Sea wall repairs``."""
    return (
        f"{format_date(item.starts_at.date())} · {item.committee} · "
        f"minute {item.reference}: {item.title}"
    )


def _item_lines(item: StoryItem) -> list[str]:
    """The item's story in plain lines (the first is its heading)."""
    lines = [heading(item) + (f" [{CONFIDENTIAL}]" if item.confidential else "")]
    if item.exempt and not item.confidential:
        lines.append("Exempt item (Part II): its discussion is not public.")
        if item.public_decision:
            lines.append(item.public_decision)
    lines += [f"RESOLVED: {text}" for text in item.resolutions]
    lines += [action_line(action) for action in item.actions]
    return lines


def _text(story: Story) -> str:
    out = [title_of(story), counted(story)]
    for item in story.items:
        lines = _item_lines(item)
        out += ["", lines[0], *(f"  {line}" for line in lines[1:])]
    return "\n".join(out) + "\n"


def _markdown(story: Story) -> str:
    out = [f"# {escape(title_of(story))}", escape_line(counted(story))]
    for item in story.items:
        lines = _item_lines(item)
        out.append(f"## {escape(lines[0])}")
        body = [f"- {escape_line(line)}" for line in lines[1:]]
        if body:
            out.append("\n".join(body))
    return "\n\n".join(out) + "\n"


def render_history(story: Story, fmt: str, theme: str = DEFAULT_THEME) -> str:
    """The story as a ``text``, ``md`` or ``html`` document."""
    if fmt == "text":
        return _text(story)
    if fmt == "md":
        return _markdown(story)
    if fmt == "html":
        body = _MD.render(_markdown(story))
        css = load_theme_css(theme).strip()
        return html_document(title_of(story), css, body, kind="history")
    raise ExportError(f"unknown format {fmt!r}: use one of {', '.join(HISTORY_FORMATS)}")
