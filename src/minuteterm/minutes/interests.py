"""How the reason for a declared interest reads in the minutes.

Clerks write "… declared a disclosable pecuniary interest in minute 6, as
her partner is a director of the company" or "…, as a trustee of the
Trust", not "…: trustee of the Trust". Pure: the detail as the clerk typed
it in, the words that follow the item out.
"""

from __future__ import annotations

from minuteterm.minutes.wording import first_word, strip_stop


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Details that already read as a reason ("as a governor", "because ...").
_LINKED = _words("as being because since through via")
#: Details that are a clause of their own ("her partner is ...").
_CLAUSES = _words("her his their she he they the a an my our its it this there one both")
#: Roles that take "a" ("as a trustee of ..."); others read bare ("as owner of").
_ROLES = _words(
    "trustee member director governor employee shareholder landlord tenant partner "
    "volunteer resident councillor patron board committee client customer"
)
_BARE_ROLES = _words("owner chair chairman president secretary treasurer")


def detail_phrase(detail: str) -> str:
    """The words after "declared … in item 6": ", as a trustee of the
    Trust", ", as her partner is a director …", or ": …" when the detail
    cannot be joined as a reason."""
    detail = strip_stop(detail)
    if not detail:
        return ""
    word = first_word(detail)
    lowered = detail[:1].lower() + detail[1:]
    if word in _LINKED:
        return f", {lowered}"
    if word in _CLAUSES:
        return f", as {lowered}"
    if word in _ROLES:
        article = "an" if word[:1] in "aeiou" else "a"
        return f", as {article} {lowered}"
    if word in _BARE_ROLES:
        return f", as {lowered}"
    return f": {detail}"
