"""The ``minuteterm publish`` command: its options, read and checked here,
then handed to :func:`~.publish.publish` or :func:`~.serve.serve`.

``--since DATE`` chooses meetings by date and ``--source FILE`` (repeatable)
names the databases to merge. ``--from`` is also understood, as the issue
that asked for publishing wrote it both ways: an existing file is a source,
a date is ``--since``, and a value that could be both is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import click

from minuteterm.publishing.errors import PublishError


def _today() -> date:
    """Today, in local time."""
    from minuteterm import clock
    from minuteterm.dates import to_local

    return to_local(clock.now()).date()


def _date(text: str, option: str) -> date:
    from minuteterm.dates import DateError, parse_date

    try:
        return parse_date(text, _today())
    except DateError as error:
        raise PublishError(f"{option}: {error}") from None


def _split_from(values: tuple[str, ...]) -> tuple[list[Path], list[str]]:
    """``--from`` values as (sources, dates); refuses one that is both or neither."""
    from minuteterm.dates import DateError, parse_date

    sources: list[Path] = []
    dates: list[str] = []
    for value in values:
        is_file = Path(value).expanduser().is_file()
        try:
            parse_date(value, _today())
            is_date = True
        except DateError:
            is_date = False
        if is_file and is_date:
            raise PublishError(
                f"--from {value!r} is both a file and a date: use --source or --since"
            )
        if not (is_file or is_date):
            raise PublishError(
                f"--from {value!r} is neither a database file nor a date:"
                " use --source FILE or --since DATE"
            )
        if is_file:
            sources.append(Path(value).expanduser())
        else:
            dates.append(value)
    return sources, dates


#: Where the database is when no ``--db`` is given: set by the command line
#: that adds this command (:func:`attach`), which owns that default.
_default_db: Callable[[], Path] | None = None


def attach(group: click.Group, default_db: Callable[[], Path]) -> None:
    """Add ``publish`` to the ``minuteterm`` command group, with the group's
    default database (``$MINUTETERM_DB`` or the user data folder)."""
    global _default_db
    _default_db = default_db
    group.add_command(publish)


def _sources(ctx: click.Context, db: Path | None, named: list[Path]) -> tuple[Path, ...]:
    if named:
        return tuple(named)
    chosen = db or (ctx.obj or {}).get("db")
    if chosen is None:
        if _default_db is None:
            raise PublishError("no database given: --db FILE or --source FILE")
        chosen = _default_db()
    return (Path(chosen).expanduser(),)


def _folder(directory: Path | None, output: Path | None) -> Path:
    if directory is not None and output is not None and directory != output:
        raise PublishError(f"two folders given ({directory} and -o {output}): give one")
    folder = output or directory
    if folder is None:
        raise PublishError("no folder given: minuteterm publish -o DIR")
    return folder


@click.command(name="publish")
@click.argument("directory", metavar="[DIR]", required=False, type=click.Path(path_type=Path))
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Database to publish (default: $MINUTETERM_DB or the user data folder).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder to publish into (made if need be).",
)
@click.option(
    "--source",
    "sources",
    multiple=True,
    type=click.Path(path_type=Path),
    help="A database to publish; repeat to merge several clerks' files.",
)
@click.option(
    "--committee",
    "committees",
    multiple=True,
    help="Only committees whose name contains this (repeatable).",
)
@click.option("--since", "since", default=None, help="Only meetings on or after this date.")
@click.option(
    "--from",
    "from_values",
    multiple=True,
    hidden=False,
    help="A database file (as --source) or a date (as --since).",
)
@click.option(
    "--include-unapproved",
    is_flag=True,
    help="Also closed meetings whose minutes are not yet approved.",
)
@click.option("--title", default=None, help="The site's title.")
@click.option("--licence", default=None, help="Licence of the published data (default: OGL v3).")
@click.option("--licence-url", default=None, help="Where the licence is published.")
@click.option("--serve", is_flag=True, help="Serve the folder with Datasette on 127.0.0.1.")
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=8001,
    show_default=True,
    help="Port to serve on.",
)
@click.pass_context
def publish(ctx: click.Context, **given: Any) -> None:
    """Publish the public record as a searchable site (Datasette); prints a summary.

    \b
    minuteterm publish -o site/                      approved minutes of --db
    minuteterm publish -o site/ --source a.db --source b.db   merged
    minuteterm publish site/ --serve --port 8001     serve what is there
    """
    try:
        _run(ctx, Given(**given))
    except PublishError as error:
        raise click.ClickException(str(error)) from None


@dataclass(frozen=True)
class Given:
    """The command's options, as typed."""

    directory: Path | None
    db: Path | None
    output: Path | None
    sources: tuple[Path, ...]
    committees: tuple[str, ...]
    since: str | None
    from_values: tuple[str, ...]
    include_unapproved: bool
    title: str | None
    licence: str | None
    licence_url: str | None
    serve: bool
    port: int


def _run(ctx: click.Context, given: Given) -> None:
    from minuteterm.publishing.config import OGL, OGL_URL
    from minuteterm.publishing.publish import PublishOptions
    from minuteterm.publishing.publish import publish as publish_folder
    from minuteterm.publishing.serve import INSTALL_HINT, datasette_installed
    from minuteterm.publishing.serve import serve as serve_folder

    folder = _folder(given.directory, given.output)
    if given.serve and not datasette_installed():
        raise PublishError(INSTALL_HINT)
    from_sources, from_dates = _split_from(given.from_values)
    dates = ([given.since] if given.since else []) + from_dates
    if len(dates) > 1:
        raise PublishError("give one date to publish from (--since DATE)")
    building = given.output is not None or not given.serve
    if building:
        options = PublishOptions(
            sources=_sources(ctx, given.db, [*given.sources, *from_sources]),
            committees=given.committees,
            since=_date(dates[0], "--since") if dates else None,
            include_unapproved=given.include_unapproved,
            title=given.title,
            licence=given.licence or OGL,
            licence_url=given.licence_url if given.licence_url or given.licence else OGL_URL,
        )
        done = publish_folder(folder, options)
        merged = f"; {done.duplicates} found in more than one source" if done.duplicates else ""
        click.echo(
            f"published {done.meetings} meeting(s) of {done.committees} committee(s)"
            f" to {done.folder}{merged}"
        )
    if given.serve:
        serve_folder(folder, given.port)
