"""Where the model's records read a value with a converter's hooks: where
a structure hook of yours registered on it is for the value's type (see
:class:`~peel_effectiveness.io.PeelConverter`), so that a converter reads
back what its writers write; else as the data format does."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import cattrs

from ..model._validators import valid_of

__all__ = ["by_hooks", "check_field", "yours_first"]


def by_hooks(conv: cattrs.Converter, tp: Any) -> bool:
    """Whether the model's records read a value of type ``tp`` with
    ``conv``'s hooks: where a structure hook of yours registered on it is
    for the type, so that it reads what its writers write (a date of yours
    as 20/01/2020); else the value goes to ``__init__`` as read, where the
    field's converter and validator, the data format's rules, read and
    check it (see _converter.PeelConverter)."""
    yours_for = getattr(conv, "_yours_for", None)
    return yours_for is not None and bool(yours_for(tp))


def yours_first(hook: Callable[[Any, Any], Any], a: attrs.Attribute[Any]) -> Callable[[Any, Any], Any]:
    """A plain field's hook in a converter with hooks of yours: its hook of
    the field's type, whose refusal the field's own rule words where it
    refuses the value too (a question's number or key, not "int or str")."""

    def structure(value: Any, tp: Any) -> Any:
        try:
            return hook(value, tp)
        except Exception:
            check_field(a, value)
            raise

    return structure


def check_field(a: attrs.Attribute[Any], value: Any) -> None:
    """Nothing, where a plain field's converter and validator (the data
    format's rules) take ``value``; else their problem, without a path."""
    spec = valid_of(a)
    assert spec is not None
    spec.check(a.converter(value) if callable(a.converter) else value)
