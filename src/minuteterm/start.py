"""The ``minuteterm`` command's entry point: start with the collector held
and the rarely used parts of libraries loaded when first used.

Starting the app allocates a few hundred thousand objects (modules, Textual's
widgets and styles, the first screen's rows), and Python's cyclic garbage
collector walks them again and again as they pile up: on this project's
measurements ~110 ms of a start to the first frame went in collections that
freed next to nothing (a bare Textual app pays ~40 ms). So the command holds
the collector from its very first import; it runs again as soon as the
command turns out not to open the app, or, for the app, once the first
screen has been painted (what start-up made is then frozen out of later
passes: see :meth:`minuteterm.tui.app.MinuteTermApp.collect_again`). Reference
counting frees ordinary garbage all along; only cycles wait.

The three plain starts of the app (``minuteterm``, ``minuteterm open
MEETING``, ``minuteterm demo``, each with at most one ``--db PATH``) are
opened straight from here through :mod:`minuteterm.launch`, without loading
click and every command's definitions first (:func:`plain_start`). Anything
else, and anything in doubt (an option not known here, ``--help``, a meeting
id that is not one, a database that cannot be opened, a meeting it does not
hold), goes to the click command line unchanged, which opens the app through
the same functions or says what is wrong exactly as it always has.
"""

from __future__ import annotations

import atexit
import gc
import importlib.util
import os
import stat
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from minuteterm.db.store import Store

#: The commands that open the app (and so keep the collector held until its
#: first frame); ``None`` is the bare ``minuteterm`` (the list of meetings).
OPEN_THE_APP = frozenset({None, "open", "demo"})


def hold_collector() -> None:
    """Hold the cyclic collector for the start (see the module docstring;
    :func:`minuteterm.launch.collect_again` lets it run again)."""
    gc.disable()


def end_without_a_last_collection() -> None:
    """At exit, leave what is still alive out of the collector's last pass.

    Python's exit ends with a full collection that walks every object the
    program made: after opening one meeting of the archive, ~55 ms between
    the clerk quitting and the shell prompt coming back (a bare Textual app
    ~35 ms; more after a long meeting), only to free memory the operating
    system takes back anyway. What must happen at exit happens before it and
    on purpose: the store is closed, the checkpointer stopped, drafts and
    recovery files written, the terminal restored. Objects that reference
    counting frees are still freed as usual; only cycles are left."""
    atexit.register(gc.freeze)


#: Modules that libraries MinuteTerm starts with import up front but use only
#: now and then, made to load when first used (standard
#: :class:`importlib.util.LazyLoader`). ``pendulum.parsing`` imports
#: dateutil's parser (and with it dateutil's time zones, ``tempfile``,
#: ``shutil`` …: ~20 ms, a third of importing pendulum) for the rare string
#: its own ISO parser cannot read; MinuteTerm reads its stored moments with
#: ``fromisoformat`` and UK dates with its own grammar.
DEFERRED = ("dateutil.parser",)


def defer_imports() -> None:
    """Make each module of :data:`DEFERRED` load on first use, not import."""
    for name in DEFERRED:
        if name in sys.modules:
            continue
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            continue
        spec.loader = importlib.util.LazyLoader(spec.loader)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)  # loads on the first attribute read
        parent, _, child = name.rpartition(".")
        setattr(sys.modules[parent], child, module)


#: A plain start of the app: the command (``None``: the list of meetings,
#: ``"open"`` or ``"demo"``), the ``--db`` path given (``None``: the
#: default), and the meeting ``open`` names.
PlainStart = tuple[str | None, Path | None, int | None]


def plain_start(args: Sequence[str]) -> PlainStart | None:
    """What ``args`` asks for if it is exactly ``[--db PATH] [open MEETING |
    demo]`` (``--db PATH`` or ``--db=PATH``, before the command or after it,
    once), with a meeting id and a path click would take as they are;
    ``None`` for anything else or in doubt (the command line then reads it)."""
    items = _tokens(args)
    if items is None:
        return None
    words = [i for i, (option, _) in enumerate(items) if not option]
    split = words[0] if words else len(items)
    before = [value for _, value in items[:split]]  # all --db, by construction
    after = [value for option, value in items[split:] if option]
    arguments = [value for option, value in items[split + 1 :] if not option]
    if len(before) + len(after) > 1:
        return None  # two --db: the command line knows which one counts
    given = before + after
    db = _plain_path(given[0]) if given else None
    if given and db is None:
        return None
    if not words:
        return (None, db, None)
    command = items[split][1]
    if command == "demo" and not arguments:
        return ("demo", db, None)
    if command == "open" and len(arguments) == 1:
        meeting = arguments[0]
        if meeting.isascii() and meeting.isdigit() and 0 < int(meeting) < 2**63:
            return ("open", db, int(meeting))
    return None


def _tokens(args: Sequence[str]) -> list[tuple[bool, str]] | None:
    """``args`` as ``(is --db, value)`` pairs; ``None`` if any other option
    (or a ``--db`` with no value) is among them."""
    items: list[tuple[bool, str]] = []
    at = 0
    while at < len(args):
        token = args[at]
        if token == "--db" and at + 1 < len(args):
            items.append((True, args[at + 1]))
            at += 2
        elif token.startswith("--db="):
            items.append((True, token.removeprefix("--db=")))
            at += 1
        elif token.startswith("-"):
            return None
        else:
            items.append((False, token))
            at += 1
    return items


def _plain_path(value: str) -> Path | None:
    """``value`` as the path ``--db`` takes it (click's ``Path(dir_okay=
    False)``), if it would take it without a word: not a folder, readable
    if it exists; ``None`` otherwise, or in doubt."""
    if not value or value.startswith("-"):
        return None
    try:
        found = os.stat(value)
    except OSError:
        return Path(value)
    except ValueError:  # a NUL in the path: let the command line say so
        return None
    if stat.S_ISDIR(found.st_mode) or not os.access(value, os.R_OK):
        return None
    return Path(value)


def open_plainly(start: PlainStart) -> bool:
    """Open the app for a :func:`plain_start`, without the command line.
    ``False``, with nothing changed, if the database cannot be opened, the
    meeting is not in it or the demo cannot be made: the command line then
    runs and says why, as it always has."""
    from minuteterm import launch

    command, db, meeting = start
    store: Store
    try:
        if command == "open" and meeting is not None:
            store = launch.meeting_store(db, meeting)
        elif command == "demo":
            store, meeting = launch.demo_store(db)
        else:
            store = launch.open_db(db)
    except KeyboardInterrupt as error:
        launch.fail_with(error)
    except Exception:
        launch.forget_created()  # a database made here is made again (or not) there
        return False
    try:
        launch.run_app(store, meeting)
    except (KeyboardInterrupt, Exception) as error:
        launch.fail_with(error)
    launch.said_created()
    return True


def main(argv: Sequence[str] | None = None) -> None:
    """``minuteterm``: hold the collector (and skip its pass at exit),
    defer what the start does not use, then open the app straight away for
    a plain start, or else run the command line."""
    hold_collector()
    end_without_a_last_collection()
    defer_imports()
    start = plain_start(sys.argv[1:] if argv is None else argv)
    if start is not None and open_plainly(start):
        return
    from minuteterm.cli import main as run_command

    run_command(argv)
