"""A clerk's notes of a question or an answer, understood as reported speech.

Pure strings in, strings out. Clerks type notes in three shapes, and the
minutes need to know which one they have:

- **verb-led**: the reporting verb is already there ("asked whether the
  audit would be late", "also queried the timing", "confirmed that it
  would be on time"); the verb is kept, never doubled;
- **a question as asked** ("was the audit late?", "how would silt affect
  the cost"): turned into reported speech, third person past ("whether the
  audit was late", "how silt would affect the cost") when the words can be
  read reliably, else left to be quoted;
- **a bare topic** ("the cost of agency staff"): "asked about ..." /
  "a query regarding ...".

The reading is deliberately small: a lexicon of reporting verbs, auxiliary
verbs and common verbs, and a few rules for where a question's subject
ends. When unsure it says so (``None``) and the caller quotes the question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minuteterm.minutes.lexicon import (
    ADVERBS,
    ASKING_VERBS,
    AUXILIARIES,
    BASE_VERBS,
    BE,
    DETERMINERS,
    DO,
    HAVE,
    IRREGULAR,
    LEAD_ADVERBS,
    MODALS,
    NOT_PARTICIPLES,
    PARTICIPLES,
    PREDICATE_WORDS,
    PRESENT_TO_PAST,
    PRONOUNS,
    REPORTED_OPENINGS,
    REPORTING_VERBS,
    SHIFTED,
    WEAK_PREDICATE_WORDS,
    WH_WORDS,
    past_tense,
    words,
)


def _tokens(text: str) -> list[str]:
    return text.split()


def _bare(word: str) -> str:
    return word.lower().strip(".,;:!?\"'“”‘’()")


def _lower_first(text: str) -> str:
    """First word in lower case unless it looks like a name or an acronym."""
    first = text.split(" ", 1)[0]
    if first[:1].isupper() and (first[1:2].islower() or len(first) == 1) and first != "I":
        return text[:1].lower() + text[1:]
    return text


# --- the shape of a note -------------------------------------------------------------


@dataclass(frozen=True)
class Led:
    """A note that already starts with its reporting verb: ``adverbs`` then
    ``verb`` then ``rest`` ("also asked" / "whether ...")."""

    verb: str
    phrase: str  # the whole note, ready to follow a name ("also asked whether ...")
    rest: str  # what follows the verb ("whether the audit would be late")


def verb_led(text: str) -> Led | None:
    """The note's reporting verb, when it starts with one (after adverbs)."""
    words = _tokens(strip_end(text))
    index = 0
    while index < len(words) - 1 and _bare(words[index]) in LEAD_ADVERBS:
        index += 1
    if not words:
        return None
    verb = _bare(words[index])
    if verb in PRESENT_TO_PAST:  # "confirms that it is ..." -> "confirmed that it was ..."
        verb = PRESENT_TO_PAST[verb]
        shifted = [SHIFTED.get(word, word) for word in words[index + 1 :]]
        words = [*words[:index], verb, *shifted]
    if verb not in REPORTING_VERBS:
        return None
    if index == 0 and words[0][:1].isupper() and len(words) > 1 and words[1][:1].isupper():
        return None  # "Noted Concerns Group" — a name, not a verb
    phrase = _lower_first(" ".join(words))
    return Led(verb, phrase, " ".join(words[index + 1 :]))


def strip_end(text: str) -> str:
    """Without trailing spaces, full stops or question marks."""
    return text.strip().rstrip("?.").rstrip()


def is_question(text: str) -> bool:
    """Whether the clerk typed the words as asked (inverted, or ending "?")."""
    words = _tokens(text)
    if not words:
        return False
    first = _bare(words[0])
    if first in AUXILIARIES or (first.endswith("n't") and first[:-3] in AUXILIARIES | {"ca", "wo"}):
        return True
    if first in WH_WORDS:
        return _wh_inverted(words) or text.rstrip().endswith("?")
    return text.rstrip().endswith("?") and first not in REPORTED_OPENINGS | {"about", "for"}


def _wh_inverted(words: list[str]) -> bool:
    """ "how would silt ..." (asked) rather than "how silt would ..." (reported)."""
    start = _wh_phrase_end(words)
    return start < len(words) and _bare(words[start]) in AUXILIARIES


# --- turning a question into reported speech ---------------------------------------


