"""The converter's hooks of the lists, sets and mappings of your own attrs
classes (the model's own lists are tuples, read by :mod:`._converter`):
cattrs' own hooks, behind the checks that keep them strict and round trips
whole.

* A list or a set is never read from a text, bytes or a mapping, which are
  iterable too (``"http://x"`` is no list of eight characters).
* A mapping is a mapping (cattrs' hook asks any value for its ``items()``).
* A mapping's keys that JSON wrote as text (it can write no other) are read
  back as the numbers or booleans they were: ``{2016: ...}`` is written
  ``{"2016": ...}``.
* A key is written as a text, a number or a boolean, or refused by name: a
  force of your own is written out whole, as a mapping, which no mapping
  can take as a key.
* A class of yours is read from a mapping only, and a key it has no field
  for is refused, as a data file's is, not dropped.
"""

from __future__ import annotations

import collections
import collections.abc as abc
import dataclasses
import itertools
import json
import math
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs
import cattrs
from cattrs.cols import list_structure_factory, mapping_unstructure_factory
from cattrs.gen import make_dict_structure_fn, make_mapping_structure_fn

from ..errors import long_number
from ..model._messages import a_or_an, describe, fail
from ..model._values import listed
from ..model.force import Force
from ._layout import mapping_of
from ._parsed import PYTHON_DIGITS
from ._value_hooks import unwritable

__all__ = [
    "class_noun",
    "field_names",
    "is_any_mapping",
    "is_collection",
    "is_mapping",
    "is_your_class",
    "structure_collection",
    "structure_mapping",
    "structure_your_class",
    "unstructure_mapping",
]

# What cattrs makes of each kind of list and set.
_MADE: dict[Any, Callable[[list[Any]], Any]] = {
    list: list,
    abc.MutableSequence: list,
    abc.Sequence: tuple,
    collections.deque: collections.deque,
    set: set,
    abc.MutableSet: set,
    frozenset: frozenset,
    abc.Set: frozenset,
}
_SETS = (set, abc.MutableSet, frozenset, abc.Set)


def is_collection(tp: Any) -> bool:
    """Whether ``tp`` is a list, a sequence or a set, or a tuple of a fixed
    length or a bare ``tuple`` (one of any length is the model's: see
    :mod:`._converter`)."""
    origin = typing.get_origin(tp) or tp
    args = typing.get_args(tp)
    return origin in _MADE or (origin is tuple and (not args or args[-1] is not Ellipsis))


