"""A Datasette plugin, copied into a published folder's ``plugins/``: each
``minutes_url`` cell links to the meeting's HTML minutes.

Datasette links only absolute ``http(s)`` URLs by itself; the published
rows hold the site-relative path (``/html/committee-2026-12-14.html``) so
the same folder works at any address. Only a path of exactly that shape
becomes a link. Runs inside Datasette, never imported by MinuteTerm.
"""

from __future__ import annotations

import re

from datasette import hookimpl
from markupsafe import Markup, escape

_PAGE = re.compile(r"/html/[a-z0-9-]+\.html")


@hookimpl
def render_cell(value, column):
    """A link to the minutes for a ``minutes_url`` cell; anything else as usual."""
    if column == "minutes_url" and isinstance(value, str) and _PAGE.fullmatch(value):
        return Markup(f'<a href="{escape(value)}">minutes</a>')
    return None
