"""The full-text index: SQLite FTS5 tables over entries, agenda item titles,
actions and action-update notes, kept in step by triggers.

Each index is an *external-content* FTS5 table (the words are stored once,
in the source table; the index holds only the postings) with insert, update
and delete triggers on its source. A trigger runs inside the statement that
fired it, so the index changes in the same transaction as every write,
whichever code path made it: capture, edit, delete, undo, the action
sheet, a restore, a script. Entries are soft-deleted (``deleted_at``): only
live entries are indexed, so a deleted entry is not found and an undone
delete is found again.

An existing database gets the index in its schema migration
(:func:`build`), in batches, reporting progress through the callback set by
:func:`reporting` (the command line draws it as a progress bar).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import sqlite_utils

#: Words are folded, accents removed, and English endings stemmed
#: ("inspections" finds "inspection").
TOKENIZE = "porter unicode61 remove_diacritics 2"

#: Word starts kept in the index as well as words, so ``budg*`` (four
#: letters or more) reads one list instead of merging every word it
#: starts: about 10 ms to 0.3 ms for a common prefix on the benchmark
#: archive, for some 70% more index.
PREFIX = "4"

#: How many rows one step of the build indexes before reporting progress.
BATCH = 20_000


class Progress(Protocol):
    """Told how far the index build has got: ``done`` of ``total`` rows."""

    def __call__(self, done: int, total: int) -> None: ...


_progress: ContextVar[Progress | None] = ContextVar("search_index_progress", default=None)


@contextmanager
def reporting(progress: Progress | None) -> Iterator[None]:
    """Within the block, an index build reports to ``progress``."""
    token = _progress.set(progress)
    try:
        yield
    finally:
        _progress.reset(token)


#: Starts every scope word: a private-use character, which the tokenizer
#: keeps in a word but a search never holds (it is taken out of queries),
#: so no typed word can find a scope word.
SCOPE_MARK = "\ue000"


def scope(committee: str, starts_at: str) -> str:
    """SQL for a row's *scope* words, indexed beside its text so that a
    committee or year filter narrows the search inside FTS5 rather than
    after it: ``c17 y2020`` (committee id, and the meeting's year as
    stored, in UTC), each after :data:`SCOPE_MARK`."""
    mark = SCOPE_MARK
    return f"'{mark}c' || {committee} || ' {mark}y' || substr({starts_at}, 1, 4)"


_MEETING_OF_ITEM = (
    "(select {what} from agenda_items si join meetings sm on sm.id = si.meeting_id"
    " where si.id = {item})"
)


def _entry_scope(row: str) -> str:
    item = f"{row}.item_id"
    return scope(
        _MEETING_OF_ITEM.format(what="sm.committee_id", item=item),
        _MEETING_OF_ITEM.format(what="sm.starts_at", item=item),
    )


def _item_scope(row: str) -> str:
    meeting = "(select {what} from meetings sm where sm.id = " + row + ".meeting_id)"
    return scope(meeting.format(what="sm.committee_id"), meeting.format(what="sm.starts_at"))


def _note_scope(row: str) -> str:
    item = f"(select sa.item_id from entries sa where sa.id = {row}.action_id)"
    return scope(
        _MEETING_OF_ITEM.format(what="sm.committee_id", item=item),
        _MEETING_OF_ITEM.format(what="sm.starts_at", item=item),
    )


@dataclass(frozen=True)
class Source:
    """One index: its source table and key, the columns indexed, the
    condition a row must meet to be indexed (SQL over ``{row}``), the
    source columns whose change must reach it, and its scope words."""

    table: str
    key: str
    columns: tuple[str, ...]
    live: str
    watched: tuple[str, ...]
    scope: Callable[[str], str] | None = None

    def values(self, row: str) -> str:
        """SQL for the rowid and indexed values of ``row`` (old or new)."""
        values = [f"{row}.{self.key}"] + [f"{row}.{column}" for column in self.columns]
        if self.scope is not None:
            values.append(self.scope(row))
        return ", ".join(values)

    @property
    def names(self) -> str:
        """The FTS table's columns."""
        return ", ".join(self.columns + (("scope",) if self.scope else ()))


