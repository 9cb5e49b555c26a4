"""Importing a meeting from a council's Modern.Gov site, as a clerk would:
the real ``minuteterm`` command against a real HTTP server on 127.0.0.1
that answers like a Modern.Gov site (with its quirks) or like the ways one
goes wrong — a 500, a web page, a stall, a hostile XML document."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from minuteterm.db.store import open_store
from minuteterm.importing.agenda_import import item_documents
from minuteterm.importing.moderngov import read_meeting
from minuteterm.model import ACTION_LOG, MeetingStatus

#: A GetMeeting answer in the shape real sites give, with their quirks:
#: mixed-case names, text escaped twice, day-first dates, a document with
#: no link, an item with no number, a restricted appendix on a public item,
#: and Part II marked by the agenda's own heading.
MEETING_XML = """<?xml version="1.0" encoding="utf-8"?>
<Meeting>
  <MeetingId>4711</MeetingId>
  <MeetingDate>09/03/2027</MeetingDate>
  <MeetingTime>18:30</MeetingTime>
  <CommitteeTitle>Westmere Audit &amp;amp; Governance Committee</CommitteeTitle>
  <MeetingLocation>Committee Room 2, Westmere Civic Centre</MeetingLocation>
  <agendaitems>
    <AgendaItem>
      <AgendaItemNumber>1</AgendaItemNumber>
      <AgendaItemTitle>Apologies for absence</AgendaItemTitle>
    </AgendaItem>
    <agendaitem>
      <agendaitemnumber>2</agendaitemnumber>
      <AGENDAITEMTITLE>Fees &amp;amp; Charges 2027/28</AGENDAITEMTITLE>
      <LinkedDocuments>
        <LinkedDoc>
          <Title>Fees and Charges report</Title>
          <Url>http://democracy.westmere.example/mgConvert2PDF.aspx?ID=5678</Url>
          <AttachmentId>5678</AttachmentId>
          <IsRestricted>False</IsRestricted>
        </LinkedDoc>
        <LinkedDoc>
          <Title>Appendix C &amp;amp; tariff detail</Title>
          <Url>http://democracy.westmere.example/mgConvert2PDF.aspx?ID=5679</Url>
          <IsRestricted>True</IsRestricted>
        </LinkedDoc>
      </LinkedDocuments>
    </agendaitem>
    <AgendaItem>
      <AgendaItemTitle>Internal audit progress</AgendaItemTitle>
      <LinkedDocuments><LinkedDoc><Title>Progress report</Title></LinkedDoc></LinkedDocuments>
    </AgendaItem>
    <AgendaItem>
      <AgendaItemNumber>4</AgendaItemNumber>
      <AgendaItemTitle>PART II - Items not for publication</AgendaItemTitle>
    </AgendaItem>
    <AgendaItem>
      <AgendaItemNumber>5</AgendaItemNumber>
      <AgendaItemTitle>Disposal of the Mill Lane depot (paragraph 3)</AgendaItemTitle>
      <LinkedDocuments><LinkedDoc><Title>Depot valuation</Title>
        <IsRestricted>True</IsRestricted></LinkedDoc></LinkedDocuments>
    </AgendaItem>
  </agendaitems>
</Meeting>
"""

MEETINGS_XML = """<?xml version="1.0" encoding="utf-8"?>
<getmeetingsbydate>
  <meetingscount>3</meetingscount>
  <meetings>
    <meeting><meetingid>4711</meetingid><meetingdate>09/03/2027</meetingdate>
      <meetingstatus>Confirmed</meetingstatus><committeeid>142</committeeid></meeting>
    <meeting><meetingid>4650</meetingid><meetingdate>24/11/2026</meetingdate>
      <meetingstatus>Confirmed; Budget meeting</meetingstatus></meeting>
    <meeting><meetingid>4702</meetingid><meetingdate>12/01/2027</meetingdate>
      <meetingstatus>Cancelled</meetingstatus></meeting>
  </meetings>
</getmeetingsbydate>
"""

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<meeting><meetingid>1</meetingid><meetingdate>09/03/2027</meetingdate>
<agendaitems><agendaitem><agendaitemtitle>&lol9;</agendaitemtitle></agendaitem></agendaitems>
</meeting>
"""

SHIELD_PAGE = """<!DOCTYPE html><html><head><title>Just a moment...</title></head>
<body>Checking your browser before accessing the site.</body></html>"""

#: How long the stalling site waits at most before answering (the client's
#: one-second timeout must fire long before).
STALL_SECONDS = 30


