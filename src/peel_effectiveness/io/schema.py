"""A JSON Schema of the data-file format, for editors and other tools.

The schema is generated from the model's own declarations: each class's
fields and their types, the limits their validators declare (bounds,
patterns), the words of each enum in every spelling the enum reads, the
cross-field rules that JSON Schema can say (a figure's range by its unit,
``base`` only per 100), the data format's keys (:data:`._layout.LAYOUTS`)
and each field's description from its class's docstring. Rules that need
the registry (a question that exists in its cycle, a grade on the cycle's
scale, a report given twice) are the loader's alone: every file the loader
accepts, the schema accepts, and a file the schema accepts can still be
refused by :func:`peel_effectiveness.load`, with the reason.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from typing import Any

import attrs

from ..model._field_limits import END
from ..model._validators import valid_of
from ..model._values import FIRST_DAY, ISO_DATE, LAST_DAY
from ..model._words import SPACE_CLASS, Words, spelled_schema
from ..model.cycles import YEARS, YEARS_UP_TO, Cycle
from ..model.force import Force
from ..model.metrics import Measurement, MetricDefinition, base_schema, unit_bounds_schema
from ..model.monitoring import DATE_PATTERN, EngageDate, Stay, left_sources_schema
from ..model.periods import Period
from ..model.reports import InspectionReport
from ._layout import LAYOUTS, file_keys, record_type

__all__ = ["json_schema"]

_ID = "https://peel-effectiveness.invalid/schema/report.json"

# The cross-field rules JSON Schema can say, declared beside each rule in the model.
_RULES = {Measurement: unit_bounds_schema, MetricDefinition: base_schema, Stay: left_sources_schema}


def _name(cls: type[Any]) -> str:
    return "".join(("_" + c.lower()) if c.isupper() else c for c in cls.__name__).lstrip("_")


_CYCLE = {
    "anyOf": [
        {"type": "integer", "minimum": 1000, "maximum": 9999},
        {"type": "string", "pattern": f"^{SPACE_CLASS}*(?:{YEARS}){SPACE_CLASS}*$", "maxLength": YEARS_UP_TO},
        spelled_schema(Cycle),  # a cycle's own words, spelt as any enum's
    ],
    "description": "A PEEL cycle: its name (2018/19, 2023-25) in any common spelling, or a year it spans.",
}


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def ref(self, cls: type[Any]) -> dict[str, Any]:
        name = _name(cls)
        if name not in self.defs:
            self.defs[name] = {}  # reserved first: records may refer to each other
            if cls is Cycle:
                self.defs[name] = _CYCLE
            elif issubclass(cls, Words):
                words = ", ".join(str(m.value) for m in cls)
                self.defs[name] = spelled_schema(cls) | {
                    "description": f"{_summary(cls)} One of: {words} (case, spaces, hyphens and underscores aside).",
                }
            else:
                self.defs[name] = self.record(cls)
        return {"$ref": f"#/$defs/{name}"}

    def value(self, tp: Any) -> dict[str, Any]:
        args = typing.get_args(tp)
        if typing.get_origin(tp) in (typing.Union, types.UnionType):
            if type(None) in args:
                rest = tuple(a for a in args if a is not type(None))
                inner = rest[0] if len(rest) == 1 else typing.Union[rest]  # noqa: UP007
                return {"anyOf": [self.value(inner), {"type": "null"}]}
            return {"anyOf": [self.value(a) for a in args]}
        if typing.get_origin(tp) is tuple:
            return {"type": "array", "items": self.value(args[0])}
        simple = {str: "string", float: "number", int: "integer", bool: "boolean"}
        if tp in simple:
            return {"type": simple[tp]}
        if tp is dt.date:
            return {"type": "string", "format": "date", "pattern": f"^{ISO_DATE.pattern}{END}"}
        if tp is Force:
            # One of the 43 by its id or a name; a force of your own written out whole.
            named = {"type": "string", "description": "A force's id (or any of its names)."}
            return {"anyOf": [named, self.ref(Force)]}
        if tp is Period:
            return {"anyOf": [{"type": "string"}, self.ref(Period)]}
        if tp is EngageDate:
            return {
                "anyOf": [
                    {
                        "type": "string",
                        "pattern": DATE_PATTERN,
                    },
                    {"type": "integer", "minimum": 1900, "maximum": 2099},
                ],
                "description": "A date to its precision: 2023-09-20, 2023-09, 2019, or by 2025-05-22.",
            }
        if isinstance(tp, type) and (issubclass(tp, Words) or tp in LAYOUTS):
            return self.ref(tp)
        raise TypeError(f"no schema for {tp!r}")

    def record(self, cls: type[Any]) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        required: list[str] = []
        rules: list[Any] = []
        self._fields(cls, "", properties, required, rules)
        out: dict[str, Any] = {
            "type": "object",
            "description": _summary(cls),
            "properties": properties,
            "additionalProperties": False,
        }
        if required:
            out["required"] = required
        if rules:
            out["allOf"] = rules
        return out

    def _fields(
        self, cls: type[Any], prefix: str, properties: dict[str, Any], required: list[str], rules: list[Any]
    ) -> None:
        layout = LAYOUTS[cls]
        docs = attribute_docs(cls)
        for a in attrs.fields(attrs.resolve_types(cls)):
            mandatory = a.default is attrs.NOTHING
            if a.name in layout.flat:
                inner = record_type(a.type)
                assert inner is not None
                sub_prefix = prefix + layout.flat[a.name]
                sub_required: list[str] = []
                self._fields(inner, sub_prefix, properties, sub_required, rules)
                if mandatory:
                    required.extend(sub_required)
                elif sub_required:
                    # A record written flat is optional as a whole; if any of
                    # its keys is there, its required keys must be too.
                    keys = sorted(sub_prefix + k for k in file_keys(inner))
                    rules.append(
                        {
                            "if": {"anyOf": [{"required": [k]} for k in keys]},
                            "then": {"required": sub_required},
                        }
                    )
                continue
            schema = self.value(a.type)
            spec = valid_of(a)
            limit = None if spec is None else spec.limit
            if limit is not None:
                schema = _with(schema, limit.schema())
            if a.name in docs:
                schema = {**schema, "description": docs[a.name]}
            key = prefix + layout.keys.get(a.name, a.name)
            properties[key] = schema
            if mandatory:
                required.append(key)
        if cls in _RULES:
            fragment = _RULES[cls]()
            rules.extend(_prefixed(r, prefix) if prefix else r for r in fragment.get("allOf", [fragment]))


def _prefixed(rule: Any, prefix: str) -> Any:
    """A rule about a record written flat, about its keys in the parent."""
    if isinstance(rule, dict):
        out: dict[str, Any] = {}
        for k, v in rule.items():
            if k == "properties":
                out[k] = {prefix + p: _prefixed(s, prefix) for p, s in v.items()}
            elif k == "required":
                out[k] = [prefix + r for r in v]
            else:
                out[k] = _prefixed(v, prefix)
        return out
    if isinstance(rule, list):
        return [_prefixed(r, prefix) for r in rule]
    return rule


_KEYWORD_TYPES = {"pattern": "string", "minimum": "number", "maximum": "number", "multipleOf": "number"}


def _applies(keyword: str, kind: Any) -> bool:
    """Whether a limit's keyword applies to a branch of ``kind``: a type's
    keywords to its own, the others to any but null."""
    wanted = _KEYWORD_TYPES.get(keyword)
    if kind == "null":
        return False
    return wanted is None or kind == wanted or (wanted == "number" and kind == "integer")


def _with(schema: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with a limit's keywords, applied inside ``anyOf`` to the
    branches of the limit's type (a question: a number's bounds to the
    integer branch)."""
    if "anyOf" in schema:
        out = []
        for s in schema["anyOf"]:
            kind = s.get("type")
            # Each keyword to the branches of its type (a pattern to text,
            # bounds to numbers), none to null.
            mine = {k: v for k, v in extra.items() if _applies(k, kind)}
            out.append(_with(s, mine) if mine else s)
        return {"anyOf": out}
    if schema.get("type") == "array" and "items" in extra:
        extra = {**extra, "items": {**schema["items"], **extra["items"]}}
    return {**schema, **extra}


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a data file: one report or a list of them.

    The same schema ships as ``io/schema.json`` in the package.

    Examples:
        >>> schema = json_schema()
        >>> schema["$defs"]["measurement"]["required"]
        ['metric', 'label', 'unit', 'value']
    """
    b = _Builder()
    report = b.ref(InspectionReport)
    stay = b.ref(Stay)
    reports = {"type": "array", "items": report}
    both = {
        "type": "object",
        "description": "Reports and the forces' stays in enhanced monitoring (Engage).",
        "properties": {"reports": reports, "monitoring": {"type": "array", "items": stay}},
        "additionalProperties": False,
        "anyOf": [{"required": ["reports"]}, {"required": ["monitoring"]}],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": _ID,
        "title": "PEEL inspection report(s)",
        "description": (
            "One report (a mapping), a list of reports, or a mapping of reports and monitoring, "
            "in the peel_effectiveness data format. The loader refuses some files this schema "
            "accepts, saying why: a force's name or a cycle it does not know (the schema takes any "
            f"text, or any year), a period in words it cannot read, a date outside {FIRST_DAY.year} to "
            f"{LAST_DAY.year} or "
            "a publication date outside its cycle's, a question not in its cycle or assessed twice, "
            "a grade off its cycle's scale, a pillar left empty (null) in a cycle of pillars, a "
            "report given twice, a figure above 100 in an outcome table of shares, a stay in Engage that "
            "ends before it begins or overlaps another of its force's; and a whole number "
            "written with a point (3.0 for 3), which JSON Schema counts as an integer."
        ),
        "anyOf": [report, reports, both],
        "$defs": b.defs,
    }


def _summary(cls: type) -> str:
    """The first paragraph of a class's docstring, on one line."""
    first = (cls.__doc__ or "").strip().split("\n\n", 1)[0]
    return _plain(" ".join(first.split()))


def _plain(text: str) -> str:
    """Docstring text as a schema (and the docs' tables) say it: a Sphinx
    role (``:class:`NoGrade` ``) as the name it names, in code."""
    return re.sub(r":(?:class|meth|attr|func|data|mod):`~?([^`]+)`", r"`\1`", text)


def attribute_docs(cls: type) -> dict[str, str]:
    """What each attribute means, from the ``Attributes:`` section of a
    class's Google-style docstring (the docs' reference reads the same)."""
    doc = cls.__doc__ or ""
    out: dict[str, str] = {}
    lines = doc.split("\n")
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == "Attributes:")
    except StopIteration:
        return out
    indent: int | None = None
    name = ""
    for line in lines[start + 1 :]:
        if not line.strip():
            if indent is not None and name:
                continue
            continue
        here = len(line) - len(line.lstrip())
        if indent is None:
            indent = here
        if here < indent:
            break
        m = re.match(r"(\w+)(?: \([^)]*\))?: (.*)", line.strip())
        if here == indent and m:
            name = m[1]
            out[name] = m[2]
        elif name:
            out[name] += " " + line.strip()
    return {k: _plain(v) for k, v in out.items()}
