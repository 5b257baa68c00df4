"""Write src/peel_effectiveness/_bundle.json (the seeds/ data as one JSON file) and schema.json.

The YAML files in seeds/ are the source people edit; the package reads the
JSON bundle, which loads many times faster. A test checks the two agree.

Usage: python tools/build_bundle.py
"""

from __future__ import annotations

import json
from pathlib import Path

import peel_effectiveness as pe

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    data = pe.load(ROOT / "seeds")
    target = ROOT / "src" / "peel_effectiveness" / "_bundle.json"
    # Without indentation: nobody edits this file, and it reads a little faster.
    compact = json.dumps(json.loads(pe.dump(data, "json")), separators=(",", ":"), ensure_ascii=False)
    target.write_text(compact + "\n", encoding="utf-8")
    print(f"wrote {len(data)} reports to {target.relative_to(ROOT)}")
    schema = ROOT / "src" / "peel_effectiveness" / "io" / "schema.json"
    text = json.dumps(pe.json_schema(), indent=2) + "\n"
    for path in (schema, ROOT / "docs" / "schema.json"):
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
