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
from collections.abc import Callable
from typing import Any

import attrs

from ..errors import PeelDataError
from ..model._convert import (
    Found,
    Invalid,
    describe,
    noun,
    optional_inner,
    suggest,
    tuple_item,
    union_members,
)
from ..model._init import compile_function, init_body
from ..model._record import file_key, info


class Slot:
    """One field of a record as the data format has it (a plain class:
    attrs would compile its methods at every start)."""

    __slots__ = ("always", "default", "flatten", "key", "many", "name", "record", "required")

    def __init__(
        self,
        *,
        name: str,
        key: str,
        required: bool,
        default: Any,
        flatten: str | None,
        always: bool,
        record: type[Any] | None,  # a record (or union of records) read from mappings
        many: bool,  # a tuple of such records
    ) -> None:
        self.name, self.key, self.required, self.default = name, key, required, default
        self.flatten, self.always, self.record, self.many = flatten, always, record, many


class Plan:
    """How one record class is read and written."""

    __slots__ = ("cls", "keys", "noun", "slots")

    def __init__(self, cls: type[Any], noun: str, slots: tuple[Slot, ...], keys: frozenset[str]) -> None:
        self.cls, self.noun, self.slots, self.keys = cls, noun, slots, keys


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
                built = structure(s.record, sub)
                if built.__class__ is Invalid:
                    # A record written flat shares its parent's mapping: what
                    # is wrong with the mapping itself (a key missing) is said
                    # of the parent's.
                    found += [(path, m) for path, m in built.found if not path]
                    built = Invalid([(path, m) for path, m in built.found if path], fields=built.fields)
                kwargs[s.name] = built
            continue
        if s.key not in value:
            if s.required:
                found.append(((), f"missing required field {s.key!r} in {p.noun}"))
                kwargs[s.name] = Invalid([])
            continue
        raw = value[s.key]
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
        return Invalid(found + _found_of(e), fields=getattr(e, "fields", None))
    if found:
        return Invalid(found)
    return built


def _first_keys(members: tuple[type[Any], ...]) -> list[tuple[str, type[Any]]]:
    """Each member of a union with its first required key, which tells a
    mapping of that member (an outcome row has ``outcome``, a group ``group``)."""
    return [(next(s.key for s in plan(c).slots if s.required), c) for c in members]


def _structure_union(members: tuple[type[Any], ...], value: Any) -> Any:
    firsts = _first_keys(members)
    if value.__class__ is dict:
        for first, cls in firsts:
            if first in value:
                return structure(cls, value)
    what = plan(members[0]).noun
    if value.__class__ is dict:
        return Invalid([((), f"{what} has either {' or '.join(repr(k) for k, _ in firsts)}")])
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
        if not s.required and (v is None or (not s.always and v == s.default)):
            continue
        if s.flatten is not None:
            if v is not None:
                out.update({s.flatten + k: x for k, x in unstructure(v).items()})
            continue
        out[s.key] = _out(v)
    return out


def _out(v: Any) -> Any:
    if v is None:
        return None
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


# ---------------------------------------------------------------------------
# The fail-fast mode: the same key plans, as generated code.
#
# For each record class a function reads the keys straight into the class's
# __init__, which checks everything. Anything out of the ordinary (an
# unknown or missing key, a value the model refuses) sends that mapping to
# :func:`structure`, which gathers every problem; valid data never go there.

_BUILDERS: dict[tuple[Any, str | None], Callable[[Any], Any]] = {}


def build(cls: Any, value: Any) -> Any:
    """Like :func:`structure`, and as fast as generated code for valid data."""
    return builder(cls)(value)


def builder(cls: Any, flat: str | None = None) -> Callable[[Any], Any]:
    """The generated reader of a record class (or a union of them); with
    ``flat``, of a record written flat in its parent with that key prefix,
    reading the parent's mapping."""
    key = (cls, flat)
    found = _BUILDERS.get(key)
    if found is None:
        found = _BUILDERS[key] = _make_builder(cls, flat)
    return found