def _is_participle(word: str) -> bool:
    if word in NOT_PARTICIPLES:
        return False
    if word in PARTICIPLES:
        return True
    return len(word) > 4 and (word.endswith("ed") or word.endswith("ing"))


def _predicate_start(words: list[str], aux: str, *, weak: bool = True) -> int | None:
    """Where what is asked about the subject starts in ``words`` (the words
    after the auxiliary), or ``None`` when it cannot be told."""
    lowered = [_bare(word) for word in words]
    if not lowered:
        return None
    if lowered[0] in PRONOUNS:
        return 1
    start_det = lowered[0] in DETERMINERS
    preposition = None
    for index in range(1, len(lowered)):
        word, before = lowered[index], lowered[index - 1]
        if before in DETERMINERS or before in ("of", "for", "to", "from", "with", "and"):
            continue
        if aux in MODALS or aux in DO:
            if word in BASE_VERBS or word in ("not", "still", "also", "now"):
                return index
            continue
        if aux in HAVE and (_is_participle(word) or word in ("not", "still", "also", "now")):
            return index
        if aux in BE and (word in PREDICATE_WORDS or _is_participle(word)):
            return index
        if (
            aux in BE
            and word in ("a", "an", "the")
            and index >= 2
            and start_det
            and before not in WEAK_PREDICATE_WORDS
            and before not in ("by", "into", "between", "about", "than", "as")
        ):
            return index  # "was the outcome | a disappointment"
        if aux in BE and weak and preposition is None and word in WEAK_PREDICATE_WORDS:
            preposition = index
    return preposition


def _wh_phrase_end(words: list[str]) -> int:
    """Where the question word's phrase ends: "how many complaints", "which
    wards", "what proportion of homes", "how long", "what", "why"."""
    first, count = _bare(words[0]), len(words)
    if count == 1 or _bare(words[1]) in AUXILIARIES:
        return 1
    if first == "how":
        end = 2
        if _bare(words[1]) in ("many", "much") and count > 2:
            end = 2 if _bare(words[2]) in AUXILIARIES else 3
    elif first in ("what", "which", "whose"):
        end = 2
    else:
        return 1
    if end < count - 1 and _bare(words[end]) == "of":  # "what proportion of homes"
        end += 2
        if end < count and _bare(words[end - 1]) in DETERMINERS:  # "of the homes"
            end += 1
    return min(end, count)


