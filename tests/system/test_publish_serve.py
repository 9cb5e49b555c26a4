"""A published folder served by Datasette, and read in a real browser.

One module-wide site: a meeting minuted from the command line (a public
item with a hostile note, an exempt item), published and served by
``minuteterm publish DIR --serve`` on a free 127.0.0.1 port. Datasette is
started once, waited for by polling its port (bounded), and ended by its
process id (the command becomes Datasette, so its id is the server's).

The browser checks use headless Chromium (as ``tests/system/test_browser.py``
does) with a network log: every request a page makes (its initiator is the
page) must go to the server that served it; nothing resolves but
127.0.0.1, and the log still records any attempt. A control page proves
the log catches a fetch from outside.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hostile import parse_html
from tests.system.test_browser import BROWSER_TIMEOUT, attributes, chromium, headless

#: How long Datasette may take to start answering.
START_TIMEOUT = 60
HOSTILE = (
    "<script>document.title='PWNED'</script><img src=\"http://evil.example/x.png\""
    " onerror=\"document.body.setAttribute('data-pwned','1')\">"
)
LINES = [
    "present+ Cllr Helen Rowe, Cllr Sam Ahmed",
    "/item 1",
    "! Harbour Master: circulate the dredging timetable by 15/01/2027",
    "The survey found silt levels at the fuel berth higher than forecast.",
    f"The quayside notice read {HOSTILE} before it was corrected.",
    "= That the revised dredging programme be approved.",
    "/item 2",
    "The Zephyrine offer was commercially sensitive.",
    "= That the Zephyrine offer be accepted.",
    "/public That the lease be granted.",
    "/end",
]


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), TZ="Europe/London")
    env.pop("MINUTETERM_DB", None)
    return env


def _cli(env: dict[str, str], *args: str | Path, stdin: str | None = None) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "minuteterm", *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def free_port() -> int:
    """A port nothing listens on just now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(server: subprocess.Popen[bytes], port: int) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"Datasette stopped at once (exit {server.returncode})")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.1)
    pytest.fail(f"Datasette did not answer on port {port} within {START_TIMEOUT} s")


def _stop(server: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=15)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """(base URL, published folder) of the served site."""
    root = tmp_path_factory.mktemp("served")
    env = _env(root / "home")
    db, site = root / "clerk.db", root / "site"
    agenda = root / "agenda.md"
    agenda.write_text(
        "1. Winter dredging programme\n2. Harbour office lease (exempt 3)\n", encoding="utf-8"
    )
    meeting = _cli(
        env,
        "--db",
        db,
        "new",
        "--committee",
        "Harbour Board",
        "--date",
        "14/12/2026",
        "--time",
        "18:30",
        "--agenda",
        agenda,
    ).strip()
    _cli(env, "--db", db, "capture", meeting, stdin="\n".join(LINES) + "\n")
    _cli(env, "--db", db, "publish", "-o", site, "--include-unapproved")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "minuteterm", "publish", str(site), "--serve", "--port", str(port)],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        _wait_for(server, port)
        yield f"http://127.0.0.1:{port}", site
    finally:
        _stop(server)


def get(url: str) -> tuple[int, str]:
    """Status and body of a GET (bounded)."""
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.read().decode("utf-8")


def get_json(url: str) -> list[dict]:
    """A JSON array from the Datasette API."""
    status, body = get(url)
    assert status == 200
    return json.loads(body)


def test_the_json_api_returns_a_known_decision(served: tuple[str, Path]) -> None:
    base, _ = served
    rows = get_json(f"{base}/minutes/decisions.json?_shape=array&decision__contains=dredging")
    assert [(r["form"], r["decision"], r["outcome"]) for r in rows] == [  # the table
        ("resolved", "That the revised dredging programme be approved.", "agreed without a vote")
    ]
    lease = get_json(f"{base}/minutes/decisions_by_date.json?_shape=array&item__contains=lease")
    assert [r["decision"] for r in lease] == ["That the lease be granted."]


def test_the_search_query_finds_a_phrase_and_links_to_the_minutes(
    served: tuple[str, Path],
) -> None:
    base, site = served
    query = urllib.parse.urlencode({"q": "silt levels", "_shape": "array"})
    found = get_json(f"{base}/minutes/search_minutes.json?{query}")
    assert [(r["date"], r["committee"]) for r in found] == [("2026-12-14", "Harbour Board")]
    assert "[silt] [levels]" in found[0]["extract"]
    status, page = get(base + found[0]["minutes_url"])
    assert status == 200 and "silt levels at the fuel berth" in page
    assert page == next((site / "minutes").glob("harbour-board-*.html")).read_text("utf-8")
    secret = get_json(f"{base}/minutes/search_minutes.json?q=Zephyrine&_shape=array")
    assert secret == []
    status, html = get(f"{base}/minutes/search_minutes?q=silt")
    assert f'<a href="{found[0]["minutes_url"]}">minutes</a>' in html


