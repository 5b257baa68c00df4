"""A JSON Schema of the data-file format, for editors and other tools.

The schema is generated from the model, from the same declarations the
loader reads files by: each record's keys (with the records written flat
in their parent), each field's type, the spellings of every vocabulary, the
bounds its checks declare, and those of its cross-field rules that JSON
Schema can say (a figure's range by its unit, ``base`` only per 100). Rules
that need the registry (a question that exists in its cycle, a grade on the
cycle's scale, a report given twice) are the loader's alone: every file the
loader accepts, the schema accepts, and a file the schema accepts can still
be refused by :func:`peel_effectiveness.load`, with the reason.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from ..model._convert import choice_members, optional_inner, spellings, tuple_item, union_members
from ..model._record import info
from ..model.reports import InspectionReport
from ._structure import plan

__all__ = ["json_schema"]

_ID = "https://peel-effectiveness.invalid/schema/report.json"


def _name(cls: type[Any]) -> str:
    return "".join(("_" + c.lower()) if c.isupper() else c for c in cls.__name__).lstrip("_")


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def ref(self, cls: type[Any]) -> dict[str, Any]:
        name = _name(cls)
        if name not in self.defs:
            self.defs[name] = {}  # reserved first: records may refer to each other
            self.defs[name] = self.enum(cls) if issubclass(cls, enum.Enum) else self.record(cls)
        return {"$ref": f"#/$defs/{name}"}

    def enum(self, cls: type[enum.Enum]) -> dict[str, Any]:
        words = list(spellings(cls))
        return {"enum": words, "description": _summary(cls)}

    def value(self, tp: Any) -> dict[str, Any]:
        optional, inner = optional_inner(tp)
        if optional:
            return {"anyOf": [self.value(inner), {"type": "null"}]}
        if tp is str:
            return {"type": "string"}
        if tp is float:
            return {"type": "number"}
        if tp is int:
            return {"type": "integer"}
        if tp is bool:
            return {"type": "boolean"}
        if tp is dt.date:
            return {"type": "string", "format": "date"}
        if (item := tuple_item(tp)) is not None:
            return {"type": "array", "items": self.value(item)}
        if (members := union_members(tp)) is not None:
            return {"anyOf": [self.ref(m) for m in members]}
        if (choices := choice_members(tp)) is not None:
            return {"anyOf": [self.value(m) for m in choices]}
        if isinstance(tp, type) and (issubclass(tp, enum.Enum) or attrs.has(tp)):
            if getattr(tp, "_from_text_", None) is None:
                return self.ref(tp)
            # Written as text (a force's id, a period as reports write it),
            # and a period as its start and end dates too.
            if tp.__name__ == "Force":
                return {"type": "string"}
            return {"anyOf": [{"type": "string"}, self.ref(tp)]}
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
        by_name = attrs.fields_dict(cls)
        flat_required: list[tuple[list[str], list[str]]] = []
        for slot in plan(cls).slots:
            a = by_name[slot.name]
            meta = info(a)
            if slot.flatten is not None:
                _, inner = optional_inner(a.type)
                sub_required: list[str] = []
                self._fields(inner, prefix + slot.flatten, properties, sub_required, rules)
                if slot.required:
                    required.extend(sub_required)
                elif sub_required:
                    keys = sorted(prefix + slot.flatten + k for k in plan(inner).keys)
                    flat_required.append((keys, sub_required))
                continue
            schema = self.value(a.type)
            for check in meta.checks:
                schema = _with(schema, dict(check.schema))
            if meta.doc:
                schema = {**schema, "description": meta.doc}
            properties[prefix + slot.key] = schema
            if slot.required:
                required.append(prefix + slot.key)
        for keys, needed in flat_required:
            # A record written flat is optional as a whole; if any of its keys
            # is there, its required keys must be too.
            rules.append({"if": {"anyOf": [{"required": [k]} for k in keys]}, "then": {"required": needed}})
        for r in getattr(cls, "__peel_rules__", ()):
            if r.schema is not None:
                fragment = r.schema()
                rules.extend(fragment.get("allOf", [fragment]))


def _with(schema: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with a check's keywords, applied inside ``anyOf`` to the
    non-null branch."""
    if "anyOf" in schema:
        return {"anyOf": [_with(s, extra) if s.get("type") != "null" else s for s in schema["anyOf"]]}
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
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": _ID,
        "title": "PEEL inspection report(s)",
        "description": "One report (a mapping) or a list of reports, in the peel_effectiveness data format.",
        "anyOf": [report, {"type": "array", "items": report}],
        "$defs": b.defs,
    }


def _summary(cls: type) -> str:
    """The first paragraph of a class's docstring, on one line."""
    first = (cls.__doc__ or "").strip().split("\n\n", 1)[0]
    return " ".join(first.split())