def _join(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def _reported_clause(subject: str, aux: str, rest: list[str]) -> str | None:
    """``subject`` + the auxiliary moved behind it (past tense) + the rest."""
    if aux in DO:  # "does the Council still use" -> "the Council still used"
        skip = 0
        while skip < len(rest) - 1 and _bare(rest[skip]) in ADVERBS:
            skip += 1
        if not rest or _bare(rest[skip]) not in BASE_VERBS:
            return None
        adverbs = " ".join(rest[:skip])
        return _join(subject, adverbs, past_tense(_bare(rest[skip])), " ".join(rest[skip + 1 :]))
    return _join(subject, SHIFTED.get(aux, aux), " ".join(rest))


def _inverted(words: list[str], aux: str, *, at_end: bool = True, weak: bool = True) -> str | None:
    """The words after an auxiliary, put back in statement order (``at_end``:
    a form of "be" may go last, as in "what the cost was"; ``weak``: a
    preposition may start the predicate, as in "whether it was on course")."""
    start = _predicate_start(words, aux, weak=weak)
    if start is None:
        if at_end and aux in BE and words:  # "what is the cost" -> "what the cost was"
            return _join(" ".join(words), SHIFTED.get(aux, aux))
        return None
    return _reported_clause(" ".join(words[:start]), aux, words[start:])


def reported_question(text: str) -> str | None:
    """A question as asked, in reported speech: "was the audit late?" ->
    "whether the audit was late"; "how would silt affect the cost" -> "how
    silt would affect the cost". ``None`` when the words cannot be read
    reliably (the caller then quotes them)."""
    words = _tokens(strip_end(text))
    if not words or any(word.endswith("?") for word in words[:-1]):
        return None  # several questions in one note: quote them
    if any(re.search(r"[.;!]$", word) for word in words[:-1]):
        return None  # several sentences
    first = _bare(words[0])
    if first in AUXILIARIES:
        body = _inverted(words[1:], first, at_end=False)
        return "whether " + body if body else None
    if first in WH_WORDS:
        return _reported_wh(words)
    return None


def _reported_wh(words: list[str]) -> str | None:
    end = _wh_phrase_end(words)
    phrase = _lower_first(" ".join(words[:end]))
    if end >= len(words):
        return None
    aux = _bare(words[end])
    if aux not in AUXILIARIES:
        return _lower_first(" ".join(words))  # already reported: "how silt would ..."
    rest = words[end + 1 :]
    if not rest:
        return None
    following = _bare(rest[0])
    asks_subject = (
        _is_participle(following)
        or following in PREDICATE_WORDS
        or following in WEAK_PREDICATE_WORDS  # "how many families were in ..."
        or (aux in MODALS and following in BASE_VERBS)
    )
    if asks_subject and aux not in DO:  # "what was driving", "who would pay"
        return _join(phrase, SHIFTED.get(aux, aux), " ".join(rest))
    body = _inverted(rest, aux, weak=False)  # "what the position on X was"
    return _join(phrase, body) if body else None


# --- answers that are not sentences ------------------------------------------------------

_PAST_FORMS = frozenset(IRREGULAR.values())
_CLAUSE_STARTS = words("it they there he she we this these those yes no")
_RELATIVES = words(
    "which who whom whose once when whenever if as because until unless although though "
    "after before while since whereas"
)


def _finite(word: str) -> bool:
    if word in AUXILIARIES or word in _PAST_FORMS or word.endswith("n't"):
        return True
    return len(word) > 3 and word.endswith("ed") and word not in NOT_PARTICIPLES


def is_fragment(text: str) -> bool:
    """Whether an answer is a phrase rather than a sentence ("about eight
    weeks", "£3.4m, of which £1m came from grant", "by the end of
    January"): it cannot follow "advised that"."""
    first = re.split(r"[.;:]\s", text.strip(), maxsplit=1)[0]
    words = [_bare(word) for word in first.split()]
    if not words or words[0] in _CLAUSE_STARTS:
        return False
    for word in words:
        if word in _RELATIVES:
            break
        if _finite(word):
            return False
    return True


# --- what the minutes say ---------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    """A member's question, understood: ``form`` is ``verb`` (the clerk's
    own verb phrase in ``words``), ``reported`` ("whether ..." in
    ``words``), ``quoted`` (the question as asked, in ``words``) or
    ``topic`` ("the cost of agency staff")."""

    form: str
    words: str
    asking: bool = True  # verb-led: is it a query (asked, queried...)?


def read_question(text: str) -> Question:
    """What shape of note ``text`` is (see :class:`Question`)."""
    led = verb_led(text)
    if led is not None:
        return Question("verb", led.phrase, led.verb in ASKING_VERBS)
    words = strip_end(text)
    first = _bare(words.split(" ", 1)[0]) if words else ""
    if is_question(text):
        reported = reported_question(text)
        if reported is not None:
            return Question("reported", reported)
        return Question("quoted", words[:1].upper() + words[1:])
    if first in REPORTED_OPENINGS | WH_WORDS:
        return Question("reported", _lower_first(words))
    if first in ("about", "for"):
        return Question("topic", words.split(" ", 1)[1] if " " in words else words, True)
    return Question("topic", _lower_first(words))


def query_words(led_phrase: str) -> str | None:
    """A verb-led query as the words after "a query": "asked whether X" ->
    "as to whether X"; "queried the timing" -> "regarding the timing";
    ``None`` when the note is not a plain query ("sought assurance ...")."""
    led = verb_led(led_phrase)
    if led is None or led.verb not in ASKING_VERBS:
        return None
    adverbs = led_phrase.split(" ")
    if any(_bare(word) in LEAD_ADVERBS for word in adverbs[:1]):
        return None  # "also asked ..." reads better as a sentence of its own
    rest = led.rest.strip()
    first = _bare(rest.split(" ", 1)[0]) if rest else ""
    if not rest:
        return None
    if first in REPORTED_OPENINGS:
        return "as to " + ("whether" + rest[2:] if first == "if" else rest)
    if first in WH_WORDS:
        return "regarding " + rest
    if first in ("about", "regarding", "on"):
        return "regarding " + rest.split(" ", 1)[1] if " " in rest else None
    if led.verb in ("queried", "questioned"):
        return "regarding " + rest
    return None
