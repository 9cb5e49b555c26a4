"""Members' questions and officers' answers, written in a house style.

Each writer takes one question, its answers and the body noun, and returns
paragraphs: the question with its first answer, then one paragraph for each
further answer (a follow-up is never run into the paragraph before). The
clerk's own reporting verbs are kept (see :mod:`.reported_speech`):

- **dash**: "Was the audit late – it would be on time." (a question as
  asked); notes that are not questions name the member ("Cllr Lee asked
  about ... – ...");
- **bullets**: "In response to a query from Cllr Lee as to whether the
  audit was late, the Committee was advised that ...";
- **narrative**: "Cllr Lee asked whether the audit was late. The Head of
  Finance advised that ...".
"""

from __future__ import annotations

from minuteterm.minutes.document import Paragraph, Span
from minuteterm.minutes.lexicon import AUXILIARIES, DETERMINERS, PRONOUNS, WH_WORDS
from minuteterm.minutes.reported_speech import (
    Question,
    is_fragment,
    is_question,
    query_words,
    read_question,
    strip_end,
    verb_led,
)
from minuteterm.minutes.wording import (
    capitalise,
    clause,
    ensure_stop,
    role_name,
    run_in,
    strip_that,
)
from minuteterm.model import Entry


def _plain(text: str) -> Paragraph:
    return Paragraph((Span(text),))


def _mid(name: str) -> str:
    """A role name inside a sentence: "the Harbour Master"."""
    return "the" + name[3:] if name.startswith("The ") else name


def asker(question: Entry) -> str:
    """Who asked: the member, else "A Member"."""
    return question.speaker or "A Member"


def answerer(answer: Entry) -> str:
    """Who answered, by title ("The Head of Finance"), else "Officers"."""
    return role_name(answer.speaker) if answer.speaker else "Officers"


def said(answer: Entry, body: str) -> str:
    """An answer as a sentence of its own: "The Director confirmed that ...",
    "The Director advised that ...", "Officers advised that ..."."""
    led = verb_led(answer.text)
    if led is not None:
        return ensure_stop(f"{answerer(answer)} {led.phrase}")
    return ensure_stop(f"{answerer(answer)} {_advised_that(answer.text)}")


def _advised_that(text: str) -> str:
    """ "advised that it would open in May", or for a phrase that is not a
    sentence, "advised: about eight weeks"."""
    if is_fragment(strip_that(text)):
        return f"advised: {strip_end(strip_that(text))}"
    return f"advised that {clause(text)}"


def further(answer: Entry, body: str) -> str:
    """A follow-up answer, as its own paragraph: "The Harbour Master added
    that ...", "It was added that ...", or the clerk's own verb."""
    led = verb_led(answer.text)
    if led is not None:
        return ensure_stop(f"{answerer(answer)} {led.phrase}")
    who = role_name(answer.speaker) if answer.speaker else "It was"
    return ensure_stop(f"{who} added that {clause(answer.text)}")


def asked_sentence(question: Entry) -> str:
    """The question as a sentence of narrative: "Cllr Lee asked whether ...",
    "Cllr Lee queried ...", "Cllr Lee asked: “Was ...?”"."""
    read = read_question(question.text)
    who = asker(question)
    if read.form == "verb":
        return ensure_stop(f"{who} {read.words}")
    if read.form == "reported":
        return ensure_stop(f"{who} asked {read.words}")
    if read.form == "quoted":
        return f"{who} asked: “{read.words}?”"
    return ensure_stop(f"{who} asked about {read.words}")


def _rest(answers: list[Entry], body: str) -> list[Paragraph]:
    return [_plain(further(answer, body)) for answer in answers]


# --- narrative ----------------------------------------------------------------------------


def narrative(question: Entry, answers: list[Entry], body: str) -> list[Paragraph]:
    """ "Cllr Lee asked whether X. The Head of Finance confirmed that Y." """
    text = asked_sentence(question)
    if answers:
        text += " " + said(answers[0], body)
    return [_plain(text), *_rest(answers[1:], body)]


# --- dash -----------------------------------------------------------------------------------


