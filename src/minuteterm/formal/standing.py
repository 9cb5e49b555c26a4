"""The standing items most agendas open with, known by their titles.

"Apologies for absence", "Declarations of interest" and "Minutes of the
previous meeting" are marked when a meeting is made, so the minutes can fill
them from what was captured: the apologies from attendance, each declaration
under the declarations item, and the approval of the previous minutes.
"""

from __future__ import annotations

import re

from minuteterm.model import APOLOGIES, DECLARATIONS, PREVIOUS_MINUTES

_TITLES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^apolog", re.IGNORECASE), APOLOGIES),
    (re.compile(r"^(?:disclosures?|declarations?)\b.*\binterests?\b", re.IGNORECASE), DECLARATIONS),
    (
        re.compile(
            r"^(?:(?:approval|confirmation|signing) of (?:the )?)?minutes"
            r"(?: of (?:the )?(?:previous|last) meeting| of the meeting held on .+)?\.?$",
            re.IGNORECASE,
        ),
        PREVIOUS_MINUTES,
    ),
)


def standing_item(title: str) -> str | None:
    """Which standing item ``title`` names, if any."""
    for pattern, standing in _TITLES:
        if pattern.search(title.strip()):
            return standing
    return None
