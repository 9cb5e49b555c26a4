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


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Verbs a clerk leads a member's contribution with.
QUESTION_VERBS = _words(
    "asked queried enquired inquired sought questioned raised commented welcomed "
    "expressed noted requested suggested challenged highlighted emphasised emphasized "
    "stressed proposed observed remarked pointed wondered wanted thanked praised urged "
    "referred mentioned reiterated voiced pressed probed felt considered"
)

#: Verbs a clerk leads an officer's answer with.
ANSWER_VERBS = _words(
    "confirmed explained advised reported stated agreed undertook acknowledged clarified "
    "informed assured reassured added indicated replied responded said outlined described "
    "accepted offered committed promised recognised recognized conceded answered "
    "estimated expected provided gave told set summarised summarized updated cautioned "
    "warned admitted accepted detailed apologised apologized"
)

#: Every reporting verb; one never follows another in the minutes.
REPORTING_VERBS = QUESTION_VERBS | ANSWER_VERBS

#: Adverbs a clerk may put before the verb ("also asked", "further explained").
LEAD_ADVERBS = _words(
    "also further then additionally subsequently again briefly specifically separately "
    "similarly finally lastly later helpfully"
)

#: Verbs of asking that a query can be built from in the bullets style.
ASKING_VERBS = _words("asked queried enquired inquired questioned")

WH_WORDS = _words("how what why when where who which whose whom")
REPORTED_OPENINGS = _words("whether if")

BE = _words("is are was were am")
HAVE = _words("has have had")
DO = _words("do does did")
MODALS = _words("can could will would shall should may might must")
AUXILIARIES = BE | HAVE | DO | MODALS

#: The auxiliary as it reads once reported (third person past).
_SHIFTED = {
    "is": "was",
    "am": "was",
    "are": "were",
    "has": "had",
    "have": "had",
    "can": "could",
    "will": "would",
    "may": "might",
    "shall": "should",
}

#: Subjects of one word.
_PRONOUNS = _words(
    "it there they he she we you anyone anybody anything everyone everybody everything "
    "someone somebody something nobody nothing officers members staff"
)

#: Words that start a noun phrase and cannot end it.
_DETERMINERS = _words(
    "the a an any all each every some this that these those its their our his her no "
    "enough more most other such both either neither another much many few several"
)

#: Adjectives and adverbs that start what is said of a subject.
_PREDICATE_WORDS = _words(
    "late early available adequate sufficient enough possible likely unlikely able unable "
    "aware ready comparable open closed complete correct right wrong necessary affordable "
    "safe due still also now already yet currently really actually being been going true "
    "appropriate fit higher lower better worse similar different confident satisfied happy "
    "content concerned clear sure certain accurate realistic achievable sustainable viable "
    "lawful compliant responsible accountable involved not always ever usually typically "
    "fully properly worth free full empty vacant overdue ahead behind worst best least badly "
    "accessible successful popular fair"
)

#: Adverbs that may stand between a subject and its verb ("still used").
_ADVERBS = _words("still also now ever really actually currently already always usually")

#: Prepositions that start a predicate only when nothing better does.
_WEAK_PREDICATE_WORDS = _words("on in at within under over above below near across outside")

#: Words ending -ed, -en or -ing that are nouns or adjectives, not participles.
_NOT_PARTICIPLES = _words(
    "need speed seed bed red shed feed hundred breed garden children women men kitchen "
    "citizen citizens often even seven eleven heaven token dozen oxygen screen green "
    "between funding housing building buildings meeting meetings training planning "
    "parking spending morning evening ceiling thing something nothing anything "
    "everything king ring string spring wing sibling earnings dwelling dwellings "
    "offering clothing wording during bring sing"
)

#: Irregular participles ("were tenants told", "had officers met").
_PARTICIPLES = _words(
    "been done made given taken seen known paid sent met kept held built brought spent "
    "set put cut told said found left lost won sold bought taught thought chosen spoken "
    "written shown grown drawn gone become begun run come heard read led meant felt "
    "dealt understood undertaken withdrawn overseen hit let"
)

#: Common verbs (base form: past form), for questions asked with do, did or
#: a modal ("did the council consult tenants", "could the Committee see").
_IRREGULAR_PAIRS = (
    "be:were have:had do:did make:made take:took give:gave get:got go:went see:saw "
    "know:knew pay:paid send:sent meet:met keep:kept hold:held build:built "
    "bring:brought spend:spent set:set put:put cut:cut tell:told say:said find:found "
    "leave:left lose:lost win:won sell:sold buy:bought teach:taught think:thought "
    "choose:chose speak:spoke write:wrote show:showed grow:grew draw:drew "
    "become:became begin:began run:ran come:came hear:heard read:read lead:led "
    "mean:meant feel:felt deal:dealt understand:understood undertake:undertook "
    "withdraw:withdrew oversee:oversaw let:let fall:fell rise:rose stand:stood "
)
_IRREGULAR = dict(pair.split(":", 1) for pair in _IRREGULAR_PAIRS.split())
_REGULAR = _words(
    "consult expect consider plan intend include apply work cover need affect allow "
    "involve require agree anticipate monitor engage receive respond provide explain "
    "confirm change improve increase reduce use help support happen ensure offer "
    "deliver fund look want continue compare address review report share publish "
    "circulate contact inform notify collect recover return close open start finish "
    "complete achieve reach meet last exceed fall remain stay mitigate manage recruit "
    "retain attract employ train check assess measure track record count "
    "benefit cost account explore prioritise prioritize approach tackle resolve fix "
    "repair replace install upgrade extend delay move cause lead impact comply "
    "contribute join attend visit listen learn"
)

