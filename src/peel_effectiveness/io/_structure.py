"""Records from parsed data files, and back, as the model declares them.

Nothing here decides what valid data is: that is the model's (see
:mod:`peel_effectiveness.model._record`). This module only maps the data
format's keys onto fields, the way each record's fields declare it (their
keys, and which records are written flat in their parent), builds the
records, and turns what the model refuses into problems with field paths.
The key plans are made once per class, from the attrs fields.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import typing
from typing import Any

import attrs

from ..errors import PeelDataError
from ..model._convert import Found, Invalid, describe, optional_inner, suggest, tuple_item, union_members
from ..model._record import file_key, info


@attrs.frozen
class Slot:
    """One field of a record as the data format has it."""

    name: str
    key: str
    required: bool
    default: Any
    flatten: str | None
    always: bool
    null: str | None
    record: type[Any] | None  # a record (or union of records) read from mappings
    many: bool  # a tuple of such records


@attrs.frozen
class Plan:
    """How one record class is read and written."""

    cls: type[Any]
    noun: str
    slots: tuple[Slot, ...]
    keys: frozenset[str]


def noun(cls: type[Any]) -> str:
    return getattr(cls, "__noun__", None) or f"a {cls.__name__}"


_PLANS: dict[Any, Plan] = {}


def plan(cls: Any) -> Plan:
    """The plan of a record class, made once."""
    found = _PLANS.get(cls)
    if found is None:
        found = _PLANS[cls] = _plan(cls)
    return found


def _plan(cls: Any) -> Plan:
    slots = []
    keys: set[str] = set()
    for a in attrs.fields(cls):
        meta = info(a)
        _, inner = optional_inner(a.type)
        item = tuple_item(inner)
        target = inner if item is None else item
        is_record = (isinstance(target, type) and attrs.has(target)) or union_members(target) is not None
        slot = Slot(
            name=a.name,
            key=file_key(a),
            required=a.default is attrs.NOTHING,
            default=a.default,
            flatten=meta.flatten,
            always=meta.always,
            null=meta.null,
            record=target if is_record else None,
            many=item is not None,
        )
        slots.append(slot)
        if meta.flatten is not None:
            keys |= {meta.flatten + k for k in plan(inner).keys}
        else:
            keys.add(slot.key)
    return Plan(cls, noun(cls), tuple(slots), frozenset(keys))


# ---------------------------------------------------------------------------
# Reading.


def _found_of(e: PeelDataError) -> Found:
    found = getattr(e, "found", None)
    if found is not None:
        return list(found)
    return [((), p.message) for p in e.problems]


def structure(cls: Any, value: Any) -> Any:
    """A record of ``cls`` (a record class or a union of them) from parsed
    data, or an :class:`Invalid` naming every problem."""
    members = union_members(cls)
    if members is not None:
        return _structure_union(members, value)
    p = plan(cls)
    if value.__class__ is not dict:
        return Invalid([((), f"expected a mapping for {p.noun}, got {describe(value)}")])
    found: Found = []
    if len(value) > len(p.keys) or not p.keys.issuperset(value):
        for key in value:
            if key not in p.keys:
                found.append(
                    ((key,), f"unknown field {key!r} in {p.noun}{suggest(str(key), sorted(p.keys))}")
                )
    kwargs: dict[str, Any] = {}
    for s in p.slots:
        if s.flatten is not None:
            prefix = s.flatten
            sub_keys = plan(s.record).keys
            sub = {k: value[prefix + k] for k in sub_keys if prefix + k in value}
            if sub or s.required:
                kwargs[s.name] = structure(s.record, sub)
            continue
        if s.key not in value:
            if s.required:
                found.append(((), f"missing required field {s.key!r} in {p.noun}"))
                kwargs[s.name] = Invalid([])
            continue
        raw = value[s.key]
        if raw is None and s.null is not None:
            # The model's None is spelled out in files; null would read as
            # "not known", which is something else.
            found.append(((s.key,), f"write {s.null!r}, or leave {s.key} out where it is not known"))
            kwargs[s.name] = Invalid([])
            continue
        if s.record is not None and raw is not None:
            if s.many:
                if raw.__class__ is list:
                    raw = [structure(s.record, x) if x.__class__ is dict else x for x in raw]
            elif raw.__class__ is dict:
                raw = structure(s.record, raw)
        kwargs[s.name] = raw
    try:
        built = cls(**kwargs)
    except PeelDataError as e:
        return Invalid(found + _found_of(e))
    if found:
        return Invalid(found)
    return built


def _structure_union(members: tuple[type[Any], ...], value: Any) -> Any:
    if value.__class__ is dict:
        for cls in members:
            first = next(s.key for s in plan(cls).slots if s.required)
            if first in value:
                return structure(cls, value)
    firsts = [repr(next(s.key for s in plan(c).slots if s.required)) for c in members]
    what = plan(members[0]).noun
    if value.__class__ is dict:
        return Invalid([((), f"{what} has either {' or '.join(firsts)}")])
    return Invalid([((), f"expected a mapping for {what}, got {describe(value)}")])


# ---------------------------------------------------------------------------
# Writing.


def unstructure(obj: Any) -> dict[str, Any]:
    """A record as plain data in the file format; fields at their default are
    left out, so files stay short."""
    p = plan(type(obj))
    out: dict[str, Any] = {}
    for s in p.slots:
        v = getattr(obj, s.name)
        if not s.always and not s.required and v == s.default:
            continue
        if s.flatten is not None:
            if v is not None:
                out.update({s.flatten + k: x for k, x in unstructure(v).items()})
            continue
        out[s.key] = _out(v, s.null)
    return out


def _out(v: Any, null: str | None = None) -> Any:
    if v is None:
        return null
    cls = v.__class__
    if cls is str or cls is float or cls is int or cls is bool or cls is dt.date:
        return v
    if isinstance(v, enum.Enum):
        return v.value
    if cls is tuple:
        return [_out(x) for x in v]
    to_text = getattr(v, "_to_text_", None)
    if to_text is not None and (text := to_text()) is not None:
        return text
    return unstructure(v)


@functools.cache
def depth(cls: Any) -> int:
    """How deeply the containers of a record's data nest, itself included."""
    members = union_members(cls)
    if members is not None:
        return max(depth(m) for m in members)
    deepest = 0
    for s in plan(cls).slots:
        a = attrs.fields_dict(cls)[s.name]
        _, inner = optional_inner(a.type)
        if s.flatten is not None:
            deepest = max(deepest, depth(inner) - 1)
        elif s.record is not None:
            deepest = max(deepest, depth(typing.cast(Any, s.record)) + s.many)
        elif tuple_item(inner) is not None:
            deepest = max(deepest, 1)
    return 1 + deepest
