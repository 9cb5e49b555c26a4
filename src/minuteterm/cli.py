"""The ``minuteterm`` command: scriptable faces of the same domain functions.

Exit status 0 on success and 2 on bad input, with a one-line message on
stderr; never a traceback. The TUI is imported only by the commands that
open it, so scripted commands start fast.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from minuteterm.launch import (
    BadInput,
    collect_again,
    default_db_path,
    demo_store,
    fail,
    fail_with,
    meeting_store,
    open_db,
    run_app,
    said_created,
)
from minuteterm.model import CAPTURE_KINDS, NAMINGS, QUESTION_STYLES, RESOLUTION_STYLES, EntryKind
from minuteterm.start import OPEN_THE_APP

if TYPE_CHECKING:
    from minuteterm.db.store import Store


def _open(ctx: click.Context) -> Store:
    """The database the command works on, opened (see :func:`open_db`)."""
    return open_db(ctx.obj.get("db"))


def _meeting_id(text: str) -> int:
    if not text.strip().isdigit() or not 0 < int(text) < 2**63:
        raise BadInput(f"{text!r} is not a meeting id (see: minuteterm list)")
    return int(text)


def _text_line(raw: bytes | str, where: str) -> str:
    """A line as text, refusing bytes that are not UTF-8 (rather than
    silently dropping the characters they stood for)."""
    if isinstance(raw, str):
        if any("\udc80" <= char <= "\udcff" for char in raw):
            raise BadInput(f"{where} is not UTF-8 text")
        return raw
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BadInput(f"{where} is not UTF-8 text: save the file as UTF-8") from None


db_option = click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Database file (default: $MINUTETERM_DB or the user data folder).",
)


def _remember_db(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
    ctx.ensure_object(dict)
    if value is not None:
        ctx.obj["db"] = value


sub_db_option = click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    expose_value=False,
    callback=_remember_db,
    help="Database file.",
)


@click.group(invoke_without_command=True)
@db_option
@click.version_option(package_name="minuteterm")
@click.pass_context
def cli(ctx: click.Context, db: Path | None) -> None:
    """MinuteTerm: live meeting minuting for committee clerks.

    With no command, opens the app on the list of meetings.
    """
    ctx.ensure_object(dict)
    if db is not None:
        ctx.obj["db"] = db
    if ctx.invoked_subcommand not in OPEN_THE_APP:
        collect_again()  # held by the entry point for the app's start only
    if ctx.invoked_subcommand is None:
        run_app(_open(ctx), None)


@cli.command(name="open")
@sub_db_option
@click.argument("meeting")
@click.pass_context
def open_command(ctx: click.Context, meeting: str) -> None:
    """Open the app on one meeting."""
    meeting_id = _meeting_id(meeting)
    # the same connection for the app: not opened (and checked) twice
    run_app(meeting_store(ctx.obj.get("db"), meeting_id), meeting_id)


@cli.command()
@sub_db_option
@click.option("--no-open", is_flag=True, help="Only make the demo; print its id.")
@click.pass_context
def demo(ctx: click.Context, no_open: bool) -> None:
    """Make the demo meeting if absent, then open it."""
    if no_open:
        collect_again()
    store, meeting_id = demo_store(ctx.obj.get("db"))
    if no_open:
        store.close()
        click.echo(meeting_id)
    else:
        run_app(store, meeting_id)  # the same connection: not opened (and checked) twice


@cli.command()
@sub_db_option
@click.option("--committee", required=True, help="Committee, board or panel name.")
@click.option("--date", "date_text", required=True, help="Date, e.g. 14/12/2026.")
@click.option("--time", "time_text", default=None, help="Start time, e.g. 18:30.")
@click.option("--venue", default="", help="Where it meets.")
@click.option("--title", default=None, help="Title (default: the committee).")
@click.option(
    "--zone",
    "time_zone",
    default=None,
    help="Time zone it happens in, e.g. Europe/Dublin (default: the committee's).",
)
@click.option(
    "--agenda",
    "agenda_file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Markdown file: a numbered or bulleted list of items.",
)
@click.pass_context
def new(
    ctx: click.Context,
    committee: str,
    date_text: str,
    time_text: str | None,
    venue: str,
    title: str | None,
    time_zone: str | None,
    agenda_file: Path | None,
) -> None:
    """Create a meeting; prints its id. The date and time are read as the
    clock reads where it happens (its committee's zone, or --zone)."""
    from minuteterm.dates import parse_meeting_start, zone_named
    from minuteterm.formal.agenda import read_agenda_file
    from minuteterm.recording.meetings import create_meeting

    zone = zone_named(time_zone) if time_zone is not None else None
    agenda = read_agenda_file(agenda_file) if agenda_file else []
    store = _open(ctx)
    try:
        zone = zone or store.committee_zone(committee)
        starts_at = parse_meeting_start(date_text, time_text, None, zone)
        meeting_id = create_meeting(
            store, committee, starts_at, venue=venue, title=title, agenda=agenda, time_zone=zone
        )
    finally:
        store.close()
    click.echo(meeting_id)


@cli.command(name="list")
@sub_db_option
@click.pass_context
def list_meetings(ctx: click.Context) -> None:
    """Meetings, newest first: id, date, time, committee, status (each
    meeting's date and time as the clock read where it happens; its zone's
    short name when that is not the machine's)."""
    from minuteterm.dates import format_clock_where

    store = _open(ctx)
    try:
        meetings = store.meetings()
        times = [format_clock_where(meeting.starts_at) for meeting in meetings]
        width = max(map(len, times), default=0)  # the status column stays in line
        for meeting, time in zip(meetings, times, strict=True):
            click.echo(
                f"{meeting.id:>5}  {meeting.starts_at:%Y-%m-%d}  {time:<{width}}"
                f"  {meeting.status.value:<8}  {meeting.title}"
            )
    finally:
        store.close()


@cli.command(name="zone")
@sub_db_option
@click.argument("meeting")
@click.argument("time_zone", metavar="ZONE")
@click.pass_context
def zone_command(ctx: click.Context, meeting: str, time_zone: str) -> None:
    """Move a meeting not yet started to another time zone (e.g.
    Europe/Dublin): its start stays the same clock time there."""
    from minuteterm.dates import format_long_date, format_time
    from minuteterm.recording.meetings import change_zone

    store = _open(ctx)
    try:
        moved = change_zone(store, _meeting_id(meeting), time_zone)
    finally:
        store.close()
    start = moved.starts_at
    click.echo(
        f"meeting {moved.id}: {format_long_date(start)} at {format_time(start)}, {moved.time_zone}"
    )


@cli.command()
@sub_db_option
@click.argument("meeting")
@click.argument("line", required=False)
@click.option(
    "--kind",
    type=click.Choice([kind.value for kind in CAPTURE_KINDS]),
    default=EntryKind.NOTE.value,
    help="Kind of a line with no prefix character.",
)
@click.pass_context
def capture(ctx: click.Context, meeting: str, line: str | None, kind: str) -> None:
    """Apply one capture line, or one per line from stdin."""
    from minuteterm.errors import CLERK_ERRORS
    from minuteterm.recording.recorder import Recorder

    store = _open(ctx)
    try:
        recorder = Recorder(store, _meeting_id(meeting))
        if line is not None:
            click.echo(_describe(recorder.apply(_text_line(line, "the line"), EntryKind(kind))))
            return
        refused = 0
        for number, raw in enumerate(_stdin_lines(), start=1):
            try:
                text = _text_line(raw, f"line {number}")
                if not text.strip():
                    continue
                outcome = recorder.apply(text, EntryKind(kind))
            except (*CLERK_ERRORS, BadInput) as error:  # type: ignore[misc]  # mypy#12555
                refused += 1
                click.echo(f"line {number}: refused: {error}", err=True)
                continue
            click.echo(f"line {number}: {_describe(outcome)}")
            sys.stdout.flush()
        if refused:
            raise BadInput(f"{refused} line(s) refused; the others were saved")
    finally:
        store.close()


def _stdin_lines() -> Iterator[bytes]:
    """The lines of standard input, refusing one that is closed or cannot
    be read (a folder, say) in one line."""
    if sys.stdin is None:
        raise BadInput("standard input is closed: give the line, or pipe the lines in")
    try:
        yield from sys.stdin.buffer
    except OSError as error:
        raise BadInput(
            f"cannot read standard input ({error.strerror or error}): pipe the lines in"
        ) from None


def _to_stdout(contents: str | bytes) -> None:
    """``-o -``: the file's contents on standard output, as the file would
    hold them (text without terminal escapes or controls)."""
    from minuteterm.textsafe import printable

    data = printable(contents).encode("utf-8") if isinstance(contents, str) else contents
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _describe(outcome) -> str:  # Outcome -> one line
    suffix = f" (entry {outcome.entry_id})" if outcome.entry_id is not None else ""
    return outcome.message + suffix


@cli.command()
@sub_db_option
@click.argument("meeting")
@click.option("--format", "fmt", required=True, type=click.Choice(["md", "html", "docx"]))
@click.option("--public", is_flag=True, help="Leave out exempt (Part II) discussion.")
@click.option(
    "--theme", default="default", help="HTML theme: default, classic (a folder in themes/)."
)
@click.option(
    "--questions",
    type=click.Choice(QUESTION_STYLES),
    default=None,
    help="Question style (default: the committee's house style).",
)
@click.option(
    "--naming",
    type=click.Choice(NAMINGS),
    default=None,
    help="How members are named (default: the committee's house style).",
)
@click.option(
    "--resolutions",
    type=click.Choice(RESOLUTION_STYLES),
    default=None,
    help="How several resolutions are set out (default: the committee's house style).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="File or folder to write; - for stdout (default: the current folder).",
)
@click.pass_context
def export(
    ctx: click.Context,
    meeting: str,
    fmt: str,
    public: bool,
    theme: str,
    questions: str | None,
    naming: str | None,
    resolutions: str | None,
    output: Path | None,
) -> None:
    """Write the minutes in the committee's house style (or as chosen here);
    prints the path written."""
    from minuteterm.export import write_export
    from minuteterm.recording.record import meeting_record

    store = _open(ctx)
    try:
        record = meeting_record(store, _meeting_id(meeting))
    finally:
        store.close()
    if output == Path("-"):
        from minuteterm.export import render

        _to_stdout(
            render(
                record,
                fmt,
                questions=questions,
                theme=theme,
                public=public,
                naming=naming,
                resolutions=resolutions,
            )
        )
        return
    target = output or Path.cwd()  # a folder gets the default file name
    written = write_export(
        record,
        fmt,
        target,
        questions=questions,
        theme=theme,
        public=public,
        naming=naming,
        resolutions=resolutions,
    )
    click.echo(str(written))


@cli.command()
@sub_db_option
@click.argument("name")
@click.option(
    "--quorum", type=click.IntRange(min=0), default=None, help="Members needed (0: none)."
)
@click.option(
    "--numbering",
    type=click.Choice(["running", "prefixed"]),
    default=None,
    help="Minute numbers: running (620, 621) or prefixed (CYP/4/26).",
)
@click.option("--prefix", default=None, help="Prefix of prefixed minute numbers, e.g. CYP.")
@click.option("--first-minute", type=int, default=None, help="Where running numbers start.")
@click.option(
    "--resolutions",
    type=click.Choice(["numbered", "lettered", "shared-stem", "numbers", "letters"]),
    default=None,
    help="Several resolutions in an item: 1), 2); (a), (b); or under one stem "
    "(That the Board – 1) …; and 2) …).",
)
@click.option(
    "--questions",
    type=click.Choice(QUESTION_STYLES),
    default=None,
    help="House style for questions and answers.",
)
@click.option(
    "--naming",
    type=click.Choice(NAMINGS),
    default=None,
    help="Members as Cllr Priya Lee, Councillor Lee or Councillor Priya Lee.",
)
@click.option(
    "--zone",
    "time_zone",
    default=None,
    help="Time zone its new meetings happen in, e.g. Europe/Dublin (default Europe/London).",
)
@click.option("--forget", "forget", default=None, help="A member who has left the committee.")
@click.pass_context
def committee(
    ctx: click.Context,
    name: str,
    quorum: int | None,
    numbering: str | None,
    prefix: str | None,
    first_minute: int | None,
    resolutions: str | None,
    questions: str | None,
    naming: str | None,
    time_zone: str | None,
    forget: str | None,
) -> None:
    """Show or change a committee's quorum, numbering, house style and time zone."""
    from minuteterm.formal.committees import Settings, describe
    from minuteterm.model import MinuteNumbering
    from minuteterm.recording.settings import change_committee

    settings = Settings(
        quorum=quorum or None,
        no_quorum=quorum == 0,
        numbering=MinuteNumbering(numbering) if numbering else None,
        prefix=prefix,
        first_minute=first_minute,
        resolution_marks=_marks(resolutions),
        shared_stem=None if resolutions is None else resolutions == "shared-stem",
        question_style=questions,
        member_naming=naming,
        time_zone=time_zone,
    )
    store = _open(ctx)
    try:
        click.echo(describe(change_committee(store, name, settings, forget)))
    finally:
        store.close()


def _marks(resolutions: str | None):  # -> ResolutionMarks | None
    """numbered/numbers -> 1), 2); lettered/letters -> (a), (b); a shared
    stem keeps the marks the committee has."""
    from minuteterm.model import ResolutionMarks

    if resolutions in ("numbered", "numbers"):
        return ResolutionMarks.NUMBERS
    if resolutions in ("lettered", "letters"):
        return ResolutionMarks.LETTERS
    return None


_SHEET_FORMATS = ("table", "md", "csv", "html")  # export.action_sheet.SHEET_FORMATS
_SORTS = ("reference", "action", "owner", "due", "status", "update")  # action_sheet.SORTS


def _days(text: str | None) -> int | None:
    if text is None:
        return None
    if not text.strip().isdigit() or int(text) > 36_500:
        raise BadInput(f"--due-within needs a number of days, e.g. --due-within 14 (not {text!r})")
    return int(text)


def _check_committee(store, name: str) -> None:  # store: Store
    """Refuse a --committee that matches no committee, naming the ones there are."""
    if not name.strip():
        return
    names = [row["name"] for row in store.query("select name from committees order by name")]
    if not any(name.strip().casefold() in known.casefold() for known in names):
        known = "; ".join(names) or "none yet"
        raise BadInput(f"no committee matches {name.strip()!r} (committees: {known})")


@cli.command()
@sub_db_option
@click.option(
    "--status",
    type=click.Choice(["open", "done", "dropped", "all"]),
    default="all",
    show_default=True,
    help="Only actions with this status.",
)
@click.option("--overdue", is_flag=True, help="Only open actions past their due date.")
@click.option("--committee", default="", help="Committees whose name contains this.")
@click.option("--owner", default="", help="Owners whose name contains this.")
@click.option("--due-within", "due_within", default=None, help="Open actions due in DAYS.")
@click.option("--search", default="", help="Words in the action, owner or latest update.")
@click.option("--sort", type=click.Choice(_SORTS), default="reference", show_default=True)
@click.option("--format", "fmt", type=click.Choice(_SHEET_FORMATS), default="table")
@click.option("--theme", default="default", help="HTML theme (a folder in themes/).")
@click.option(
    "--public",
    is_flag=True,
    help="The public version: actions raised in exempt (Part II) items left out.",
)
@click.option(
    "-o",
    "--output",
    default=None,
    help="File or folder to write; - for stdout (default: stdout, html: the current folder).",
)
@click.pass_context
def actions(
    ctx: click.Context,
    status: str,
    overdue: bool,
    committee: str,
    owner: str,
    due_within: str | None,
    search: str,
    sort: str,
    fmt: str,
    theme: str,
    public: bool,
    output: str | None,
) -> None:
    """The action sheet: every action across meetings."""
    from minuteterm.actions.sheet import ActionFilter, ActionSheet
    from minuteterm.export.action_sheet import (
        DEFAULT_TITLE,
        PUBLIC_TITLE,
        render_sheet,
        write_sheet,
    )
    from minuteterm.model import ActionStatus

    chosen = ActionFilter(
        committee=committee,
        owner=owner,
        statuses=frozenset() if status == "all" else frozenset({ActionStatus(status)}),
        overdue=overdue,
        due_within=_days(due_within),
        text=search,
        sort=sort,
        limit=None,
        public=public,
    )
    title = PUBLIC_TITLE if public else DEFAULT_TITLE
    store = _open(ctx)
    try:
        _check_committee(store, committee)
        sheet = ActionSheet(store)
        rows, counts = sheet.page(chosen)
    finally:
        store.close()
    if output == "-" or (output is None and fmt != "html"):
        click.echo(render_sheet(rows, counts, fmt, title=title, theme=theme), nl=False)
        return
    target = Path(output).expanduser() if output else Path.cwd()
    click.echo(str(write_sheet(rows, counts, fmt, target, title=title, theme=theme)))


def _db_path(ctx: click.Context) -> Path:
    """The database a command works on, without opening it."""
    path: Path | None = ctx.obj.get("db")
    return path.expanduser() if path is not None else default_db_path()


@cli.command(name="backup")
@sub_db_option
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder, or new file name, to write (default: backups/ next to the database).",
)
@click.pass_context
def backup_command(ctx: click.Context, output: Path | None) -> None:
    """Copy the database safely (checked, never half-written); prints the path."""
    from minuteterm.db.backup import backup_file

    path = _db_path(ctx)
    if not path.exists():
        raise BadInput(f"there is no database at {path} to back up")
    click.echo(str(backup_file(path, output)))


