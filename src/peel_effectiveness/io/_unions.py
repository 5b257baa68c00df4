"""The converter's hook of a union of your own classes' fields where a
member is written as something other than a mapping (a cycle, a grade, a
period in words, a force by its id, text or a number): ``Cycle | Grade``,
``Judgment | Period``, ``int | str``.

cattrs reads a union of attrs classes from a mapping, telling the classes
apart by their fields, and has no hook for the others. Here a mapping is
read as cattrs reads it, by the members that are records; any other value
by the first of the other members, in the union's order, that takes it.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from typing import Any

import attrs
import cattrs
from cattrs.disambiguators import create_default_dis_func

from ..model._messages import describe, fail
from ..model.force import Force
from ..model.periods import Period
from ._layout import mapping_of

__all__ = ["is_union_with_values", "structure_union"]

# Records a file may also write as text: a force by its id, a period in words.
_SAID_IN_WORDS = (Force, Period)


def _members(tp: Any) -> tuple[Any, ...]:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return typing.get_args(tp)
    return ()


def is_union_with_values(tp: Any) -> bool:
    """Whether ``tp`` is a union (not an optional one) with a member that is
    written as something other than a mapping."""
    members = _members(tp)
    return (
        len(members) > 1
        and type(None) not in members
        and any(not attrs.has(m) or m in _SAID_IN_WORDS for m in members)
    )


def structure_union(tp: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """The hook of such a union (see the module's docs)."""
    members = _members(tp)
    records = [m for m in members if attrs.has(m)]
    values = [m for m in members if not attrs.has(m) or m in _SAID_IN_WORDS]
    # Which record a mapping is, as cattrs tells them apart (by their fields).
    which: Callable[[Any], Any] | None = None
    if len(records) > 1:
        which = create_default_dis_func(conv, *records)
    names = " or ".join(getattr(m, "__name__", str(m)) for m in members)

    def structure(value: Any, _: Any) -> Any:
        read = mapping_of(value) if records else None
        if read is not None:
            record = records[0] if which is None else which(read)
            return conv.get_structure_hook(record)(read, record)
        for member in values:
            try:
                return conv.get_structure_hook(member)(value, member)
            except Exception:  # noqa: BLE001 - the next member may take it
                continue
        fail(f"expected {names}, got {describe(value)}")

    return structure