class Site:
    """What the test server answers, changeable by a test."""

    def __init__(self) -> None:
        self.meeting_xml = MEETING_XML
        self.release = threading.Event()
        self.requests: list[tuple[str, str]] = []


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args: object) -> None:
            pass

        def _send(self, status: int, body: str, content_type: str = "text/xml") -> None:
            data = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", f"{content_type}; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            site.requests.append((parts.path, self.headers.get("User-Agent", "")))
            behaviour = parts.path.split("/")[1]
            query = parse_qs(parts.query)
            if behaviour == "broken":
                self._send(500, "Internal Server Error", "text/plain")
            elif behaviour == "shield":
                self._send(200, SHIELD_PAGE, "text/html")
            elif behaviour == "forbidden":
                self._send(403, SHIELD_PAGE, "text/html")
            elif behaviour == "stall":
                site.release.wait(STALL_SECONDS)
                self._send(200, site.meeting_xml)
            elif behaviour == "laughs":
                self._send(200, BILLION_LAUGHS)
            elif behaviour == "static":  # ignores which meeting was asked for
                self._send(200, site.meeting_xml)
            elif behaviour == "committees":
                self._send(200, "<committees><committee><id>1</id></committee></committees>")
            elif parts.path.endswith("/GetMeetings") and query.get("lCommitteeId") == ["142"]:
                self._send(200, MEETINGS_XML)
            elif parts.path.endswith("/GetMeeting") and query.get("lMeetingId") == ["4711"]:
                self._send(200, site.meeting_xml)
            else:
                self._send(404, "Not found", "text/plain")

    return Handler


@pytest.fixture
def site() -> Iterator[tuple[str, Site]]:
    """A Modern.Gov-like server on 127.0.0.1; ``(base URL, its state)``."""
    state = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", state
    finally:
        state.release.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def run(*args: str, db: Path) -> subprocess.CompletedProcess:
    """``minuteterm ARGS --db DB`` in a child process, with a one-second
    HTTP timeout."""
    return subprocess.run(
        [sys.executable, "-m", "minuteterm", *args, "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", "MINUTETERM_HTTP_TIMEOUT": "1"},
    )


def refused(result: subprocess.CompletedProcess, *words: str) -> None:
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    for word in words:
        assert word in result.stderr, result.stderr
    assert result.stdout == ""


def meeting_count(db: Path) -> int:
    store = open_store(db)
    try:
        return len(store.meetings())
    finally:
        store.close()


def test_a_meeting_comes_in_with_its_agenda_and_reports(site, db_path: Path) -> None:
    base, state = site
    result = run("import", "moderngov", base, "--meeting", "4711", db=db_path)
    assert result.returncode == 0, result.stderr
    meeting_id = int(result.stdout.strip())
    assert state.requests[0][0] == "/mgWebService.asmx/GetMeeting"
    assert state.requests[0][1].startswith("MinuteTerm/")

    store = open_store(db_path)
    try:
        meeting = store.meeting(meeting_id)
        assert meeting.committee == "Westmere Audit & Governance Committee"
        assert meeting.status is MeetingStatus.DRAFT
        assert meeting.venue == "Committee Room 2, Westmere Civic Centre"
        assert meeting.starts_at.in_tz("Europe/London").format("DD/MM/YYYY HH:mm") == (
            "09/03/2027 18:30"
        )
        items = store.items(meeting_id)
        assert [(item.number, item.title, item.exempt) for item in items] == [
            ("1", "Apologies for absence", False),
            ("2", "Fees & Charges 2027/28", False),  # a restricted appendix alone: still public
            ("3", "Internal audit progress", False),
            ("4", "PART II - Items not for publication", False),
            ("5", "Disposal of the Mill Lane depot (paragraph 3)", True),
        ]
        assert items[4].exempt_paragraph == "3"
        assert items[0].standing == "apologies"
        documents = item_documents(store, meeting_id)
        fees = documents[items[1].id]
        assert [(d.title, d.restricted) for d in fees] == [
            ("Fees and Charges report", False),
            ("Appendix C & tariff detail", True),
        ]
        assert fees[0].url == "http://democracy.westmere.example/mgConvert2PDF.aspx?ID=5678"
        assert [d.title for d in documents[items[2].id]] == ["Progress report"]
        assert documents[items[2].id][0].url is None
    finally:
        store.close()


def test_the_service_address_itself_works_too(site, db_path: Path) -> None:
    base, state = site
    result = run(
        "import", "moderngov", f"{base}/mgWebService.asmx", "--meeting", "4711", db=db_path
    )
    assert result.returncode == 0, result.stderr
    assert state.requests[-1][0] == "/mgWebService.asmx/GetMeeting"


