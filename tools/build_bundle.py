"""Write src/peel_effectiveness/_bundle.jsonl (the seeds/ data as JSON lines),
schema.json, and model/_compiled.py (the records' generated code).

The YAML files in seeds/ are the source people edit; the package reads the
JSON bundle, which loads many times faster. A test checks the two agree.
The bundle's first line lists each report's force, cycle and pillar, and
each line after holds one report, so that a command reads only the
reports it needs.
The generated ``__init__`` and readers of the records are written out as a
module, so that the import system compiles them once, at install, instead of
every program at its start; a test checks the module is current.

Usage: python tools/build_bundle.py
"""

from __future__ import annotations

import json
from pathlib import Path

import peel_effectiveness as pe

ROOT = Path(__file__).resolve().parents[1]


def compiled_text() -> str:
    """The text of model/_compiled.py: every record's generated code."""
    from peel_effectiveness.io import _structure
    from peel_effectiveness.model import _init

    records = tuple(
        obj
        for name in sorted(pe.__all__)
        if isinstance(obj := getattr(pe, name), type) and hasattr(obj, "__peel_converters__")
    )
    _init.RECORDING = {}
    _structure._BUILDERS.clear()  # readers made already (loading seeds/) are made again, and recorded
    try:
        _structure.generate_all(records)
        return _init.compiled_module(_init.RECORDING)
    finally:
        _init.RECORDING = None


def main() -> None:
    data = pe.load(ROOT / "seeds")
    target = ROOT / "src" / "peel_effectiveness" / "_bundle.jsonl"
    # Without indentation: nobody edits this file, and it reads a little faster.
    reports = json.loads(pe.dump(data, "json"))
    index = [[r.force.id, r.cycle.value, None if r.pillar is None else r.pillar.value] for r in data]
    lines = [json.dumps(x, separators=(",", ":"), ensure_ascii=False) for x in (index, *reports)]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(data)} reports to {target.relative_to(ROOT)}")
    compiled = ROOT / "src" / "peel_effectiveness" / "model" / "_compiled.py"
    compiled.write_text(compiled_text(), encoding="utf-8")
    print(f"wrote {compiled.relative_to(ROOT)}")
    schema = ROOT / "src" / "peel_effectiveness" / "io" / "schema.json"
    text = json.dumps(pe.json_schema(), indent=2) + "\n"
    for path in (schema, ROOT / "docs" / "schema.json"):
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
