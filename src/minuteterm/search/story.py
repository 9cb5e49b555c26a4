"""A subject's story across meetings, as plain data: each earlier item on
the subject with its resolutions and its actions as they stand today.
Read by the exporters and the screens without touching the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pendulum


@dataclass(frozen=True)
class StoryAction:
    """An action raised in the item, as it stands today."""

    action_id: int
    description: str
    owner: str
    status: str
    due: date | None = None
    due_text: str | None = None
    latest_note: str | None = None
    #: The number it is printed with (``ACTION 3``); ``None``: the id.
    number: int | None = None


@dataclass(frozen=True)
class StoryItem:
    """One item on the subject: where and when, what was resolved, what was
    to be done. ``confidential``: an exempt item's discussion, shown only
    in the confidential version (the public one keeps the heading and the
    decision in general terms)."""

    meeting_id: int
    item_id: int
    starts_at: pendulum.DateTime
    committee: str
    reference: str
    title: str
    exempt: bool = False
    public_decision: str | None = None
    resolutions: tuple[str, ...] = ()
    actions: tuple[StoryAction, ...] = ()
    confidential: bool = False


@dataclass(frozen=True)
class Story:
    """Every item on a subject, oldest first (the latest ``limit`` of them
    when there are more: ``total`` says how many matched)."""

    subject: str
    words: tuple[str, ...] = ()
    items: list[StoryItem] = field(default_factory=list)
    total: int = 0
    public: bool = False
