"""Build a deterministic synthetic council archive for the benchmarks.

Run ``.venv/bin/python benchmarks/make_archive.py PATH [--scale 1.0]``.

At scale 1.0: 40 committees x 12 meetings a year x 10 years (4,800
meetings), ~15 agenda items and ~100 entries a meeting (~500,000 entries of
60-400 characters: notes, questions, responses linked by ``reply_to``,
actions, resolutions, a few declarations), ~30,000 actions with updates,
and attendance. ``--scale`` multiplies the number of committees (so 0.1 is
4 committees, 480 meetings, ~50,000 entries).

The file is opened with :func:`minuteterm.db.store.open_store` first (so the
schema is the real, migrated one); rows then go in with raw ``executemany``
in a few big transactions. The newest meeting of each committee is left
``live`` (for the benchmarks to open); the rest are approved or closed.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from minuteterm.db.store import open_store

SEED = 20260101
COMMITTEES = 40
YEARS = 10
MEETINGS_PER_YEAR = 12
ITEMS = 15
ENTRIES = 100
ACTIONS_PER_MEETING = 6.25  # 30,000 actions over 4,800 meetings
START_YEAR = 2016

WORDS = [
    "the",
    "council",
    "committee",
    "member",
    "officer",
    "report",
    "budget",
    "resolved",
    "noted",
    "agreed",
    "proposal",
    "planning",
    "application",
    "harbour",
    "pontoon",
    "footpath",
    "housing",
    "grant",
    "tender",
    "contract",
    "review",
    "consultation",
    "residents",
    "parish",
    "ward",
    "highways",
    "drainage",
    "maintenance",
    "allotment",
    "library",
    "leisure",
    "centre",
    "car",
    "park",
    "licence",
    "policy",
    "strategy",
    "quarter",
    "forecast",
    "variance",
    "reserve",
    "capital",
    "revenue",
    "spend",
    "underspend",
    "overspend",
    "risk",
    "register",
    "audit",
    "safeguarding",
    "climate",
    "emergency",
    "biodiversity",
    "transport",
    "bus",
    "route",
    "cycle",
    "lane",
    "school",
    "crossing",
    "flood",
    "defence",
    "asked",
    "whether",
    "when",
    "how",
    "much",
    "officers",
    "confirmed",
    "explained",
    "would",
    "report",
    "back",
    "next",
    "meeting",
    "chair",
    "moved",
    "seconded",
    "vote",
    "carried",
    "unanimously",
    "abstention",
    "declared",
    "interest",
    "pecuniary",
    "minutes",
    "approved",
    "accurate",
    "record",
    "matters",
    "arising",
    "update",
    "delayed",
    "supplier",
    "quotation",
    "costs",
    "increased",
    "inflation",
    "staffing",
    "vacancy",
    "recruitment",
    "training",
    "survey",
    "results",
    "satisfaction",
    "complaints",
    "received",
    "responded",
    "within",
    "target",
    "deadline",
    "extended",
    "ward",
    "members",
    "briefed",
    "site",
    "visit",
    "arranged",
    "photographs",
    "circulated",
    "correspondence",
    "from",
]
FIRST = [
    "Alex",
    "Sam",
    "Jo",
    "Chris",
    "Pat",
    "Morgan",
    "Robin",
    "Kim",
    "Lee",
    "Jamie",
    "Taylor",
    "Jordan",
    "Casey",
    "Ali",
    "Priya",
]
LAST = [
    "Smith",
    "Jones",
    "Patel",
    "Khan",
    "Evans",
    "Hughes",
    "Clarke",
    "Wright",
    "Green",
    "Hall",
    "Wood",
    "Walker",
    "Turner",
    "Hill",
    "Moore",
    "Ward",
    "Price",
    "Bell",
    "Cole",
    "Shaw",
    "Fox",
    "Reid",
    "Nash",
    "Lamb",
    "Grey",
    "Ross",
    "Webb",
    "Lowe",
    "Pope",
]
OFFICER_TITLES = ["Clerk", "Finance Officer", "Head of Planning", "Harbour Master"]
TOPICS = [
    "Apologies for absence",
    "Declarations of interest",
    "Minutes of the last meeting",
    "Matters arising",
    "Public questions",
    "Budget monitoring",
    "Planning applications",
    "Harbour works",
    "Highways and footpaths",
    "Housing strategy",
    "Grants to local groups",
    "Climate emergency action plan",
    "Contracts and tenders",
    "Correspondence",
    "Any other business",
    "Leisure centre review",
    "Risk register",
    "Date of next meeting",
]
COMMITTEE_NAMES = [
    "Planning",
    "Licensing",
    "Finance",
    "Audit",
    "Harbour",
    "Housing",
    "Highways",
    "Leisure",
    "Environment",
    "Scrutiny",
    "Standards",
    "Personnel",
    "Allotments",
    "Cemeteries",
    "Markets",
    "Tourism",
    "Youth",
    "Grants",
    "Transport",
    "Climate",
]


def text(rng: random.Random, low: int = 60, high: int = 400) -> str:
    """A sentence of ``low``-``high`` characters (skewed short, like real minutes)."""
    target = int(low + (high - low) * rng.random() ** 1.8)
    words = rng.choices(WORDS, k=target // 6 + 2)
    line = " ".join(words)
    while len(line) < target:
        line += " " + " ".join(rng.choices(WORDS, k=8))
    line = line[:target].rstrip()
    return line[0].upper() + line[1:] + "."


def stamp(moment: datetime) -> str:
    """As :func:`minuteterm.clock.iso` stores it (UTC ISO-8601)."""
    return moment.astimezone(UTC).isoformat()


def build(path: Path, scale: float) -> dict[str, int]:
    rng = random.Random(SEED)
    committees = max(1, round(COMMITTEES * scale))
    store = open_store(path)
    conn = store.db.conn
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    rows: dict[str, list[tuple]] = {
        name: []
        for name in (
            "committees",
            "people",
            "meetings",
            "attendance",
            "agenda_items",
            "entries",
            "actions",
            "action_updates",
        )
    }
    item_id = entry_id = update_id = person_id = 0
    meeting_id = 0
    for c in range(1, committees + 1):
        suffix = "" if c <= len(COMMITTEE_NAMES) else f" {(c - 1) // len(COMMITTEE_NAMES) + 1}"
        name = f"{COMMITTEE_NAMES[(c - 1) % len(COMMITTEE_NAMES)]} Committee{suffix}"
        rows["committees"].append((c, name, None))
        people: list[tuple[int, str]] = []
        names = set()
        while len(names) < 12:
            names.add(f"Cllr {rng.choice(FIRST)} {rng.choice(LAST)}")
        for n, who in enumerate(sorted(names)):
            person_id += 1
            rows["people"].append((person_id, c, who, "member", None))
            people.append((person_id, who))
            if n == 0:
                chair = person_id
        for title in OFFICER_TITLES:
            person_id += 1
            who = f"{rng.choice(FIRST)} {rng.choice(LAST)} ({title})"
            rows["people"].append((person_id, c, who, "officer", title))
            people.append((person_id, who))
        speakers = [who for _, who in people]
        total = YEARS * MEETINGS_PER_YEAR
        for m in range(total):
            meeting_id += 1
            year, month = START_YEAR + m // 12, m % 12 + 1
            starts = datetime(year, month, 1 + c % 27, 18, 30, tzinfo=UTC)
            last = m == total - 1
            status = "live" if last else ("approved" if m < total - 2 else "closed")
            first_item = item_id + 1
            current = first_item + ITEMS - 1 if last else None
            rows["meetings"].append(
                (
                    meeting_id,
                    c,
                    f"{name} meeting",
                    stamp(starts),
                    "Council Chamber",
                    status,
                    current,
                    stamp(starts),
                    None if last else stamp(starts + timedelta(hours=2)),
                    stamp(starts + timedelta(days=35)) if status == "approved" else None,
                    stamp(starts - timedelta(days=14)),
                )
            )
            for pid, _ in people:
                present = "present" if rng.random() < 0.85 else "apologies"
                rows["attendance"].append((meeting_id, pid, present, None, int(pid == chair)))
            count = rng.randint(ENTRIES - 25, ENTRIES + 25)
            cuts = sorted(rng.randint(0, count) for _ in range(ITEMS - 1))
            sizes = [b - a for a, b in zip([0, *cuts], [*cuts, count], strict=True)]
            minute = 0
            for position, size in enumerate(sizes, start=1):
                item_id += 1
                rows["agenda_items"].append(
                    (
                        item_id,
                        meeting_id,
                        position,
                        str(position),
                        TOPICS[(position - 1 + m) % len(TOPICS)],
                        int(position == ITEMS and rng.random() < 0.1),
                        stamp(starts + timedelta(minutes=minute)),
                        stamp(starts + timedelta(minutes=minute + size)),
                    )
                )
                question = None
                for k in range(1, size + 1):
                    entry_id += 1
                    minute += 1
                    roll = rng.random()
                    reply_to = None
                    if roll < ACTIONS_PER_MEETING / ENTRIES:
                        kind = "action"
                    elif roll < 0.12:
                        kind = "resolution"
                    elif roll < 0.24:
                        kind = "question"
                    elif roll < 0.36 and question is not None:
                        kind, reply_to = "response", question
                    elif roll < 0.37:
                        kind = "declaration"
                    else:
                        kind = "note"
                    if kind == "question":
                        question = entry_id
                    at = starts + timedelta(minutes=minute, seconds=rng.randint(0, 59))
                    words = text(rng)
                    speaker = rng.choice(speakers) if kind in ("question", "response") else None
                    if kind == "note" and rng.random() < 0.4:
                        speaker = rng.choice(speakers)
                    rows["entries"].append(
                        (entry_id, item_id, k, kind, speaker, words, reply_to, stamp(at))
                    )
                    if kind == "action":
                        owner = rng.choice(speakers)
                        due = None
                        due_text = None
                        if rng.random() < 0.8:
                            due = (starts + timedelta(days=rng.randint(14, 120))).date()
                            due = due.isoformat()
                        else:
                            due_text = "next meeting"
                        age = total - m
                        if age <= 3:
                            state = "open"
                        else:
                            state = rng.choices(["open", "done", "dropped"], [1, 8, 1])[0]
                        updates = []
                        for u in range(rng.choice([0, 0, 1, 2])):
                            update_id += 1
                            updates.append(
                                (
                                    update_id,
                                    entry_id,
                                    None,
                                    stamp(at + timedelta(days=30 * (u + 1))),
                                    state if u == 0 and state != "open" else None,
                                    None,
                                    None,
                                    None,
                                    text(rng, 30, 120),
                                )
                            )
                        latest = updates[-1] if updates else None
                        rows["actions"].append(
                            (
                                entry_id,
                                owner,
                                text(rng, 40, 160),
                                due,
                                due_text,
                                state,
                                latest[8] if latest else None,  # as recompute keeps it
                                latest[3] if latest else None,
                                None if state == "open" else stamp(at + timedelta(days=40)),
                                owner,
                                due,
                                due_text,
                            )
                        )
                        rows["action_updates"] += updates
    sql = {
        "committees": "insert into committees (id, name, prefix) values (?, ?, ?)",
        "people": "insert into people (id, committee_id, name, kind, title) values (?, ?, ?, ?, ?)",
        "meetings": """insert into meetings (id, committee_id, title, starts_at, venue, status,
            current_item_id, opened_at, ended_at, approved_at, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        "attendance": """insert into attendance (meeting_id, person_id, status,
            substitute_for, chair) values (?, ?, ?, ?, ?)""",
        "agenda_items": """insert into agenda_items (id, meeting_id, position, number, title,
            exempt, started_at, ended_at) values (?, ?, ?, ?, ?, ?, ?, ?)""",
        "entries": """insert into entries (id, item_id, position, kind, speaker, text,
            reply_to, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)""",
        "actions": """insert into actions (entry_id, owner, description, due, due_text, status,
            status_note, noted_at, completed_at, raised_owner, raised_due, raised_due_text)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        "action_updates": """insert into action_updates (id, action_id, entry_id, at, status,
            owner, due, due_text, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
    }
    for table, values in rows.items():
        conn.execute("BEGIN")
        conn.executemany(sql[table], values)
        conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA foreign_keys = ON")
    (problems,) = conn.execute("select count(*) from pragma_foreign_key_check").fetchone()
    if problems:
        raise SystemExit(f"{problems} foreign key problems in the archive")
    counts = {table: len(values) for table, values in rows.items()}
    store.close()
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    if args.path.exists():
        raise SystemExit(f"{args.path} exists; remove it first")
    started = time.perf_counter()
    counts = build(args.path, args.scale)
    took = time.perf_counter() - started
    for table, n in counts.items():
        print(f"{table:<16} {n:>9,}")
    size = args.path.stat().st_size / 1e6
    print(f"built {args.path} (scale {args.scale}, {size:.0f} MB) in {took:.1f} s")


if __name__ == "__main__":
    main()
