"""Is a file's schema the one our migrations make? Checked on every open and
before a restore, so a database changed outside MinuteTerm (a column
renamed or dropped, a trigger that deletes new entries, our search-index
or confidential-flag triggers altered) is refused in one line, untouched,
instead of failing half-way or reporting a line saved that was not.

The file's shape is read in one query over ``sqlite_master`` and
``pragma_table_info``: each table with its columns, each index, trigger and
view with its SQL (SQLite's own ``sqlite_*`` objects aside). It is compared
with the shape the migrations make for the file's ``user_version``. For the
current version that is a digest kept here (:data:`CURRENT_DIGEST`, held
current by a unit test), so a sound file is checked without building
anything; otherwise, or when the digest differs, the expected shape is
built by running the migrations on an empty database in memory and the
first difference is named.
"""

from __future__ import annotations

import hashlib
import sqlite3
from functools import cache
from pathlib import Path

from minuteterm.db.schema import MIGRATIONS, SchemaError

#: The digest of :func:`expected_shape` at the current schema version.
CURRENT_DIGEST = "ef54633a80cc59b41b5152f5970ef2a0"

#: A shape: (kind, name) -> the table's columns, or the object's SQL.
Shape = dict[tuple[str, str], str]

_SHAPE_QUERY = """
select m.type, m.name, m.sql, p.name
from sqlite_master m left join pragma_table_info(m.name) p on m.type = 'table'
where m.name not like 'sqlite\\_%' escape '\\'
"""


def shape(conn: sqlite3.Connection) -> Shape:
    """The schema of the database ``conn`` has open, as a :data:`Shape`.
    Raises :class:`sqlite3.DatabaseError` for a file SQLite cannot read."""
    columns: dict[str, list[str]] = {}
    found: Shape = {}
    for kind, name, sql, column in conn.execute(_SHAPE_QUERY):
        if kind == "table":
            columns.setdefault(name, [])
            if column is not None:
                columns[name].append(column)
        else:
            found[(kind, name)] = " ".join((sql or "").split())
    for table, names in columns.items():
        found[("table", table)] = ", ".join(sorted(names))
    return found


def digest(found: Shape) -> str:
    """A short fingerprint of a shape."""
    text = "\n".join(f"{kind} {name}: {detail}" for (kind, name), detail in sorted(found.items()))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@cache
def expected_shape(version: int) -> Shape:
    """The shape the first ``version`` migrations make, built in memory."""
    import sqlite_utils

    conn = sqlite3.connect(":memory:")
    try:
        db = sqlite_utils.Database(conn)
        for migration in MIGRATIONS[:version]:
            with db.atomic():
                migration(db)
        return shape(conn)
    finally:
        conn.close()


def check_shape(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse (:class:`~minuteterm.db.schema.SchemaError`) a MinuteTerm
    database whose schema is not what its version's migrations make. A new,
    empty file (version 0) and a newer one (refused elsewhere) pass."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if not 0 < version <= len(MIGRATIONS):
        return
    try:
        found = shape(conn)
    except sqlite3.DatabaseError as error:
        raise SchemaError(f"{path} cannot be read as a MinuteTerm database ({error})") from None
    if version == len(MIGRATIONS) and digest(found) == CURRENT_DIGEST:
        return
    current = len(MIGRATIONS)
    later = expected_shape(current) if version < current else None
    problem = difference(expected_shape(version), found, later)
    if problem:
        raise SchemaError(f"{path} has been changed outside MinuteTerm: {problem}")


def difference(expected: Shape, found: Shape, later: Shape | None = None) -> str | None:
    """The first way ``found`` differs from ``expected``, in words. For a
    file of an older version, what a later migration makes (``later``, the
    current shape) is allowed too: such migrations are safe to run again."""
    allowed = later or {}
    for key in sorted(expected):
        if key not in found:
            return f"its {key[0]} {key[1]} is missing"
        problem = _compare(key, expected[key], found[key], allowed.get(key))
        if problem:
            return problem
    for key in sorted(set(found) - set(expected)):
        if key not in allowed or _compare(key, allowed[key], found[key], None):
            return f"it has a {key[0]} {key[1]} that MinuteTerm does not make"
    return None


def _compare(key: tuple[str, str], wanted: str, have: str, later: str | None) -> str | None:
    """How one object differs from what is wanted (or what comes later)."""
    kind, name = key
    if have in (wanted, later):
        return None
    if kind != "table":
        return f"its {kind} {name} has been altered"
    columns = set(have.split(", "))
    if missing := sorted(set(wanted.split(", ")) - columns):
        return f"table {name} has no column {missing[0]}"
    known = set(wanted.split(", ")) | set((later or "").split(", "))
    if extra := sorted(columns - known):
        return f"table {name} has a column {extra[0]} MinuteTerm does not make"
    return None