def structure_collection(tp: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """cattrs' own hook of a list, a set or a tuple of a fixed length (its
    items named by index when they fail), behind the model's rule of what
    a list is (:func:`~peel_effectiveness.model._values.listed`: a list or
    a tuple, never a text or a mapping); a set of yours may be given as a
    set too. Each is made what cattrs makes it (a tuple, a set...)."""
    origin = typing.get_origin(tp) or tp
    if not typing.get_args(tp) and origin is tuple:  # tuple, typing.Tuple: of anything, from a list
        return lambda value, _: tuple(listed(value))
    if origin is tuple:
        fixed = conv.gen_structure_hetero_tuple(tp)
        return lambda value, _: fixed(listed(value), tp)
    args = typing.get_args(tp)
    as_list: Any = list[args[0]] if args else list  # type: ignore[valid-type]
    items = list_structure_factory(as_list, conv)
    made = _MADE[origin]
    a_set = origin in _SETS

    def structure(value: Any, _: Any) -> Any:
        if not (a_set and isinstance(value, (set, frozenset))):
            value = listed(value)
        built = items(value, as_list)
        return built if made is list else made(built)

    return structure


_MAPPINGS = (dict, collections.OrderedDict, abc.Mapping, abc.MutableMapping)


def is_mapping(tp: Any) -> bool:
    """Whether ``tp`` is a mapping (``dict[Cycle, Judgment]``; an
    ``OrderedDict``; a ``Counter`` or ``defaultdict`` is cattrs')."""
    return (typing.get_origin(tp) or tp) in _MAPPINGS


def is_any_mapping(tp: Any) -> bool:
    """Whether ``tp`` is a mapping of any kind, ``Counter`` and
    ``defaultdict`` too (their keys are written as any mapping's)."""
    origin = typing.get_origin(tp) or tp
    return isinstance(origin, type) and issubclass(origin, abc.Mapping)


def _int_key(key: str) -> int | None:
    # To the digits the readers read a number with, which every key
    # written has (see _key_text).
    digits = key.removeprefix("-")
    if len(digits) > PYTHON_DIGITS or not digits.isdigit() or not digits.isascii():
        return None
    try:
        number = int(key)
    except ValueError:  # past a limit set since (sys.set_int_max_str_digits)
        return None
    return number if str(number) == key else None


def _float_key(key: str) -> float | None:
    whole = _int_key(key)  # a whole number, as a float's key may be
    if whole is not None:
        return whole
    try:
        number = float(key)
    except ValueError:
        return None
    # As json writes a float (its repr, or its words for the infinities and NaN).
    shown = float.__repr__(number) if math.isfinite(number) else _NOT_FINITE[float.__repr__(number)]
    return number if shown == key else None


_NOT_FINITE = {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}


# A key of each kind from the text json.dumps writes it as (a JSON key is
# always text), or None for any other text.
_FROM_KEY_TEXT: dict[Any, Callable[[str], Any]] = {
    int: _int_key,
    float: _float_key,
    bool: {"true": True, "false": False}.get,
}


def structure_mapping(tp: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """cattrs' own hook of a mapping, behind a check that the value is one
    and with its keys read back from the text JSON writes them as (two
    that read as one key are refused, naming both)."""
    origin = typing.get_origin(tp) or tp
    inner = make_mapping_structure_fn(
        tp, conv, dict if origin in (abc.Mapping, abc.MutableMapping) else origin, detailed_validation=True
    )
    args = typing.get_args(tp)
    key_type = args[0] if args else Any
    from_text = _FROM_KEY_TEXT.get(key_type) or (
        None if key_type in (str, Any) else _key_reader(key_type, conv)
    )

    def structure(value: Any, _: Any) -> Any:
        read = mapping_of(value)
        if read is None:
            fail(f"expected a mapping, got {describe(value)}")
        if from_text is not None:
            keys: dict[Any, Any] = {}
            for k in read:
                key = from_text(k) if k.__class__ is str else None
                key = k if key is None else key
                if key in keys:
                    fail(f"the keys {keys[key]!r} and {k!r} are one key, {key!r}")
                keys[key] = k
            read = {key: read[k] for key, k in keys.items()}
        built = inner(read, tp)
        if len(built) < len(read):
            _one_key(read, key_type, conv)
        return built

    return structure


def _key_reader(key_type: Any, conv: cattrs.Converter) -> Callable[[str], Any]:
    """For a key of any other type (an IntEnum, a Literal, a union...): the
    value its text was written from, as a union's value is read: by the
    member that takes the text, or the number or boolean json.dumps writes
    as that very text, text last (the ``str`` of an ``int | str``).
    ``None`` where the text itself is that (a cycle's, a grade's, or text),
    or where no member takes either: the text stays, and its problem is
    said of what was written. Two members that read it from two values (the
    text, and the number JSON writes as it) are refused, as a union's
    members written alike are: JSON writes both as the one text (``"2016"``
    of ``Cycle | int``), whichever way the union is spelt."""
    read_as = _unwrapped(key_type)
    union = typing.get_origin(read_as) in (typing.Union, types.UnionType)
    members = typing.get_args(read_as) if union else (key_type,)
    ordered = [m for m in members if m is not str and m is not type(None)]
    hooks = [(m, conv.get_structure_hook(m)) for m in ordered]

    def read(key: str) -> Any:
        numbers = [v for v in (_int_key(key), _float_key(key), _FROM_KEY_TEXT[bool](key)) if v is not None]
        taken = [(m, read) for m, hook in hooks if (read := _taken(conv, m, hook, key, numbers)) is not None]
        for (a, from_a), (b, from_b) in itertools.pairwise(taken):
            if from_a.__class__ is not from_b.__class__ or from_a != from_b:
                from ._unions import member_name  # (which imports this module)

                fail(
                    f"the key {key!r} reads as {member_name(a)} and as {member_name(b)}: "
                    "JSON writes both as this text: key the mapping by one type"
                )
        return None if not taken or taken[0][1].__class__ is str else taken[0][1]

    return read


def _unwrapped(tp: Any) -> Any:
    """The type a key's type is read as: an ``Annotated`` type's own, a
    ``NewType``'s supertype (``NewType("K", Cycle | int)`` is a union)."""
    while True:
        if typing.get_origin(tp) is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif callable(tp) and hasattr(tp, "__supertype__"):
            tp = tp.__supertype__
        else:
            return tp


def _taken(conv: cattrs.Converter, member: Any, hook: Any, key: str, numbers: list[Any]) -> Any:
    """What a member reads a key from: the key's text, or the number or
    boolean JSON writes as that very text (``None``, where it reads
    neither)."""
    try:
        hook(key, member)
    except Exception:  # noqa: BLE001 - refused as text: perhaps as a number
        pass
    else:
        return key
    for value in numbers:
        try:
            made = hook(value, member)
        except Exception:  # noqa: BLE001 - not this kind of number
            continue
        # Only the text json.dumps writes of what was made ("1", never "1.0").
        if _key_text(conv.unstructure(made, member)) == key:
            return value
    return None


def _key_text(key: Any) -> str:
    """The text json.dumps writes a mapping's key as (a JSON key is always
    text): a text as it is, a number or a boolean as JSON writes it."""
    if key.__class__ is str:
        return key
    if isinstance(key, int) and unwritable(key):
        _refuse_long_key(key)
    return json.dumps(key)


def _refuse_long_key(key: int) -> None:
    """Refuse a whole number too long to be written as a mapping's key."""
    fail(
        f"a mapping's key is written as a text, and {long_number(key)} is too long to be read back: "
        "key the mapping by something else"
    )


def class_noun(tp: Any) -> str:
    """A class (or a generic one's alias) as messages name it: "a Briefing"."""
    return a_or_an(getattr(typing.get_origin(tp) or tp, "__name__", str(tp)))


def _one_key(read: dict[Any, Any], key_type: Any, conv: cattrs.Converter) -> None:
    """Refuse the two keys of ``read`` that are read as one (a force's id
    and its name, a grade's word in two cases), naming both."""
    hook = conv.get_structure_hook(key_type)
    seen: dict[Any, Any] = {}
    for k in read:
        key = hook(k, key_type)
        if key in seen:
            fail(f"the keys {seen[key]!r} and {k!r} are one key, {key}")
        seen[key] = k


def unstructure_mapping(tp: Any, conv: cattrs.Converter) -> Callable[[Any], Any]:
    """cattrs' own hook of a mapping, its keys each written as a text, a
    number or a boolean, or refused by name."""
    args = typing.get_args(tp)
    key = conv.get_unstructure_hook(args[0]) if args else conv.unstructure

    def written(k: Any, _: Any = None) -> Any:  # as cattrs types a key handler
        if k.__class__ is int and unwritable(k):
            _refuse_long_key(k)  # as a key, before the hook of ints refuses it as a value
        out = key(k)
        if not isinstance(out, (str, int, float, bool)):
            fail(
                f"a mapping's key is written as a text, a number or a boolean, and {describe(k)} is "
                f"written as {describe(out)}: key the mapping by something else"
                + (" (a force of your own by its id)" if isinstance(k, Force) else "")
            )
        return out

    inner = mapping_unstructure_factory(tp, conv, unstructure_to=dict, key_handler=written)

    def unstructure(value: Any) -> Any:
        out = inner(value)
        # JSON writes every key as text: two that write alike would come
        # back as one, the other's value lost; one that cannot be, not at all.
        seen: dict[str, Any] = {}
        for k in out:
            text = _key_text(k)
            if text in seen:
                fail(f'the keys {seen[text]!r} and {k!r} are written as one key, "{text}"')
            seen[text] = k
        return out

    return unstructure


def is_your_class(tp: Any) -> bool:
    """Whether ``tp`` is an attrs class or a dataclass (or a generic one's
    alias), which cattrs reads from a mapping by its fields: a class of
    yours, where the model's own record hooks, tried first (see
    _converter), have not taken it."""
    cl = typing.get_origin(tp) or tp
    return attrs.has(cl) or (isinstance(cl, type) and dataclasses.is_dataclass(cl))


def field_names(tp: Any) -> tuple[set[str], set[str]]:
    """The fields of a class of yours (or a TypedDict's keys) data give it,
    and those it sets itself (``init=False``)."""
    cl = typing.get_origin(tp) or tp
    if attrs.has(cl):
        every: Any = attrs.fields(cl)
    elif dataclasses.is_dataclass(cl):
        every = dataclasses.fields(cl)
    else:  # a TypedDict
        return set(getattr(cl, "__annotations__", ())), set()
    return {a.name for a in every if a.init}, {a.name for a in every if not a.init}


def structure_your_class(tp: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """cattrs' own hook of a class of yours (an attrs class or a
    dataclass), behind a check that the value is a mapping (cattrs' would
    say each field cannot be read, in Python's words), refusing keys the
    class has no field for where the converter forbids extra keys
    (``pe.converter`` does; a copy may not)."""
    inner = make_dict_structure_fn(tp, conv, _cattrs_forbid_extra_keys=conv.forbid_extra_keys)
    noun = class_noun(tp)

    def structure(value: Any, _: Any) -> Any:
        read = mapping_of(value)
        if read is None:
            fail(f"expected a mapping for {noun}, got {describe(value)}")
        return inner(read, tp)

    return structure
