"""Every validation rule of the model, by a stable name, for the rule tests and the mutation run."""

from __future__ import annotations

from typing import Any

import attrs

import peel_effectiveness as pe
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


def disable(name: str) -> None:
    """Switch one rule off, in place, for the mutation run."""
    target = rules()[name]
    if isinstance(target, Rule):
        object.__setattr__(target, "check", lambda _self: [])
    else:
        object.__setattr__(target, "test", lambda _value: True)
