"""A JSON Schema of the data-file format, for editors and other tools.

The schema checks shapes, types, vocabularies and the ranges that depend on a
figure's unit. The loader checks more (question numbers against the cycle,
grade scales, duplicates, consistency), so a file the schema accepts can still
be refused by :func:`peel_effectiveness.load`, with the reason.
"""

from __future__ import annotations

from typing import Any

from ..model.cycles import Cycle, Pillar
from ..model.grades import Grade
from ..model.judgments import Basis
from ..model.metrics import Unit
from ..model.outcomes import OUTCOME_TYPE_COUNT, OutcomeMeasure

__all__ = ["json_schema"]

_ID = "https://peel-effectiveness.invalid/schema/report.json"


def _text(description: str) -> dict[str, Any]:
    return {"type": "string", "description": description}


def _grades() -> list[str]:
    values = [g.value for g in Grade]
    return [*values, *(v[0].upper() + v[1:] for v in values), "RI", "ungraded", "Ungraded"]


def _judgment(prefix: str, what: str) -> dict[str, Any]:
    return {
        f"{prefix}grade": {"enum": _grades(), "description": f"The {what} grade, or 'ungraded'."},
        f"{prefix}basis": {"$ref": "#/$defs/basis"},
        f"{prefix}carried_over_from": {"$ref": "#/$defs/cycle"},
        f"{prefix}grade_sources": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Where the grade is published.",
        },
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a data file: one report or a list of them.

    The same schema ships as ``schema.json`` in the package.

    Examples:
        >>> schema = json_schema()
        >>> schema["$defs"]["measurement"]["required"]
        ['metric', 'label', 'unit', 'value']
    """
    number = {"type": "number"}
    share = {"type": ["number", "null"], "minimum": 0, "maximum": 100}
    unit_rules = [
        {
            "if": {"properties": {"unit": {"const": Unit.PERCENT.value}}},
            "then": {
                "properties": {
                    "value": {"minimum": 0, "maximum": 100},
                    "england_and_wales": {"minimum": 0, "maximum": 100},
                }
            },
        },
        {
            "if": {"properties": {"unit": {"const": Unit.COUNT.value}}},
            "then": {
                "properties": {
                    "value": {"minimum": 0, "multipleOf": 1},
                    "england_and_wales": {"minimum": 0, "multipleOf": 1},
                }
            },
        },
        {
            "if": {"properties": {"unit": {"const": Unit.PERCENT_CHANGE.value}}},
            "then": {"properties": {"value": {"minimum": -100}, "england_and_wales": {"minimum": -100}}},
        },
        {
            "if": {"properties": {"unit": {"enum": [u.value for u in Unit if u.per or u is Unit.RATIO]}}},
            "then": {"properties": {"value": {"minimum": 0}, "england_and_wales": {"minimum": 0}}},
        },
    ]
    type_row = {
        "type": "object",
        "additionalProperties": False,
        "required": ["outcome", "label"],
        "properties": {
            "outcome": {"type": "integer", "minimum": 1, "maximum": OUTCOME_TYPE_COUNT},
            "label": _text("The row's label in the report."),
            "force": share,
            "england_and_wales": share,
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": _ID,
        "title": "PEEL inspection report(s)",
        "description": "One report (a mapping) or a list of reports, in the peel_effectiveness data format.",
        "oneOf": [{"$ref": "#/$defs/report"}, {"type": "array", "items": {"$ref": "#/$defs/report"}}],
        "$defs": {
            "cycle": {
                "type": ["string", "integer"],
                "description": "A PEEL cycle: " + ", ".join(c.value for c in Cycle),
                "examples": [c.value for c in Cycle],
            },
            "basis": {"enum": [b.value for b in Basis]},
            "date": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "format": "date"},
            "period": {
                "oneOf": [
                    {
                        "type": "string",
                        "pattern": r"^(\d+ months? to \d{1,2} [A-Za-z]+ \d{4}|as at \d{1,2} [A-Za-z]+ \d{4}|\d{1,2} [A-Za-z]+ \d{4} to \d{1,2} [A-Za-z]+ \d{4})$",
                        "examples": ["12 months to 30 June 2016", "as at 1 July 2016"],
                    },
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["start", "end"],
                        "properties": {"start": {"$ref": "#/$defs/date"}, "end": {"$ref": "#/$defs/date"}},
                    },
                ]
            },
            "cause_of_concern": {
                "type": "object",
                "additionalProperties": False,
                "required": ["summary"],
                "properties": {
                    "summary": _text("The concern, in your own words."),
                    "recommendations": {"type": "array", "items": {"type": "string"}},
                },
            },
            "assessment": {
                "type": "object",
                "additionalProperties": False,
                "required": ["question"],
                "properties": {
                    "question": {
                        "type": "integer",
                        "minimum": 1,
                        "description": "The core question's number in the cycle.",
                    },
                    **_judgment("", "question's"),
                    **_judgment("previous_", "previous cycle's"),
                    "summary": _text("A short summary, in your own words."),
                    "areas_for_improvement": {"type": "array", "items": {"type": "string"}},
                    "causes_of_concern": {"type": "array", "items": {"$ref": "#/$defs/cause_of_concern"}},
                },
            },
            "measurement": {
                "type": "object",
                "additionalProperties": False,
                "required": ["metric", "label", "unit", "value"],
                "properties": {
                    "metric": {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"},
                    "label": _text("What is measured."),
                    "unit": {"enum": [u.value for u in Unit]},
                    "value": number,
                    "england_and_wales": {"type": ["number", "null"]},
                    "period": {"$ref": "#/$defs/period"},
                    "baseline": {"$ref": "#/$defs/period"},
                    "base": {
                        "type": ["string", "null"],
                        "description": "For a rate per 100: per 100 of what.",
                    },
                    "source": {"type": ["string", "null"]},
                    "note": {"type": ["string", "null"]},
                },
                "allOf": unit_rules,
            },
            "outcome_type_row": type_row,
            "outcome_group_row": {
                "type": "object",
                "additionalProperties": False,
                "required": ["group", "outcomes"],
                "properties": {
                    "group": _text("The group's label in the report."),
                    "outcomes": {
                        "type": "array",
                        "minItems": 1,
                        "uniqueItems": True,
                        "items": {"type": "integer", "minimum": 1, "maximum": OUTCOME_TYPE_COUNT},
                    },
                    "force": share,
                    "england_and_wales": share,
                    "members": {"type": "array", "items": type_row},
                },
            },
            "outcome_total": {
                "type": "object",
                "additionalProperties": False,
                "required": ["label"],
                "properties": {"label": {"type": "string"}, "force": share, "england_and_wales": share},
            },
            "outcome_table": {
                "type": "object",
                "additionalProperties": False,
                "required": ["key", "title", "measure", "period", "rows"],
                "properties": {
                    "key": {"type": "string"},
                    "title": {"type": "string"},
                    "measure": {"enum": [m.value for m in OutcomeMeasure]},
                    "period": {"$ref": "#/$defs/period"},
                    "rows": {
                        "type": "array",
                        "items": {
                            "oneOf": [
                                {"$ref": "#/$defs/outcome_type_row"},
                                {"$ref": "#/$defs/outcome_group_row"},
                            ]
                        },
                    },
                    "total_assigned": {"$ref": "#/$defs/outcome_total"},
                    "not_yet_assigned": {"$ref": "#/$defs/outcome_total"},
                    "total": {"$ref": "#/$defs/outcome_total"},
                    "source": {"type": ["string", "null"]},
                    "note": {"type": ["string", "null"]},
                },
            },
            "provenance": {
                "type": "object",
                "additionalProperties": False,
                "required": ["title", "publisher"],
                "properties": {
                    "title": {"type": "string"},
                    "publisher": {"type": "string"},
                    "published": {"$ref": "#/$defs/date"},
                    "isbn": {"type": ["string", "null"]},
                    "url": {"type": ["string", "null"]},
                    "document": {"type": ["string", "null"]},
                    "licence": {"type": ["string", "null"]},
                },
            },
            "report": {
                "type": "object",
                "additionalProperties": False,
                "required": ["force", "cycle"],
                "properties": {
                    "force": _text("The force's id, name, short name, GSS code or alias."),
                    "cycle": {"$ref": "#/$defs/cycle"},
                    "pillar": {"enum": [p.value for p in Pillar]},
                    **_judgment("", "headline"),
                    **_judgment("previous_", "previous cycle's headline"),
                    "summary": _text("A short summary, in your own words."),
                    "assessments": {"type": "array", "items": {"$ref": "#/$defs/assessment"}},
                    "measurements": {"type": "array", "items": {"$ref": "#/$defs/measurement"}},
                    "outcome_tables": {"type": "array", "items": {"$ref": "#/$defs/outcome_table"}},
                    "provenance": {"$ref": "#/$defs/provenance"},
                },
            },
        },
    }
