"""``minuteterm publish``: the public record of one or more databases, as a
folder Datasette serves.

Every source is read (from a private copy) before anything is written, so a
bad source or an unknown committee changes nothing. A meeting held in two
sources (the same committee starting at the same moment) is published
once: from the source where it is approved, else the latest approved, else
the first named.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from minuteterm.clock import iso
from minuteterm.db.confidentiality import confidential_actions_and_updates
from minuteterm.db.store import Store
from minuteterm.publishing.config import OGL, OGL_URL, metadata, write_config
from minuteterm.publishing.errors import PublishError
from minuteterm.publishing.gather import (
    ActionContext,
    PublicMeeting,
    html_filename,
    meeting_uid,
    public_meeting,
)
from minuteterm.publishing.public_db import write_public_db
from minuteterm.publishing.site import check_target, write_site
from minuteterm.publishing.sources import Selection, chosen_meetings, committee_names, opened_copy


@dataclass(frozen=True)
class PublishOptions:
    """What to publish and how the site describes itself."""

    sources: tuple[Path, ...]
    committees: tuple[str, ...] = ()
    since: date | None = None
    include_unapproved: bool = False
    title: str | None = None
    licence: str = OGL
    licence_url: str | None = OGL_URL


@dataclass(frozen=True)
class Published:
    """What a publication wrote: the folder and how many meetings it holds,
    and how many meetings were found in more than one source."""

    folder: Path
    meetings: int
    committees: int
    duplicates: int
    skipped: dict[str, int] = field(default_factory=dict)


def _from_store(store: Store, selection: Selection) -> list[PublicMeeting]:
    chosen = chosen_meetings(store, selection)
    published = {
        meeting.id: meeting_uid(meeting.committee, iso(meeting.starts_at) or "")
        for meeting in chosen
    }
    context = ActionContext(confidential_actions_and_updates(store.conn), published)
    return [public_meeting(store, meeting.id, published[meeting.id], context) for meeting in chosen]


def _check_committees(wanted: tuple[str, ...], known: set[str]) -> None:
    for name in wanted:
        if name.strip() and not any(name.strip().casefold() in k.casefold() for k in known):
            listed = "; ".join(sorted(known, key=str.casefold)) or "none yet"
            raise PublishError(f"no committee matches {name.strip()!r} (committees: {listed})")


def gather_all(options: PublishOptions) -> tuple[list[PublicMeeting], int]:
    """Every source's public meetings, one per stable identity (see the
    module docstring), and how many duplicates were dropped."""
    selection = Selection(options.committees, options.since, options.include_unapproved)
    found: list[PublicMeeting] = []
    known: set[str] = set()
    for source in options.sources:
        with opened_copy(source) as store:
            known |= set(committee_names(store))
            found += _from_store(store, selection)
    _check_committees(options.committees, known)
    best: dict[str, PublicMeeting] = {}
    for meeting in found:  # sources in the order named
        held = best.get(meeting.uid)
        best[meeting.uid] = meeting if held is None else _preferred(held, meeting)
    chosen = sorted(best.values(), key=lambda m: (m.meeting["starts_at"], m.uid))
    taken: set[str] = {"index.html"}
    for meeting in chosen:
        meeting.place(html_filename(meeting, taken))
        taken.add(meeting.filename)
    return chosen, len(found) - len(chosen)


def _preferred(first: PublicMeeting, second: PublicMeeting) -> PublicMeeting:
    """Of one meeting found in two sources: the approved one, else the one
    approved later, else the one from the source named first."""
    if first.rank[0] != second.rank[0]:
        return first if first.rank[0] < second.rank[0] else second
    return second if second.rank[1] > first.rank[1] else first


def default_title(meetings: list[PublicMeeting]) -> str:
    """The committee's name when there is one, else a general title."""
    names = sorted({m.meeting["committee"] for m in meetings})
    return f"{names[0]}: minutes" if len(names) == 1 else "Committee minutes"


def publish(folder: Path, options: PublishOptions) -> Published:
    """Write the public site into ``folder`` (made if need be): minutes.db,
    minutes/ (the HTML minutes and their index), metadata.json and plugins/.
    Raises :class:`PublishError`; nothing is written when a source fails."""
    meetings, duplicates = gather_all(options)
    folder = Path(folder).expanduser()
    check_target(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PublishError(f"cannot make {folder}: {error.strerror or error}") from None
    title = options.title or default_title(meetings)
    write_public_db(folder / "minutes.db", meetings)
    write_site(folder / "minutes", meetings, title)
    committees = len({m.meeting["committee_id"] for m in meetings})
    write_config(folder, metadata(title, options.licence, options.licence_url, committees))
    return Published(folder, len(meetings), committees, duplicates)
