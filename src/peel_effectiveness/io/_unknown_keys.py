"""The problems of a record's unknown keys: each named, with where it may
belong, up to as many as a file lists; the rest counted."""

from __future__ import annotations

from typing import Any

from cattrs.errors import AttributeValidationNote

from ..errors import PeelDataError, Problem
from ..model._messages import closest, counted, key_shown, shorten_repr, suggest
from ..model._values import Tally, plain_text

__all__ = ["UnknownKey", "unknown_keys"]


class UnknownKey(ValueError):
    """A key a record does not have."""


# Unknown keys named one by one, with a suggestion each; the rest counted.
_MOST_UNKNOWN = 99  # and a line for the rest: 100, as many problems as a file lists


def _held_hint(key: str, held_under: dict[str, list[str]]) -> str:
    """Where a key of a record held under a key of its own goes (a report's
    title, under its provenance), said of the key as written or very nearly
    (a near miss here would send a reader to another record)."""
    meant = key if key in held_under else closest(key, held_under, cutoff=0.8, keys=True)
    if meant is None:
        return ""
    *others, last = map(repr, held_under[meant])
    where = f"{', '.join(others)} or {last}" if others else last
    said = "it goes" if meant == key else f"did you mean {meant!r}? It goes"
    return f"; {said} under {where}"


def unknown_keys(
    unknown: list[Any], keys: dict[str, str], noun: str, held_under: dict[str, list[str]]
) -> list[Exception]:
    """The problems of the ``unknown`` keys of a record (``noun``) whose
    keys are ``keys``; ``held_under``: the keys of the record it holds under
    a key of its own (a report's provenance), by that key."""
    out: list[Exception] = []
    for k in unknown[:_MOST_UNKNOWN]:
        if not isinstance(k, str):
            e: Exception = UnknownKey(f"a key must be text, not {key_shown(k)}")
        else:
            k = plain_text(k)  # (of a class of str's own, whose methods may raise anything)
            hint = suggest(k, keys, keys=True) or _held_hint(k, held_under)
            e = UnknownKey(f"unknown field {shorten_repr(k)} in {noun}{hint}")
        # Noted as cattrs notes a field, so that the key is in the problem's path.
        setattr(e, "__notes__", [AttributeValidationNote(f"unknown key {key_shown(k)}", k, None)])  # noqa: B010
        out.append(e)
    if len(unknown) > _MOST_UNKNOWN:
        rest = len(unknown) - _MOST_UNKNOWN
        more = Tally(f"{counted(rest, 'more unknown field')} in {noun}, not named", rest)
        out.append(PeelDataError([Problem(more)]))
    return out