@cli.command(name="restore")
@sub_db_option
@click.argument("backup_path", metavar="PATH", type=click.Path(path_type=Path))
@click.option(
    "--yes", is_flag=True, help="Restore even if it undoes an approval (no question asked)."
)
@click.pass_context
def restore_command(ctx: click.Context, backup_path: Path, yes: bool) -> None:
    """Put a backup in place of the database (which is backed up first).
    Says first which approved minutes the backup holds as not approved,
    and asks (or, in a script, needs --yes)."""
    from minuteterm.db.restore import restore
    from minuteterm.db.restore_check import lost_approvals

    path = _db_path(ctx)
    if ctx.obj.get("db") is None:
        path.parent.mkdir(parents=True, exist_ok=True)
    lost = "; ".join(lost_approvals(backup_path.expanduser(), path))
    if lost and not yes:
        if not sys.stdin.isatty():
            raise BadInput(f"{lost}: restore --yes to go ahead; nothing was changed")
        click.echo(f"{lost}.", err=True)
        if not click.confirm("Restore the backup, making those minutes editable again?"):
            raise BadInput("not restored; nothing was changed")
    done = restore(backup_path, path).message
    click.echo(f"{done} ({lost})" if lost else done)


@cli.group(name="import")
def import_group() -> None:
    """Bring in an agenda from Modern.Gov, or an officer report."""


