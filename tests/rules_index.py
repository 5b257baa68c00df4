"""Every validation rule of the model, by a stable name, with how to switch
it off: for the rule tests (every rule has an example that breaks it) and
the mutation run (``tools/mutate_rules.py``: with a rule off, the tests fail).

The rules are found, not listed, so that a rule added later is covered
without anyone remembering to add it here:

* ``Class.field``: the limit of a field (bounds, pattern...), declared by
  its validator;
* ``Class.__attrs_post_init__``: a class's rules across fields; the report's
  are each a function of their own (``reports.headline_problems``...);
* ``value:rule``: a value rule (text stays text, numbers numbers...),
  wherever a field uses it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

import peel_effectiveness as pe
from peel_effectiveness.model import _values, reports
from peel_effectiveness.model._validators import Valid, valid_of

CLASSES: tuple[type[Any], ...] = (
    *(getattr(pe.model, n) for n in pe.model.__all__ if attrs.has(getattr(pe.model, n))),
    pe.Limits,
)
REPORT_RULES = (
    "headline_problems",
    "question_problems",
    "measured_once",
    "tables_once",
    "published_in_cycle",
)
VALUE_RULES = {"text": _values.text, "whole": _values.whole, "number": _values.number, "date": _values.date}


def _valids() -> list[tuple[type[Any], attrs.Attribute[Any], Valid]]:
    return [(cls, a, spec) for cls in CLASSES for a in attrs.fields(cls) if (spec := valid_of(a)) is not None]


def rules() -> dict[str, Callable[[], None]]:
    """Each rule's name, and a function that switches it off."""
    out: dict[str, Callable[[], None]] = {}
    for cls, a, v in _valids():
        if v.limit is not None:
            out[f"{cls.__name__}.{a.name}"] = lambda v=v: object.__setattr__(v, "limit", None)
    for cls in CLASSES:
        if "__attrs_post_init__" in vars(cls) and cls is not pe.InspectionReport:
            out[f"{cls.__name__}.__attrs_post_init__"] = lambda cls=cls: setattr(
                cls, "__attrs_post_init__", lambda self: None
            )
    for name in REPORT_RULES:
        off: Any = (lambda report: ([], [])) if name == "question_problems" else (lambda report: [])
        out[f"reports.{name}"] = lambda name=name, off=off: setattr(reports, name, off)
    for name, fn in VALUE_RULES.items():
        out[f"value:{name}"] = lambda fn=fn: _value_off(fn)
    return out


def _value_off(fn: Callable[[Any], Any]) -> None:
    """Let anything through where a field's rule is ``fn`` (or ``fn`` or nothing)."""
    for _, _, v in _valids():
        if v.rule is fn or getattr(v.rule, "__wrapped__", None) is fn:
            object.__setattr__(v, "rule", lambda value: value)


def disable(name: str) -> None:
    """Switch one rule off, in place, for the mutation run."""
    rules()[name]()
