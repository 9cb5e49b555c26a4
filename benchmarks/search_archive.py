"""Archive search over the benchmark archive: search, history, the index's
cost per commit, its size, and how long an upgrade takes to build it.

Run ``.venv/bin/python benchmarks/search_archive.py [--archive PATH] [--runs N]``.
Search: a fixed set of queries (a common word, a rare word, a phrase, a
prefix, an OR, an exclusion, two words, a speaker), each without filters,
with a committee, with a year, and with both; target p95 <= 50 ms over all
of them. History: a subject in every meeting, one in a few, one in none;
target p95 <= 100 ms. Index cost: ``Store.add_entry`` on a copy with and
without the index's triggers; target: the difference of medians <= 1 ms.
Index size and the build (as an upgrade does it) are reported.
"""

from __future__ import annotations

import sqlite3
import time
from datetime import date

from benchlib import archive_copy, arguments, live_meeting, report, verdict_line

from minuteterm.db import search_index as index
from minuteterm.db.store import open_store
from minuteterm.model import EntryKind
from minuteterm.recording.entries import add_entry
from minuteterm.search.history import history
from minuteterm.search.query import SearchFilter, search

FILTERS = {
    "no filter": SearchFilter(),
    "committee": SearchFilter(committee="Harbour"),
    "year": SearchFilter(date_from=date(2020, 1, 1), date_to=date(2020, 12, 31)),
    "committee + year": SearchFilter(
        committee="Planning", date_from=date(2022, 4, 1), date_to=date(2023, 3, 31)
    ),
}


def rare_word(conn: sqlite3.Connection) -> str:
    """The archive's least common indexed word (not a scope word)."""
    conn.execute(
        "create virtual table if not exists temp.vocab using fts5vocab(main, search_entries, row)"
    )
    (term,) = conn.execute(
        "select term from temp.vocab where term not glob 'c[0-9]*' and term not glob 'y[0-9]*'"
        " order by doc, term limit 1"
    ).fetchone()
    return str(term)


def speaker(conn: sqlite3.Connection) -> str:
    (name,) = conn.execute(
        "select speaker from entries where speaker is not null order by id limit 1"
    ).fetchone()
    return str(name).split()[-1]


def search_queries(conn: sqlite3.Connection) -> list[str]:
    return [
        "report",
        rare_word(conn),
        '"harbour footpath"',
        "budg*",
        "report OR review",
        "pontoon -harbour",
        "harbour footpath",
        speaker(conn),
        "zzyzx",  # nothing found
        '"unbalanced NEAR(',  # hostile
    ]


def bench_search(conn: sqlite3.Connection, runs: int) -> None:
    queries = search_queries(conn)
    samples = []
    for text in queries:
        for label, chosen in FILTERS.items():
            mine = []
            hits = 0
            for _ in range(runs):
                started = time.perf_counter()
                hits = len(search(conn, text, chosen).hits)
                mine.append(1000 * (time.perf_counter() - started))
            samples += mine
            report(f"search {text[:18]!r} {label} ({hits} shown)", mine, None)
    report(f"search, {len(queries)} queries x {len(FILTERS)} filters", samples, 50.0, figure="p95")


def bench_history(conn: sqlite3.Connection, runs: int) -> None:
    (rare_title,) = conn.execute(
        "select title from agenda_items where standing is null"
        " group by title order by count(*), title limit 1"
    ).fetchone()
    samples = []
    for subject in ("Budget monitoring", "Climate emergency action plan", rare_title, "zzyzx"):
        mine = []
        for _ in range(runs):
            started = time.perf_counter()
            story = history(conn, subject)
            mine.append(1000 * (time.perf_counter() - started))
        samples += mine
        report(f"history {subject[:24]!r} ({story.total} items)", mine, None)
    report("history, 4 subjects", samples, 100.0, figure="p95")


def bench_size(conn: sqlite3.Connection) -> None:
    (size,) = conn.execute("select sum(pgsize) from dbstat where name like 'search%'").fetchone()
    (whole,) = conn.execute(
        "select page_count * page_size from pragma_page_count(), pragma_page_size()"
    ).fetchone()
    print(f"index size: {size / 1e6:.1f} MB of a {whole / 1e6:.1f} MB file")


def _drop_index(conn: sqlite3.Connection) -> None:
    names = conn.execute(
        "select type, name from sqlite_master where name like 'search%'"
        " and type in ('trigger', 'view', 'table') and sql is not null"
        " and (type != 'table' or sql like 'create virtual%')"
    ).fetchall()
    for kind, name in names:
        conn.execute(f"drop {kind} if exists {name}")
    conn.commit()


def bench_commit_and_build(path, runs: int) -> None:
    with archive_copy(path) as copy:
        store = open_store(copy)
        items = store.items(live_meeting(store))
        timings = {}
        for n in range(50):  # warm the cache first, so neither run pays for it
            add_entry(store, items[n % len(items)].id, EntryKind.NOTE, f"Warm-up line {n}.")
        for label in ("with the index", "without the index"):
            samples = []
            for n in range(runs):
                started = time.perf_counter()
                add_entry(
                    store,
                    items[n % len(items)].id,
                    EntryKind.NOTE,
                    f"Cllr Smith asked about the pontoon repairs, point {n}; officers to report.",
                    speaker="Cllr Smith",
                )
                samples.append(1000 * (time.perf_counter() - started))
            report(f"commit one entry, {label}", samples, None)
            timings[label] = sorted(samples)[len(samples) // 2]
            if label == "with the index":
                _drop_index(store.conn)
        verdict_line(
            "index cost per commit (difference of medians)",
            timings["with the index"] - timings["without the index"],
            1.0,
            "ms",
        )
        import sqlite_utils

        db = sqlite_utils.Database(store.conn)
        started = time.perf_counter()
        with db.atomic():
            index.build(db)
        report(
            "index build (as an upgrade does it)", [1000 * (time.perf_counter() - started)], None
        )
        store.close()


def main() -> None:
    args = arguments(__doc__.splitlines()[0], runs=5)
    store = open_store(args.archive)
    conn = store.conn
    bench_size(conn)
    bench_search(conn, args.runs)
    bench_history(conn, args.runs)
    store.close()
    bench_commit_and_build(args.archive, max(args.runs * 40, 200))


if __name__ == "__main__":
    main()
