"""The one error every exporter raises, with a message a clerk can act on."""

from __future__ import annotations


class ExportError(Exception):
    """An export that cannot be made: unknown format or theme, bad option,
    or a target that cannot be written. The message says what and why."""
