"""One window's words that are not entries yet: its drafts and its queue.

A meeting window keeps, under an id of its own, the capture bar's unsent
line and the entry editor's edit in progress (see
:mod:`minuteterm.recording.drafts`). Saving a draft never makes the clerk
wait: it gives another program's write lock a few milliseconds, then tries
again on the next tick.

Lines the database refused to store (disk full, read-only, busy) wait here
in order, each its own line, until it takes them again; whatever is still
unstored when the app is stopped is written to a recovery file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from minuteterm.db.store import Store
from minuteterm.errors import CLERK_ERRORS
from minuteterm.model import EntryKind
from minuteterm.recording.drafts import (
    EDITOR,
    Draft,
    draft_is_kept,
    load_drafts,
    new_window,
    save_draft,
    take_draft,
    write_recovery,
)

#: How long a draft save waits for another program's write lock.
DRAFT_PATIENCE_MS = 50


@dataclass(frozen=True)
class Held:
    """Text one slot of the window holds (the bar, or the editor on an entry)."""

    text: str = ""
    kind: EntryKind = EntryKind.NOTE
    entry_id: int | None = None


class Unsent:
    """The unsent words of one window on one meeting."""

    def __init__(self, store: Store, meeting_id: int) -> None:
        self.store = store
        self.meeting_id = meeting_id
        self.window = new_window()
        self._saved: dict[str, Held] = {}
        self._shown: dict[str, Held] = {}
        #: Lines the database refused to store, oldest first.
        self.queue: list[tuple[str, EntryKind]] = []

    def take(self, *, editor: bool = False) -> Draft | None:
        """The meeting's newest draft for the bar (or the editor), now this
        window's; ``None`` if there is none (or the file cannot be read)."""
        try:
            draft = take_draft(self.store, self.meeting_id, self.window, editor=editor)
        except CLERK_ERRORS:
            return None
        if draft is not None:
            held = Held(draft.text, draft.kind, draft.entry_id)
            self._saved[draft.window] = self._shown[draft.window] = held
        return draft

    def others(self) -> int:
        """How many capture-bar drafts of the meeting belong to other windows
        (open elsewhere, or left by a window that closed)."""
        try:
            drafts = load_drafts(self.store, self.meeting_id)
        except CLERK_ERRORS:
            return 0
        return sum(1 for d in drafts if d.entry_id is None and d.window != self.window)

    def keep(self, held: Held, *, editor: bool = False) -> bool:
        """Keep ``held`` as this window's draft (the bar's, or the editor's)
        if it changed, or if the file lost it; whether it is kept now."""
        key = self.window + EDITOR if editor else self.window
        self._shown[key] = held
        saved = self._saved.get(key, Held())
        try:
            if not held.text.strip() and not saved.text.strip():
                return True  # nothing kept, nothing to keep (whatever the kind)
            if held == saved and draft_is_kept(self.store, self.meeting_id, key, held.text):
                return True
            self._saved.pop(key, None)
            with self.store.patience(DRAFT_PATIENCE_MS):
                save_draft(
                    self.store,
                    self.meeting_id,
                    held.text,
                    held.kind,
                    window=key,
                    entry_id=held.entry_id,
                )
        except CLERK_ERRORS:
            return False  # the next tick tries again; the words are still on screen
        self._saved[key] = held
        return True

    def entered(self) -> None:
        """The bar's line was stored, and its draft removed with it (see
        :meth:`~minuteterm.recording.recorder.Recorder.apply`)."""
        self._saved[self.window] = Held()

    def unstored(self) -> list[str]:
        """Every line of this window that is in no entry and no draft."""
        lines = [line for line, _kind in self.queue]
        for key, held in self._shown.items():
            if held.text.strip() and held != self._saved.get(key):
                lines.append(held.text)
        return lines

    def write_recovery(self) -> Path:
        """Write :meth:`unstored` next to the database; the file's path."""
        return write_recovery(self.store.path, self.unstored())