SOURCES: dict[str, Source] = {
    "search_entries": Source(
        "entries",
        "id",
        ("text", "speaker"),
        "{row}.deleted_at is null",
        ("text", "speaker", "item_id", "deleted_at"),
        _entry_scope,
    ),
    "search_items": Source(
        "agenda_items", "id", ("title",), "1", ("title", "meeting_id"), _item_scope
    ),
    # The action sheet's text filter: the action, its owner, its latest note.
    "search_actions": Source(
        "actions",
        "entry_id",
        ("description", "owner", "status_note"),
        "1",
        ("description", "owner", "status_note"),
    ),
    # Notes typed on the action sheet; an update typed in a meeting is an entry.
    "search_notes": Source(
        "action_updates",
        "id",
        ("note",),
        "{row}.note != '' and {row}.entry_id is null",
        ("note", "entry_id", "action_id"),
        _note_scope,
    ),
}


def _parents(source: Source, row: str) -> str:
    """SQL: the row's meeting (and item) still exist, so its scope words can
    be worked out; when a whole item or meeting is deleted its rows leave
    the index before it goes (see :func:`_removals`)."""
    return "1" if source.scope is None else f"{source.scope(row)} is not null"


def _content(name: str) -> str:
    """The table (or, with scope words, the view) FTS5 reads words back from."""
    source = SOURCES[name]
    if source.scope is None:
        return source.table
    return f"{name}_content"


def _schema(name: str) -> str:
    """The FTS table (and its content view) and the triggers that keep it in step."""
    source = SOURCES[name]
    old_live, new_live = source.live.format(row="old"), source.live.format(row="new")
    view = ""
    if source.scope is not None:
        view = f"""create view if not exists {name}_content as select {source.key},
            {", ".join(source.columns)}, '' as scope from {source.table};"""
    return f"""
    {view}
    create virtual table if not exists {name} using fts5(
        {source.names}, content='{_content(name)}', content_rowid='{source.key}',
        tokenize='{TOKENIZE}', prefix='{PREFIX}');
    create trigger if not exists {name}_insert after insert on {source.table}
    when {new_live} begin
        insert into {name}(rowid, {source.names}) values ({source.values("new")});
    end;
    create trigger if not exists {name}_delete after delete on {source.table}
    when {old_live} and {_parents(source, "old")} begin
        insert into {name}({name}, rowid, {source.names})
            values ('delete', {source.values("old")});
    end;
    create trigger if not exists {name}_update after update of {", ".join(source.watched)}
    on {source.table} begin
        insert into {name}({name}, rowid, {source.names})
            select 'delete', {source.values("old")} where {old_live};
        insert into {name}(rowid, {source.names})
            select {source.values("new")} where {new_live};
    end;
    """


#: For each index with scope words: the alias of its rows, and which of
#: them belong to meeting ``{row}.id`` (``old`` or ``new``).
_MEETING_ROWS = {
    "search_entries": (
        "e",
        "from entries e join agenda_items i on i.id = e.item_id"
        " where i.meeting_id = {row}.id and e.deleted_at is null",
    ),
    "search_items": ("i", "from agenda_items i where i.meeting_id = {row}.id"),
    "search_notes": (
        "u",
        "from action_updates u join entries e on e.id = u.action_id"
        " join agenda_items i on i.id = e.item_id"
        " where i.meeting_id = {row}.id and u.note != '' and u.entry_id is null",
    ),
}


def _meeting_moves() -> str:
    """A trigger for a meeting given another committee or date: its rows'
    scope words change, so they are indexed again (old words out, new in)."""
    statements = []
    for row in ("old", "new"):
        for name, (alias, rows) in _MEETING_ROWS.items():
            source = SOURCES[name]
            values = [f"{alias}.{source.key}"] + [f"{alias}.{c}" for c in source.columns]
            values.append(scope(f"{row}.committee_id", f"{row}.starts_at"))
            into = f"{name}({name}, rowid, {source.names})" if row == "old" else ""
            into = into or f"{name}(rowid, {source.names})"
            delete = "'delete', " if row == "old" else ""
            statements.append(
                f"insert into {into} select {delete}{', '.join(values)} {rows.format(row=row)};"
            )
    body = "\n        ".join(statements)
    return f"""
    create trigger if not exists search_meeting_moves
    after update of committee_id, starts_at on meetings
    when old.committee_id != new.committee_id or old.starts_at != new.starts_at begin
        {body}
    end;
    """


