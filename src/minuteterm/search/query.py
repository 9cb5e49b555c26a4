"""Run a search over the archive and return what a clerk needs to find
the minute: meeting date, committee, minute (or item) number and title,
kind, and a snippet with the words found marked.

Ranking: FTS5's bm25, the exact phrase first. Ranking every hit of a very
common word costs more than a keystroke can wait (over 50 ms for 100,000
hits on the benchmark archive), so the newest :data:`WINDOW` hits of each
index (newest by when they were recorded) are ranked, and the results say
so (:attr:`Results.order`). A query with fewer hits has them all ranked.

The store's connection is only read here; the words of the query are
turned into FTS5 syntax by :mod:`.words`, so no input can raise.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import pendulum

from minuteterm import clock
from minuteterm.clock import moment
from minuteterm.dates import in_zone
from minuteterm.db.confidentiality import entry_confidential, note_confidential
from minuteterm.db.search_index import SCOPE_MARK
from minuteterm.search.results import MARK_END, MARK_START, Hit, Results
from minuteterm.search.words import Query, parse_query

#: How many of the newest hits of each index are ranked by relevance.
WINDOW = 300

#: The kinds a search can be narrowed to (``--kind``).
KINDS = ("note", "question", "response", "action", "resolution", "item")

#: Words of the snippet around the words found.
SNIPPET_WORDS = 24


@dataclass(frozen=True)
class SearchFilter:
    """Which part of the archive to search. Empty fields do not narrow."""

    committee: str = ""
    date_from: date | None = None
    date_to: date | None = None
    kinds: frozenset[str] = frozenset()
    public: bool = False
    limit: int = 20


@dataclass(frozen=True)
class _Source:
    """One index and how its rows reach a meeting."""

    kinds: frozenset[str]
    fts: str
    columns: str
    weights: str
    joins: str
    kind_sql: str
    confidential: str
    extra: str = ""


_ENTRY_JOINS = """join entries e on e.id = f.rowid
    join agenda_items i on i.id = e.item_id join meetings m on m.id = i.meeting_id"""

SOURCES: dict[str, _Source] = {
    "entries": _Source(
        frozenset({"note", "question", "response", "action", "resolution"}),
        "search_entries",
        "text speaker",
        "1.0, 0.5, 0.0",
        _ENTRY_JOINS,
        "e.kind",
        entry_confidential("e", "i"),
        "and e.deleted_at is null",
    ),
    "items": _Source(
        frozenset({"item"}),
        "search_items",
        "title",
        "2.0, 0.0",
        "join agenda_items i on i.id = f.rowid join meetings m on m.id = i.meeting_id",
        "'item'",
        "0",
    ),
    "notes": _Source(
        frozenset({"action"}),
        "search_notes",
        "note",
        "1.0, 0.0",
        """join action_updates u on u.id = f.rowid join entries e on e.id = u.action_id
        join agenda_items i on i.id = e.item_id join meetings m on m.id = i.meeting_id""",
        "'action_update'",
        note_confidential("u"),
        "and u.entry_id is null and e.deleted_at is null",
    ),
}


def _bounds(chosen: SearchFilter) -> tuple[str | None, str | None]:
    """The local days asked for as stored (UTC) bounds of ``starts_at``."""
    zone = clock.local_zone()

    def start(day: date) -> str:
        local = pendulum.instance(datetime.combine(day, time()), tz=zone)
        return local.in_tz("UTC").isoformat()

    low = start(chosen.date_from) if chosen.date_from else None
    high = start(chosen.date_to + timedelta(days=1)) if chosen.date_to else None
    return low, high


def _years(conn: sqlite3.Connection, low: str | None, high: str | None) -> list[str]:
    """The years (as stored, UTC) the date range touches, if it narrows
    the archive at all."""
    first, last = conn.execute("select min(starts_at), max(starts_at) from meetings").fetchone()
    if first is None:
        return []
    start = int((low or first)[:4])
    end = int(high[:4]) - (high[4:10] == "-01-01" and high[11:19] == "00:00:00") if high else 0
    end = end or int(last[:4])
    if start <= int(first[:4]) and end >= int(last[:4]):
        return []
    return [str(year) for year in range(start, end + 1)][:50] or ["0"]


def _committees(conn: sqlite3.Connection, text: str) -> list[int]:
    """Ids of the committees whose name holds ``text``."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = conn.execute("select id from committees where name like ? escape '\\'", [f"%{escaped}%"])
    return [row[0] for row in rows]