@import_group.command(name="moderngov")
@sub_db_option
@click.argument("source")
@click.option("--meeting", "meeting_ref", default=None, help="The site's meeting id.")
@click.option("--committee", default=None, help="Committee name (when the XML lacks it).")
@click.option("--committee-id", default=None, help="The site's committee id (with --list).")
@click.option("--list", "list_only", is_flag=True, help="List the committee's meetings.")
@click.option(
    "--timeout",
    type=click.FloatRange(0.1, 300),
    default=None,
    help="Seconds to wait for the site (default: $MINUTETERM_HTTP_TIMEOUT or 20).",
)
@click.pass_context
def import_moderngov(
    ctx: click.Context,
    source: str,
    meeting_ref: str | None,
    committee: str | None,
    committee_id: str | None,
    list_only: bool,
    timeout: float | None,
) -> None:
    """Create a meeting from a Modern.Gov site's agenda (SOURCE: the site's
    address or a saved GetMeeting XML file); prints its id. Importing the
    same meeting again updates it while it is a draft."""
    from minuteterm.importing.agenda_import import import_meeting
    from minuteterm.importing.moderngov import get_meeting, list_meetings

    if list_only:
        if committee_id is not None and not committee_id.strip().isdigit():
            raise BadInput(f"{committee_id!r} is not a committee id")
        for listed in list_meetings(source, committee_id, timeout):
            day = f"{listed.day:%d/%m/%Y}" if listed.day else "??/??/????"
            click.echo(f"{listed.meeting_id:>8}  {day}  {listed.status}")
        return
    if meeting_ref is not None and not meeting_ref.strip().isdigit():
        raise BadInput(f"{meeting_ref!r} is not a Modern.Gov meeting id")
    site, imported = get_meeting(source, meeting_ref and meeting_ref.strip(), timeout)
    store = _open(ctx)
    try:
        meeting_id, outcome = import_meeting(store, site, imported, committee)
    finally:
        store.close()
    click.echo(outcome.message, err=True)
    click.echo(meeting_id)


