"""A benchmark corpus like real data: 430 full reports where nothing repeats by accident.

Each of the 43 forces gets ten (cycle, pillar) reports made from the bundled
Cumbria 2016 report, with every figure, label, summary and area for
improvement varied by a seeded random generator (figures within what their
unit allows). Documents are built in whatever data format the installed
version writes, through its public ``dump``, so the corpus measures any
version alike.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from typing import Any

import yaml

import peel_effectiveness as pe

WORDS = [
    "force",
    "officers",
    "victims",
    "risk",
    "crime",
    "domestic",
    "abuse",
    "neighbourhood",
    "policing",
    "investigation",
    "quality",
    "supervision",
    "safeguarding",
    "missing",
    "children",
    "vulnerable",
    "public",
    "demand",
    "response",
    "partners",
    "problem",
    "solving",
    "offenders",
    "management",
    "organised",
    "serious",
    "exploitation",
    "fraud",
    "cyber",
    "training",
    "workforce",
    "capacity",
    "backlog",
    "calls",
    "emergency",
    "priority",
    "repeat",
    "harm",
    "threat",
    "assessment",
    "records",
    "outcomes",
]

PAIRS = [
    ("2016", "effectiveness"),
    ("2015", "effectiveness"),
    ("2014", "effectiveness"),
    ("2017", "effectiveness"),
    ("2018/19", "effectiveness"),
    ("2016", "efficiency"),
    ("2016", "legitimacy"),
    ("2015", "efficiency"),
    ("2015", "legitimacy"),
    ("2018/19", "legitimacy"),
]


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def _vary(value: Any, rng: random.Random, key: str = "", unit: str | None = None) -> Any:
    if isinstance(value, dict):
        unit = value.get("unit", unit)
        return {k: _vary(v, rng, k, unit) for k, v in value.items()}
    if isinstance(value, list):
        return [_vary(v, rng, key, unit) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)) and key in ("value", "force", "england_and_wales"):
        if unit == "count":
            return float(max(0, round(value * rng.uniform(0.5, 1.5))))
        scaled = round(value * rng.uniform(0.8, 1.2), 1)
        if unit == "percent_change":
            return max(scaled, -100.0)
        if unit == "percentage_points":
            return scaled
        if unit in (None, "percent"):  # outcome shares and percentages
            return min(max(scaled, 0.0), 100.0)
        return max(scaled, 0.0)
    if isinstance(value, str) and key in (
        "summary",
        "label",
        "title",
        "note",
        "recommendations",
        "areas_for_improvement",
    ):
        return _sentence(rng, max(3, len(value.split()) + rng.randint(-2, 2)))
    return value


def documents(n_forces: int = 43, seed: int = 0) -> list[dict[str, Any]]:
    """The reports as data-format mappings."""
    rng = random.Random(seed)
    base = json.loads(pe.dump(pe.load_bundled().report("cumbria", 2016), "json"))
    out = []
    for force in pe.forces()[:n_forces]:
        for cycle, pillar in PAIRS:
            doc = _vary(base, rng)
            doc["force"], doc["cycle"], doc["pillar"] = force.id, cycle, pillar
            numbers = {q.number for q in _model("core_questions")(cycle, pillar)}
            doc["assessments"] = [
                {k: v for k, v in a.items() if not k.startswith("previous_")}
                for a in doc.get("assessments", ())
                if a["question"] in numbers
                and (a.get("grade") != "ungraded") == _graded(cycle, pillar, a["question"])
            ]
            # Published when the cycle's reports came out (the model checks it).
            first = pe.Cycle(cycle).first_published
            if "provenance" in doc and first is not None:
                doc["provenance"]["published"] = first.isoformat()
            # As the registry has it: no overall grade where the pillar has none.
            previous = pe.Cycle(cycle).previous
            if not _model("headline_graded")(cycle, pillar):
                for k in [k for k in doc if k in ("grade", "basis", "grade_sources")]:
                    del doc[k]
            if previous is None or not _model("headline_graded")(previous, pillar):
                for k in [k for k in doc if k.startswith("previous_")]:
                    del doc[k]
            out.append(doc)
    return out


def _graded(cycle: str, pillar: str, number: int) -> bool:
    return bool(_model("core_question")(cycle, pillar, number).graded)


def yaml_text(docs: list[dict[str, Any]]) -> str:
    def dates(v: Any) -> Any:
        if isinstance(v, dict):
            return {k: dates(x) for k, x in v.items()}
        if isinstance(v, list):
            return [dates(x) for x in v]
        if isinstance(v, str) and len(v) == 10 and v[4] == "-" and v[7] == "-":
            try:
                return dt.date.fromisoformat(v)
            except ValueError:
                return v
        return v

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(dates(docs), Dumper=dumper, sort_keys=False, allow_unicode=True, width=88)


def _model(name: str) -> Any:
    """A function of the model, where any version of the library keeps it."""
    for home in (getattr(pe, "model", None), pe):
        found = getattr(home, name, None)
        if found is not None:
            return found
    raise AttributeError(name)