def _removal(name: str, rows: str, row: str) -> str:
    """A statement taking the index rows ``rows`` of ``name`` out, their scope
    worked out from the meeting ``row`` (old: still there, being deleted)."""
    source = SOURCES[name]
    alias = _MEETING_ROWS[name][0]
    values = [f"{alias}.{source.key}"] + [f"{alias}.{c}" for c in source.columns]
    values.append(scope(f"{row}.committee_id", f"{row}.starts_at"))
    return (
        f"insert into {name}({name}, rowid, {source.names}) select 'delete', "
        f"{', '.join(values)} {rows};"
    )


def _with_meeting(rows: str) -> str:
    """``rows`` (of the item ``old``) joined to the item's meeting, ``im``."""
    return rows.replace("from ", "from meetings im, ", 1) + " and im.id = old.meeting_id"


def _removals() -> str:
    """Triggers for a hard delete (nothing deletes today, but a cascade
    must not leave the index out of step): a meeting takes its items'
    rows out before it goes, an item its entries' and their actions'
    notes, an action entry its notes; once a row's meeting is gone its own
    delete trigger has nothing left to do."""
    meeting = " ".join(
        _removal(name, rows.format(row="old"), "old") for name, (_a, rows) in _MEETING_ROWS.items()
    )
    in_item = {
        "search_entries": "from entries e where e.item_id = old.id and e.deleted_at is null",
        "search_notes": "from action_updates u join entries e on e.id = u.action_id"
        " where e.item_id = old.id and u.note != '' and u.entry_id is null",
    }
    item = " ".join(_removal(name, _with_meeting(rows), "im") for name, rows in in_item.items())
    notes = (
        "from action_updates u, agenda_items ai join meetings am on am.id = ai.meeting_id"
        " where u.action_id = old.id and ai.id = old.item_id and u.note != ''"
        " and u.entry_id is null"
    )
    return f"""
    create trigger if not exists search_meeting_deleted before delete on meetings begin
        {meeting}
    end;
    create trigger if not exists search_item_deleted before delete on agenda_items begin
        {item}
    end;
    create trigger if not exists search_entry_deleted before delete on entries begin
        {_removal("search_notes", notes, "am")}
    end;
    """


def create(db: sqlite_utils.Database) -> None:
    """Make the index tables and their triggers (empty; see :func:`build`)."""
    for name in SOURCES:
        db.executescript(_schema(name))
    db.executescript(_meeting_moves())
    db.executescript(_removals())


def _fill(db: sqlite_utils.Database, name: str, report: Callable[[int], None]) -> None:
    """Index every row of one source that should be, in batches by key."""
    source = SOURCES[name]
    db.execute(f"insert into {name}({name}) values ('delete-all')")
    last = -(2**63)
    while True:
        row = db.execute(
            f"select max({source.key}), count(*) from (select {source.key} from"
            f" {source.table} where {source.key} > ? order by {source.key} limit ?)",
            [last, BATCH],
        ).fetchone()
        if not row[1]:
            return
        db.execute(
            f"insert into {name}(rowid, {source.names}) select {source.values('t')}"
            f" from {source.table} t where t.{source.key} > ? and t.{source.key} <= ?"
            f" and {source.live.format(row='t')}",
            [last, row[0]],
        )
        last = row[0]
        report(row[1])


def build(db: sqlite_utils.Database) -> None:
    """Make the index and index every existing row, inside the caller's
    transaction (the migration's), reporting progress as it goes."""
    create(db)
    progress = _progress.get()
    total = sum(
        db.execute(f"select count(*) from {SOURCES[name].table}").fetchone()[0] for name in SOURCES
    )
    done = 0

    def report(count: int) -> None:
        nonlocal done
        done += count
        if progress is not None:
            progress(done, total)

    if progress is not None:
        progress(0, total)
    for name in SOURCES:
        _fill(db, name, report)
    for name in SOURCES:
        db.execute(f"insert into {name}({name}) values ('optimize')")