def _any(prefix: str, values: Iterable[object]) -> str:
    """An FTS5 clause: the scope holds one of these words."""
    words = " OR ".join(f'"{SCOPE_MARK}{prefix}{value}"' for value in values)
    return f"scope : ({words})"


@dataclass(frozen=True)
class _Plan:
    """The filter, made ready once for every index it is run on."""

    chosen: SearchFilter
    committees: list[int] | None
    years: list[str]
    low: str | None
    high: str | None


def _plan(conn: sqlite3.Connection, chosen: SearchFilter) -> _Plan:
    low, high = _bounds(chosen)
    committee = chosen.committee.strip()
    committees = _committees(conn, committee) if committee else None
    return _Plan(chosen, committees, _years(conn, low, high), low, high)


def _kinds(source: _Source, chosen: SearchFilter) -> list[str]:
    """The entry kinds asked for (none: every kind); an action's updates
    are found with it."""
    if not chosen.kinds or source is not SOURCES["entries"]:
        return []
    kinds = sorted(chosen.kinds & source.kinds)
    return kinds + (["action_update"] if "action" in kinds else [])


def _expression(source: _Source, words: str, plan: _Plan) -> str:
    """The FTS5 expression: the words in the indexed text, within the scope."""
    parts = [f"({words})"]  # a typed word never finds a scope word (see SCOPE_MARK)
    if plan.committees is not None:
        parts.append(_any("c", plan.committees))
    if plan.years:
        parts.append(_any("y", plan.years))
    return " AND ".join(parts)


def _where(source: _Source, plan: _Plan) -> tuple[str, dict[str, Any]]:
    """The conditions FTS5 cannot check: exact dates, confidentiality."""
    clauses = [source.extra] if source.extra else []
    params: dict[str, Any] = {}
    if kinds := _kinds(source, plan.chosen):
        clauses.append(f"and e.kind in ({', '.join(repr(kind) for kind in kinds)})")
    if plan.low:
        clauses.append("and m.starts_at >= :low")
        params["low"] = plan.low
    if plan.high:
        clauses.append("and m.starts_at < :high")
        params["high"] = plan.high
    if plan.chosen.public:
        clauses.append(f"and not {source.confidential}")
    return " ".join(clauses), params


def _sources(chosen: SearchFilter) -> list[str]:
    if not chosen.kinds:
        return list(SOURCES)
    return [name for name, source in SOURCES.items() if source.kinds & chosen.kinds]


def _window(
    conn: sqlite3.Connection, name: str, words: str, plan: _Plan, scored: bool = True
) -> list[tuple[int, float]]:
    """The newest :data:`WINDOW` hits of one index, each with its bm25 score;
    unscored (0.0), only the newest ``limit`` hits.

    The hits are found first (filters and all), then scored by a second
    query over the words alone within the hits' rowid range: bm25 weighs
    each phrase of its query by how rare it is in the whole index, which
    for a committee or year filter would mean reading that filter's
    postings too, for a weight that orders nothing."""
    source = SOURCES[name]
    where, params = _where(source, plan)
    size = WINDOW if scored else plan.chosen.limit
    sql = f"""select f.rowid from {source.fts} f {source.joins}
        where {source.fts} match :q {where} order by f.rowid desc limit {size}"""
    ids = [row[0] for row in conn.execute(sql, {"q": _expression(source, words, plan), **params})]
    if not scored or not ids:
        return [(rowid, 0.0) for rowid in ids]
    scores = conn.execute(
        f"""select rowid, bm25({source.fts}, {source.weights}) from {source.fts}
        where {source.fts} match ? and rowid between ? and ?
        and +rowid in (select value from json_each(?))""",
        [words, ids[-1], ids[0], json.dumps(ids)],
    )
    return list(scores)


