"""Write docs/coverage.md's tables: what the bundled data hold of every cycle.

For each cycle, each question (or pillar's overall grade, or area): how many
of the 43 forces have a grade, a reason for no grade, or nothing in the
data, as ``peel_effectiveness.analysis.coverage`` counts them. The page holds
what this writes between its ``<!-- generated: coverage -->`` markers, and
tests/test_docs_commands.py checks that it is current.

Usage: python tools/make_docs_coverage.py
"""

from __future__ import annotations

import re
from pathlib import Path

import peel_effectiveness as pe

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "coverage.md"


def render() -> str:
    """The tables, one a cycle."""
    data = pe.load_bundled()
    reasons = list(pe.NoGrade)
    out: list[str] = []
    for cycle in pe.Cycle:
        out += [f"### {cycle}", ""]
        if cycle not in data.cycles:
            out += [f"No report of {cycle} is in the bundled data: each of its grades is unknown.", ""]
            continue
        rows = pe.analysis.coverage(data, cycle)
        head = ["question or area", "graded", *(r.value for r in reasons), "nothing in the data"]
        out += ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
        for c in rows:
            name = c.label if c.pillar is None else f"{c.pillar}: {c.label}"
            if c.graded_in_cycle is False:
                name += f" ({pe.NoGrade.UNGRADED.meaning})"
            cells = [name, str(c.graded), *(str(c.count(r)) for r in reasons), str(c.unknown)]
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    return "\n".join(out)


def write(text: str) -> str:
    """``text`` with its generated part replaced by what :func:`render` gives."""
    return re.sub(
        r"(<!-- generated: coverage -->\n).*?(<!-- end: coverage -->)",
        lambda m: f"{m.group(1)}\n{render()}\n{m.group(2)}",
        text,
        flags=re.DOTALL,
    )


def main() -> None:
    text = PAGE.read_text(encoding="utf-8")
    new = write(text)
    if new != text:
        PAGE.write_text(new, encoding="utf-8")
        print(f"updated {PAGE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
