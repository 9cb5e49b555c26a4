"""Citations of earlier minutes typed in a line: ``@620`` or ``@CYP/2/26``.

The minutes read "(minute CYP/2/26 refers)". Whether the committee has that
minute is checked when the line is typed (see
:func:`minuteterm.formal.numbering.check_citations`); this module only reads
and writes the words, so the minutes can use it without the database.
"""

from __future__ import annotations

import re

#: ``@620`` or ``@CYP/2/26`` at the start of a word.
MINUTE_REF = re.compile(r"(?<![\w@])@((?:[A-Za-z][A-Za-z0-9]*/)?\d{1,6}(?:/\d{2,4})?)(?![\w/])")


def cite(text: str) -> str:
    """``... the plan @CYP/2/26.`` -> ``... the plan (minute CYP/2/26 refers).``"""
    return MINUTE_REF.sub(lambda match: f"(minute {match.group(1)} refers)", text)
