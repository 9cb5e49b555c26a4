"""A subject's history: every item on the same subject, across meetings of
any committee, oldest first, with its resolutions and actions (and where
each action stands today).

An item is on the subject when its title holds enough of the subject's
telling words: the words of the subject less the ones every agenda uses
("report", "update"…), each weighted by how rare it is among titles and
by how near the front it comes (titles start with their topic), so
"Damp and mould action plan" follows "Damp and mould in council homes"
while "Council homes allocations" does not. Standing items (apologies,
the previous minutes, the action log) are never a subject's history.

A public history (``public=True``) keeps an exempt item's heading and its
decision in general terms, and leaves out its resolutions and actions, and
every note typed in an exempt item or about a confidential action.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from datetime import date

from minuteterm import clock
from minuteterm.clock import moment
from minuteterm.dates import in_zone
from minuteterm.db.confidentiality import action_confidential, note_confidential
from minuteterm.model import standing_item
from minuteterm.search.story import Story, StoryAction, StoryItem

#: Words that say nothing about what an item is about.
COMMON_WORDS = frozenset(
    " ".join(
        (
            "a an and the of in on at to for by with from into over under about as or nor",
            "not be is are was were this that these those its it their our your report",
            "reports update updates progress item items matter matters minute minutes",
            "meeting meetings committee board panel any other further new draft final",
            "annual quarterly monthly review part i ii",
        )
    ).split()
)
#: How many of a subject's words are looked for.
MAX_WORDS = 8
#: The share of a subject's weight (by rarity) a title must hold.
SHARE = 0.5
#: At most this many items, the latest, unless asked for more.
DEFAULT_LIMIT = 50

_WORD = re.compile(r"\w+")


def subject_words(subject: str) -> list[str]:
    """The telling words of a subject, in order, each once."""
    words: list[str] = []
    for word in _WORD.findall(subject.casefold()):
        if word not in COMMON_WORDS and word not in words and not word.isdigit() and len(word) > 1:
            words.append(word)
    return words[:MAX_WORDS]


def _titles_with(conn: sqlite3.Connection, word: str) -> set[int]:
    """Ids of the items whose title holds ``word``."""
    quoted = '"' + word.replace('"', '""') + '"'
    rows = conn.execute(
        "select rowid from search_items where search_items match ?", [f"{{title}} : {quoted}"]
    )
    return {row[0] for row in rows}


def matching_items(
    conn: sqlite3.Connection, subject: str, exclude_item: int | None = None
) -> list[int]:
    """Ids of the items on ``subject`` (in no particular order). A word no
    other title holds is news, not a reason to leave an item out."""
    if standing_item(subject) is not None:
        return []  # apologies, the previous minutes, the action log: no subject
    total = conn.execute("select count(*) from agenda_items").fetchone()[0] or 1
    holders = {word: _titles_with(conn, word) - {exclude_item} for word in subject_words(subject)}
    words = [word for word, ids in holders.items() if ids]
    if not words:
        return []
    weights = {  # rarer words, and words nearer the front (the topic), weigh more
        word: math.log(1 + total / (1 + len(holders[word]))) / (1 + index / 4)
        for index, word in enumerate(words)
    }
    needed = SHARE * sum(weights.values())
    score: dict[int, float] = {}
    for word, ids in holders.items():
        for item_id in ids:
            score[item_id] = score.get(item_id, 0.0) + weights[word]
    return [item_id for item_id, got in score.items() if got >= needed - 1e-9]


_ITEMS = """select i.id, i.meeting_id, m.starts_at, c.name as committee,
    coalesce(i.minute_number, i.number) as reference, i.title, i.exempt, i.public_decision,
    m.time_zone
    from json_each(:ids) j join agenda_items i on i.id = j.value
    join meetings m on m.id = i.meeting_id join committees c on c.id = m.committee_id
    where i.standing is null {where}
    order by m.starts_at desc, i.position desc limit :limit"""

_COUNT = """select count(*) from json_each(:ids) j join agenda_items i on i.id = j.value
    join meetings m on m.id = i.meeting_id where i.standing is null {where}"""


def _latest_note(public: bool) -> str:
    """SQL: the action's latest live note (in public, the latest public one)."""
    hidden = f"and not {note_confidential('u')}" if public else ""
    return f"""(select u.note from action_updates u where u.action_id = a.entry_id
        and u.note != '' and not exists (select 1 from entries x where x.id = u.entry_id
        and x.deleted_at is not null) {hidden} order by u.at desc, u.id desc limit 1)"""


