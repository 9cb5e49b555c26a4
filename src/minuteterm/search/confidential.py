"""What a public search may show: the one place the rule is written.

An exempt (Part II) item's *heading* is public (the public minutes print
it), but everything minuted in it is not. An action raised in an exempt
item is confidential everywhere, and so is every update to it, wherever
the update was typed; an update typed in an exempt item is confidential
even when its action is not.

(Until an action carries its own "confidential" flag, it is derived here
from the item its entry lives in. When that flag exists, only
:func:`action_confidential` changes.)

Each function returns an SQL expression, so a public search leaves the
rows out in the query itself rather than after it.
"""

from __future__ import annotations


def action_confidential(action_id: str) -> str:
    """SQL: true when the action whose entry id is ``action_id`` was raised
    in an exempt item."""
    return (
        "exists (select 1 from entries ca join agenda_items ci on ci.id = ca.item_id"
        f" where ca.id = {action_id} and ci.exempt)"
    )


def entry_confidential(entry: str = "e", item: str = "i") -> str:
    """SQL: true when entry ``entry`` (in item ``item``) is confidential:
    it lies in an exempt item, or it is an update to a confidential action."""
    return (
        f"({item}.exempt or exists (select 1 from action_updates cu"
        f" where cu.entry_id = {entry}.id and {action_confidential('cu.action_id')}))"
    )


def note_confidential(update: str = "u") -> str:
    """SQL: true when action update ``update`` (a row of ``action_updates``)
    is confidential: its action is, or it was typed in an exempt item."""
    return (
        f"({action_confidential(f'{update}.action_id')} or exists (select 1 from entries ce"
        " join agenda_items cei on cei.id = ce.item_id"
        f" where ce.id = {update}.entry_id and cei.exempt))"
    )