def _make_builder(cls: Any, flat: str | None) -> Callable[[Any], Any]:
    members = union_members(cls)
    if members is not None:
        return _union_builder(members)
    p = plan(cls)
    if flat:
        # A record written flat under a prefix (previous_grade...) is read
        # by the reader of the unprefixed one, from its keys without the
        # prefix: one generated reader serves every prefix.
        plain = builder(cls, "")
        renames = [(flat + k, k) for k in p.keys]
        return lambda o: plain({k: o[pk] for pk, k in renames if pk in o})

    def slow(o: Any) -> Any:
        if flat is None:
            return structure(cls, o)
        return structure(cls, {k: o[k] for k in p.keys if k in o})

    names: dict[str, Any] = {
        "_cls": cls,
        "_new": object.__new__,
        "_keys": p.keys,
        "_slow": slow,
        "_dict": dict,
        "_list": list,
    }
    # Reading the keys may fail (a key missing): that, and only that, sends
    # the mapping to the collecting reader. Records inside are read after,
    # so that an error in them is never taken for a missing key.
    reads: list[str] = []
    nested: list[str] = []
    for s in p.slots:
        k = s.key
        if s.flatten is not None:
            sub = typing.cast(Any, optional_inner(attrs.fields_dict(cls)[s.name].type)[1])
            names[f"_b_{s.name}"] = _on_first_use(names, f"_b_{s.name}", sub, s.flatten)
            if s.required:
                nested.append(f"{s.name} = _b_{s.name}(o)")
            else:
                names[f"_d_{s.name}"] = s.default
                # Whether any of its keys is there: one test in C, over
                # the mapping's few keys.
                names[f"_f_{s.name}"] = frozenset(s.flatten + x for x in plan(sub).keys)
                nested.append(f"{s.name} = _d_{s.name} if _f_{s.name}.isdisjoint(o) else _b_{s.name}(o)")
            continue
        if s.required:
            get = f"o[{k!r}]"
        else:
            names[f"_d_{s.name}"] = s.default
            get = f"o.get({k!r}, _d_{s.name})"
        reads.append(f"{s.name} = {get}")
        if s.record is not None:
            b = f"_b_{s.name}"
            names[b] = _on_first_use(names, b, s.record)
            if s.many:
                nested.append(f"if {s.name}.__class__ is _list:")
                nested.append(f"    {s.name} = [{b}(x) if x.__class__ is _dict else x for x in {s.name}]")
            else:
                nested.append(f"if {s.name}.__class__ is _dict: {s.name} = {b}({s.name})")
    lines = (
        []
        if flat is not None
        else ["if o.__class__ is not _dict or not _keys.issuperset(o):", "    return _slow(o)"]
    )
    lines += [
        "try:",
        *[f"    {r}" for r in reads],
        "except KeyError:",
        "    return _slow(o)",
        *nested,
        "self = _new(_cls)",
    ]
    lines += init_body(cls, names, "return _slow(o)")
    lines.append("return self")
    code = "def build(o):\n" + "".join(f"    {line}\n" for line in lines)
    return compile_function(code, names, f"read {p.cls.__name__}")


def _on_first_use(
    names: dict[str, Any], name: str, cls: Any, flat: str | None = None
) -> Callable[[Any], Any]:
    """A stand-in for the reader of a nested record, which makes the reader
    when a value first needs it and puts it in the stand-in's place: records
    a file never holds (a force written as a mapping) cost nothing."""

    def first(o: Any) -> Any:
        names[name] = real = builder(cls, flat)
        return real(o)

    return first


def _union_builder(members: tuple[type[Any], ...]) -> Callable[[Any], Any]:
    firsts = [(first, builder(c)) for first, c in _first_keys(members)]

    def build_member(o: Any) -> Any:
        if o.__class__ is dict:
            for first, build_one in firsts:
                if first in o:
                    return build_one(o)
        return _structure_union(members, o)

    return build_member


def generate_all(classes: tuple[type[Any], ...]) -> None:
    """Make the ``__init__`` and every reader (flat ones too) of ``classes``
    and the records they hold, so that their code is generated (for
    tools/build_bundle.py, which precompiles it)."""
    from ..model._init import make_init
    from ..model._record import fail

    seen: set[tuple[Any, str | None]] = set()

    def walk(cls: Any, flat: str | None) -> None:
        if (cls, flat) in seen:
            return
        seen.add((cls, flat))
        builder(cls, flat)
        make_init(cls, cls.__peel_kw_only__, fail)
        for s in plan(cls).slots:
            if s.flatten is not None:
                sub = optional_inner(attrs.fields_dict(cls)[s.name].type)[1]
                walk(sub, (flat or "") + s.flatten)
            elif s.record is not None:
                for member in union_members(s.record) or (s.record,):
                    walk(member, None)

    for cls in classes:
        walk(cls, None)
