"""A meeting's record turned into its minutes, as a small document tree.

Pure: no I/O, no markup. :func:`build_minutes` decides the wording (house
style, question style, what the public version may show); the exporters in
:mod:`minuteterm.export` only lay the tree out as Markdown, HTML or, later,
Word. Everything the clerk typed stays in plain :class:`Span` text so each
exporter can escape it for its own format.

The package is split by role:

- :mod:`.document` holds the frozen dataclass tree (:class:`Minutes`,
  :class:`Section`, :class:`Paragraph`, ...);
- :mod:`.wording` holds the pure text helpers (:func:`body_word`,
  :func:`role_name`, :func:`clause`, ...);
- :mod:`.build` walks a :class:`~minuteterm.model.MeetingRecord` and fills
  the tree in (:func:`build_minutes`).
- :mod:`.action_log` words action updates and the "Action log" standing item
  (each carried action with its updates), from ``MeetingRecord.actions``.

Rules the conventions leave open, decided here:

- A note with a speaker reads "{Speaker} {text}" when the text carries on
  from the name ("Cllr Ahmed thanked the staff"); when the clerk typed a
  whole sentence (capital first letter) the sentence stands alone, because
  minutes are not a transcript.
- Questions, their responses and any actions or unattached responses that
  arise among them form one question block; a note, declaration or vote
  closes it. Resolutions are gathered at the end of the item.
- A second response to the same question "added that ...".
"""

from __future__ import annotations

from minuteterm.minutes.build import (
    CONFIDENTIAL_LINE,
    DRAFT_LINE,
    QUESTION_STYLES,
    action_paragraph,
    build_minutes,
    due_phrase,
    narrative,
    unattached_response,
)
from minuteterm.minutes.document import (
    EXEMPT_MARK,
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
from minuteterm.minutes.formal import FORM_LABELS, UNSTATED_DECISION, exclusion_resolution
from minuteterm.minutes.wording import (
    BODY_WORDS,
    INDIRECT_WORDS,
    LOWER_WORDS,
    ROLE_FIRST_WORDS,
    ROLE_LAST_WORDS,
    bare_question,
    body_word,
    capitalise,
    clause,
    ensure_stop,
    first_word,
    role_name,
    run_in,
    strip_stop,
    strip_that,
)

__all__ = [
    "BODY_WORDS",
    "CONFIDENTIAL_LINE",
    "DRAFT_LINE",
    "EXEMPT_MARK",
    "FORM_LABELS",
    "INDIRECT_WORDS",
    "LOWER_WORDS",
    "QUESTION_STYLES",
    "ROLE_FIRST_WORDS",
    "ROLE_LAST_WORDS",
    "UNSTATED_DECISION",
    "ActionRow",
    "Attendance",
    "Block",
    "BulletList",
    "Heading",
    "Minutes",
    "Paragraph",
    "Resolutions",
    "Section",
    "Span",
    "action_paragraph",
    "bare_question",
    "body_word",
    "build_minutes",
    "capitalise",
    "clause",
    "due_phrase",
    "ensure_stop",
    "exclusion_resolution",
    "first_word",
    "narrative",
    "role_name",
    "run_in",
    "strip_stop",
    "strip_that",
    "unattached_response",
]
