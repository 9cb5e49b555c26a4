"""Opening the app, and ending a command in one line: shared by both ways in.

The ``minuteterm`` command reaches the app two ways: through the click
command line (:mod:`minuteterm.cli`), or, for its three plain starts
(``minuteterm``, ``minuteterm open MEETING``, ``minuteterm demo``), straight
from the entry point (:mod:`minuteterm.start`), which does not load click
and every command's definitions before the first frame. Both open the
database, check the meeting, make the demo and run the app through the
functions here, and both end a failed command here (one line on stderr, the
database a refused command made removed again), so the two ways cannot
drift apart. Click is loaded only to write such a line, never to start.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from minuteterm.db.store import Store


class BadInput(Exception):
    """Bad input from the command line; the message is the whole story."""


def default_db_path() -> Path:
    """``$MINUTETERM_DB``, else ``minuteterm.db`` where the platform keeps
    user data (platformdirs: ``~/.local/share/minuteterm`` or
    ``$XDG_DATA_HOME/minuteterm`` on Linux, ``~/Library/Application
    Support/minuteterm`` on macOS, ``%LOCALAPPDATA%\\minuteterm`` on Windows).
    A database already kept where earlier versions put it on every platform
    (``$XDG_DATA_HOME`` or ``~/.local/share``) stays in use."""
    if os.environ.get("MINUTETERM_DB"):
        return Path(os.environ["MINUTETERM_DB"]).expanduser()
    earlier = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    if (earlier / "minuteterm" / "minuteterm.db").exists():
        return earlier / "minuteterm" / "minuteterm.db"
    import platformdirs  # only here (scripted commands given --db never load it)

    return Path(platformdirs.user_data_dir("minuteterm", appauthor=False)) / "minuteterm.db"


#: Databases this run made: said on stderr when the command succeeds (a
#: typo in --db must not pass for an empty archive), removed again when it
#: is refused and they hold nothing (a refused command changes nothing).
CREATED: list[Path] = []


def collect_again() -> None:
    """The cyclic collector, held by the entry point for the app's start
    (:func:`minuteterm.start.hold_collector`), runs again; everything alive
    now is left out of its later passes (it is what the program runs on,
    not garbage)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def open_db(db: Path | None) -> Store:
    """The database named by ``--db`` (``None``: :func:`default_db_path`),
    opened (minutes approved by an older MinuteTerm are frozen when first
    read, or before their committee's settings change)."""
    from minuteterm.db.store import open_store

    path = db
    if path is None:
        path = default_db_path()
        path.parent.mkdir(parents=True, exist_ok=True)
    new = not os.path.lexists(path)
    store = open_store(path, progress=_index_progress if sys.stderr.isatty() else None)
    if new:
        CREATED.append(path)
    return store


def _echo(message: str, nl: bool = True) -> None:
    """``message`` on stderr, written as click writes it."""
    import click  # a line to say: the command is ending or upgrading, not starting

    click.echo(message, err=True, nl=nl)


def _index_progress(done: int, total: int) -> None:
    """A progress bar on the terminal while an upgrade builds the search index."""
    if total < 10_000:
        return
    width = 30
    filled = width * done // total
    bar = "#" * filled + "-" * (width - filled)
    _echo(f"\rBuilding the search index [{bar}] {100 * done // total:3d}%", nl=False)
    if done >= total:
        _echo("")


def meeting_store(db: Path | None, meeting_id: int) -> Store:
    """The database, opened, holding meeting ``meeting_id`` (an unknown
    meeting: :class:`~minuteterm.errors.UnknownMeeting`, nothing left open)."""
    store = open_db(db)
    try:
        store.meeting(meeting_id)
    except BaseException:
        store.close()
        raise
    return store


def demo_store(db: Path | None) -> tuple[Store, int]:
    """The database, opened, and its demo meeting (made if absent)."""
    from minuteterm.demo import ensure_demo

    store = open_db(db)
    try:
        return store, ensure_demo(store)
    except BaseException:
        store.close()
        raise


def follow_the_terminal() -> None:
    """Let the screen take the terminal's own size. Textual reads the size
    through :func:`shutil.get_terminal_size`, which prefers ``COLUMNS`` and
    ``LINES`` when they are set: a value exported by a shell profile (or
    left by the program that started this one) would fix the app at that
    size however large the window, and after every resize too."""
    if sys.stdout.isatty():
        for name in ("COLUMNS", "LINES"):
            os.environ.pop(name, None)


def run_app(store: Store, meeting_id: int | None) -> None:
    """Run the app on ``store`` (on one meeting, or the list of meetings),
    closing the store after; exit with the app's return code if it set one."""
    follow_the_terminal()
    try:
        from minuteterm.tui.app import MinuteTermApp

        app = MinuteTermApp(store, meeting_id=meeting_id)
        app.run()
    finally:
        collect_again()  # if the app ended before its first frame
        store.close()
    if app.return_code:
        sys.exit(app.return_code)


def said_created() -> None:
    """Say which databases this run made (the command succeeded)."""
    for path in CREATED:
        _echo(f"minuteterm: created a new database at {path}")


def forget_created() -> None:
    """Remove the databases this run made that hold nothing, and forget them."""
    from minuteterm.db.dbfile import remove_if_empty

    for path in CREATED:
        remove_if_empty(path)
    CREATED.clear()


def fail(message: str, status: int) -> NoReturn:
    """End the command: ``message`` in one line on stderr, exit ``status``,
    the databases it made removed if they hold nothing."""
    forget_created()
    _echo(f"minuteterm: {message}")
    sys.exit(status)


def fail_with(error: KeyboardInterrupt | Exception) -> NoReturn:
    """End the command on ``error``: one line a clerk can act on, never a
    traceback (status 2 for what the clerk can put right, 130 when
    interrupted, 1 for the unexpected)."""
    if isinstance(error, KeyboardInterrupt):
        fail("interrupted", 130)
    if isinstance(error, _clerk_errors()):
        fail(str(error), 2)
    if isinstance(error, OSError):
        fail(f"{error.strerror or error}: {error.filename or ''}".rstrip(": "), 2)
    fail(f"unexpected error ({type(error).__name__}): {error}", 1)


#: Where each clerk-facing error class lives. An error can only have been
#: raised if its module was imported, so they are looked up among the loaded
#: modules (importing them here would load the exporters, Markdown parser and
#: all, before every command, the app included).
_CLERK_ERRORS = (
    ("minuteterm.errors", "StoreError"),
    ("minuteterm.errors", "CaptureError"),
    ("minuteterm.dates", "DateError"),
    ("minuteterm.export.errors", "ExportError"),
)


def _clerk_errors() -> tuple[type[Exception], ...]:
    """The clerk-facing error classes among the modules loaded so far."""
    found: list[type[Exception]] = [BadInput]
    for module_name, name in _CLERK_ERRORS:
        module = sys.modules.get(module_name)
        error = getattr(module, name, None) if module is not None else None
        if isinstance(error, type) and issubclass(error, Exception):
            found.append(error)
    return tuple(found)
