"""Exported minutes: golden files, escaping of what the clerk typed, the
self-contained HTML document and its themes, file names and atomic writes.
(Word is read back with python-docx in ``tests/unit/test_docx.py``.)

Run with ``UPDATE_GOLDEN=1`` to rewrite the golden files, then read the diff
before committing it.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from minuteterm.db.store import Store
from minuteterm.export import (
    FORMATS,
    TEXT_FORMATS,
    ExportError,
    available_themes,
    default_filename,
    render,
    write_export,
)
from minuteterm.export.html import CONTENT_SECURITY_POLICY, css_string, page_marks_css
from minuteterm.export.markdown import escape, escape_line
from minuteterm.minutes import CONFIDENTIAL_LINE, DRAFT_LINE, QUESTION_STYLES, Heading
from minuteterm.model import EntryKind, ItemRecord, MeetingRecord
from minuteterm.recording.meetings import create_meeting
from minuteterm.recording.record import meeting_record
from tests.fixtures_meeting import HOSTILE, at, build_fixed_meeting
from tests.unit.test_docx import all_text, opened

GOLDEN = Path(__file__).parents[1] / "golden"


@pytest.fixture
def record(store: Store) -> MeetingRecord:
    """The fixed meeting's record."""
    return meeting_record(store, build_fixed_meeting(store))


# --- golden files --------------------------------------------------------------------


def _check_golden(text: str | bytes, name: str) -> None:
    assert isinstance(text, str)
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8", newline="\n")
    assert golden.exists(), f"{golden.name} missing: run with UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
@pytest.mark.parametrize("style", QUESTION_STYLES)
def test_golden(record: MeetingRecord, style: str, fmt: str) -> None:
    _check_golden(render(record, fmt, questions=style), f"minutes-{style}.{fmt}")


def test_golden_classic_theme(record: MeetingRecord) -> None:
    html = render(record, "html", theme="classic")
    _check_golden(html, "minutes-dash-classic.html")
    # The same page as the default theme's but for the stylesheet.
    default = render(record, "html")
    assert html.split("</style>")[1] == default.split("</style>")[1]
    assert parse(html).style.strip().startswith("/* MinuteTerm classic theme")


# --- Markdown ------------------------------------------------------------------------


def _tokens(tokens: list[Token]) -> list[Token]:
    """Every token, children included."""
    found = []
    for token in tokens:
        found.append(token)
        found += _tokens(token.children or [])
    return found


OUR_LABELS = {
    "RESOLVED:",
    "Present:",
    "Apologies for absence:",
    "Officers in attendance:",
    "Also in attendance:",
    "Absent:",
    "RECOMMENDED:",
    "AGREED:",
    DRAFT_LINE,
    CONFIDENTIAL_LINE,
}


@pytest.mark.parametrize("style", QUESTION_STYLES)
def test_markdown_makes_no_markup_from_user_text(record: MeetingRecord, style: str) -> None:
    text = render(record, "md", questions=style)
    tokens = _tokens(MarkdownIt("js-default").parse(text))
    kinds = {token.type for token in tokens}
    forbidden = {"link_open", "image", "html_inline", "html_block", "code_inline"}
    assert not kinds & (forbidden | {"em_open", "s_open", "fence", "code_block"})
    strong = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "strong_open"]
    numbered = {label for label in strong if re.fullmatch(r"ACTION \d+", label)}
    assert numbered and set(strong) - numbered <= OUR_LABELS
    # The only lists are the Q&A bullets and numbered resolutions; a line the
    # clerk began "1." stays a paragraph.
    assert "1\\. not a list" in text
    assert "\\<script\\>" in text


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("*stars* and _under_", "\\*stars\\* and \\_under\\_"),
        ("![x](http://e.com/x.png)", "\\!\\[x\\](http://e.com/x.png)"),
        ("<b> & &amp; &#60;", "\\<b\\> & \\&amp; &\\#60;"),
        ("a | b ~c~ `d` #e \\", "a \\| b \\~c\\~ \\`d\\` \\#e \\\\"),
        (
            "Great! (see p.4) it's: fine; ok? a/b",
            "Great! (see p.4) it's: fine; ok? a/b",
        ),
    ],
)
def test_escape_is_minimal_but_complete(typed: str, written: str) -> None:
    assert escape(typed) == written


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("1. first", "1\\. first"),
        ("12) twelfth", "12\\) twelfth"),
        ("- dash", "\\- dash"),
        ("+ plus", "\\+ plus"),
        ("=== rule", "\\=== rule"),
        ("> quote", "\\> quote"),
        ("# heading", "\\# heading"),
        ("2026 was fine", "2026 was fine"),
    ],
)
def test_escape_line_stops_lists_headings_and_quotes(typed: str, written: str) -> None:
    assert escape_line(typed) == written