@import_group.command(name="report")
@sub_db_option
@click.argument("report_file", type=click.Path(path_type=Path))
@click.option("--meeting", "meeting_ref", required=True, help="The meeting's id.")
@click.option("--item", "item_number", required=True, help="The agenda item's number.")
@click.pass_context
def import_report_command(
    ctx: click.Context, report_file: Path, meeting_ref: str, item_number: str
) -> None:
    """Add an officer report's opening note and recommendations (as
    proposed resolutions) to an agenda item."""
    from minuteterm.importing.report_import import import_report

    store = _open(ctx)
    try:
        outcome = import_report(store, _meeting_id(meeting_ref), item_number, report_file)
    finally:
        store.close()
    click.echo(outcome.message)


_RESULT_FORMATS = ("table", "md", "csv", "json")  # export.search.RESULT_FORMATS
_SEARCH_KINDS = ("note", "question", "response", "action", "resolution", "item")


def _day(text: str | None, option: str):  # -> date | None
    """A UK date given to ``option``, or ``None``."""
    if text is None:
        return None
    from minuteterm import clock
    from minuteterm.dates import DateError, parse_date, to_local

    try:
        return parse_date(text, to_local(clock.now()).date())
    except DateError as error:
        raise BadInput(f"{option}: {error}") from None


