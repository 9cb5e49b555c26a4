"""The no-leak check extended to search and history: no word said only in
an exempt item's discussion is found by a public search or printed in a
public history, for the demo meetings and the fixed export meeting (the
same words test_no_leak.py protects in the exported minutes)."""

from __future__ import annotations

import re

from minuteterm.db.store import Store
from minuteterm.demo import ensure_demo
from minuteterm.export import render
from minuteterm.export.history import render_history
from minuteterm.export.search import found_text
from minuteterm.model import QUESTION_STYLES
from minuteterm.recording.record import meeting_record
from minuteterm.search.history import history
from minuteterm.search.query import SearchFilter, search
from minuteterm.search.results import plain
from tests.app.test_no_leak import only_in_exempt_discussion, visible_text, words
from tests.fixtures_meeting import build_fixed_meeting


def _secret_words(store: Store) -> set[str]:
    """Words said only in exempt discussion, in any of the database's
    meetings, and printed in none of their public minutes."""
    records = [
        meeting_record(store, build_fixed_meeting(store)),
        meeting_record(store, ensure_demo(store)),
    ]
    records += [
        meeting_record(store, m.id)
        for m in store.meetings()
        if m.id not in {r.meeting.id for r in records}
    ]
    secret: set[str] = set()
    public: set[str] = set()
    for record in records:
        secret |= only_in_exempt_discussion(record)
        for style in QUESTION_STYLES:
            public |= words(visible_text(render(record, "md", questions=style, public=True), "md"))
    return {word for word in secret - public if re.search(r"[a-z]{3}", word)}


def test_a_public_search_never_finds_an_exempt_only_word(store: Store) -> None:
    secret = _secret_words(store)
    assert len(secret) >= 8, sorted(secret)
    assert {"marlow", "nightly-paid"} <= secret
    missed = []
    for word in sorted(secret):
        full = search(store.conn, word, SearchFilter(limit=50)).hits
        if not any(word in words(plain(found_text(hit))) for hit in full):
            missed.append(word)
        for hit in search(store.conn, word, SearchFilter(public=True, limit=50)).hits:
            shown = words(plain(found_text(hit)) + " " + hit.title)
            assert word not in shown, f"{word!r} leaks in {hit}"
            assert not hit.confidential and (hit.kind == "item" or not hit.exempt_item)
    assert len(missed) <= len(secret) // 4, missed  # the full search does find them


def test_a_public_history_never_prints_an_exempt_only_word(store: Store) -> None:
    secret = _secret_words(store)
    rows = store.query("select title from agenda_items where standing is null")
    titles = [row["title"] for row in rows]
    seen = 0
    for title in titles:
        story = history(store.conn, title, public=True)
        seen += len(story.items)
        for fmt in ("text", "md", "html"):
            shown = words(visible_text(render_history(story, fmt), fmt))
            assert not (secret & shown), (title, fmt, sorted(secret & shown))
    assert seen >= len(titles)
    full = set()
    for title in titles:
        full |= words(render_history(history(store.conn, title), "text"))
    assert secret & full  # the confidential history does print them
