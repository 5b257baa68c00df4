"""Mutation run over the model's rules: switch each one off, and check that the tests notice.

Each rule of the model (listed by ``tests/rules_index.py``: the limits of
the fields, the rules across fields, the value rules) is switched off in
turn, in a fresh pytest process (``PEEL_MUTANT=<rule>``), over the tests
that are about what valid data is. A rule counts as caught only when tests
*fail* (pytest's exit status 1 with failures reported); a run that cannot
start, or that errors before testing anything, proves nothing and is
reported as broken.

Usage:
    python tools/mutate_rules.py            # every rule (a few minutes)
    python tools/mutate_rules.py -k Period  # only rules whose name holds this
    python tools/mutate_rules.py --quick    # a few rules of each kind (CI)
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUITE = ["tests/test_rules.py", "tests/test_corpus.py", "tests/test_errors.py", "tests/test_schema.py"]
QUICK = ("Period.__attrs_post_init__", "OutcomeTypeRow.outcome", "reports.question_problems", "value:text")


def run(name: str) -> str:
    """``caught``, ``NOT CAUGHT`` or ``BROKEN`` for one mutant."""
    env = {**os.environ, "PEEL_MUTANT": name, "HYPOTHESIS_PROFILE": "ci"}
    done = subprocess.run(
        # In one process: xdist's workers end a run -x stops as interrupted (exit 2).
        [sys.executable, "-m", "pytest", "-q", "-x", "-n", "0", "-p", "no:randomly", *SUITE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    if done.returncode == 1 and re.search(r"\b\d+ failed\b", summary) and "error" not in summary:
        return "caught"
    if done.returncode == 0:
        return "NOT CAUGHT"
    return f"BROKEN (exit {done.returncode}: {summary or done.stderr.strip()[-200:]})"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-k", default="", help="only rules whose name holds this text")
    ap.add_argument("--quick", action="store_true", help="a few rules of each kind")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "tests"))
    from rules_index import rules

    names = [n for n in rules() if args.k in n and (not args.quick or n in QUICK)]
    bad = []
    for name in names:
        verdict = run(name)
        print(f"{verdict}: {name}", flush=True)
        if verdict != "caught":
            bad.append(name)
    print(f"\n{len(names)} rules mutated, {len(names) - len(bad)} caught")
    return 1 if bad or not names else 0


if __name__ == "__main__":
    raise SystemExit(main())