# --- HTML ----------------------------------------------------------------------------


class _Page(HTMLParser):
    """Collects what the assertions need from an HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None], tuple[str, ...]]] = []
        self.text: list[str] = []
        self.style = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs), tuple(self.stack)))
        if tag not in ("meta", "br", "hr"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"misnested </{tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "style":
            self.style += data
        else:
            self.text.append(data)


def parse(html: str) -> _Page:
    """The parsed page (asserting it is well nested)."""
    page = _Page()
    page.feed(html)
    page.close()
    assert page.stack == []
    return page


@pytest.mark.parametrize("style", QUESTION_STYLES)
def test_html_is_safe_and_self_contained(record: MeetingRecord, style: str) -> None:
    page = parse(render(record, "html", questions=style))
    tags = [tag for tag, _, _ in page.tags]
    assert "script" not in tags and "img" not in tags
    for tag, attrs, _ in page.tags:
        assert not {"href", "src", "srcset", "action", "formaction"} & set(attrs), tag
        assert not any(name.startswith("on") for name in attrs), tag
    metas = [attrs for tag, attrs, _ in page.tags if tag == "meta"]
    assert {"charset": "utf-8"} in metas
    assert {
        "http-equiv": "Content-Security-Policy",
        "content": CONTENT_SECURITY_POLICY,
    } in metas
    assert "@page" in page.style and "url(" not in page.style
    assert "@import" not in page.style
    text = "".join(page.text)
    for hostile in HOSTILE:
        assert hostile in text


def test_html_items_are_sections_and_resolutions_ordered_lists(
    record: MeetingRecord,
) -> None:
    # without the note typed between the dredging item's two resolutions
    # (which keeps its place between them), they form one numbered list
    between = "thanked the harbour team"
    items = [
        replace(i, entries=[e for e in i.entries if between not in e.text]) for i in record.items
    ]
    record = replace(record, items=items)
    page = parse(render(record, "html"))
    headings = [(attrs, stack) for tag, attrs, stack in page.tags if tag == "h2"]
    items = [stack for _, stack in headings if stack[-1] == "section"]
    assert len(items) == len(record.items) + 1  # + the action sheet
    sections = [attrs for tag, attrs, _ in page.tags if tag == "section"]
    assert [s["id"] for s in sections if "item" in (s["class"] or "")] == [
        f"item-{n}" for n in range(1, len(record.items) + 1)
    ]
    lists = [stack for tag, _, stack in page.tags if tag == "ol"]
    assert lists and all(stack[-2:] == ("section", "div") for stack in lists)
    several = [r for r in record.items if _resolution_count(r) > 1]
    assert len(lists) == len(several)


def _resolution_count(item: ItemRecord) -> int:
    return sum(1 for e in item.entries if e.kind is EntryKind.RESOLUTION)


def test_html_title_is_escaped(store: Store) -> None:
    meeting = create_meeting(store, "Board <script>x</script>", at(18, 30))
    html = render(meeting_record(store, meeting), "html")
    assert "<script>" not in html
    assert "<title>Board &lt;script&gt;x&lt;/script&gt; – minutes of" in html


def test_unknown_theme_lists_the_available_ones(record: MeetingRecord) -> None:
    assert {"default", "classic"} <= set(available_themes())
    with pytest.raises(ExportError, match=r"available themes are classic, default"):
        render(record, "html", theme="../../etc")
    with pytest.raises(ExportError, match="unknown theme"):
        render(record, "html", theme="nope")


def test_public_version_keeps_exempt_words_out(record: MeetingRecord, tmp_path: Path) -> None:
    def words(fmt: str, public: bool) -> str:
        contents = render(record, fmt, public=public)
        if isinstance(contents, bytes):  # Word: every word, headers and footers too
            return all_text(opened(contents, tmp_path))
        return contents

    for fmt in FORMATS:
        public = words(fmt, public=True)
        assert "commercially sensitive" not in public
        assert "break clause" not in public
        assert "Harbour office lease (Exempt – Part II)" in public
        assert "paragraph 3 of Part 1 of Schedule 12A" in public  # the exclusion
        assert "That the lease terms be agreed." in public  # the decision in general terms
        assert "authorised to agree the lease terms" not in public
        assert "commercially sensitive" in words(fmt, public=False)
        assert "authorised to agree the lease terms" in words(fmt, public=False)


def test_printed_pages_carry_the_marking_and_status(record: MeetingRecord) -> None:
    page = parse(render(record, "html"))
    assert f"content: {css_string(CONFIDENTIAL_LINE)};" in page.style
    assert f"content: {css_string(DRAFT_LINE)};" in page.style
    assert 'Page " counter(page)' in page.style
    marked = [attrs["class"] for tag, attrs, _ in page.tags if tag == "p" and attrs]
    assert "marking" in marked and "status" in marked
    public = parse(render(record, "html", public=True))
    assert css_string(CONFIDENTIAL_LINE) not in public.style
    assert css_string(DRAFT_LINE) in public.style


def test_page_marks_are_plain_css_strings() -> None:
    assert css_string('a "b" \\ </style>\n') == r'"a \22 b\22  \5c  \3c /style\3e \a "'
    assert page_marks_css(Heading("Board", "held")) == ""
    marks = page_marks_css(Heading("Board", "held", marking="x</style><script>"))
    assert "<" not in marks and "@bottom-left" not in marks


# --- options, names and files ---------------------------------------------------


def test_bad_format_and_question_style_raise_export_error(
    record: MeetingRecord,
) -> None:
    with pytest.raises(ExportError, match="use one of md, html, docx"):
        render(record, "pdf")
    with pytest.raises(ExportError, match="question style"):
        render(record, "md", questions="table")


def test_default_filename(record: MeetingRecord, store: Store) -> None:
    assert default_filename(record, "md") == (
        "harbour-and-coastal-services-board-2026-12-14-confidential.md"
    )
    assert default_filename(record, "html", public=True) == (
        "harbour-and-coastal-services-board-2026-12-14-public.html"
    )
    meeting = create_meeting(
        store,
        "Children, Young People & Families Scrutiny Committee / Café",
        at(18, 30),
    )
    assert default_filename(meeting_record(store, meeting), "md") == (
        "children-young-people-and-families-scrutiny-committee-cafe-2026-12-14.md"
    )


def test_write_export_is_atomic_and_names_files_in_a_folder(
    record: MeetingRecord, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "minutes.html"
    target.write_text("old", encoding="utf-8")
    written = write_export(record, "html", target, questions="narrative")
    assert written == target
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in folder.iterdir()] == ["minutes.html"]
    into_folder = write_export(record, "md", folder)
    assert into_folder.name == default_filename(record, "md")
    assert b"\r\n" not in into_folder.read_bytes()


def test_write_export_refuses_a_missing_folder_and_leaves_no_temp(
    record: MeetingRecord, tmp_path: Path
) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        write_export(record, "md", tmp_path / "nowhere" / "x.md")
    # /proc takes no new files, whoever runs the test (root included).
    with pytest.raises(ExportError, match="cannot write"):
        write_export(record, "md", Path("/proc/minuteterm-minutes.md"))
    assert not Path("/proc/minuteterm-minutes.md").exists()


def test_write_export_bad_option_writes_nothing(record: MeetingRecord, tmp_path: Path) -> None:
    with pytest.raises(ExportError):
        write_export(record, "html", tmp_path / "x.html", theme="nope")
    assert list(tmp_path.glob("x.html*")) == []