def test_a_committees_meetings_are_listed_by_date(site, db_path: Path) -> None:
    base, _state = site
    result = run("import", "moderngov", base, "--committee-id", "142", "--list", db=db_path)
    assert result.returncode == 0, result.stderr
    lines = [line.split(None, 2) for line in result.stdout.strip().splitlines()]
    assert lines == [
        ["4650", "24/11/2026", "Confirmed; Budget meeting"],
        ["4702", "12/01/2027", "Cancelled"],
        ["4711", "09/03/2027", "Confirmed"],
    ]
    assert meeting_count(db_path) == 0


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("broken", ("HTTP 500",)),
        ("shield", ("web page, not XML",)),
        ("forbidden", ("403", "firewall")),
        ("stall", ("did not answer within 1 seconds",)),
        ("laughs", ("entities",)),
        ("committees", ("not a Modern.Gov meeting",)),
        ("static", ("answered with meeting 4711, not 4712",)),
    ],
)
def test_a_site_that_goes_wrong_is_refused_in_one_line(
    site, db_path: Path, path: str, words: tuple[str, ...]
) -> None:
    base, _state = site
    open_store(db_path).close()
    wanted = "4712" if path == "static" else "4711"
    result = run("import", "moderngov", f"{base}/{path}", "--meeting", wanted, db=db_path)
    refused(result, *words)
    assert meeting_count(db_path) == 0


def test_an_unreachable_host_is_named(db_path: Path) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    open_store(db_path).close()
    result = run("import", "moderngov", f"http://127.0.0.1:{port}", "--meeting", "1", db=db_path)
    refused(result, f"cannot reach 127.0.0.1:{port}")
    assert meeting_count(db_path) == 0


def test_hostile_or_wrong_files_are_refused(tmp_path: Path, db_path: Path) -> None:
    laughs = tmp_path / "laughs.xml"
    laughs.write_text(BILLION_LAUGHS)
    refused(run("import", "moderngov", str(laughs), db=db_path), "entities")
    page = tmp_path / "page.xml"
    page.write_text(SHIELD_PAGE)
    refused(run("import", "moderngov", str(page), db=db_path), "web page")
    external = tmp_path / "external.xml"
    external.write_text(
        '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        "<meeting><meetingid>1</meetingid><meetingdate>09/03/2027</meetingdate>"
        "<agendaitems><agendaitem><agendaitemtitle>&x;</agendaitemtitle></agendaitem>"
        "</agendaitems></meeting>"
    )
    refused(run("import", "moderngov", str(external), db=db_path), "refused")
    refused(run("import", "moderngov", str(tmp_path / "missing.xml"), db=db_path), "not exist")
    assert meeting_count(db_path) == 0


def test_a_saved_file_without_a_committee_needs_one(tmp_path: Path, db_path: Path) -> None:
    saved = tmp_path / "meeting.xml"
    saved.write_text(
        MEETING_XML.replace("<CommitteeTitle>", "<Other>").replace("</CommitteeTitle>", "</Other>")
    )
    open_store(db_path).close()
    refused(run("import", "moderngov", str(saved), db=db_path), "--committee NAME")
    assert meeting_count(db_path) == 0
    result = run(
        "import", "moderngov", str(saved), "--committee", "Westmere Audit Committee", db=db_path
    )
    assert result.returncode == 0, result.stderr
    store = open_store(db_path)
    try:
        assert store.meeting(int(result.stdout)).committee == "Westmere Audit Committee"
    finally:
        store.close()


def test_importing_again_updates_a_draft_and_is_refused_once_live(site, db_path: Path) -> None:
    base, state = site
    first = run("import", "moderngov", base, "--meeting", "4711", db=db_path)
    meeting_id = int(first.stdout)
    state.meeting_xml = MEETING_XML.replace(
        "Internal audit progress", "Internal audit progress, quarter 3"
    ).replace(
        "</agendaitems>",
        "<AgendaItem><AgendaItemNumber>6</AgendaItemNumber>"
        "<AgendaItemTitle>Urgent business</AgendaItemTitle></AgendaItem></agendaitems>",
    )
    again = run("import", "moderngov", base, "--meeting", "4711", db=db_path)
    assert again.returncode == 0, again.stderr
    assert int(again.stdout) == meeting_id
    assert "1 new" in again.stderr
    store = open_store(db_path)
    try:
        assert len(store.meetings()) == 1
        titles = [item.title for item in store.items(meeting_id)]
        assert "Internal audit progress, quarter 3" in titles
        assert titles[-1] == "Urgent business"
        assert len(titles) == 6
    finally:
        store.close()

    assert run("capture", str(meeting_id), "/item 2", db=db_path).returncode == 0
    live = run("import", "moderngov", base, "--meeting", "4711", db=db_path)
    refused(live, "is live", "can no longer be replaced")
    store = open_store(db_path)
    try:
        assert len(store.items(meeting_id)) == 6
        assert len(store.meetings()) == 1
    finally:
        store.close()