@cli.command()
@sub_db_option
@click.argument("query")
@click.option("--committee", default="", help="Committees whose name contains this.")
@click.option("--from", "date_from", default=None, help="Meetings on or after, e.g. 01/04/2025.")
@click.option("--to", "date_to", default=None, help="Meetings on or before, e.g. 31/03/2026.")
@click.option(
    "--kind", "kinds", multiple=True, type=click.Choice(_SEARCH_KINDS), help="Only this kind."
)
@click.option("--public", is_flag=True, help="Leave out exempt (Part II) discussion.")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(_RESULT_FORMATS), default="table")
@click.pass_context
def search(
    ctx: click.Context,
    query: str,
    committee: str,
    date_from: str | None,
    date_to: str | None,
    kinds: tuple[str, ...],
    public: bool,
    limit: int,
    fmt: str,
) -> None:
    """Find words in every meeting: best match first."""
    from minuteterm.export.search import render_results
    from minuteterm.search.query import SearchFilter
    from minuteterm.search.query import search as run_search

    chosen = SearchFilter(
        committee=committee,
        date_from=_day(date_from, "--from"),
        date_to=_day(date_to, "--to"),
        kinds=frozenset(kinds),
        public=public,
        limit=limit,
    )
    if chosen.date_from and chosen.date_to and chosen.date_from > chosen.date_to:
        raise BadInput("--from is after --to")
    store = _open(ctx)
    try:
        _check_committee(store, committee)
        results = run_search(store.conn, query, chosen)
    finally:
        store.close()
    click.echo(render_results(results, query, fmt), nl=False)


