"""Every validation rule of the model, by a stable name, for the rule tests and the mutation run."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

import peel_effectiveness as pe
from peel_effectiveness.model._convert import optional_inner
from peel_effectiveness.model._record import Check, Rule, info

# Every record class the package exports, found rather than listed, so that
# a record added later is covered without anyone remembering to add it here.
RECORDS: tuple[type[Any], ...] = tuple(
    obj
    for name in sorted(pe.__all__)
    if isinstance(obj := getattr(pe, name), type) and hasattr(obj, "__peel_converters__")
)


def rules() -> dict[str, Rule | Check]:
    """Each cross-field rule (``Class.method``) and field check (``Class.field[i]``)."""
    out: dict[str, Rule | Check] = {}
    for cls in RECORDS:
        for r in cls.__peel_rules__:
            out[f"{cls.__name__}.{r.check.__name__}"] = r
        for a in attrs.fields(cls):
            for i, check in enumerate(info(a).checks):
                out[f"{cls.__name__}.{a.name}[{i}]"] = check
    return out


# The type rules of the fields: each leaf type's converter, which keeps text
# text and numbers numbers. The mutation run lets anything through in turn.
LEAF_TYPES = {"text": str, "whole number": int, "number": float, "boolean": bool, "date": dt.date}


def leaf_rules() -> list[str]:
    return [f"type:{name}" for name in LEAF_TYPES]


def _disable_type(tp: type) -> None:
    from peel_effectiveness.io import _structure
    from peel_effectiveness.model import _record
    from peel_effectiveness.model._init import lazy_init

    for cls in RECORDS:
        fields = attrs.fields(cls)
        if any(optional_inner(a.type)[1] is tp for a in fields):
            for a in fields:
                if optional_inner(a.type)[1] is tp:
                    cls.__peel_converters__[a.name] = lambda v: v
            # __init__ and the readers take the converters when they are
            # made: make them again (the registry's records were built at import).
            cls.__init__ = lazy_init(cls, all(a.kw_only for a in fields), _record._fail)
    _structure._BUILDERS.clear()


def disable(name: str) -> None:
    """Switch one rule off, in place, for the mutation run."""
    if name.startswith("type:"):
        _disable_type(LEAF_TYPES[name.removeprefix("type:")])
        return
    target = rules()[name]
    if isinstance(target, Rule):
        object.__setattr__(target, "check", lambda _self: [])
    else:
        object.__setattr__(target, "test", lambda _value: True)