def test_a_saved_file_updates_what_was_imported_from_its_site(
    site, tmp_path: Path, db_path: Path
) -> None:
    base, _state = site
    meeting_id = int(run("import", "moderngov", base, "--meeting", "4711", db=db_path).stdout)
    saved = tmp_path / "GetMeeting.xml"  # saved from the same site: its links name it
    saved.write_text(
        MEETING_XML.replace("http://democracy.westmere.example", base).replace(
            "Apologies for absence", "Apologies"
        )
    )
    result = run("import", "moderngov", str(saved), db=db_path)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) == meeting_id
    assert meeting_count(db_path) == 1
    store = open_store(db_path)
    try:
        assert store.items(meeting_id)[0].title == "Apologies"
    finally:
        store.close()


def test_importing_into_a_committee_whose_last_minutes_are_approved(
    tmp_path: Path, db_path: Path
) -> None:
    saved = tmp_path / "meeting.xml"
    saved.write_text(MEETING_XML)
    committee = "Westmere Audit & Governance Committee"
    earlier = run("new", "--committee", committee, "--date", "10/11/2026", db=db_path)
    later = run("new", "--committee", committee, "--date", "08/12/2026", db=db_path)
    earlier_id, later_id = int(earlier.stdout), int(later.stdout)
    for line in ("/add Reports", "! Head of Audit: circulate the fraud plan", "/end"):
        assert run("capture", str(earlier_id), line, db=db_path).returncode == 0
    for line in ("/add Minutes of the previous meeting", "/approve"):
        assert run("capture", str(later_id), line, db=db_path).returncode == 0

    result = run("import", "moderngov", str(saved), db=db_path)
    assert result.returncode == 0, result.stderr
    imported = int(result.stdout)
    store = open_store(db_path)
    try:
        assert store.meeting(earlier_id).status is MeetingStatus.APPROVED
        assert store.meeting(imported).status is MeetingStatus.DRAFT
        items = store.items(imported)
        assert [item.standing for item in items].count(ACTION_LOG) == 1
        assert len(items) == 6  # the five imported and the action log
    finally:
        store.close()
    again = run("import", "moderngov", str(saved), db=db_path)
    assert again.returncode == 0, again.stderr
    store = open_store(db_path)
    try:
        assert int(again.stdout) == imported
        assert [item.standing for item in store.items(imported)].count(ACTION_LOG) == 1
        assert store.meeting(earlier_id).status is MeetingStatus.APPROVED
    finally:
        store.close()


def test_an_answer_wrapped_as_a_string_is_read() -> None:
    wrapped = (
        '<?xml version="1.0"?><string xmlns="http://tempuri.org/">'
        + MEETING_XML.split("?>", 1)[1].replace("&", "&amp;").replace("<", "&lt;")
        + "</string>"
    )
    meeting = read_meeting(wrapped.encode())
    assert meeting.meeting_id == "4711"
    assert meeting.items[1].title == "Fees & Charges 2027/28"


def test_start_times_as_sites_write_them(store) -> None:
    from minuteterm.importing.agenda_import import import_meeting

    seconds = read_meeting(MEETING_XML.replace("18:30", "10:00:00").encode())
    meeting_id, outcome = import_meeting(store, "one.example", seconds)
    assert store.meeting(meeting_id).starts_at.in_tz("Europe/London").format("HH:mm") == "10:00"
    assert "no start time" not in outcome.message
    missing = read_meeting(MEETING_XML.replace("<MeetingTime>18:30</MeetingTime>", "").encode())
    meeting_id, outcome = import_meeting(store, "two.example", missing)
    assert "no start time could be read: 6.00 pm" in outcome.message
    assert store.meeting(meeting_id).starts_at.in_tz("Europe/London").format("HH:mm") == "18:00"


def test_part_two_as_agendas_mark_it() -> None:
    def titles(*names: str) -> str:
        items = "".join(
            f"<agendaitem><agendaitemtitle>{name}</agendaitemtitle></agendaitem>" for name in names
        )
        return (
            "<meeting><meetingid>9</meetingid><meetingdate>09/03/2027</meetingdate>"
            f"<agendaitems>{items}</agendaitems></meeting>"
        )

    meeting = read_meeting(
        titles(
            "Play area refurbishment (exempt: not for publication)",
            "Budget monitoring",
            "Exclusion of the press and public",
            "Leisure contract extension",
        ).encode()
    )
    assert [item.exempt for item in meeting.items] == [True, False, False, True]
    assert [item.number for item in meeting.items] == [None, None, None, None]
