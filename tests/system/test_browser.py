"""Exported HTML in a real browser: no script runs, no request leaves the page.

One meeting holds every payload of ``tests/hostile/payloads.json`` (but the
1 MB paste) in every place user text can go. Any payload that would fetch
(``https://evil.example/...``, ``//evil.example/...``) is first pointed at a
local HTTP server that counts every request it receives, and relative URLs
(``<img src=x>``) land there anyway, so a fetch shows up as a second
request. Payloads that would run change the page if they could
(``document.title='PWNED'``, a ``data-pwned`` attribute, new elements), so
the DOM Chromium ends up with (``--dump-dom``, after timers have had five
seconds of virtual time) is checked for exactly that.

Two control pages prove the harness can see what it looks for: a page with
a real script and image shows both, and the same page under our Content
Security Policy shows neither. The minutes and the action sheet are then
opened as exported, with their policy removed (a website that drops the
``<meta>`` must still be safe) and straight from disk (an e-mailed file).

Debian's ``chromium`` must be installed; CI's ``.ci/run`` installs it. The
test fails, never skips, without it. Every wait is bounded, and only the
browser started here is ended (by its process group).
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shutil
import signal
import subprocess
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pendulum
import pytest

from minuteterm.actions.sheet import ActionSheet
from minuteterm.db.store import Store
from minuteterm.errors import CLERK_ERRORS
from minuteterm.export import write_export
from minuteterm.export.action_sheet import write_sheet
from minuteterm.export.html import CONTENT_SECURITY_POLICY
from minuteterm.model import AttendanceStatus, NewItem, PersonKind
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.record import meeting_record
from minuteterm.recording.recorder import Recorder
from minuteterm.textsafe import clean
from tests.fixtures_meeting import action_number
from tests.hostile import PAYLOADS, html_problems, parse_html

#: The longest any one browser run may take.
BROWSER_TIMEOUT = 60
#: Where the payloads would fetch from, rewritten to the local server.
_EVIL = re.compile(r"(?:https?:)?//evil\.example")
#: Chromium asks a web server for /favicon.ico on its own, for any page.
BROWSER_OWN = "/favicon.ico"
CSP_META = f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">\n'
START = pendulum.datetime(2026, 12, 14, 18, 30, tz="Europe/London")
OWNER = "Head of Finance"

CONTROL = """<!DOCTYPE html>
<html><head><meta charset="utf-8">{csp}<title>control</title></head>
<body><p>control</p>
<script>document.title = 'PWNED'; document.body.setAttribute('data-pwned', '1')</script>
<img src="/leak.png" alt="">
</body></html>
"""


def chromium() -> str:
    """The browser, or a failure saying how to install it."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.fail(
            "Chromium is needed to prove exported HTML runs no script and fetches "
            "nothing: apt-get install chromium (CI's .ci/run installs it)"
        )
    return found


# --- a server that counts requests ----------------------------------------------------


