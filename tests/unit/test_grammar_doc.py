"""docs/grammar.md cannot drift from the parser: every example in its
tables is read by the grammar and must become the command (and kind) the
page names."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from minuteterm.grammar.lines import AddEntry, parse

DOC = Path(__file__).resolve().parents[2] / "docs" / "grammar.md"
ROW = re.compile(r"^\| `(?P<line>[^`]+)` \| [^|]+ \| `(?P<command>\w+)`(?: (?P<kind>\w+))? \|$")


def _rows() -> list[tuple[str, str, str | None]]:
    rows = []
    for text in DOC.read_text(encoding="utf-8").splitlines():
        match = ROW.match(text)
        if match:
            rows.append((match["line"], match["command"], match["kind"]))
    return rows


def test_the_page_has_its_examples() -> None:
    assert len(_rows()) >= 35  # the regular expression still reads the tables


@pytest.mark.parametrize(("line", "command", "kind"), _rows())
def test_every_example_becomes_what_the_page_says(
    line: str, command: str, kind: str | None
) -> None:
    parsed = parse(line, date(2026, 12, 14))
    assert type(parsed).__name__ == command
    if kind is not None:
        assert isinstance(parsed, AddEntry)
        assert parsed.kind.value == kind
