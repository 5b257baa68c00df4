"""The converter's hook of a union in your own classes' fields (``Cycle |
Grade``, ``Judgment | Period``, ``int | str``; an optional one's is this
hook behind ``None``).

cattrs reads a union of attrs classes from a mapping, telling the classes
apart by their fields, and has no hook for the others. Here:

* a value already of a member's class is kept (a record built, a grade),
  but text, which most members are written as; a number of a member's
  class is that member's (a whole number for ``float | int`` stays whole),
  and meets its rules (a float finite, an int of any size) as in a field
  of its own;
* a mapping is read as cattrs reads it, by the members that are records
  (telling them apart by their fields); where one of them is a record of
  the model, which the data format writes under keys of its own (``metric``
  for a metric's ``key``, a judgment flat in its assessment), by each
  record member in turn, and one alone must take it: records written alike
  need cattrs' tagged unions to be told apart;
* anything else by the first member, in the union's order, whose hook
  takes it, a Literal first and text last: in ``str | Grade``, ``"good"``
  is the grade a grade was written as. Where several members read it
  (text apart, which takes any), the one that writes what it made back as
  the value is taken (``date | datetime`` reads "2019-04-12" as the date;
  ``float | Literal[1]``, 1 as the Literal's, a float writing 1.0); two
  that write what they made alike, as JSON writes it, are refused: in
  ``EngageDate | Cycle``, ``"2016"`` may have been either, and read as the
  first it would change what was written; so is ``"good"`` in ``Grade |
  Literal["good"]``, unless both made one value (``Literal[Grade.GOOD] |
  Grade``). (An empty list or mapping, which every member that is one
  writes alike, is the first's.)

A ``Literal``'s hook is here too: its values are of their kind, as a
union's members are.
"""

from __future__ import annotations

import contextlib
import enum
import types
import typing
from collections.abc import Callable
from typing import Any

import cattrs
from cattrs.disambiguators import create_default_dis_func

from ..errors import PeelDataError, dotted_path
from ..model._judgment_checks import held_warnings, warn_unknown
from ..model._messages import describe, fail
from ..model.force import Force
from ..model.periods import Period
from ._collections import is_any_mapping, is_your_class
from ._layout import LAYOUTS, mapping_of
from ._problems import problems_of

__all__ = ["is_union", "member_name", "structure_union"]


def _members(tp: Any) -> tuple[Any, ...]:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return typing.get_args(tp)
    return ()


def is_union(tp: Any) -> bool:
    """Whether ``tp`` is a union but an optional one (cattrs' own hook puts
    ``None`` in front of the hook of the rest)."""
    members = _members(tp)
    return len(members) > 1 and type(None) not in members


# What a member's hook raises when a value is not one of it.
# (A LookupError: a hook of yours that looks the value up, find_force's.)
_REFUSED = (PeelDataError, cattrs.BaseValidationError, ValueError, TypeError, LookupError)


