"""Datasette's view of the published folder: ``metadata.json`` and the plugin.

The Datasette this was built against (0.65) reads titles, licence, source,
table and column descriptions and canned queries from one metadata file
(``-m metadata.json``); Datasette 1.0 reads the same keys, with canned
queries moving to ``datasette.yaml``. Every canned query returns a
``minutes_url`` column, which the plugin turns into a link to the meeting's
HTML minutes.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from minuteterm.publishing.gather import HTML_MOUNT

DATABASE = "minutes"
PLUGIN_FILE = "minuteterm_links.py"
OGL = "Open Government Licence v3.0"
OGL_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"

_LINK = "minutes_url links to the meeting's minutes as published (HTML)."

COLUMNS: dict[str, dict[str, str]] = {
    "committees": {"id": "Short name, used in addresses", "prefix": "Minute number prefix"},
    "meetings": {
        "id": "The meeting's stable identity (the same whichever clerk's file it came from)",
        "date": "Date of the meeting (YYYY-MM-DD)",
        "starts_at": "Start, as the clock read where the meeting was held (time_zone)",
        "time_zone": "Time zone the meeting was held in (IANA name, e.g. Europe/London)",
        "status": "approved: signed as a correct record; draft: subject to approval",
        "approved_on": "When the minutes were approved as a correct record",
        "minutes_url": _LINK,
        "minutes": "The public minutes as text (Markdown)",
    },
    "agenda_items": {
        "number": "Number on the agenda",
        "minute_number": "Minute number, given when the meeting closed",
        "exempt": "1: Part II item, press and public excluded; its discussion is not published",
        "exempt_paragraph": "Paragraph of Schedule 12A to the Local Government Act 1972",
    },
    "decisions": {
        "form": "resolved, recommended (to full Council) or agreed",
        "decision": "What was decided (for a Part II item, in general terms only)",
        "outcome": "carried, lost, agreed without a vote, or decided in private (Part II)",
        "recorded_vote": "1: the names on each side were recorded (see recorded_votes)",
        "casting_vote": "The Chair's casting vote, when the votes were equal",
    },
    "actions": {
        "number": "Action number, as in the minutes (ACTION 12)",
        "raised_owner": "Owner when the action was raised",
        "owner": "Owner now",
        "due": "Due date (YYYY-MM-DD)",
        "due_text": "Due date in words, e.g. next meeting",
        "status": "open, done or dropped",
        "latest_update": "The latest update reported in public",
        "minutes_url": _LINK,
    },
    "attendance": {
        "role": "member, officer or other",
        "status": "present, apologies, substitute, absent or in_attendance",
        "substitute_for": "The member a substitute stood in for",
        "chair": "1: in the Chair",
    },
}

TABLES: dict[str, str] = {
    "committees": "Committees, boards and panels",
    "meetings": "Meetings, with their public minutes; search them here",
    "agenda_items": "Each meeting's agenda items and minute numbers",
    "decisions": "Resolutions, with their votes and outcome",
    "recorded_votes": "How each member voted, where a recorded vote was taken",
    "actions": "Actions raised in public, with their status",
    "action_updates": "Updates to actions reported in public",
    "attendance": "Who attended each meeting, as minuted",
}

QUERIES: dict[str, dict[str, Any]] = {
    "search_minutes": {
        "title": "Search the minutes",
        "description": "Meetings whose minutes hold every word typed, best matches first.",
        "sql": (
            "select m.date, m.committee, m.title,\n"
            "  snippet(meetings_fts, 2, '[', ']', ' … ', 16) as extract, m.minutes_url\n"
            "from meetings_fts join meetings m on m.rowid = meetings_fts.rowid\n"
            "where meetings_fts match '\"' || replace(replace(trim(:q), '\"', ''),"
            " ' ', '\" \"') || '\"'\n"
            "order by rank limit 100"
        ),
    },
    "decisions_by_committee": {
        "title": "Decisions by committee and date",
        "description": "Leave a box empty for all; dates as YYYY-MM-DD.",
        "sql": (
            "select * from decisions_by_date\n"
            "where committee like '%' || :committee || '%'\n"
            "  and date >= coalesce(nullif(:since, ''), '0000')\n"
            "  and date <= coalesce(nullif(:until, ''), '9999')"
        ),
    },
    "outstanding_actions": {
        "title": "Open actions",
        "description": "Actions not yet done, soonest due first.",
        "sql": (
            "select * from open_actions\n"
            "where committee like '%' || :committee || '%'\n"
            "  and owner like '%' || :owner || '%'"
        ),
    },
    "member_attendance": {
        "title": "Attendance by member",
        "description": (
            "Each meeting a member was listed for, and how they attended; totals are in"
            " the attendance_by_member view."
        ),
        "sql": (
            "select t.name, m.committee, m.date, t.status, t.substitute_for, m.minutes_url\n"
            "from attendance t join meetings m on m.id = t.meeting_id\n"
            "where t.role = 'member' and t.name like '%' || :member || '%'\n"
            "order by t.name, m.date desc"
        ),
    },
}


def metadata(title: str, licence: str, licence_url: str | None, committees: int) -> dict:
    """The whole metadata document."""
    document: dict[str, Any] = {
        "title": title,
        "description": (
            "Minutes of meetings, as published: decisions, actions and attendance, searchable."
            f" {_LINK} Confidential (Part II) discussion is never published."
        ),
        "source": f"Minutes of {committees} committee{'s' if committees != 1 else ''},"
        " published with MinuteTerm",
        "license": licence,
    }
    if licence_url:
        document["license_url"] = licence_url
    tables: dict[str, Any] = {}
    for table, description in TABLES.items():
        tables[table] = {"description": description}
        if table in COLUMNS:
            tables[table]["columns"] = COLUMNS[table]
    for table in ("meetings_fts", "decisions_fts", "actions_fts"):
        tables[table] = {"hidden": True}
    document["databases"] = {DATABASE: {"tables": tables, "queries": QUERIES}}
    return document


def write_config(folder: Path, document: dict) -> None:
    """Write ``metadata.json`` and ``plugins/`` into ``folder``."""
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    (folder / "metadata.json").write_text(text, encoding="utf-8")
    plugins = folder / "plugins"
    plugins.mkdir(exist_ok=True)
    source = resources.files(__package__).joinpath("datasette_plugin.py").read_text("utf-8")
    (plugins / PLUGIN_FILE).write_text(source, encoding="utf-8")


__all__ = ["DATABASE", "HTML_MOUNT", "OGL", "OGL_URL", "metadata", "write_config"]