def _actions(
    conn: sqlite3.Connection, item_ids: list[int], public: bool
) -> dict[int, list[StoryAction]]:
    """The live actions raised in each item, in the order taken."""
    hidden = f"and not {action_confidential('a.entry_id')}" if public else ""
    rows = conn.execute(
        f"""select e.item_id, a.entry_id, a.description, a.owner, a.status, a.due,
        a.due_text, {_latest_note(public)}, a.number
        from entries e join actions a on a.entry_id = e.id
        where e.item_id in (select value from json_each(?)) and e.kind = 'action'
        and e.deleted_at is null {hidden} order by e.item_id, e.position""",
        [json.dumps(item_ids)],
    )
    found: dict[int, list[StoryAction]] = {}
    for row in rows:
        found.setdefault(row[0], []).append(
            StoryAction(
                action_id=row[1],
                description=row[2],
                owner=row[3],
                status=row[4],
                due=date.fromisoformat(row[5]) if row[5] else None,
                due_text=row[6],
                latest_note=row[7],
                number=row[8],
            )
        )
    return found


def _resolutions(conn: sqlite3.Connection, item_ids: list[int]) -> dict[int, list[str]]:
    """The live resolutions of each item, in the order taken."""
    rows = conn.execute(
        """select item_id, text from entries where item_id in (select value from json_each(?))
        and kind = 'resolution' and deleted_at is null order by item_id, position""",
        [json.dumps(item_ids)],
    )
    found: dict[int, list[str]] = {}
    for item_id, text in rows:
        found.setdefault(item_id, []).append(text)
    return found


def _story_items(conn: sqlite3.Connection, rows: list[tuple], public: bool) -> list[StoryItem]:
    """The rows as story items; an exempt item's discussion only when not public."""
    shown = [row[0] for row in rows if not (row[6] and public)]
    resolutions, actions = _resolutions(conn, shown), _actions(conn, shown, public)
    return [
        StoryItem(
            meeting_id=row[1],
            item_id=row[0],
            starts_at=in_zone(moment(row[2]) or clock.now(), row[8]),
            committee=row[3],
            reference=row[4],
            title=row[5],
            exempt=bool(row[6]),
            public_decision=row[7],
            resolutions=tuple(resolutions.get(row[0], ())),
            actions=tuple(actions.get(row[0], ())),
            confidential=bool(row[6]) and not public,
        )
        for row in rows
    ]


def history(
    conn: sqlite3.Connection,
    subject: str,
    *,
    before: str | None = None,
    exclude_item: int | None = None,
    public: bool = False,
    limit: int = DEFAULT_LIMIT,
) -> Story:
    """The story of ``subject``: its items oldest first (the latest
    ``limit``), only those of meetings starting before ``before`` (a stored
    moment) if given, never ``exclude_item``."""
    ids = matching_items(conn, subject, exclude_item)
    words = tuple(subject_words(subject))
    if not ids:
        return Story(subject, words, public=public)
    params = {"ids": json.dumps(ids), "before": before, "limit": limit}
    where = "and m.starts_at < :before" if before is not None else ""
    rows = conn.execute(_ITEMS.format(where=where), params).fetchall()
    total = len(rows)
    if total == limit:  # there may be more: count them (no sorting needed)
        total = conn.execute(_COUNT.format(where=where), params).fetchone()[0]
    items = _story_items(conn, list(reversed(rows)), public)
    return Story(subject, words, items, total=total, public=public)


def item_history(
    conn: sqlite3.Connection, item_id: int, public: bool = False, limit: int = DEFAULT_LIMIT
) -> Story:
    """The story so far of an agenda item's subject: the earlier items on it."""
    row = conn.execute(
        """select i.title, m.starts_at from agenda_items i join meetings m
        on m.id = i.meeting_id where i.id = ?""",
        [item_id],
    ).fetchone()
    if row is None:
        return Story("")
    return history(conn, row[0], before=row[1], exclude_item=item_id, public=public, limit=limit)


def predecessors(conn: sqlite3.Connection, item_id: int, count: int = 3) -> list[StoryItem]:
    """The latest few earlier items on a (new) item's subject, newest first."""
    return list(reversed(item_history(conn, item_id, limit=count).items))
