"""Which command lines the entry point opens the app for without click
(:func:`minuteterm.start.plain_start`): exactly the app's three plain starts,
and nothing in doubt (those go to the click command line, which says what a
clerk got wrong exactly as it always has)."""

from __future__ import annotations

from pathlib import Path

import pytest

from minuteterm.start import plain_start


@pytest.mark.parametrize(
    ("args", "start"),
    [
        ([], (None, None, None)),
        (["--db", "x.db"], (None, Path("x.db"), None)),
        (["--db=x.db"], (None, Path("x.db"), None)),
        (["--db", "demo"], (None, Path("demo"), None)),  # a file named demo: the list
        (["open", "3"], ("open", None, 3)),
        (["open", "007"], ("open", None, 7)),
        (["--db", "x.db", "open", "3"], ("open", Path("x.db"), 3)),
        (["open", "3", "--db", "x.db"], ("open", Path("x.db"), 3)),
        (["open", "--db=x.db", "3"], ("open", Path("x.db"), 3)),
        (["demo"], ("demo", None, None)),
        (["--db", "x.db", "demo"], ("demo", Path("x.db"), None)),
        (["demo", "--db", "x.db"], ("demo", Path("x.db"), None)),
    ],
)
def test_the_apps_plain_starts_are_opened_directly(
    args: list[str], start: tuple[str | None, Path | None, int | None]
) -> None:
    assert plain_start(args) == start


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["-h"],
        ["--version"],
        ["list"],
        ["new", "--committee", "Planning"],
        ["open"],
        ["open", "abc"],
        ["open", "0"],
        ["open", " 3"],  # click reads it as 3: let it
        ["open", "３"],  # a full-width digit
        ["open", "-3"],
        ["open", str(2**63)],
        ["open", "1", "2"],
        ["demo", "--no-open"],
        ["demo", "extra"],
        ["--db", "a.db", "--db", "b.db"],
        ["--db", "a.db", "open", "1", "--db", "b.db"],
        ["--db"],
        ["--db="],
        ["--db", "-x"],
        ["--db", "a\x00b"],
        ["--", "open", "1"],
        ["--unknown", "open", "1"],
    ],
)
def test_anything_else_goes_to_the_command_line(args: list[str]) -> None:
    assert plain_start(args) is None


def test_a_folder_for_db_goes_to_the_command_line(tmp_path: Path) -> None:
    """Click refuses a folder for ``--db`` with its own words: let it."""
    (tmp_path / "folder").mkdir()
    assert plain_start(["--db", str(tmp_path / "folder")]) is None
    assert plain_start(["--db", str(tmp_path / "folder"), "demo"]) is None
    assert plain_start(["--db", str(tmp_path / "new.db")]) == (None, tmp_path / "new.db", None)