@cli.command()
@sub_db_option
@click.argument("subject")
@click.option("--public", is_flag=True, help="Leave out exempt (Part II) discussion.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True)
@click.option("--format", "fmt", type=click.Choice(("text", "md", "html")), default="text")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="File to write; - for stdout.",
)
@click.pass_context
def history(
    ctx: click.Context, subject: str, public: bool, limit: int, fmt: str, output: Path | None
) -> None:
    """One subject across meetings of every committee, oldest first."""
    from minuteterm.export.files import write_atomic
    from minuteterm.export.history import render_history
    from minuteterm.search.history import history as story_of

    if not subject.strip():
        raise BadInput('give a subject, e.g. minuteterm history "damp and mould"')
    store = _open(ctx)
    try:
        story = story_of(store.conn, subject, public=public, limit=limit)
    finally:
        store.close()
    text = render_history(story, fmt)
    if output is None or output == Path("-"):
        click.echo(text, nl=False)
        return
    write_atomic(output.expanduser(), text)
    click.echo(str(output))


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: run the CLI, turning every clerk-facing error into one
    line on stderr and exit status 2 (see :func:`minuteterm.launch.fail_with`)."""
    try:
        cli.main(args=list(argv) if argv is not None else None, standalone_mode=False)
    except click.exceptions.Exit as done:
        said_created()
        sys.exit(done.exit_code)
    except click.Abort:
        fail("aborted", 1)
    except click.ClickException as error:
        fail(" ".join(error.format_message().split()), 2)
    except (KeyboardInterrupt, Exception) as error:
        fail_with(error)
    said_created()


from minuteterm.publishing.command import attach as _attach_publish  # noqa: E402

_attach_publish(cli, default_db_path)  # `minuteterm publish`, in its own folder
