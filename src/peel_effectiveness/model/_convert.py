"""Converters of record fields, one per field, made from its type.

A converter takes what Python code or a data file gives and returns the
field's value, or an :class:`Invalid` holding why it cannot be one, so that
a record's ``__init__`` never stops half way and its checks can gather every
problem (see :mod:`peel_effectiveness.model._record`).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs

from ..errors import PeelDataError

Path = tuple[str | int, ...]
Found = list[tuple[Path, str]]


class Invalid:
    """A value that could not be converted, carried to the record's checks.

    Attributes:
        found: The problems, with paths relative to the value.
        partial: For a sequence, the items that did convert, each with its
            index, so that rules over the sequence still run on them.
        fields: For a record, the fields that did convert, by name, so that
            a rule of its parent that needs only those still runs (a
            figure's bounds need only its metric's unit).
    """

    __slots__ = ("fields", "found", "partial")

    def __init__(
        self,
        found: Found,
        partial: tuple[tuple[int, Any], ...] | None = None,
        fields: dict[str, Any] | None = None,
    ) -> None:
        self.found = found
        self.partial = partial
        self.fields = fields

    def __repr__(self) -> str:
        return f"Invalid({self.found!r})"


def describe(value: object) -> str:
    """A value as a person would recognise it in their file."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return (
            f"the boolean {str(value).lower()} (YAML reads yes/no/on/off/true/false as booleans: quote text)"
        )
    if isinstance(value, int):
        return f"the number {value}"
    if isinstance(value, float):
        return f"the number {value!r}"
    if isinstance(value, dt.datetime):
        return f"the date and time {value.isoformat()}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()} (quote it to make it text)"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__}"


