"""The hostile-text corpus and the checks every export must pass.

``payloads.json`` holds one payload per entry: ``id`` (the test id),
``attacks`` (what it tries to do), ``text`` (stored with ``\\u`` escapes, so
control characters and lone surrogates survive any editor), an optional
``repeat`` (the text is repeated that many times: the 1 MB paste) and an
optional ``expect`` (exactly what must be stored once the text is cleaned).

The inspectors here parse what an export wrote and list anything that could
run, fetch or link: :func:`html_problems`, :func:`markdown_problems` and
:func:`csv_problems` return a list of findings, empty when the file is safe.
``tests/app/test_hostile.py`` and ``tests/system/test_browser.py`` share them.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from minuteterm.export.html import CONTENT_SECURITY_POLICY

CORPUS = Path(__file__).parent / "payloads.json"

#: What no stored text may hold: C0 controls (tab and newline included, an
#: entry is one line), DEL, C1 controls, bidi embeddings, overrides and
#: isolates, and lone surrogates.
FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
#: The same, less newline: what no export file may hold.
EXPORT_FORBIDDEN = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)

#: Every element our HTML is made of; anything else came from user text.
OUR_TAGS = frozenset(
    "html head meta title style body main header section div h1 h2 h3 p strong em"  # noqa: SIM905
    " ul ol li table thead tbody tr th td br".split()
)
#: Every attribute our HTML uses: none can fetch, link or run anything.
OUR_ATTRIBUTES = frozenset({"lang", "charset", "http-equiv", "content", "name", "class", "id"})
#: The ``<meta>`` elements of our head, exactly.
OUR_METAS = (
    {"charset": "utf-8"},
    {"http-equiv": "Content-Security-Policy", "content": CONTENT_SECURITY_POLICY},
    {"name": "viewport", "content": "width=device-width, initial-scale=1"},
    {"name": "generator", "content": "MinuteTerm"},
)
#: Elements with no end tag.
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"})
#: Markdown tokens that link, fetch or pass raw HTML through.
UNSAFE_TOKENS = frozenset({"link_open", "image", "html_inline", "html_block"})
#: First characters a spreadsheet reads as the start of a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Payload:
    """One hostile text and what it attacks."""

    id: str
    attacks: str
    text: str
    expect: str | None = None


def load_payloads() -> list[Payload]:
    """The corpus, in file order, each text expanded by its ``repeat``."""
    raw = json.loads(CORPUS.read_text(encoding="ascii"))
    return [
        Payload(
            item["id"], item["attacks"], item["text"] * item.get("repeat", 1), item.get("expect")
        )
        for item in raw
    ]


PAYLOADS = load_payloads()
BY_ID = {payload.id: payload for payload in PAYLOADS}


# --- HTML ---------------------------------------------------------------------------


class Page(HTMLParser):
    """An HTML document as its elements, attributes, text and oddities."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.title = ""
        self.oddities: list[str] = []
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self._open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            while self._open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        current = self._open[-1] if self._open else ""
        if current == "title":
            self.title += data
        elif current != "style":
            self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.oddities.append(f"comment <!--{data[:40]}-->")

    def handle_pi(self, data: str) -> None:
        self.oddities.append(f"processing instruction <?{data[:40]}>")

    def unknown_decl(self, data: str) -> None:
        self.oddities.append(f"declaration <![{data[:40]}>")

    @property
    def plain(self) -> str:
        """The document's text, entities decoded (what a reader sees)."""
        return "".join(self.text)


def parse_html(html: str) -> Page:
    """``html`` parsed by the standard library's parser."""
    page = Page()
    page.feed(html)
    page.close()
    return page


def html_problems(html: str) -> list[str]:
    """Anything in ``html`` that could run, fetch, link or redirect; ``[]``
    when the page is made only of our own elements and attributes, has our
    Content Security Policy and nothing else in its head."""
    page = parse_html(html)
    problems = list(page.oddities)
    for tag, attrs in page.tags:
        if tag not in OUR_TAGS:
            problems.append(f"element <{tag}> {attrs}")
        for name, value in attrs.items():
            if name not in OUR_ATTRIBUTES:
                problems.append(f"attribute {name}={value!r} on <{tag}>")
    metas = [attrs for tag, attrs in page.tags if tag == "meta"]
    if metas != list(OUR_METAS):
        problems.append(f"head metas are not ours: {metas}")
    for tag in ("html", "head", "title", "style", "body", "main"):
        count = sum(1 for found, _ in page.tags if found == tag)
        if count != 1:
            problems.append(f"{count} <{tag}> elements")
    return problems


# --- Markdown -----------------------------------------------------------------------


def _flatten(tokens: list[Token]) -> list[Token]:
    found: list[Token] = []
    for token in tokens:
        found.append(token)
        found += _flatten(token.children or [])
    return found


def markdown_problems(text: str) -> list[str]:
    """Links, images and raw HTML that ``text`` would make when a website
    renders it, both with markdown-it's ``js-default`` preset and with
    ``commonmark`` (which passes raw HTML through)."""
    problems = []
    for preset in ("js-default", "commonmark"):
        for token in _flatten(MarkdownIt(preset).parse(text)):
            if token.type in UNSAFE_TOKENS:
                problems.append(f"{preset}: {token.type} {token.content or token.attrs!r}")
    return problems


def markdown_plain(text: str) -> str:
    """What a reader sees once the Markdown is rendered (``js-default``)."""
    return parse_html(MarkdownIt("js-default").render(text)).plain


# --- CSV ----------------------------------------------------------------------------


def csv_rows(text: str) -> list[list[str]]:
    """The CSV's rows (header first), however long a cell."""
    csv.field_size_limit(sys.maxsize)
    return list(csv.reader(io.StringIO(text)))


def csv_problems(text: str) -> list[str]:
    """Data cells a spreadsheet would run as a formula."""
    return [
        f"row {number} cell {column}: {cell[:40]!r}"
        for number, row in enumerate(csv_rows(text)[1:], start=1)
        for column, cell in enumerate(row)
        if cell.startswith(FORMULA_START)
    ]