def structure_union(tp: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """The hook of a union (see the module's docs)."""
    members = _members(tp)
    records = [m for m in members if is_your_class(m)]
    # Which record a mapping is, as cattrs tells them apart (by their
    # fields' names), where it can and every record is written under its
    # fields' names; else each is tried in turn.
    which = None
    if len(records) > 1 and not any(m in LAYOUTS for m in records):
        with contextlib.suppress(Exception):  # cattrs cannot tell these records apart
            which = create_default_dis_func(conv, *records)
    of_mappings = [m for m in members if m not in records and is_any_mapping(m)]
    # A Literal first, text last; stable, so otherwise in order. (Python
    # counts two unions of one set of members equal, and cattrs keeps one
    # hook for both: what a value is read as must not hang on the spelling.)
    tried = sorted(members, key=lambda m: (not is_literal(m), m is str))
    # A number is a member's if of its class (a whole number for float |
    # int stays whole), and meets that member's rules, as in a field of its
    # own (a float finite, an int of any size).
    numbers = {m: conv.get_structure_hook(m) for m in members if m in (int, float)}
    kept = {m for m in members if isinstance(m, type) and m is not str and m not in numbers}
    names = " or ".join(member_name(m) for m in members)

    def structure(value: Any, _: Any) -> Any:
        if value.__class__ in kept:
            return value
        if value.__class__ in numbers:
            made = numbers[value.__class__](value, value.__class__)
            # (An IntEnum of yours writes its members as the numbers they are.)
            others = [m for m in tried if m is not value.__class__]
            return _written_so(conv, (value.__class__, made, []), others, value)[1]
        read = mapping_of(value) if records or of_mappings else None
        candidates = tried
        reasons: list[tuple[Any, Exception]] = []
        if read is not None:
            value, candidates = read, [*records, *of_mappings]
            if which is not None:
                try:
                    candidates = [which(read), *of_mappings]
                except ValueError:  # cattrs' "Couldn't disambiguate"
                    candidates = of_mappings
            elif len(records) > 1:
                taken, reasons = _each(conv, records, read)
                if len(taken) > 1:
                    fail(
                        f"a mapping that reads as {' and as '.join(m.__name__ for m, _ in taken)}: "
                        "records written alike need a tag to tell them apart (cattrs' configure_tagged_union)"
                    )
                if taken:
                    return taken[0][1]
                candidates = of_mappings
            if not candidates and not reasons:
                fail(f"a mapping that is none of {names} (told apart by their fields)")
        for i, member in enumerate(candidates):
            try:
                made, warned = _tried(conv, member, value)
            except _REFUSED as e:
                reasons.append((member, e))
                continue
            # (A mapping a record reads is that record: a mapping type beside
            # records is what the others are not, as `Record | dict[str, Any]`
            # means; two mapping types are told apart as any two members.)
            # (Text, tried last, takes any: it writes nothing alike.)
            if (read is None or member in of_mappings) and member is not str and _telling(value):
                member, made, warned = _written_so(conv, (member, made, warned), candidates[i + 1 :], value)
            _say(warned)
            return made
        # Where one member takes a value of this kind (a list, for one), its
        # problems are the value's, with their paths; else each member's.
        # Text is what most members are written as (a date, a word, a
        # Literal's text): each that takes text is named.
        if isinstance(value, str):
            same = [(m, e) for m, e in reasons if _takes_text(m)]
        else:
            same = [(m, e) for m, e in reasons if not _of_another_kind(e)]
        (member, error), *others = same or reasons
        if not others and isinstance(error, (PeelDataError, cattrs.BaseValidationError)):
            raise error
        said = [_first_problem(m, e) for m, e in reasons]
        fail(f"expected {names}, got {describe(value)} ({'; '.join(s for s in said if s)})")

    return structure


def _telling(value: Any) -> bool:
    """Whether a value may tell members apart: not an empty list or
    mapping, which every member that is one takes and writes alike."""
    return not isinstance(value, (list, tuple, dict)) or bool(value)


def _written_so(
    conv: cattrs.Converter, first: tuple[Any, Any, Warned], rest: list[Any], value: Any
) -> tuple[Any, Any, Warned]:
    """Of the members that read a value (``first``, the first of them, and
    any of ``rest``), the one that writes what it made back as the value:
    ``date | datetime`` reads "2019-04-12" as the date it writes, the
    first member that reads it where none writes it so. Two that write
    what they made alike are refused: ``EngageDate | Cycle`` may have
    written "2016" either way (and reads 2016 as "2016")."""
    taken = [first]
    for other in rest:
        if other is not str:
            with contextlib.suppress(*_REFUSED):
                taken.append((other, *_tried(conv, other, value)))
    if len(taken) == 1:
        return first
    written = [(x, _as_json(_written(conv, x[0], x[1]))) for x in taken]
    for i, (x, out) in enumerate(written):
        alike = [
            y for y, other in written[i + 1 :] if out is not None and other == out and not _one_value(x, y)
        ]
        if alike:
            fail(
                f"{describe(value)} reads as {' and as '.join(member_name(m) for m, _, _ in (x, *alike))}: "
                "members written alike need a hook of your own for the union to tell them apart"
            )
    given = _as_json(value)
    return next((x for x, out in written if out is not None and out == given), first)


def _one_value(x: tuple[Any, Any, Warned], y: tuple[Any, Any, Warned]) -> bool:
    """Whether two members that read a value made one value: a Literal's,
    which the other makes too (``Literal[Grade.GOOD] | Grade``,
    ``Literal[1000] | int``). A Literal's values are single values: lists
    equal in Python, of items of other kinds (``[IE.ONE]`` and ``[1]``),
    are not one."""
    (a, made_a, _), (b, made_b, _) = x, y
    return (is_literal(a) or is_literal(b)) and made_a.__class__ is made_b.__class__ and made_a == made_b


def _written(conv: cattrs.Converter, member: Any, made: Any) -> Any:
    """What a member writes what it made as (``None``, where it cannot)."""
    try:
        return conv.unstructure(made, member)
    except Exception:  # noqa: BLE001 - it cannot write it at all
        return None


def _as_json(value: Any) -> str | None:
    """A value as the JSON it is written as, where it is one (``None``, where
    not): members are alike where JSON writes them alike (``{1: "a"}`` and
    ``{"1": "a"}``), and unlike where Python counts them equal and JSON
    does not (``[1]`` and ``[1.0]``)."""
    import json

    try:
        return json.dumps(value, sort_keys=True, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        return None


# What a member would warn of: each report and the questions it names
# that the registry does not know yet.
Warned = list[tuple[Any, list[str]]]


def _each(
    conv: cattrs.Converter, records: list[Any], value: Any
) -> tuple[list[tuple[Any, Any]], list[tuple[Any, Exception]]]:
    """What each record member makes of a mapping, and why each that does
    not take it refuses it (what one alone that takes it would warn of is
    said)."""
    taken: list[tuple[Any, Any, Warned]] = []
    refused: list[tuple[Any, Exception]] = []
    for member in records:
        try:
            made, warned = _tried(conv, member, value)
        except _REFUSED as e:
            refused.append((member, e))
            continue
        taken.append((member, made, warned))
    if len(taken) == 1:
        _say(taken[0][2])
    return [(member, made) for member, made, _ in taken], refused


def _tried(conv: cattrs.Converter, member: Any, value: Any) -> tuple[Any, Warned]:
    """What a member makes of a value, and what it would warn of, held: a
    member tried and refused warns of nothing (raises as its hook does)."""
    held = held_warnings.set([])
    try:
        return conv.get_structure_hook(member)(value, member), held_warnings.get() or []
    finally:
        held_warnings.reset(held)


def _say(warned: Warned) -> None:
    """Give the warnings a member taken held back."""
    for report, unknown in warned:
        warn_unknown(report, unknown)


def member_name(member: Any) -> str:
    """A member as an error names it: a Literal by its values ('a' or 'b'),
    a generic by its arguments' names (``tuple[Cycle, ...]``)."""
    if is_literal(member):
        return _literal_said(member)
    origin, args = typing.get_origin(member), typing.get_args(member)
    if origin in (typing.Union, types.UnionType):
        return " | ".join("None" if a is type(None) else member_name(a) for a in args)
    if origin is not None and args and isinstance(origin, type):
        return f"{origin.__name__}[{', '.join('...' if a is Ellipsis else member_name(a) for a in args)}]"
    return getattr(member, "__name__", None) or repr(member)


def is_literal(tp: Any) -> bool:
    """Whether a type is a ``Literal`` (of values of yours)."""
    return typing.get_origin(tp) is typing.Literal


def structure_literal(value: Any, tp: Any) -> Any:
    """One of a Literal's values, of its kind: ``True`` is no 1, nor 1.0
    (Python's ``in``, which cattrs asks, counts them equal); an enum
    member's value is its member, as cattrs reads one."""
    for arg in typing.get_args(tp):
        held = _held(arg)
        if value is arg or (_of_kind(value, held) and value == held):
            return arg
    said = _literal_said(tp)
    if any(_of_kind(value, _held(arg)) for arg in typing.get_args(tp)):
        fail(f"{describe(value)} is not {said}")
    fail(f"expected {said}, got {describe(value)}")


def _literal_said(tp: Any) -> str:
    """A Literal's values as messages say them, in the data's words: 'a'
    or 'b', true, null; an enum member's by its value."""
    words = {None: "null", True: "true", False: "false"}
    return " or ".join(
        words[v] if v is None or v.__class__ is bool else repr(v) for v in map(_held, typing.get_args(tp))
    )


def _held(arg: Any) -> Any:
    """What a Literal's value is written as: an enum member, its value."""
    return arg.value if isinstance(arg, enum.Enum) else arg


def _of_kind(value: Any, held: Any) -> bool:
    if value.__class__ is bool or held.__class__ is bool:
        return value.__class__ is held.__class__
    return isinstance(value, type(held))


def _first_problem(member: Any, error: BaseException) -> str:
    """A member's first problem with a value, with its path where it has one."""
    for path, message in problems_of(error, member):
        return f"{dotted_path(path)}: {message}" if path else message
    return ""


def _takes_text(member: Any) -> bool:
    """Whether a member may be written as text: not a number, a boolean,
    nothing, a record (a mapping) or a collection; a Literal of a text."""
    if is_literal(member):
        return any(isinstance(_held(v), str) for v in typing.get_args(member))
    origin = typing.get_origin(member) or member
    if origin is Force or origin is Period:  # records written as text too: an id, "12 months to ..."
        return True
    if origin in (int, float, bool, type(None), list, tuple, set, frozenset, dict) or is_your_class(origin):
        return False
    return not is_any_mapping(member)


def _of_another_kind(error: BaseException) -> bool:
    """Whether a member refused a value as not of its kind at all ("expected
    a list, got the text ..."), not for what it holds."""
    if isinstance(error, cattrs.BaseValidationError):
        return False  # a list or a record whose items or fields fail
    if not isinstance(error, PeelDataError):
        return True  # Python's: no problem of the value's
    problems = error.problems
    return bool(problems) and all(p.message.startswith("expected ") and not p.path for p in problems)