def suggest(value: str, choices: list[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest of ``choices``, or nothing.

    Among the close ones, a choice the value starts with, or that starts
    with the value, comes first: "percentage" means "percent" more likely
    than "percent_change".
    """
    import difflib

    word = value.lower()
    close = difflib.get_close_matches(word, choices, n=3, cutoff=0.6)
    prefixed = [c for c in close if word.startswith(c) or c.startswith(word)]
    best = (prefixed or close)[:1]
    return f"; did you mean {best[0]!r}?" if best else ""


# ---------------------------------------------------------------------------
# Converters, one per field, from its type.

_Conv = Callable[[Any], Any]


def spellings(cls: type[enum.Enum]) -> dict[object, Any]:
    """How data files may write each member of an enum: its value, and what
    the enum's ``__spellings__`` adds (grade labels, cycle years...)."""
    extra = getattr(cls, "__spellings__", None)
    table: dict[object, Any] = {m.value: m for m in cls}
    if extra is not None:
        table.update(extra())
    return table


def noun(tp: Any) -> str:
    """How messages name a value of ``tp`` ("a report"): its ``__noun__``."""
    return getattr(tp, "__noun__", None) or f"a {tp.__name__}"


def _enum_conv(cls: type[enum.Enum]) -> _Conv:
    table: dict[object, Any] | None = None
    what = noun(cls)

    def conv(v: Any) -> Any:
        nonlocal table
        if v.__class__ is cls:
            return v
        if table is None:
            table = spellings(cls)
        if v.__class__ is str or v.__class__ is int:
            found = table.get(v)
            if found is not None:
                return found
        if v.__class__ is Invalid:
            return v
        shown = ", ".join(str(m.value) for m in cls)
        if any(k.__class__ is v.__class__ for k in table):
            hint = suggest(v, [k for k in table if isinstance(k, str)]) if isinstance(v, str) else ""
            return Invalid([((), f"{str(v)!r} is not {what} (expected one of: {shown}){hint}")])
        return Invalid([((), f"expected {what}, got {describe(v)} (expected one of: {shown})")])

    return conv


def _exactly(cls: type, what: str) -> _Conv:
    """A converter that takes values of exactly ``cls``: no text made from a
    number, no number from a boolean (``bool`` is an ``int`` to Python)."""

    def conv(v: Any) -> Any:
        if v.__class__ is cls or v.__class__ is Invalid:
            return v
        return Invalid([((), f"expected {what}, got {describe(v)}")])

    return conv


def _float(v: Any) -> Any:
    cls = v.__class__
    if cls is float:
        if v - v == 0.0:  # finite: inf - inf and nan - nan are nan
            return v
        return Invalid([((), f"{v!r} is not a finite number")])
    if cls is int:
        try:
            return float(v)
        except OverflowError:
            return Invalid([((), f"the number {v} is too large")])
    if cls is Invalid:
        return v
    return Invalid([((), f"expected a number, got {describe(v)}")])


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def _date(v: Any) -> Any:
    cls = v.__class__
    if cls is dt.date or cls is Invalid:
        return v
    if cls is dt.datetime:
        return Invalid([((), f"expected a date, got {describe(v)}")])
    if cls is str and _ISO.fullmatch(v):
        try:
            return dt.date.fromisoformat(v)
        except ValueError as e:
            return Invalid([((), f"{v!r} is not a date: {e}")])
    return Invalid([((), f"expected a date (YYYY-MM-DD), got {describe(v)}")])


def _record_conv(cls: type[Any]) -> _Conv:
    from_text = getattr(cls, "_from_text_", None)
    what = noun(cls)

    def conv(v: Any) -> Any:
        if v.__class__ is cls or v.__class__ is Invalid:
            return v
        if from_text is not None and isinstance(v, str):
            try:
                return from_text(v)
            except PeelDataError as e:
                return Invalid([((), p.message) for p in e.problems])
        return Invalid([((), f"expected {what}, got {describe(v)}")])

    return conv


def _union_conv(classes: tuple[type[Any], ...]) -> _Conv:
    names = " or ".join(noun(c) for c in classes)

    def conv(v: Any) -> Any:
        if v.__class__ in classes or v.__class__ is Invalid:
            return v
        return Invalid([((), f"expected {names}, got {describe(v)}")])

    return conv


def _choice_conv(members: tuple[Any, ...]) -> _Conv:
    """A value of one of several enums or leaf types (``Grade | NoGrade``,
    ``int | str``): each member's converter in turn, the first to take it."""
    convs = [converter_for(m) for m in members]
    names = " or ".join(_LEAF_NOUNS.get(m) or noun(m) for m in members)
    enums = [m for m in members if isinstance(m, type) and issubclass(m, enum.Enum)]

    def conv(v: Any) -> Any:
        if v.__class__ in members or v.__class__ is Invalid:
            return v
        for c in convs:
            out = c(v)
            if out.__class__ is not Invalid:
                return out
        if enums and isinstance(v, str):
            words = [k for m in enums for k in spellings(m) if isinstance(k, str)]
            first, *rest = enums
            shown = f"{noun(first)} (expected one of: {', '.join(str(x.value) for x in first)})"
            shown += "".join(f" or {noun(m)} ({', '.join(str(x.value) for x in m)})" for m in rest)
            return Invalid([((), f"{v!r} is not {shown}{suggest(v, words)}")])
        return Invalid([((), f"expected {names}, got {describe(v)}")])

    return conv


_LEAF_NOUNS: dict[Any, str] = {int: "a whole number", str: "text", float: "a number", bool: "true or false"}


def choice_members(tp: Any) -> tuple[Any, ...] | None:
    """The members of a union of enums and leaf types, else ``None``."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if all(a in _LEAF_NOUNS or (isinstance(a, type) and issubclass(a, enum.Enum)) for a in args):
            return args
    return None


def _optional(inner: _Conv) -> _Conv:
    def conv(v: Any) -> Any:
        if v is None:
            return None
        return inner(v)

    return conv


def _tuple_conv(item: _Conv, exact: tuple[type, ...] = ()) -> _Conv:
    """``exact``: item classes taken as they are (text, records), so that a
    list of valid items costs one test an item."""

    def conv(v: Any) -> Any:
        cls = v.__class__
        if cls is tuple or cls is list:
            for x in v:
                if x.__class__ not in exact:
                    break
            else:
                return v if cls is tuple else tuple(v)
        if cls is Invalid:
            return v
        if cls is not tuple and cls is not list:
            return Invalid([((), f"expected a list, got {describe(v)}")])
        out = tuple([item(x) for x in v])
        if any(x.__class__ is Invalid for x in out):
            found = [((i, *p), m) for i, x in enumerate(out) if x.__class__ is Invalid for p, m in x.found]
            return Invalid(found, tuple((i, x) for i, x in enumerate(out) if x.__class__ is not Invalid))
        return out

    return conv


_LEAVES: dict[Any, _Conv] = {
    str: _exactly(str, "text"),
    int: _exactly(int, "a whole number"),
    float: _float,
    bool: _exactly(bool, "true or false"),
    dt.date: _date,
}


def optional_inner(tp: Any) -> tuple[bool, Any]:
    """Whether ``tp`` admits ``None``, and ``tp`` without ``None``."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = tuple(a for a in typing.get_args(tp) if a is not type(None))
        if len(args) != len(typing.get_args(tp)):
            return True, args[0] if len(args) == 1 else typing.Union[args]  # noqa: UP007
    return False, tp


def tuple_item(tp: Any) -> Any | None:
    """The item type of ``tuple[X, ...]``, else ``None``."""
    args = typing.get_args(tp)
    if typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return args[0]
    return None


def union_members(tp: Any) -> tuple[Any, ...] | None:
    """The members of a union of record classes, else ``None``."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if all(attrs.has(a) for a in args):
            return args
    return None


def converter_for(tp: Any) -> _Conv:
    """The converter of a field of type ``tp``."""
    optional, inner = optional_inner(tp)
    if optional:
        return _optional(converter_for(inner))
    if tp in _LEAVES:
        return _LEAVES[tp]
    if (item := tuple_item(tp)) is not None:
        kinds: tuple[Any, ...] = union_members(item) or (item,)
        exact = tuple(m for m in kinds if m in (str, int) or (isinstance(m, type) and attrs.has(m)))
        return _tuple_conv(converter_for(item), exact)
    if (members := union_members(tp)) is not None:
        return _union_conv(members)
    if (choices := choice_members(tp)) is not None:
        return _choice_conv(choices)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _enum_conv(tp)
    if isinstance(tp, type) and attrs.has(tp):
        return _record_conv(tp)
    raise TypeError(f"no converter for the type {tp!r}")
