"""The one error publishing raises: its message is the whole story."""

from __future__ import annotations


class PublishError(Exception):
    """Publishing or serving cannot go ahead; nothing was changed."""
