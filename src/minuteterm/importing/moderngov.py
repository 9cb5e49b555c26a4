"""A council's Modern.Gov web service: fetch a meeting's agenda, read it.

Every Modern.Gov site answers ``SITE/mgWebService.asmx/GetMeeting?lMeetingId=N``
(one meeting and its agenda) and ``GetMeetings?lCommitteeId=N`` (a
committee's meetings) as XML over plain HTTP GET. What comes back is
untrusted: it is read with :mod:`defusedxml` (no entities at all, so no
"billion laughs" and no external entities), capped in size, and tolerated
in the shapes real sites give — element names in any case, text
HTML-escaped and then XML-escaped (``&amp;amp;``), ``dd/mm/yyyy`` dates,
optional fields missing. Anything else is refused with one
:class:`ImportRefused` line naming the cause; nothing here writes.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element, ParseError

from minuteterm.dates import within_range
from minuteterm.errors import StoreError
from minuteterm.formal.exempt import EXEMPT_PARAGRAPHS

#: The largest answer read (a big agenda is well under 1 MB).
MAX_XML_BYTES = 5 * 1024 * 1024
#: Seconds the client waits to connect or for the next bytes of an answer;
#: ``MINUTETERM_HTTP_TIMEOUT`` overrides it.
DEFAULT_TIMEOUT = 20.0
USER_AGENT = "MinuteTerm/0.1 (committee minutes; agenda import from Modern.Gov)"
SERVICE = "mgWebService.asmx"


class ImportRefused(StoreError):
    """An import that cannot go ahead; the message says why, in one line."""


@dataclass(frozen=True)
class Document:
    """A report or other document linked to an agenda item."""

    title: str
    url: str | None = None
    restricted: bool = False


@dataclass(frozen=True)
class AgendaEntry:
    """One agenda item as the site lists it."""

    number: str | None
    title: str
    exempt: bool = False
    exempt_paragraph: str | None = None
    documents: tuple[Document, ...] = ()


@dataclass(frozen=True)
class ImportedMeeting:
    """One meeting and its agenda, as read from the site (or a saved file)."""

    meeting_id: str
    day: date
    time: str | None = None
    committee: str | None = None
    committee_id: str | None = None
    venue: str | None = None
    items: tuple[AgendaEntry, ...] = field(default=())


@dataclass(frozen=True)
class ListedMeeting:
    """One line of ``GetMeetings``: a meeting of the committee."""

    meeting_id: str
    day: date | None
    status: str


# --- where to ask -------------------------------------------------------------


def service_url(source: str) -> str:
    """The ``.../mgWebService.asmx`` address for a site's base URL (or the
    service's own address), refusing what is not an http(s) address."""
    parts = urlsplit(source.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ImportRefused(f"{source!r} is not a web address (https://…) or a saved XML file")
    path = parts.path.rstrip("/")
    if path.lower().endswith(f"/{SERVICE.lower()}"):
        path = path[: -len(SERVICE) - 1]
    elif "/mgwebservice.asmx/" in path.lower():
        path = path[: path.lower().index("/mgwebservice.asmx/")]
    return f"{parts.scheme}://{parts.netloc}{path}/{SERVICE}"


def site_of(source: str) -> str:
    """The site a meeting comes from, as remembered: ``host/path`` in lower
    case without the scheme (``http`` and ``https`` are the same site)."""
    url = service_url(source)
    parts = urlsplit(url)
    return (parts.netloc + parts.path[: -len(SERVICE) - 1]).lower()


def timeout_seconds(given: float | None = None) -> float:
    """The client's timeout: ``given``, else ``MINUTETERM_HTTP_TIMEOUT``,
    else :data:`DEFAULT_TIMEOUT`."""
    if given is not None:
        return given
    try:
        return float(os.environ.get("MINUTETERM_HTTP_TIMEOUT", DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT


def fetch(source: str, operation: str, params: dict[str, str], timeout: float) -> bytes:
    """GET one operation of the site's web service; its body, or
    :class:`ImportRefused` naming the cause (HTTP error, timeout, a web page
    instead of XML, a host that cannot be reached)."""
    import httpx

    url = f"{service_url(source)}/{operation}"
    host = urlsplit(url).netloc
    try:
        with (
            httpx.Client(
                timeout=timeout,
                headers={"User-Agent": USER_AGENT, "Accept": "text/xml, application/xml"},
                follow_redirects=True,
                max_redirects=5,
            ) as client,
            client.stream("GET", url, params=params) as answer,
        ):
            _check_status(answer, host)
            body = _read_capped(answer, host)
            content_type = answer.headers.get("content-type", "")
    except httpx.TimeoutException:
        raise ImportRefused(f"{host} did not answer within {timeout:g} seconds") from None
    except httpx.TooManyRedirects:
        raise ImportRefused(f"{host} redirected too many times") from None
    except httpx.HTTPError as error:
        raise ImportRefused(f"cannot reach {host}: {_reason(error)}") from None
    if "html" in content_type.lower() or _looks_like_html(body):
        raise ImportRefused(
            f"{host} answered with a web page, not XML (a security check or login page?):"
            " open the address in a browser, save the XML and import the file"
        )
    return body


def _check_status(answer, host: str) -> None:  # answer: httpx.Response
    if answer.status_code == 403:
        raise ImportRefused(
            f"{host} refused the request (HTTP 403 Forbidden): its firewall may block"
            " programs; save the XML from a browser and import the file"
        )
    if answer.status_code >= 400:
        phrase = answer.reason_phrase or "error"
        raise ImportRefused(f"{host} answered HTTP {answer.status_code} {phrase}")


def _read_capped(answer, host: str) -> bytes:  # answer: httpx.Response
    chunks, size = [], 0
    for chunk in answer.iter_bytes():
        size += len(chunk)
        if size > MAX_XML_BYTES:
            raise ImportRefused(f"{host} sent more than {MAX_XML_BYTES // 2**20} MB: not an agenda")
        chunks.append(chunk)
    return b"".join(chunks)


def _reason(error: Exception) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text[:160]


def _looks_like_html(body: bytes) -> bool:
    head = body[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:200]


def read_file(path: str | Path) -> bytes:
    """A saved answer from disk, capped in size."""
    path = Path(path).expanduser()
    try:
        size = path.stat().st_size
        if size > MAX_XML_BYTES:
            raise ImportRefused(f"{path} is too big to be a Modern.Gov answer")
        return path.read_bytes()
    except FileNotFoundError:
        raise ImportRefused(f"{path} does not exist") from None
    except IsADirectoryError:
        raise ImportRefused(f"{path} is a folder, not a saved XML file") from None
    except OSError as error:
        raise ImportRefused(f"cannot read {path}: {error.strerror}") from None


# --- reading the XML ----------------------------------------------------------


def _parse(body: bytes) -> Element:
    """The document's root, read with no entities of any kind."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    if _looks_like_html(body):
        raise ImportRefused("this is a web page, not a Modern.Gov XML answer")
    try:
        root = fromstring(body, forbid_dtd=True)
    except DefusedXmlException:
        raise ImportRefused(
            "the XML declares entities or a DTD, which no Modern.Gov answer does: refused"
        ) from None
    except ParseError as error:
        raise ImportRefused(f"not a Modern.Gov answer: the XML cannot be read ({error})") from None
    if _name(root) == "string" and (root.text or "").lstrip().startswith("<"):
        return _parse(root.text.strip().encode("utf-8"))  # an answer wrapped as a string
    return root


def _name(element: Element) -> str:
    """An element's name without namespace, in lower case."""
    return element.tag.rpartition("}")[2].lower() if isinstance(element.tag, str) else ""


def _child(element: Element, *names: str) -> Element | None:
    for child in element:
        if _name(child) in names:
            return child
    return None


def _text(element: Element, *names: str) -> str | None:
    """The cleaned text of the first child called one of ``names``."""
    child = _child(element, *names)
    if child is None:
        return None
    text = unescape("".join(child.itertext()))
    return text or None


def unescape(text: str) -> str:
    """Text as the site meant it: HTML entities left over from its double
    escaping (``&amp;amp;`` arrives as ``&amp;``) decoded, tags and runs of
    white space collapsed."""
    for _ in range(3):
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    text = re.sub(r"<[^>]{0,200}>", " ", text)
    return " ".join(text.split())


def _flag(element: Element, *names: str) -> bool:
    value = (_text(element, *names) or "").strip().lower()
    return value in ("true", "yes", "1", "y")


_DAY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def read_day(text: str | None) -> date | None:
    """``04/03/2026`` (day first) or ``2026-03-04[T…]``; ``None`` if neither,
    or if the date is outside the years MinuteTerm accepts."""
    if not text:
        return None
    try:
        if match := _DAY.search(text):
            day, month, year = (int(part) for part in match.groups())
            found = date(year, month, day)
        elif match := _ISO_DAY.search(text):
            year, month, day = (int(part) for part in match.groups())
            found = date(year, month, day)
        else:
            return None
    except ValueError:
        return None
    return found if within_range(found) else None


def _find(root: Element, name: str) -> Element | None:
    if _name(root) == name:
        return root
    for element in root.iter():
        if _name(element) == name:
            return element
    return None


#: An item that opens the agenda's Part II: the items after it are exempt.
_PART_TWO_HEADING = re.compile(
    r"^\s*(?:part\s*(?:ii|2)\b|exclusion\s+of\s+(?:the\s+)?press\s+and\s+(?:the\s+)?public)",
    re.IGNORECASE,
)
_EXEMPT_TITLE = re.compile(
    r"\((?:[^)]*\b)?(?:exempt|part\s*(?:ii|2)|not for publication|confidential)\b[^)]*\)"
    r"|\bpart\s*(?:ii|2)\s*[-–:]|\bexempt\s+(?:item|information|report)\b",
    re.IGNORECASE,
)
_PARAGRAPH = re.compile(r"\bparagraphs?\s+(\d{1,2})\b", re.IGNORECASE)


def _item(element: Element, after_part_two: bool) -> AgendaEntry | None:
    title = _text(element, "agendaitemtitle", "title", "itemtitle")
    if not title:
        return None
    number = _text(element, "agendaitemnumber", "itemnumber", "minutesitemnumber")
    sub = _text(element, "agendaitemsubnumber", "minutesitemsubnumber")
    if number and sub and sub not in ("0", number):
        number = f"{number}{sub}" if sub.isalpha() else f"{number}.{sub}"
    marked = _flag(element, "ispartii", "ispart2", "isexempt", "exempt", "agendaitemexempt")
    heading = bool(_PART_TWO_HEADING.match(title))
    exempt = marked or (not heading and (after_part_two or bool(_EXEMPT_TITLE.search(title))))
    found = _PARAGRAPH.search(title) if exempt else None
    paragraph = found.group(1) if found and int(found.group(1)) in EXEMPT_PARAGRAPHS else None
    docs = _child(element, "linkeddocuments", "documents")
    documents = tuple(
        Document(
            title=_text(doc, "title", "documenttitle") or "Document",
            url=_text(doc, "url", "documenturl", "link"),
            restricted=_flag(doc, "isrestricted", "restricted"),
        )
        for doc in (docs if docs is not None else [])
        if _name(doc) in ("linkeddoc", "linkeddocument", "document")
    )
    return AgendaEntry(
        number=number.rstrip(".") if number else None,
        title=title,
        exempt=exempt,
        exempt_paragraph=paragraph,
        documents=documents,
    )


def read_meeting(body: bytes) -> ImportedMeeting:
    """A ``GetMeeting`` answer as an :class:`ImportedMeeting`; refused
    (:class:`ImportRefused`) when it is not one."""
    root = _parse(body)
    meeting = _find(root, "meeting")
    meeting_id = _text(meeting, "meetingid") if meeting is not None else None
    if meeting is None or not meeting_id:
        raise ImportRefused("not a Modern.Gov meeting: no <meeting> with a <meetingid> in it")
    day = read_day(_text(meeting, "meetingdate", "date"))
    if day is None:
        raise ImportRefused(f"Modern.Gov meeting {meeting_id} has no date that can be read")
    agenda = _child(meeting, "agendaitems", "agenda")
    items: list[AgendaEntry] = []
    part_two = False
    for element in agenda if agenda is not None else []:
        if _name(element) not in ("agendaitem", "item"):
            continue
        item = _item(element, part_two)
        if item is None:
            continue
        part_two = part_two or bool(_PART_TWO_HEADING.match(item.title))
        items.append(item)
    return ImportedMeeting(
        meeting_id=meeting_id,
        day=day,
        time=_text(meeting, "meetingtime", "time", "starttime"),
        committee=_text(meeting, "committeetitle", "committeename", "committee"),
        committee_id=_text(meeting, "committeeid"),
        venue=_text(meeting, "meetinglocation", "location", "venue", "meetingvenue"),
        items=tuple(items),
    )


def read_meetings(body: bytes) -> list[ListedMeeting]:
    """A ``GetMeetings`` answer: the committee's meetings, by date."""
    root = _parse(body)
    if _find(root, "meetings") is None and _name(root) != "getmeetingsbydate":
        raise ImportRefused("not a Modern.Gov list of meetings: no <meetings> in it")
    listed = [
        ListedMeeting(
            meeting_id=_text(element, "meetingid") or "?",
            day=read_day(_text(element, "meetingdate", "date")),
            status=_text(element, "meetingstatus", "status") or "",
        )
        for element in root.iter()
        if _name(element) == "meeting" and _text(element, "meetingid")
    ]
    return sorted(listed, key=lambda meeting: (meeting.day or date.min, meeting.meeting_id))


#: The site remembered for a saved file whose documents do not name one.
SAVED_FILE_SITE = "saved file"


def _site_of_documents(meeting: ImportedMeeting) -> str | None:
    """The site a saved answer came from, read from its document links
    (``http://SITE/mgConvert2PDF.aspx?ID=…``)."""
    for item in meeting.items:
        for document in item.documents:
            parts = urlsplit(document.url or "")
            if parts.scheme in ("http", "https") and parts.netloc:
                folder = parts.path.rpartition("/")[0]
                return (parts.netloc + folder).lower()
    return None


def _check_scheme(source: str) -> None:
    if "://" in source and not is_address(source):
        raise ImportRefused(
            f"{source!r}: only http:// and https:// addresses or a saved XML file can be imported"
        )


def is_address(source: str) -> bool:
    """Whether ``source`` is a web address rather than a saved file."""
    return urlsplit(source.strip()).scheme in ("http", "https")


def get_meeting(
    source: str, meeting_id: str | None, timeout: float | None = None
) -> tuple[str, ImportedMeeting]:
    """``(site, meeting)``: the meeting from a site (``meeting_id`` needed)
    or from a saved ``GetMeeting`` file (the site is then read from its
    document links, so a file saved from a site updates what was imported
    from it)."""
    _check_scheme(source)
    if not is_address(source):
        meeting = read_meeting(read_file(source))
        if meeting_id is not None and str(meeting_id) != meeting.meeting_id:
            raise ImportRefused(
                f"{source} holds Modern.Gov meeting {meeting.meeting_id}, not {meeting_id}"
            )
        return _site_of_documents(meeting) or SAVED_FILE_SITE, meeting
    if meeting_id is None:
        raise ImportRefused("--meeting ID is needed to import from a web address")
    body = fetch(source, "GetMeeting", {"lMeetingId": str(meeting_id)}, timeout_seconds(timeout))
    meeting = read_meeting(body)
    if meeting.meeting_id != str(meeting_id):
        raise ImportRefused(
            f"the site answered with meeting {meeting.meeting_id}, not {meeting_id}:"
            " nothing imported"
        )
    return site_of(source), meeting


def list_meetings(
    source: str, committee_id: str | None, timeout: float | None = None
) -> list[ListedMeeting]:
    """The committee's meetings, from a site or a saved ``GetMeetings`` file."""
    _check_scheme(source)
    if not is_address(source):
        return read_meetings(read_file(source))
    if committee_id is None:
        raise ImportRefused("--committee-id N is needed to list a site's meetings")
    params = {"lCommitteeId": str(committee_id), "sFromDate": "", "sToDate": ""}
    return read_meetings(fetch(source, "GetMeetings", params, timeout_seconds(timeout)))
