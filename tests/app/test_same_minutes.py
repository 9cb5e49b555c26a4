"""A script fed to ``minuteterm capture`` and the same lines typed into the
app make the same minutes; the committed sample exports are current."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pendulum

from minuteterm.db.store import Store, open_store
from minuteterm.export import render
from minuteterm.model import NewItem
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.record import meeting_record
from minuteterm.samples import sample_exports
from minuteterm.tui.app import MinuteTermApp
from tests.app.test_tui import type_line

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = [
    "/item 1",
    "Apologies for absence were received from Cllr Quinn.",
    "/next",
    "The Panel considered the draft parking strategy, presented by the Head of Highways.",
    "? Cllr Osei: whether residents' permits would rise in price",
    "> Head of Highways: permit prices would be frozen for 2027",
    "? Cllr Banks: how the strategy dealt with school-gate parking",
    "! Head of Highways: share the school streets pilot results by 31/03/2027",
    "> Head of Highways: a pilot of school streets would run at four schools",
    "= That the draft strategy be approved for consultation.",
    "= That the Panel receive the consultation results in June.",
    "s/June/July/",
    "/next",
    "Members noted the work programme.",
]


def make_meeting(store: Store) -> int:
    return create_meeting(
        store,
        "Transport Scrutiny Panel",
        pendulum.datetime(2027, 1, 19, 18, 0, tz="Europe/London"),
        venue="Council Chamber",
        agenda=[NewItem("Apologies"), NewItem("Parking strategy"), NewItem("Work programme")],
    )


async def test_script_and_typing_make_the_same_minutes(tmp_path: Path) -> None:
    scripted_db = tmp_path / "scripted.db"
    store = open_store(scripted_db)
    meeting_id = make_meeting(store)
    store.close()
    fed = subprocess.run(
        [sys.executable, "-m", "minuteterm", "capture", str(meeting_id), "--db", str(scripted_db)],
        input="\n".join(SCRIPT) + "\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert fed.returncode == 0, fed.stderr

    typed = open_store(tmp_path / "typed.db")
    typed_id = make_meeting(typed)
    app = MinuteTermApp(typed, meeting_id=typed_id)
    async with app.run_test(size=(120, 40)) as pilot:
        for line in SCRIPT:
            await type_line(pilot, line)

    scripted = open_store(scripted_db)
    for style in ("dash", "bullets", "narrative"):
        for fmt in ("md", "html"):
            from_script = render(meeting_record(scripted, meeting_id), fmt, questions=style)
            from_typing = render(meeting_record(typed, typed_id), fmt, questions=style)
            assert from_script == from_typing, (style, fmt)
    markdown = render(meeting_record(typed, typed_id), "md")
    assert "That the Panel receive the consultation results in July." in markdown
    assert "permit prices would be frozen for 2027" in markdown
    scripted.close()
    typed.close()


def test_committed_sample_exports_are_current() -> None:
    made = sample_exports()
    for name, contents in made.items():
        committed = ROOT / "exports" / name
        assert committed.exists(), f"exports/{name} is missing: run python -m minuteterm.samples"
        if isinstance(contents, bytes):
            same = committed.read_bytes() == contents
        else:
            same = committed.read_text(encoding="utf-8") == contents
        assert same, f"exports/{name} is stale: run python -m minuteterm.samples"
    left_over = {path.name for path in (ROOT / "exports").glob("demo-*")} - set(made)
    assert not left_over, f"exports/ holds samples no longer made: {sorted(left_over)}"


def test_the_samples_cover_every_format_version_and_theme() -> None:
    names = set(sample_exports())
    for version in ("confidential", "public"):
        for ext in ("md", "html", "docx"):
            assert f"demo-bullets-{version}.{ext}" in names
        assert f"demo-dash-{version}-classic.html" in names


def test_readme_sample_is_the_real_export() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    exported = (ROOT / "exports" / "demo-dash-public.md").read_text(encoding="utf-8")
    start = exported.index("## HCS/10/26 ")
    sample = exported[start : exported.index("## HCS/11/26 ")].strip()
    assert sample in readme
