"""Write the field reference of docs/data-format.md from the model.

Every key of the data format comes from the JSON Schema (itself generated
from the records' declarations), and every column of the tidy tables from
``output.columns``; the page holds what this writes between its
``<!-- generated: ... -->`` markers, and tests/test_docs_commands.py checks
that it is current.

Usage: python tools/make_docs_fields.py
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import peel_effectiveness as pe
from peel_effectiveness.output.columns import COLUMNS, vocabulary

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "data-format.md"

RECORDS = [
    ("inspection_report", "A report"),
    ("assessment", "An assessment (one core question or area)"),
    ("cause_of_concern", "A cause of concern"),
    ("other_grade", "Another grade of a judgment"),
    ("measurement", "A figure (`measurements`)"),
    ("period", "A period, written as a mapping"),
    ("force", "A force of your own, written out whole"),
    ("outcome_table", "An outcome table (`outcome_tables`)"),
    ("outcome_type_row", "An outcome type's row"),
    ("outcome_group_row", "A group's row"),
    ("outcome_total", "A total (`total_assigned`, `not_yet_assigned`, `total`)"),
    ("provenance", "The source document (`provenance`)"),
    ("stay", "A stay in enhanced monitoring, Engage (`monitoring`)"),
]
VOCABULARIES = [
    "country",
    "cycle",
    "pillar",
    "grade",
    "no_grade",
    "basis",
    "unit",
    "outcome_measure",
    "other_grade_kind",
]
WORDS = {
    "cycle": "a cycle",
    "pillar": "a pillar",
    "grade": "a grade",
    "no_grade": "a reason for no grade",
    "basis": "a basis",
    "unit": "a unit",
    "outcome_measure": "a measure",
    "other_grade_kind": "a kind",
    "period": "a period",
    "assessment": "assessments",
    "cause_of_concern": "causes of concern",
    "other_grade": "other grades",
    "measurement": "figures",
    "outcome_table": "outcome tables",
    "outcome_type_row": "an outcome type's row",
    "outcome_group_row": "a group's row",
    "outcome_total": "a total",
    "provenance": "a source document",
    "stay": "stays in Engage",
    "precision": "a precision",
    "force": "[a force of your own](#a-force-of-your-own-written-out-whole)",
    "country": "a country",
}


def _type(spec: dict[str, Any]) -> str:
    if "$ref" in spec:
        name = spec["$ref"].rsplit("/", 1)[1]
        return f"[{WORDS[name]}](#{name.replace('_', '-')})" if name in VOCABULARIES else WORDS[name]
    if "anyOf" in spec:
        parts = [_type(s) for s in spec["anyOf"] if s.get("type") != "null"]
        return " or ".join(dict.fromkeys(parts))
    kind = spec.get("type")
    if kind == "array":
        return f"list of {_type(spec['items'])}"
    if kind == "string" and spec.get("format") == "date":
        return "date (YYYY-MM-DD)"
    return {"string": "text", "number": "number", "integer": "whole number", "boolean": "true or false"}.get(
        str(kind), str(kind)
    )


def _records(schema: dict[str, Any]) -> list[str]:
    defs = schema["$defs"]
    out = []
    for name, title in RECORDS:
        d = defs[name]
        out += [f"### {title}", "", d.get("description", ""), ""]
        out += ["| key | type | required | meaning |", "| --- | --- | --- | --- |"]
        required = set(d.get("required", ()))
        previous = [k for k in d["properties"] if k.startswith("previous_")]
        for key, spec in d["properties"].items():
            if key in previous[1:]:
                continue
            if key in previous:
                keys = ", ".join(f"`{k}`" for k in previous)
                out.append(
                    f"| {keys} | as the judgment's keys | no | the previous cycle's judgment, as this "
                    "report states it (the previous report in the data, where there is one, comes first), "
                    "of a question that cycle asked |"
                )
                continue
            meaning = spec.get("description", "").rstrip(".")
            out.append(f"| `{key}` | {_type(spec)} | {'yes' if key in required else 'no'} | {meaning} |")
        out.append("")
    return out


def _vocabularies() -> list[str]:
    enums = {
        "country": pe.model.force.Country,
        "cycle": pe.Cycle,
        "pillar": pe.Pillar,
        "grade": pe.Grade,
        "no_grade": pe.NoGrade,
        "basis": pe.Basis,
        "unit": pe.Unit,
        "outcome_measure": pe.model.OutcomeMeasure,
        "other_grade_kind": pe.model.OtherGradeKind,
    }
    out = [
        "### Vocabularies",
        "",
        "The words of each closed field. Case, spaces, hyphens and underscores do not",
        "matter (`Requires-Improvement`), and files may write cycles and grades as",
        "people do: `2018-19`, `2016` as a number, a year a cycle spans (`2024` for",
        "2023-25), `RI`.",
        "",
    ]
    for name in VOCABULARIES:
        shown = ", ".join(f"`{m.value}`" for m in enums[name])
        out.append(f'- <a id="{name.replace("_", "-")}"></a>**{WORDS[name]}**: {shown}')
    out.append("")
    return out


def _tables() -> list[str]:
    out = []
    for table, columns in COLUMNS.items():
        out += [f"### `{table}`", "", "| column | kind | meaning |", "| --- | --- | --- |"]
        for c in columns:
            words = vocabulary(c.kind)
            kind = c.kind if words is None else f"{c.kind} ({', '.join(words)})"
            out.append(f"| `{c.name}` | {kind} | {c.description.rstrip('.')} |")
        out.append("")
    return out


def _incomplete() -> list[str]:
    """The cycles and pillars whose questions the registry does not list in
    full, as the registry says."""
    out = []
    for cycle in pe.Cycle:
        pillars = [None] if cycle.integrated else list(cycle.pillars)
        lacking = [p for p in pillars if not pe.model.registry_complete(cycle, p)]
        if lacking:
            which = "its areas" if cycle.integrated else ", ".join(str(p) for p in lacking)
            out.append(f"- {cycle}: {which}")
    return out


def render() -> dict[str, str]:
    """The generated parts of the page, by marker."""
    schema = pe.io.json_schema()
    return {
        "fields": "\n".join(_records(schema) + _vocabularies()),
        "columns": "\n".join(_tables()),
        "incomplete": "\n".join(_incomplete()),
    }


def write(text: str) -> str:
    """``text`` with each generated part replaced by what :func:`render` gives."""
    for marker, body in render().items():
        text = re.sub(
            rf"(<!-- generated: {marker} -->\n).*?(<!-- end: {marker} -->)",
            lambda m, body=body: f"{m.group(1)}\n{body}\n{m.group(2)}",
            text,
            flags=re.DOTALL,
        )
    return text


def main() -> None:
    text = PAGE.read_text(encoding="utf-8")
    new = write(text)
    if new != text:
        PAGE.write_text(new, encoding="utf-8")
        print(f"updated {PAGE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
