"""Minutes as one self-contained, printable HTML5 file.

Each part of the minutes is written as Markdown by :mod:`.markdown` (so the
wording and the escaping live in one place) and rendered with markdown-it's
``js-default`` preset, whose raw HTML is off: anything that still looked
like a tag would come out as text. The parts are then wrapped in semantic
elements: a ``<header>``, a ``<section>`` per agenda item with its
resolutions in a ``<div class="resolution">``, and the action sheet. The
theme's CSS is inlined and a Content Security Policy forbids fetching
anything, so the file opens the same offline, by email or on a website.

The confidential marking and the draft status are also written into the
printed page's margins (``@page`` margin boxes, after the theme's CSS so the
theme styles them and this sets only their text): a page taken out of a
printed Part II minute still says it is confidential.
"""

from __future__ import annotations

import re
from dataclasses import replace
from html import escape

from markdown_it import MarkdownIt

from minuteterm.export.markdown import (
    action_sheet_markdown,
    attendance_markdown,
    block_markdown,
    escape_line,
    heading_markdown,
    section_heading_markdown,
)
from minuteterm.export.themes import DEFAULT_THEME, load_theme_css
from minuteterm.minutes import Block, Heading, Minutes, Paragraph, Resolutions, Section

CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

_MD = MarkdownIt("js-default")

#: Characters a CSS string may not hold as they are (``<`` could close the
#: ``<style>`` element); each is written as a CSS escape instead.
_CSS_UNSAFE = re.compile(r'[\\"<>&\x00-\x1f\x7f\u2028\u2029]')

_DOCUMENT = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="MinuteTerm">
<title>{title}</title>
<style>
{css}
</style>
</head>
<body>
<main class="{kind}">
{body}</main>
</body>
</html>
"""


def html_document(title: str, css: str, body: str, kind: str = "minutes") -> str:
    """One self-contained page: our CSP, the escaped title, the theme's CSS
    inlined and ``body`` (already-safe HTML) in ``<main class=kind>``."""
    return _DOCUMENT.format(
        csp=CONTENT_SECURITY_POLICY, title=escape(title), css=css, body=body, kind=kind
    )


def _render(markdown: str) -> str:
    """Markdown (already escaped by :mod:`.markdown`) to an HTML fragment."""
    return _MD.render(markdown)


def _with_class(fragment: str, tag: str, css_class: str) -> str:
    """Give the fragment's first ``<tag>`` a class (user text cannot hold a
    raw tag: markdown-it escapes every ``<`` it did not write itself)."""
    css_class = escape(css_class)
    return fragment.replace(f"<{tag}>", f'<{tag} class="{css_class}">', 1)


def _wrap(tag: str, css_class: str, inner: str, extra: str = "") -> str:
    return f'<{tag} class="{css_class}"{extra}>\n{inner}</{tag}>\n'


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string, safe inside a ``<style>`` element."""
    return '"' + _CSS_UNSAFE.sub(lambda match: f"\\{ord(match.group()):x} ", text) + '"'


def page_marks_css(heading: Heading) -> str:
    """``@page`` rules putting the marking at the head of every printed page
    and the draft status at its foot; empty when there is neither."""
    boxes = [
        f"  @{box} {{\n    content: {css_string(text)};\n  }}\n"
        for box, text in (("top-center", heading.marking), ("bottom-left", heading.status))
        if text
    ]
    return f"@page {{\n{''.join(boxes)}}}" if boxes else ""


def _heading_html(heading: Heading) -> str:
    """The heading, its marking and status each in a ``<p>`` with a class."""
    parts = [_render(heading_markdown(replace(heading, marking=None, status=None)))]
    for css_class, note in (("marking", heading.marking), ("status", heading.status)):
        if note:
            parts.append(_with_class(_render(f"**{escape_line(note)}**"), "p", css_class))
    return "".join(parts)


def _block_html(block: Block) -> str:
    if isinstance(block, Resolutions):
        return _wrap("div", "resolution", _render(block_markdown(block)))
    fragment = _render(block_markdown(block))
    if isinstance(block, Paragraph) and block.role:
        return _with_class(fragment, "p", block.role)
    return fragment


def section_html(section: Section, index: int) -> str:
    """One agenda item as ``<section class="item" id="item-N">``."""
    parts = [_render(section_heading_markdown(section))]
    parts += [_block_html(block) for block in section.blocks]
    css_class = "item exempt" if section.exempt else "item"
    return _wrap("section", css_class, "".join(parts), f' id="item-{index}"')


def _body(minutes: Minutes) -> str:
    parts = [_wrap("header", "minutes-heading", _heading_html(minutes.heading))]
    if minutes.attendance is not None:
        attendance = _render(attendance_markdown(minutes.attendance))
        parts.append(_wrap("section", "attendance", attendance))
    parts += [section_html(s, i) for i, s in enumerate(minutes.sections, start=1)]
    if minutes.closing:
        closing = _render(escape_line(minutes.closing))
        parts.append(_with_class(closing, "p", "closing"))
    if minutes.actions:
        sheet = _render(action_sheet_markdown(minutes.actions))
        parts.append(_wrap("section", "action-sheet", sheet))
    return "".join(parts)


def render_html(minutes: Minutes, theme: str = DEFAULT_THEME) -> str:
    """The minutes as a complete HTML document styled by ``theme``.

    Raises :class:`~minuteterm.export.errors.ExportError` for an unknown theme.
    """
    css = load_theme_css(theme).strip()
    marks = page_marks_css(minutes.heading)
    return html_document(minutes.title, f"{css}\n\n{marks}" if marks else css, _body(minutes))
