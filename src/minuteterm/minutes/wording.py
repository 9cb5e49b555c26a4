"""Pure text helpers for the wording of minutes.

Strings in, strings out: the body word ("the Board was advised"), full
stops, capitals, answers run into "advised that ...", and speakers written
as roles ("The Harbour Master"). No dates, no records, no document tree.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: The body word ("the Board was advised") is the last of these found in the
#: committee's name, else "Committee".
BODY_WORDS = "Board Panel Cabinet Council Commission Forum Committee Sub-Committee Group"

#: First words written in lower case when a question or answer is run into a
#: sentence ("regarding how ...", "advised that the ...").
LOWER_WORDS = _words(
    "was is are were did does do how what why when where whether who which "
    "could would can will has have had should yes no the it this there they "
    "we if about for a an some all any both each these those their its our "
    "in at on as to due not officers staff"
)

#: Question openings that read as reported speech ("asked whether ...").
INDIRECT_WORDS = _words("whether if how what why when where who which about for")

#: Words that make a question reported speech even with a "?" typed after it.
REPORTED_WORDS = _words("whether if about for")

#: A question that starts with one of these (or ends in "?") was asked
#: directly, and is quoted; anything else is a topic ("staff surveys").
DIRECT_WORDS = _words(
    "was is are were did does do could would can will has have had should shall may might must"
)


def is_direct(question: str) -> bool:
    """Whether the clerk typed the question as asked, not as its topic."""
    first = first_word(question)
    if first in DIRECT_WORDS:
        return True
    return question.rstrip().endswith("?") and first not in REPORTED_WORDS


#: A speaker whose first word is one of these is a role: "The Head of ...".
ROLE_FIRST_WORDS = _words(
    "head director operational chief strategic corporate assistant deputy "
    "executive service principal senior interim monitoring section portfolio "
    "chair vice leader clerk manager officer lead cabinet"
)

#: ...and so is one whose last word is one of these: "The Harbour Master".
ROLE_LAST_WORDS = _words(
    "officer manager director master engineer surveyor treasurer solicitor "
    "secretary inspector coordinator co-ordinator adviser advisor analyst "
    "accountant planner warden lead clerk chair leader holder"
)


def body_word(committee: str) -> str:
    """ "Board", "Panel", ...: the last body word in the name, else "Committee"."""
    pattern = "|".join(sorted(BODY_WORDS.split(), key=len, reverse=True))
    found = re.findall(rf"(?<![\w-])(?:{pattern})(?![\w-])", committee, re.I)
    words = {word.lower(): word for word in BODY_WORDS.split()}
    return words[found[-1].lower()] if found else "Committee"


def ensure_stop(text: str) -> str:
    """``text`` ending in a full stop (or the ``!``, ``?``, ``:`` or ``…`` it
    already has)."""
    text = text.strip()
    if not text or text.rstrip("\"'”’)").endswith((".", "!", "?", ":", "…")):
        return text
    return text + "."


def strip_stop(text: str) -> str:
    """``text`` without trailing full stops or spaces."""
    return text.strip().rstrip(".").rstrip()


def capitalise(text: str) -> str:
    """First letter upper case, the rest as typed."""
    return text[:1].upper() + text[1:]


def first_word(text: str) -> str:
    """The first word, lower case, without punctuation."""
    match = re.match(r"[\w'’-]+", text.strip())
    return match.group(0).lower() if match else ""


def run_in(text: str) -> str:
    """``text`` ready to follow other words: a common first word in lower case."""
    text = text.strip()
    return text[:1].lower() + text[1:] if first_word(text) in LOWER_WORDS else text


def strip_that(text: str) -> str:
    """``text`` without a leading "that" (the clerk typed it for "advised
    that") or a trailing full stop."""
    text = strip_stop(text)
    if first_word(text) != "that" or first_word(text[4:]) in _AFTER_PRONOUN_THAT:
        return text  # "that would be a decision for Council": "that" is the subject
    return text[4:].lstrip()


#: Words after which a leading "that" is a pronoun, not "advised that".
_AFTER_PRONOUN_THAT = _words(
    "was is would could will had has should might may must can did does "
    "depended remained meant seemed"
)


def clause(text: str) -> str:
    """An answer ready to follow "advised that": no doubled "that", no stop,
    and a bare "Yes, ..." or "No, ..." turned into "this was (not) the case"."""
    text = strip_that(text)
    word = first_word(text)
    rest = text[len(word) :]
    following = first_word(rest)
    if word in ("yes", "no") and following in _JOINING:  # "yes but it was recognised ..."
        case = "this was the case" if word == "yes" else "this was not the case"
        return f"{case} {rest.strip()}"
    if word == "yes" and rest[:1] == " " and following:  # "yes the service did ..."
        return f"this was the case; {run_in(rest.strip())}"
    if word in ("yes", "no") and rest.lstrip()[:1] in ("", *",;:.–-"):
        stop = rest.lstrip()[:1] == "."
        rest = rest.lstrip(" ,;:.–-")
        case = "this was the case" if word == "yes" else "this was not the case"
        if not rest:
            return case
        if stop:  # "No. The service was ..." stays two sentences
            return f"{case}. {capitalise(rest)}"
        if first_word(rest) in _QUALIFYING:  # "yes, subject to the weather"
            return f"{case}, {rest}"
        return f"{case}; {run_in(rest)}"  # "yes, they would be circulated"
    return run_in(text)


#: Conjunctions that carry on straight after "yes" or "no".
_JOINING = _words("but and although though however as because")

#: Words that start a qualification of "yes" or "no" rather than a sentence.
_QUALIFYING = _words(
    "subject provided providing but although though as if unless in by for with except "
    "within at on once when after before until apart other only not largely mostly partly "
    "broadly generally"
)


def bare_question(text: str) -> str:
    """The question without its trailing question marks or stops."""
    return text.strip().rstrip("?.").rstrip()


def role_name(speaker: str) -> str:
    """ "The Harbour Master" for a role, a person's name as it is."""
    speaker = speaker.strip()
    words = speaker.split()
    if not words or words[0].lower() == "the":
        return speaker
    first, last = words[0].lower(), words[-1].lower().strip(".,")
    if first in ROLE_FIRST_WORDS or last in ROLE_LAST_WORDS:
        return f"The {speaker}"
    return speaker