_DOUBLED = _words("plan stop commit refer prefer admit permit submit transfer occur")


def past_tense(verb: str) -> str:
    """``consult`` -> ``consulted``, ``take`` -> ``took`` (verbs this module knows)."""
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb in _DOUBLED:
        return verb + verb[-1] + "ed"
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


#: Base forms the reading knows.
BASE_VERBS = frozenset(_IRREGULAR) | _REGULAR | _DOUBLED


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
        shifted = [_SHIFTED.get(word, word) for word in words[index + 1 :]]
        words = [*words[:index], verb, *shifted]
    if verb not in REPORTING_VERBS:
        return None
    if index == 0 and words[0][:1].isupper() and len(words) > 1 and words[1][:1].isupper():
        return None  # "Noted Concerns Group" — a name, not a verb
    phrase = _lower_first(" ".join(words))
    return Led(verb, phrase, " ".join(words[index + 1 :]))


#: Reporting verbs typed in the present, and how the minutes put them (not
#: those that are also plural nouns: "reports from the auditors" is a topic).
PRESENT_TO_PAST: dict[str, str] = {
    "asks": "asked",
    "enquires": "enquired",
    "seeks": "sought",
    "welcomes": "welcomed",
    "expresses": "expressed",
    "suggests": "suggested",
    "confirms": "confirmed",
    "explains": "explained",
    "advises": "advised",
    "agrees": "agreed",
    "undertakes": "undertook",
    "acknowledges": "acknowledged",
    "says": "said",
    "responds": "responded",
    "clarifies": "clarified",
    "assures": "assured",
}


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
    if word in _NOT_PARTICIPLES:
        return False
    if word in _PARTICIPLES:
        return True
    return len(word) > 4 and (word.endswith("ed") or word.endswith("ing"))


def _predicate_start(words: list[str], aux: str, *, weak: bool = True) -> int | None:
    """Where what is asked about the subject starts in ``words`` (the words
    after the auxiliary), or ``None`` when it cannot be told."""
    lowered = [_bare(word) for word in words]
    if not lowered:
        return None
    if lowered[0] in _PRONOUNS:
        return 1
    start_det = lowered[0] in _DETERMINERS
    preposition = None
    for index in range(1, len(lowered)):
        word, before = lowered[index], lowered[index - 1]
        if before in _DETERMINERS or before in ("of", "for", "to", "from", "with", "and"):
            continue
        if aux in MODALS or aux in DO:
            if word in BASE_VERBS or word in ("not", "still", "also", "now"):
                return index
            continue
        if aux in HAVE and (_is_participle(word) or word in ("not", "still", "also", "now")):
            return index
        if aux in BE and (word in _PREDICATE_WORDS or _is_participle(word)):
            return index
        if (
            aux in BE
            and word in ("a", "an", "the")
            and index >= 2
            and start_det
            and before not in _WEAK_PREDICATE_WORDS
            and before not in ("by", "into", "between", "about", "than", "as")
        ):
            return index  # "was the outcome | a disappointment"
        if aux in BE and weak and preposition is None and word in _WEAK_PREDICATE_WORDS:
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
        if end < count and _bare(words[end - 1]) in _DETERMINERS:  # "of the homes"
            end += 1
    return min(end, count)


def _join(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def _reported_clause(subject: str, aux: str, rest: list[str]) -> str | None:
    """``subject`` + the auxiliary moved behind it (past tense) + the rest."""
    if aux in DO:  # "does the Council still use" -> "the Council still used"
        skip = 0
        while skip < len(rest) - 1 and _bare(rest[skip]) in _ADVERBS:
            skip += 1
        if not rest or _bare(rest[skip]) not in BASE_VERBS:
            return None
        adverbs = " ".join(rest[:skip])
        return _join(subject, adverbs, past_tense(_bare(rest[skip])), " ".join(rest[skip + 1 :]))
    return _join(subject, _SHIFTED.get(aux, aux), " ".join(rest))


def _inverted(words: list[str], aux: str, *, at_end: bool = True, weak: bool = True) -> str | None:
    """The words after an auxiliary, put back in statement order (``at_end``:
    a form of "be" may go last, as in "what the cost was"; ``weak``: a
    preposition may start the predicate, as in "whether it was on course")."""
    start = _predicate_start(words, aux, weak=weak)
    if start is None:
        if at_end and aux in BE and words:  # "what is the cost" -> "what the cost was"
            return _join(" ".join(words), _SHIFTED.get(aux, aux))
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
        or following in _PREDICATE_WORDS
        or following in _WEAK_PREDICATE_WORDS  # "how many families were in ..."
        or (aux in MODALS and following in BASE_VERBS)
    )
    if asks_subject and aux not in DO:  # "what was driving", "who would pay"
        return _join(phrase, _SHIFTED.get(aux, aux), " ".join(rest))
    body = _inverted(rest, aux, weak=False)  # "what the position on X was"
    return _join(phrase, body) if body else None


# --- answers that are not sentences ------------------------------------------------------

_PAST_FORMS = frozenset(_IRREGULAR.values())
_CLAUSE_STARTS = _words("it they there he she we this these those yes no")
_RELATIVES = _words(
    "which who whom whose once when whenever if as because until unless although though "
    "after before while since whereas"
)


def _finite(word: str) -> bool:
    if word in AUXILIARIES or word in _PAST_FORMS or word.endswith("n't"):
        return True
    return len(word) > 3 and word.endswith("ed") and word not in _NOT_PARTICIPLES


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
