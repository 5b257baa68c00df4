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
"""

from __future__ import annotations

import collections.abc as abc
import re
import typing
from collections.abc import Callable
from typing import Any

import cattrs
from cattrs.cols import list_structure_factory, mapping_unstructure_factory
from cattrs.gen import make_mapping_structure_fn

from ..model._messages import describe, fail
from ._layout import mapping_of

__all__ = [
    "is_collection",
    "is_mapping",
    "structure_collection",
    "structure_mapping",
    "unstructure_mapping",
]

# What cattrs makes of each kind of list and set.
_MADE: dict[Any, Callable[[list[Any]], Any]] = {
    list: list,
    abc.MutableSequence: list,
    abc.Sequence: tuple,
    set: set,
    abc.MutableSet: set,
    frozenset: frozenset,
    abc.Set: frozenset,
}


def is_collection(tp: Any) -> bool:
    """Whether ``tp`` is a list, a sequence or a set (a tuple is the model's)."""
    return (typing.get_origin(tp) or tp) in _MADE


def structure_collection(tp: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """cattrs' own hook of a list (its items named by index when they fail),
    behind a check that the value is not a text, bytes or a mapping; a
    sequence or a set is read as the list of its items, and made what
    cattrs makes it (a tuple, a set, a frozenset)."""
    args = typing.get_args(tp)
    as_list: Any = list[args[0]] if args else list  # type: ignore[valid-type]
    items = list_structure_factory(as_list, conv)
    made = _MADE[typing.get_origin(tp) or tp]

    def structure(value: Any, _: Any) -> Any:
        if isinstance(value, (str, bytes, bytearray, abc.Mapping)):
            fail(f"expected a list, got {describe(value)}")
        built = items(value, as_list)
        return built if made is list else made(built)

    return structure


def is_mapping(tp: Any) -> bool:
    """Whether ``tp`` is a mapping (``dict[Cycle, Judgment]``)."""
    return tp is dict or typing.get_origin(tp) in (dict, abc.Mapping, abc.MutableMapping)


# The text json.dumps writes a key of each kind as (ints, floats and
# booleans; a JSON key is always text), as an expression re compiles when
# first used (every command imports this module; few read such a key).
_KEY_TEXT: dict[Any, tuple[str, Callable[[str], Any]]] = {
    int: (r"-?(?:0|[1-9][0-9]*)", int),
    float: (r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?", float),
    bool: ("true|false", lambda k: k == "true"),
}


def structure_mapping(tp: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """cattrs' own hook of a mapping, behind a check that the value is one
    and with its keys read back from the text JSON writes them as."""
    origin = typing.get_origin(tp) or tp
    inner = make_mapping_structure_fn(
        tp, conv, dict if origin in (abc.Mapping, abc.MutableMapping) else origin, detailed_validation=True
    )
    args = typing.get_args(tp)
    key_text = _KEY_TEXT.get(args[0]) if args else None

    def structure(value: Any, _: Any) -> Any:
        read = mapping_of(value)
        if read is None:
            fail(f"expected a mapping, got {describe(value)}")
        if key_text is not None:
            form, parse = key_text
            read = {
                parse(k) if k.__class__ is str and re.fullmatch(form, k) else k: v for k, v in read.items()
            }
        return inner(read, tp)

    return structure


def unstructure_mapping(tp: Any, conv: cattrs.Converter) -> Callable[[Any], Any]:
    """cattrs' own hook of a mapping, its keys each written as a text, a
    number or a boolean, or refused by name."""
    args = typing.get_args(tp)
    key = conv.get_unstructure_hook(args[0]) if len(args) == 2 else conv.unstructure

    def written(k: Any, _: Any = None) -> Any:  # as cattrs types a key handler
        out = key(k)
        if not isinstance(out, (str, int, float, bool)) and out is not None:
            fail(
                f"a mapping's key is written as a text or a number, and {describe(k)} is written as "
                f"{describe(out)}: key the mapping by something else (a force of your own by its id)"
            )
        return out

    return mapping_unstructure_factory(tp, conv, unstructure_to=dict, key_handler=written)
