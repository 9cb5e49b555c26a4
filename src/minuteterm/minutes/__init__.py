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
- :mod:`.reported_speech` (with its word lists in :mod:`.lexicon`) reads a
  clerk's note of a question or answer; :mod:`.questions` writes questions
  and answers in each house style;
- :mod:`.house_style` holds a committee's house style (questions, naming,
  resolutions) and names members and officers the house way;
- :mod:`.standing_text` words routine items with nothing minuted, and
  :mod:`.interests` the reason given for a declared interest.

Rules the conventions leave open, decided here:

- A note with a speaker reads "{Speaker} {text}" when the text carries on
  from the name ("Cllr Ahmed thanked the staff"); when the clerk typed a
  whole sentence (capital first letter) the sentence stands alone, because
  minutes are not a transcript.
- Questions, their responses and any actions or unattached responses that
  arise among them form one question block; a note, declaration or vote
  closes it. Everything prints in the order it happened: resolutions close
  the block they follow, and a note typed after a resolution stays after it.
- The clerk's own reporting verbs are kept ("asked whether ...", "confirmed
  that ..."), a question as asked becomes reported speech, a topic reads
  "asked about ..." (:mod:`.reported_speech`, :mod:`.questions`).
- A further response to the same question is a paragraph of its own
  ("The Harbour Master added that ...").
- The committee's house style (:mod:`.house_style`) chooses the question
  style, how members are named and how several resolutions are set out.
"""

from __future__ import annotations

from minuteterm.minutes.build import (
    CONFIDENTIAL_LINE,
    DRAFT_LINE,
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
from minuteterm.model import QUESTION_STYLES

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
