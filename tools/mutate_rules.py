"""Mutation run over the model's rules: switch each one off, and check that the tests notice.

Each rule and field check of the model (listed by ``tests/rules_index.py``),
and the type rule of each leaf type (text stays text, numbers stay numbers),
is disabled in turn, in a fresh pytest process (``PEEL_MUTANT=<rule>``),
over the tests that are about what valid data is. A rule whose removal
leaves those tests green is reported as not caught.

Usage:
    python tools/mutate_rules.py            # every rule (a minute or two)
    python tools/mutate_rules.py -k Period  # only rules whose name holds this
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUITE = ["tests/test_rules.py", "tests/test_corpus.py", "tests/test_errors.py", "tests/test_schema.py"]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-k", default="", help="only rules whose name holds this text")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "tests"))
    from rules_index import leaf_rules, rules

    names = [n for n in [*rules(), *leaf_rules()] if args.k in n]
    missed = []
    for name in names:
        env = {**os.environ, "PEEL_MUTANT": name, "HYPOTHESIS_PROFILE": "ci"}
        run = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:randomly", *SUITE],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        caught = run.returncode != 0
        print(f"{'caught' if caught else 'NOT CAUGHT'}: {name}", flush=True)
        if not caught:
            missed.append(name)
    print(f"\n{len(names)} rules mutated, {len(names) - len(missed)} caught")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