@pytest.mark.parametrize(
    ("query", "params", "expected"),
    [
        ("search_minutes", {"q": "fuel berth"}, ("date", ["2026-12-14"])),
        (
            "decisions_by_committee",
            {"committee": "harbour", "since": "2026-12-01", "until": ""},
            (
                "decision",
                ["That the revised dredging programme be approved.", "That the lease be granted."],
            ),
        ),
        (
            "outstanding_actions",
            {"committee": "", "owner": "harbour master"},
            ("description", ["Circulate the dredging timetable"]),
        ),
        ("member_attendance", {"member": "ahmed"}, ("name", ["Cllr Sam Ahmed"])),
    ],
)
def test_every_canned_query_answers_and_links_back(
    served: tuple[str, Path],
    query: str,
    params: dict[str, str],
    expected: tuple[str, list[str]],
) -> None:
    base, _ = served
    rows = get_json(f"{base}/minutes/{query}.json?_shape=array&" + urllib.parse.urlencode(params))
    column, value = expected  # a clerk's filter: a few words of the name
    assert [row[column] for row in rows] == value
    assert rows[0]["minutes_url"].startswith("/html/harbour-board-2026-12-14")


def test_the_index_links_to_each_meeting_and_searches(served: tuple[str, Path]) -> None:
    base, _ = served
    status, index = get(f"{base}/html/index.html")
    assert status == 200
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', index)
    assert [text for _, text in links] == ["14 December 2026"]
    for href, _ in links:
        assert get(f"{base}/html/{href}")[0] == 200
    action = re.search(r'<form method="get" action="([^"]+)">', index)
    assert action is not None
    status, found = get(f"{base}{action.group(1)}?q=silt")
    assert status == 200 and "[silt]" in found


# --- the browser -----------------------------------------------------------------------


def browse(url: str, profile: Path) -> tuple[str, list[str]]:
    """The DOM Chromium builds for ``url`` and every URL the page itself
    asked for (from Chromium's network log)."""
    netlog = profile.with_suffix(".netlog.json")
    command = [
        chromium(),
        *headless(profile),
        f"--log-net-log={netlog}",
        "--virtual-time-budget=5000",
        "--dump-dom",
        url,
    ]
    browser = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        out, _ = browser.communicate(timeout=BROWSER_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(browser.pid, signal.SIGKILL)
        browser.communicate()
        pytest.fail(f"Chromium did not finish {url} within {BROWSER_TIMEOUT} s")
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(browser.pid, signal.SIGKILL)
    assert browser.returncode == 0, f"Chromium exited {browser.returncode} on {url}"
    return out.decode("utf-8"), page_requests(netlog)


def page_requests(netlog: Path) -> list[str]:
    """The URLs requested on a page's behalf (the browser's own background
    requests have no initiator, 'not an origin')."""
    log = json.loads(netlog.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [
        event["params"]["url"]
        for event in log["events"]
        if event["type"] == start
        and event.get("params", {}).get("initiator", "not an origin") != "not an origin"
    ]


def test_the_harness_sees_a_page_fetch_from_outside(tmp_path: Path) -> None:
    page = tmp_path / "control.html"
    page.write_text('<p>control</p><img src="http://evil.example/leak.png">', encoding="utf-8")
    _, requested = browse(page.as_uri(), tmp_path / "profile")
    assert "http://evil.example/leak.png" in requested


@pytest.mark.parametrize("page", ["search", "minutes", "index"])
def test_a_browser_runs_nothing_typed_and_fetches_nothing_from_outside(
    served: tuple[str, Path], tmp_path: Path, page: str
) -> None:
    base, site = served
    if page == "search":
        url = f"{base}/minutes/search_minutes?" + urllib.parse.urlencode({"q": "quayside notice"})
    elif page == "index":
        url = f"{base}/html/index.html"
    else:
        url = f"{base}/html/" + next((site / "minutes").glob("harbour-board-*.html")).name
    dom, requested = browse(url, tmp_path / "profile")
    if page == "index":
        assert requested == [] and "14 December 2026" in dom and "data-pwned" not in dom
        return
    outside = [r for r in requested if not r.startswith(f"{base}/")]
    assert outside == []
    assert parse_html(dom).title != "PWNED"
    assert "data-pwned" not in attributes(dom)
    assert "document.title='PWNED'" in dom.replace("&#39;", "'")  # shown, as words
    assert "quayside notice" in dom.casefold()
