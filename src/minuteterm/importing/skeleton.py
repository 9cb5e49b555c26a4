"""An officer report's cover turned into its minute's skeleton.

Pure: no I/O. :func:`opening_note` writes the sentence a minute opens
with — "The Board considered a report of the Strategic Director, People,
which shared the findings of …" (the body word from the committee's name,
the officer by title, the report's purpose "To share …" put into the past
tense) — and :func:`proposed_resolution` writes each recommendation as the
resolution it would become ("Members note the findings" → "That the Board
note the findings.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minuteterm.importing.report import OfficerReport
from minuteterm.minutes.wording import ROLE_FIRST_WORDS, body_word, ensure_stop

#: Verbs a recommendation is made of, in their base form.
DECISION_VERBS = frozenset(
    "note approve agree endorse consider comment recommend delegate support receive"  # noqa: SIM905
    " accept adopt authorise authorize invite request ask welcome confirm review instruct"
    " establish grant refer reject defer acknowledge scrutinise scrutinize provide give"
    " continue identify nominate appoint allocate release determine resolve commission"
    " progress thank".split()
)

#: Past tenses that do not end in -ed as spelt.
_IRREGULAR = {
    "seek": "sought",
    "give": "gave",
    "bring": "brought",
    "set": "set",
    "make": "made",
    "tell": "told",
    "put": "put",
    "lay": "laid",
    "send": "sent",
    "find": "found",
    "take": "took",
    "submit": "submitted",
    "commit": "committed",
    "refer": "referred",
    "plan": "planned",
    "admit": "admitted",
    "transfer": "transferred",
    "outline": "outlined",
    "be": "was",
    "have": "had",
    "do": "did",
    "get": "got",
    "show": "showed",
    "lead": "led",
    "begin": "began",
    "draw": "drew",
}


@dataclass(frozen=True)
class Skeleton:
    """What a report adds to its item: the opening note and the
    recommendations as proposed resolutions."""

    opening: str
    proposals: tuple[str, ...]


def past_tense(verb: str) -> str:
    """``share`` → ``shared``, ``seek`` → ``sought``, ``apply`` → ``applied``."""
    lower = verb.lower()
    if lower in _IRREGULAR:
        past = _IRREGULAR[lower]
    elif lower.endswith("e"):
        past = lower + "d"
    elif lower.endswith("y") and len(lower) > 2 and lower[-2] not in "aeiou":
        past = lower[:-1] + "ied"
    else:
        past = lower + "ed"
    return past.capitalize() if verb[:1].isupper() else past


_PURPOSE_LEAD = re.compile(
    r"^(?:the\s+)?(?:main\s+)?(?:purpose|aim|reason)\s+of\s+(?:this|the)\s+report\s+is\s+",
    re.IGNORECASE,
)
_AND_TO = re.compile(r"\b(and|or)\s+to\s+([a-z]+)\b")


def purpose_clause(purpose: str) -> str | None:
    """A purpose "To share the findings …" as "shared the findings …";
    ``None`` when it does not start with "To …"."""
    text = _PURPOSE_LEAD.sub("", purpose.strip())
    match = re.match(r"^to\s+([A-Za-z]+)\b(.*)$", text, re.IGNORECASE | re.DOTALL)
    if match is None:
        return None
    rest = _AND_TO.sub(lambda found: f"{found.group(1)} {past_tense(found.group(2))}", match[2])
    return (past_tense(match[1].lower()) + rest).strip()


def officer_phrase(officer: str) -> str:
    """ "Strategic Director, People" → "the Strategic Director, People"; a
    name, or a title already with "the", is kept as written."""
    words = officer.split()
    if not words:
        return officer
    if words[0].lower() == "the":
        return "the " + " ".join(words[1:])
    if words[0].lower().strip(",") in ROLE_FIRST_WORDS:
        return "the " + officer
    return officer


def opening_note(report: OfficerReport, committee: str) -> str:
    """The sentence the item's minute opens with."""
    body = body_word(committee)
    said = f"The {body} considered a report"
    if report.officer:
        said += f" of {officer_phrase(report.officer)}"
    clause = purpose_clause(report.purpose) if report.purpose else None
    if clause:
        joined = f"{said}, which" if report.officer else f"{said} which"
        return ensure_stop(f"{joined} {clause}")
    if report.subject:
        return ensure_stop(f"{said} on {report.subject}")
    if report.purpose:
        return ensure_stop(f"{said}. {report.purpose}")
    return ensure_stop(said)


_RECOMMENDED_LEAD = re.compile(
    r"^(?:it\s+is\s+|the\s+)?(?:recommended|recommendation\s+is|recommendations?\s+(?:is|are))"
    r"\s+that\s+",
    re.IGNORECASE,
)
_ASKED = re.compile(
    r"^(?P<subject>.{1,60}?)\s+(?:is|are|be)\s+(?:asked|recommended|requested|invited|minded)"
    r"\s+to\s+(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_SUBJECT_VERB = re.compile(
    r"^(?P<subject>members|(?:the\s+)?[A-Z][\w&'-]*(?:\s+(?:[A-Z][\w&'-]*|and|of|for))*)"
    r"\s+(?P<verb>[a-z]+)\b(?P<rest>.*)$",
    re.DOTALL,
)


def _base(word: str) -> str | None:
    """The verb's base form if it is a decision verb (``notes`` → ``note``)."""
    lower = word.lower()
    for candidate in (lower, lower[:-1], lower[:-2]):
        if candidate in DECISION_VERBS:
            return candidate
    return None


def _subject(subject: str, body: str) -> str:
    """Who resolves: "Members" is the body itself."""
    subject = " ".join(subject.split())
    if subject.lower() in ("members", "the members", "members of the " + body.lower()):
        return f"the {body}"
    if subject.split()[0].lower() == "the":
        return "the " + " ".join(subject.split()[1:])
    return subject


def proposed_resolution(recommendation: str, committee: str) -> str:
    """A recommendation as a resolution: "That the Board note …"."""
    body = body_word(committee)
    text = " ".join(recommendation.split()).rstrip(";,").strip()
    text = re.sub(r"^(?:recommendation\s*\d*\s*[:.-]\s*)", "", text, flags=re.IGNORECASE)
    text = _RECOMMENDED_LEAD.sub("", text)
    text = re.sub(r"^that\s+", "", text, flags=re.IGNORECASE)
    asked = _ASKED.match(text)
    if asked is not None:
        rest = asked["rest"]
        first, _, tail = rest.partition(" ")
        verb = _base(first) or first.lower()
        phrase = f"{verb} {tail}".strip()
        return ensure_stop(f"That {_subject(asked['subject'], body)} {phrase}")
    found = _SUBJECT_VERB.match(text)
    if found is not None and _base(found["verb"]):
        verb = _base(found["verb"])
        return ensure_stop(f"That {_subject(found['subject'], body)} {verb}{found['rest']}")
    first, _, tail = text.partition(" ")
    if _base(first):
        return ensure_stop(f"That the {body} {_base(first)} {tail}".strip())
    return ensure_stop("That " + text[:1].lower() + text[1:] if text else "That")


def skeleton(report: OfficerReport, committee: str) -> Skeleton:
    """The opening note and the proposed resolutions for ``committee``."""
    return Skeleton(
        opening=opening_note(report, committee),
        proposals=tuple(
            proposed_resolution(text, committee) for text in report.recommendations if text
        ),
    )