class _CountingHandler(SimpleHTTPRequestHandler):
    """Serves the folder and notes every request, whatever its method."""

    seen: list[str]

    def parse_request(self) -> bool:
        parsed = super().parse_request()
        self.seen.append(f"{self.command} {self.path}")
        return parsed

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the test reads :attr:`seen` instead."""


@contextlib.contextmanager
def counting_server(folder: Path) -> Iterator[tuple[str, list[str]]]:
    """Serve ``folder`` on 127.0.0.1 (a free port); yield its base URL and
    the list of requests it receives."""
    seen: list[str] = []
    handler = type("Handler", (_CountingHandler,), {"seen": seen})
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(folder))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# --- the browser ----------------------------------------------------------------------


def headless(profile: Path) -> list[str]:
    """Chromium's flags for a headless run in a fresh ``profile`` where
    nothing but 127.0.0.1 resolves (shared with the publishing tests)."""
    return [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--no-first-run",
        "--no-default-browser-check",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        f"--user-data-dir={profile}",
    ]


def dump_dom(url: str, profile: Path) -> str:
    """The DOM Chromium builds for ``url``, once its scripts and timers had
    their chance. Nothing but 127.0.0.1 resolves, so the browser's own
    background traffic stays on the machine too."""
    command = [
        chromium(),
        *headless(profile),
        "--virtual-time-budget=5000",
        "--dump-dom",
        url,
    ]
    browser = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        start_new_session=True,  # its own process group, ended below
    )
    try:
        out, _ = browser.communicate(timeout=BROWSER_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(browser.pid, signal.SIGKILL)
        browser.communicate()
        pytest.fail(f"Chromium did not finish {url} within {BROWSER_TIMEOUT} s")
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(browser.pid, signal.SIGKILL)  # any helper left behind
    assert browser.returncode == 0, f"Chromium exited {browser.returncode} on {url}"
    return out.decode("utf-8")


def attributes(dom: str) -> set[str]:
    """Every attribute name in a dumped DOM."""
    return {name for _, attrs in parse_html(dom).tags for name in attrs}


# --- one meeting holding every payload --------------------------------------------------


def aimed_at(base: str, text: str) -> str:
    """``text`` with every would-be fetch pointed at the local server."""
    return _EVIL.sub(base, text)


def hostile_meeting(store: Store, base: str) -> int:
    """A meeting whose every typed part is a payload; return its id."""
    texts = [aimed_at(base, p.text) for p in PAYLOADS if len(p.text) < 100_000]
    meeting_id = create_meeting(
        store,
        "Audit Board <script>document.title='PWNED'</script>",
        START,
        venue=aimed_at(base, '<img src="https://evil.example/venue.png">'),
        title="</title><script>document.title='PWNED'</script>",
        agenda=[NewItem(text) for text in texts] + [NewItem("Any other business")],
    )
    here = AttendanceStatus.IN_ATTENDANCE
    store.add_attendee(meeting_id, "Anne Moss", PersonKind.OFFICER, here, title=OWNER)
    recorder = Recorder(store, meeting_id)
    action_id = recorder.apply(f"! {OWNER}: circulate the reserves policy by 14/01/2027").entry_id
    items = store.items(meeting_id)
    for index, text in enumerate(texts):
        if clean(text):
            store.add_attendee(meeting_id, text)
        recorder.go_to(items[index % len(items)].id)
        for line in (
            f"\\{text}",
            f"? Cllr Jewell: {text}",
            f"> {OWNER}: {text}",
            f"= {text}",
            f"! {OWNER}: {text}",
            f"!! {action_number(store, action_id)}: {text}",
        ):
            with contextlib.suppress(*CLERK_ERRORS):  # nothing visible: refused
                recorder.apply(line)
    return meeting_id


@pytest.fixture
def exported(store: Store, tmp_path: Path) -> Iterator[tuple[Path, str, list[str]]]:
    """The hostile minutes and action sheet, exported into a served folder:
    (folder, base URL, requests seen)."""
    folder = tmp_path / "site"
    folder.mkdir()
    with counting_server(folder) as (base, seen):
        meeting_id = hostile_meeting(store, base)
        write_export(meeting_record(store, meeting_id), "html", folder / "minutes.html")
        sheet = ActionSheet(store)
        write_sheet(sheet.rows(), sheet.counts(), "html", folder / "sheet.html")
        yield folder, base, seen


# --- the tests --------------------------------------------------------------------------


def test_the_harness_sees_a_script_and_a_fetch_and_our_policy_stops_both(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "open.html").write_text(CONTROL.format(csp=""), encoding="utf-8")
    (folder / "guarded.html").write_text(CONTROL.format(csp=CSP_META), encoding="utf-8")
    with counting_server(folder) as (base, seen):
        dom = dump_dom(f"{base}/open.html", tmp_path / "profile")
        assert parse_html(dom).title == "PWNED" and "data-pwned" in attributes(dom)
        assert "GET /leak.png" in seen
        seen.clear()
        dom = dump_dom(f"{base}/guarded.html", tmp_path / "profile")
        assert parse_html(dom).title == "control" and "data-pwned" not in attributes(dom)
        assert [request for request in seen if BROWSER_OWN not in request] == ["GET /guarded.html"]


@pytest.mark.parametrize("page", ["minutes.html", "sheet.html"])
@pytest.mark.parametrize("policy", ["as exported", "policy removed"])
def test_served_export_runs_nothing_and_fetches_nothing(
    exported: tuple[Path, str, list[str]], tmp_path: Path, page: str, policy: str
) -> None:
    folder, base, seen = exported
    path = folder / page
    html = path.read_text(encoding="utf-8")
    assert html.count(CSP_META) == 1
    if policy == "policy removed":
        path.write_text(html.replace(CSP_META, ""), encoding="utf-8")
    assert "//evil.example" not in html and f"{base}/" in html  # aimed at us
    dom = dump_dom(f"{base}/{page}", tmp_path / "profile")
    assert [request for request in seen if BROWSER_OWN not in request] == [f"GET /{page}"]
    assert parse_html(dom).title == parse_html(html).title != "PWNED"
    assert "data-pwned" not in attributes(dom)
    problems = html_problems(dom)
    if policy == "policy removed":
        problems = [p for p in problems if not p.startswith("head metas")]
    assert problems == []


@pytest.mark.parametrize("page", ["minutes.html", "sheet.html"])
def test_export_opened_from_disk_runs_nothing_and_fetches_nothing(
    exported: tuple[Path, str, list[str]], tmp_path: Path, page: str
) -> None:
    folder, _, seen = exported
    html = (folder / page).read_text(encoding="utf-8")
    dom = dump_dom((folder / page).as_uri(), tmp_path / "profile")
    assert seen == []
    assert parse_html(dom).title == parse_html(html).title
    assert "data-pwned" not in attributes(dom)
    assert html_problems(dom) == []
