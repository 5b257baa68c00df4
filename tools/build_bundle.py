"""Write src/peel_effectiveness/_bundle.jsonl (the seeds/ data as JSON lines)
and schema.json (the JSON Schema of the data format).

The YAML files in seeds/ are the source people edit; the package reads the
JSON bundle, which loads many times faster. A test checks the two agree.
The bundle's first line lists each report's force, cycle and pillar, each
line after holds one report, so that a command reads only the reports it
needs, and the last line holds the stays in Engage.

Usage: python tools/build_bundle.py
"""

from __future__ import annotations

import json
from pathlib import Path

import peel_effectiveness as pe

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    data = pe.load(ROOT / "seeds")
    target = ROOT / "src" / "peel_effectiveness" / "_bundle.jsonl"
    # Without indentation: nobody edits this file, and it reads a little faster.
    reports = pe.converter.unstructure(data.reports, tuple[pe.InspectionReport, ...])
    stays = pe.converter.unstructure(data.stays, tuple[pe.model.Stay, ...])
    index = [[r.force.id, r.cycle.value, None if r.pillar is None else r.pillar.value] for r in data]
    lines = [json.dumps(x, separators=(",", ":"), ensure_ascii=False) for x in (index, *reports, stays)]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(data)} reports and {len(data.stays)} stays to {target.relative_to(ROOT)}")
    schema = ROOT / "src" / "peel_effectiveness" / "io" / "schema.json"
    text = json.dumps(pe.io.json_schema(), indent=2, ensure_ascii=False) + "\n"
    for path in (schema, ROOT / "docs" / "schema.json"):
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