def _dash_answer(answer: Entry) -> str:
    led = verb_led(answer.text)
    if led is not None:
        who = _mid(role_name(answer.speaker)) if answer.speaker else "officers"
        return f"{who} {led.phrase}"
    return run_in(strip_that(answer.text))


def dash(question: Entry, answers: list[Entry], body: str) -> list[Paragraph]:
    """ "Was the audit late – it would be on time." A note that is not a
    question as asked names the member: "Cllr Lee queried X – ..."."""
    read = read_question(question.text)
    if read.form in ("quoted", "reported") and _asked_directly(question.text):
        asked = capitalise(strip_end(question.text))
        if not answers:
            return [_plain(f"{asked}?")]
    else:
        asked = strip_end(asked_sentence(question))
        if not answers:
            return [_plain(ensure_stop(asked))]
    first = _dash_answer(answers[0])
    return [_plain(ensure_stop(f"{asked} – {strip_end(first)}")), *_rest(answers[1:], body)]


def _asked_directly(text: str) -> bool:
    """Whether the dash style can print the note as the question asked: it
    was typed as one, or it asks about its own subject ("how many young
    people had been placed …" reads the same asked or reported)."""
    if is_question(text):
        return True
    words = strip_end(text).lower().split()
    if not words or words[0] not in WH_WORDS:
        return False
    if words[0] == "how" and (len(words) < 2 or words[1] not in ("many", "much")):
        return False  # "how the savings would be monitored" is reported
    for word in words[2 if words[0] == "how" else 1 :]:
        if word in AUXILIARIES:
            return True  # "which wards were", "how many people had been"
        if word in DETERMINERS or word in PRONOUNS:
            return False  # "what the cost was"
    return False


# --- bullets --------------------------------------------------------------------------------


def _query(read: Question) -> tuple[str, str] | None:
    """What was asked as ("query", "as to whether X") / ("query", "regarding
    X") / ("question", "“Was X?”"), or ``None`` when the note is a statement
    rather than a query ("welcomed the report")."""
    if read.form == "reported":
        first = read.words.split(" ", 1)[0]
        return "query", ("as to " if first in ("whether", "if") else "regarding ") + read.words
    if read.form == "topic":
        return "query", f"regarding {read.words}"
    if read.form == "quoted":
        return "question", f"“{read.words}?”"
    words = query_words(read.words)
    return ("query", words) if words else None


def _advised(answer: Entry, body: str) -> str:
    """The first answer inside a bullet: "the Committee was advised that Y"
    or, with the clerk's verb, "the Head of Finance confirmed that Y"."""
    led = verb_led(answer.text)
    if led is not None:
        who = _mid(role_name(answer.speaker)) if answer.speaker else "officers"
        return f"{who} {led.phrase}"
    return f"the {body} was {_advised_that(answer.text)}"


def bullets(question: Entry, answers: list[Entry], body: str) -> list[Paragraph]:
    """ "In response to a query from Cllr Lee regarding X, the Committee was
    advised that Y." A member's statement ("welcomed the report") is its
    own sentence, and the answer follows it."""
    read = read_question(question.text)
    query = _query(read)
    if query is None:  # a statement, or a verb-led note that is not a plain query
        text = asked_sentence(question)
        if answers:
            text += " " + _in_response(answers[0], body)
        return [_plain(text), *_rest(answers[1:], body)]
    noun, words = query
    if not answers:
        by = f" by {question.speaker}" if question.speaker else ""
        if noun == "question":
            return [_plain(f"A question was raised{by}: {words}")]
        return [_plain(ensure_stop(f"A query was raised{by} {words}"))]
    by = f" from {question.speaker}" if question.speaker else ""
    asked = f"a question{by}, {words}," if noun == "question" else f"a query{by} {words},"
    return [
        _plain(ensure_stop(f"In response to {asked} {_advised(answers[0], body)}")),
        *_rest(answers[1:], body),
    ]


def _in_response(answer: Entry, body: str) -> str:
    led = verb_led(answer.text)
    if led is not None:
        return said(answer, body)
    return ensure_stop(f"In response, the {body} was {_advised_that(answer.text)}")


WRITERS = {"dash": dash, "bullets": bullets, "narrative": narrative}
