"""The words the reading of a clerk's notes knows (see :mod:`.reported_speech`).

Plain data: reporting verbs, auxiliaries, subjects and predicates, and the
common verbs with their past forms. Small on purpose: what is not here is
left as the clerk typed it, or quoted.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The space-separated words of ``text`` as a set."""
    return frozenset(text.split())


#: Verbs a clerk leads a member's contribution with.
QUESTION_VERBS = words(
    "asked queried enquired inquired sought questioned raised commented welcomed "
    "expressed noted requested suggested challenged highlighted emphasised emphasized "
    "stressed proposed observed remarked pointed wondered wanted thanked praised urged "
    "referred mentioned reiterated voiced pressed probed felt considered"
)

#: Verbs a clerk leads an officer's answer with.
ANSWER_VERBS = words(
    "confirmed explained advised reported stated agreed undertook acknowledged clarified "
    "informed assured reassured added indicated replied responded said outlined described "
    "accepted offered committed promised recognised recognized conceded answered "
    "estimated expected provided gave told set summarised summarized updated cautioned "
    "warned admitted accepted detailed apologised apologized"
)

#: Every reporting verb; one never follows another in the minutes.
REPORTING_VERBS = QUESTION_VERBS | ANSWER_VERBS

#: Adverbs a clerk may put before the verb ("also asked", "further explained").
LEAD_ADVERBS = words(
    "also further then additionally subsequently again briefly specifically separately "
    "similarly finally lastly later helpfully"
)

#: Verbs of asking that a query can be built from in the bullets style.
ASKING_VERBS = words("asked queried enquired inquired questioned")

WH_WORDS = words("how what why when where who which whose whom")
REPORTED_OPENINGS = words("whether if")

BE = words("is are was were am")
HAVE = words("has have had")
DO = words("do does did")
MODALS = words("can could will would shall should may might must")
AUXILIARIES = BE | HAVE | DO | MODALS

#: The auxiliary as it reads once reported (third person past).
SHIFTED = {
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
PRONOUNS = words(
    "it there they he she we you anyone anybody anything everyone everybody everything "
    "someone somebody something nobody nothing officers members staff"
)

#: Words that start a noun phrase and cannot end it.
DETERMINERS = words(
    "the a an any all each every some this that these those its their our his her no "
    "enough more most other such both either neither another much many few several"
)

#: Adjectives and adverbs that start what is said of a subject.
PREDICATE_WORDS = words(
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
ADVERBS = words("still also now ever really actually currently already always usually")

#: Prepositions that start a predicate only when nothing better does.
WEAK_PREDICATE_WORDS = words("on in at within under over above below near across outside")

#: Words ending -ed, -en or -ing that are nouns or adjectives, not participles.
NOT_PARTICIPLES = words(
    "need speed seed bed red shed feed hundred breed garden children women men kitchen "
    "citizen citizens often even seven eleven heaven token dozen oxygen screen green "
    "between funding housing building buildings meeting meetings training planning "
    "parking spending morning evening ceiling thing something nothing anything "
    "everything king ring string spring wing sibling earnings dwelling dwellings "
    "offering clothing wording during bring sing"
)

#: Irregular participles ("were tenants told", "had officers met").
PARTICIPLES = words(
    "been done made given taken seen known paid sent met kept held built brought spent "
    "set put cut told said found left lost won sold bought taught thought chosen spoken "
    "written shown grown drawn gone become begun run come heard read led meant felt "
    "dealt understood undertaken withdrawn overseen hit let"
)

#: Common verbs (base form: past form), for questions asked with do, did or
#: a modal ("did the council consult tenants", "could the Committee see").
IRREGULAR_PAIRS = (
    "be:were have:had do:did make:made take:took give:gave get:got go:went see:saw "
    "know:knew pay:paid send:sent meet:met keep:kept hold:held build:built "
    "bring:brought spend:spent set:set put:put cut:cut tell:told say:said find:found "
    "leave:left lose:lost win:won sell:sold buy:bought teach:taught think:thought "
    "choose:chose speak:spoke write:wrote show:showed grow:grew draw:drew "
    "become:became begin:began run:ran come:came hear:heard read:read lead:led "
    "mean:meant feel:felt deal:dealt understand:understood undertake:undertook "
    "withdraw:withdrew oversee:oversaw let:let fall:fell rise:rose stand:stood "
)
IRREGULAR = dict(pair.split(":", 1) for pair in IRREGULAR_PAIRS.split())
REGULAR = words(
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

DOUBLED = words("plan stop commit refer prefer admit permit submit transfer occur")


def past_tense(verb: str) -> str:
    """``consult`` -> ``consulted``, ``take`` -> ``took`` (verbs this module knows)."""
    if verb in IRREGULAR:
        return IRREGULAR[verb]
    if verb in DOUBLED:
        return verb + verb[-1] + "ed"
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


#: Base forms the reading knows.
BASE_VERBS = frozenset(IRREGULAR) | REGULAR | DOUBLED


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
