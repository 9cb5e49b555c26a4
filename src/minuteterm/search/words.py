"""The clerk's query, read into FTS5 syntax that cannot fail.

Words are found anywhere (every word must be there); ``"exact phrases"``
keep their words together and in order; ``word*`` finds words starting so;
``OR`` (or ``|``) between two terms accepts either; ``-word`` or
``-"phrase"`` leaves out what holds it. Everything the clerk typed is
passed to FTS5 inside double-quoted strings (quotes doubled), so no
character can be read as FTS5 syntax: an unbalanced quote is a phrase to
the end of the line, ``NEAR(`` is the word "near", a lone ``*`` or ``-``
is nothing. Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minuteterm.textsafe import clean

#: Beyond these, terms are ignored (a pasted page still searches quickly).
MAX_TERMS = 16
#: Longest term kept, in characters.
MAX_TERM_CHARS = 80

_TOKEN = re.compile(r'(-?)"([^"]*)("?)(\*?)|(\S+)')
_HAS_WORD = re.compile(r"\w")
_PRIVATE_USE = re.compile("[\x00\ue000-\uf8ff]")


@dataclass(frozen=True)
class Term:
    """One thing to find: a word or a phrase, maybe a prefix."""

    text: str
    prefix: bool = False

    def fts(self) -> str:
        """The term as an FTS5 string (never syntax)."""
        quoted = '"' + self.text.replace('"', '""') + '"'
        return quoted + ("*" if self.prefix else "")


@dataclass(frozen=True)
class Query:
    """What to find: every group (each one of its terms), none of ``excluded``."""

    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.groups)

    def fts(self) -> str:
        """The FTS5 match expression ("" when there is nothing to find)."""
        if not self.groups:
            return ""
        found = " AND ".join(
            "(" + " OR ".join(term.fts() for term in group) + ")" for group in self.groups
        )
        if not self.excluded:
            return found
        return f"({found}) NOT (" + " OR ".join(term.fts() for term in self.excluded) + ")"

    def phrase(self) -> str:
        """The words as one exact phrase, for ranking it first: only when
        the query is two or more plain words (no OR, no prefix)."""
        terms = [group[0] for group in self.groups if len(group) == 1]
        if len(terms) != len(self.groups) or len(terms) < 2 or any(t.prefix for t in terms):
            return ""
        joined = Term(" ".join(term.text for term in terms))
        return Query(((joined,),), self.excluded).fts()

    def as_prefixes(self) -> Query:
        """The same query with every term a prefix: ``condition 61`` finds
        "condition 610" too (for filters applied as the clerk types)."""
        groups = tuple(tuple(Term(t.text, True) for t in group) for group in self.groups)
        return Query(groups, self.excluded)

    def words(self) -> list[str]:
        """Every word to find, for marking them in text FTS5 did not snip."""
        return [word for group in self.groups for t in group for word in t.text.split()]


def _term(text: str, prefix: bool) -> Term | None:
    text = " ".join(text.split())[:MAX_TERM_CHARS]
    if not _HAS_WORD.search(text):
        return None
    return Term(text, prefix)


def _bare(word: str) -> tuple[str, bool, bool]:
    """A bare word's text, whether it is excluded, whether it is a prefix."""
    excluded = word.startswith("-") and len(word) > 1
    word = word[1:] if excluded else word
    prefix = word.endswith("*") and _HAS_WORD.search(word) is not None
    return word.rstrip("*") if prefix else word, excluded, prefix


def parse_query(text: str) -> Query:
    """Read what the clerk typed; never raises, whatever the text."""
    text = _PRIVATE_USE.sub("", clean(text))  # no scope words (see index.SCOPE_MARK)
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = False
    for match in _TOKEN.finditer(text):
        if len(groups) + len(excluded) >= MAX_TERMS:
            break
        minus, quoted, _close, star, bare = match.groups()
        if bare is not None and bare in ("OR", "|"):
            join_next = bool(groups)
            continue
        if bare is not None:
            word, is_excluded, prefix = _bare(bare)
        else:
            word, is_excluded, prefix = quoted, bool(minus), bool(star)
        term = _term(word, prefix)
        if term is None:
            continue
        if is_excluded:
            excluded.append(term)
        elif join_next:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    return Query(tuple(tuple(group) for group in groups), tuple(excluded))