def _details(
    conn: sqlite3.Connection, name: str, expression: str, ids: Iterable[int]
) -> dict[int, Hit]:
    """The hits of one index, ready to show, by rowid."""
    source = SOURCES[name]
    chosen = sorted(ids)
    marks = f"'{MARK_START}', '{MARK_END}'"
    if name == "items":
        text, speaker, entry = f"highlight({source.fts}, 0, {marks})", "null", "null"
    else:
        text = f"snippet({source.fts}, 0, {marks}, '…', {SNIPPET_WORDS})"
        speaker = f"highlight({source.fts}, 1, {marks})" if name == "entries" else "null"
        entry = "e.id" if name == "entries" else "u.action_id"
    sql = f"""select f.rowid as id, {source.kind_sql} as kind, {text} as snippet,
        {speaker} as speaker, {entry} as entry_id, {source.confidential} as confidential,
        i.id as item_id, coalesce(i.minute_number, i.number) as reference, i.title,
        i.exempt, m.id as meeting_id, m.starts_at, c.name as committee, m.time_zone
        from {source.fts} f {source.joins} join committees c on c.id = m.committee_id
        where {source.fts} match ? and f.rowid in ({", ".join("?" * len(chosen))})"""
    found = {}
    for row in conn.execute(sql, [expression, *chosen]):
        found[row[0]] = Hit(
            kind=row[1],
            snippet=row[2],
            speaker=row[3] or None,
            entry_id=row[4],
            confidential=bool(row[5]),
            item_id=row[6],
            reference=row[7],
            title=row[8],
            exempt_item=bool(row[9]),
            meeting_id=row[10],
            starts_at=in_zone(moment(row[11]) or clock.now(), row[13]),
            committee=row[12],
        )
    return found


def _best(
    conn: sqlite3.Connection, query: Query, plan: _Plan
) -> tuple[list[tuple[str, int]], bool]:
    """Every hit ranked, best first, as (index, rowid); and whether some
    index had more hits than were ranked. The newest hits holding the words
    as one exact phrase come first (as many as are shown); then by bm25;
    then newest first."""
    phrase = query.phrase()
    order: dict[tuple[str, int], tuple[int, float, int]] = {}
    full = False
    for name in _sources(plan.chosen):
        hits = _window(conn, name, query.fts(), plan)
        full = full or len(hits) >= WINDOW
        for rowid, score in hits:
            order[(name, rowid)] = (1, score, -rowid)
        if phrase:
            for rowid, _score in _window(conn, name, phrase, plan, scored=False):
                order[(name, rowid)] = (0, *order.get((name, rowid), (1, 0.0, -rowid))[1:])
    return sorted(order, key=order.__getitem__), full


def search(conn: sqlite3.Connection, text: str, chosen: SearchFilter = SearchFilter()) -> Results:
    """The best hits for what the clerk typed, within the filter."""
    query = parse_query(text)
    expression = query.fts()
    if not expression or chosen.limit <= 0:
        return Results(query=query)
    plan = _plan(conn, chosen)
    if plan.committees == []:
        return Results(query=query)
    best, full = _best(conn, query, plan)
    best = best[: chosen.limit]
    shown: dict[tuple[str, int], Hit] = {}
    for name in SOURCES:
        ids = [rowid for source, rowid in best if source == name]
        if ids:
            for rowid, hit in _details(conn, name, expression, ids).items():
                shown[(name, rowid)] = hit
    hits = [shown[key] for key in best if key in shown]
    return Results(hits, WINDOW if full else None, query)
