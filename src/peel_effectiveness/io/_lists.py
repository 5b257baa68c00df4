"""The converter's hook of a list (a tuple field), of records above all:
each item structured once, a record given again made once, and where an
item fails, every item's problem named, up to the most a file lists, with
what could be built kept for the rules of the record holding the list."""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from typing import Any

import cattrs
from cattrs.errors import IterableValidationNote

from ..errors import PeelDataError
from ..model._values import listed, stopped
from ..model.outcomes import OutcomeGroupRow, OutcomeTypeRow
from ._layout import LAYOUTS
from ._partial import Kept, Where, partial_of

__all__ = ["is_homogeneous_tuple", "is_record", "structure_tuple", "union_of_records"]


def is_record(tp: Any) -> bool:
    """Whether ``tp`` is a record class of the model."""
    return tp in LAYOUTS


def union_of_records(tp: Any) -> bool:
    """Whether ``tp`` is an outcome table's row: a type row or a group row."""
    return typing.get_origin(tp) in (typing.Union, types.UnionType) and set(typing.get_args(tp)) == {
        OutcomeTypeRow,
        OutcomeGroupRow,
    }


def is_homogeneous_tuple(tp: Any) -> bool:
    """Whether ``tp`` is ``tuple[X, ...]``, a list of a data file."""
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def structure_tuple(tp: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """The structure hook of ``tp``, ``tuple[X, ...]`` (a hook factory of the converter's)."""
    # Each reads its value through listed(): a text or a mapping is iterable
    # too, and is never what a list means.
    item_type = typing.get_args(tp)[0]
    item = conv.get_structure_hook(item_type)
    of_records = is_record(item_type) or union_of_records(item_type)

    def structure(value: Any, _: Any) -> Any:
        value = listed(value)
        built: list[Any] = []
        # A record given again (a YAML alias: the same mapping) is the same
        # record, made once, as the model's records are immutable: a small
        # file of many aliases costs what its size does. (Only a list that
        # holds one twice is looked up item by item: JSON's never does.)
        made_of: dict[int, Any] | None = (
            {} if of_records and len(value) > 1 and len(set(map(id, value))) < len(value) else None
        )
        try:
            if made_of is None:
                for v in value:
                    built.append(item(v, item_type))
            else:
                for v in value:
                    built.append(_once(v, made_of))
        except Exception as e:  # noqa: BLE001 - named item by item below
            # Each item is structured once: a failure read again at each
            # list holding it cost twice as much for each level it is nested.
            made = dict(enumerate(built))
            found, checked = _failures(value, len(built), e, made, made_of)
            error = cattrs.IterableValidationError(f"While structuring {tp!r}", found, tp)
            if of_records:
                # Made only if the record holding the list asks, to run its rules.
                error.partial = lambda: _as_far_as_built(error, value[:checked], made)
            raise error from None
        return tuple(built)

    def _failures(
        value: Any, first: int, failure: Exception, made: dict[int, Any], made_of: dict[int, Any] | None
    ) -> tuple[list[Exception], int]:
        """The problem of each item that fails, from the ``first``, whose is
        ``failure``, noted with its index as cattrs' list hooks note them,
        and how many items were checked; each item that does not fail is
        added to ``made`` (by its index; ``made_of``, by its value's id,
        where records are made once). A list is checked up to the most
        problems a file lists, so that a list of a million wrong items costs
        no more than a short one (its last problem says where the checking
        stopped)."""
        found: list[Exception] = []
        for i in range(first, len(value)):
            if i == first:
                e = failure
            else:
                try:
                    made[i] = item(value[i], item_type) if made_of is None else _once(value[i], made_of)
                    continue
                except Exception as x:  # noqa: BLE001
                    e = x
            setattr(e, "__notes__", [*getattr(e, "__notes__", []), _at(i)])  # noqa: B010
            found.append(e)
            end = stopped(len(found), i, len(value), "")
            if end is not None:
                stop = PeelDataError([end])
                setattr(stop, "__notes__", [_at(i + 1)])  # noqa: B010
                return [*found, stop], i + 1
        return found, len(value)

    def _once(v: Any, made_of: dict[int, Any]) -> Any:
        """``v``'s record, made once of a list that holds ``v`` twice."""
        made = made_of.get(id(v))
        if made is None:
            made = made_of[id(v)] = item(v, item_type)
        return made

    def _at(i: int) -> IterableValidationNote:
        return IterableValidationNote(f"Structuring {tp!r} @ index {i}", i, item_type)

    def _as_far_as_built(
        error: cattrs.IterableValidationError, value: Any, made: dict[int, Any]
    ) -> Kept | tuple[Any, ...]:
        """The list for the rules of the record that holds it: each record
        that failed as it could be built without its failed fields (its
        error's ``partial``), the others as ``made``, and the records
        that could not be built at all left out (:class:`Kept` says where
        the rest were). The rules across a list's items are each about one
        item or a pair, so a list without some gives no false problem, and
        a question asked twice or not in the cycle is still named although
        another assessment is wrong."""
        # Each failed item's error, by its index.
        failed = {
            note.index: x
            for x in error.exceptions
            for note in getattr(x, "__notes__", ())
            if isinstance(note, IterableValidationNote)
        }
        built: list[Any] = []
        at: list[int] = []
        inner: dict[int, Where] = {}
        for i in range(len(value)):
            partial = partial_of(failed[i]) if i in failed else made[i]
            if partial is not None:
                where = getattr(failed.get(i), "kept_at", None)
                if where:
                    inner[len(built)] = where
                built.append(partial)
                at.append(i)
        if len(built) == len(value) and not inner:
            return tuple(built)
        return Kept(tuple(built), tuple(at), inner)

    return structure
