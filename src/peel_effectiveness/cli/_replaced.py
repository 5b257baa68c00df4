"""What the command line says of the bundled reports and stays a user's
files replace (``--data``): a note of each, and a warning, which
``--quiet`` keeps, of what the bundle held that theirs leave out."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ._commands import note, warning

if TYPE_CHECKING:
    from ..model.dataset import Dataset
    from ..model.reports import InspectionReport

__all__ = ["say_replaced"]


def say_replaced(args: argparse.Namespace, base: Dataset, mine: Dataset) -> None:
    """Which bundled reports and stays yours replace, and what of theirs
    yours leave out."""
    # A report or stays the same as the bundled ones (a copy of the
    # bundled files) replace nothing that is said.
    yours = set(mine.reports)
    dropped: list[tuple[InspectionReport, tuple[int, int, int]]] = []
    for r in base.replaced_by(mine):
        if r in yours:
            continue
        note(args, f"your {r.title} report on {r.force.short_name} replaces the bundled one")
        lost = _lost(r, mine.get(r.force, r.cycle, r.pillar))
        if any(lost):
            dropped.append((r, lost))
    if dropped:
        # Not silenced by --quiet: what the bundle held is lost (grades unknown).
        warning(args, _dropped(dropped))
    from ._monitoring import span_words

    for f in dict.fromkeys(s.force for s in mine.stays):
        if base.stays_of(f) and base.stays_of(f) != mine.stays_of(f):
            said = f"your stays in Engage of {f.short_name} replace the bundled ones"
            # Left out: a stay whose dates none of yours has (yours may word
            # its reason or sources your own way).
            kept = {(s.entered, s.left) for s in mine.stays_of(f)}
            left_out = [span_words(s) for s in base.stays_of(f) if (s.entered, s.left) not in kept]
            if left_out:  # not silenced by --quiet: who was in Engage when changes
                stays = "the bundled stay" if len(left_out) == 1 else "the bundled stays"
                warning(args, f"{said}, and leave out {stays} {'; '.join(left_out)}")
            else:
                note(args, said)


def _dropped(dropped: list[tuple[InspectionReport, tuple[int, int, int]]]) -> str:
    """What the bundled reports yours replace held that yours do not give,
    and how to keep it (as docs/howto/rank.md says): in one line, however many."""
    from ..model._messages import counted
    from ..output._text import joined

    totals = [sum(n[i] for _, n in dropped) for i in range(3)]
    nouns = ("judgment", "figure", "outcome table")
    lost = [counted(n, noun) for n, noun in zip(totals, nouns, strict=True) if n]
    if totals[0]:
        lost[0] += " (unknown now)"
    named = [f"{r.force.short_name} {r.title}" for r, _ in dropped]
    shown = joined(named, most=3)
    return (
        f"your reports leave out {joined(lost)} of the bundled ones they replace ({shown}): "
        "start yours from a bundled one, which 'show FORCE --cycle CYCLE [--pillar PILLAR] --format json' "
        "writes in the data format"
    )


def _lost(bundled: InspectionReport, yours: InspectionReport | None) -> tuple[int, int, int]:
    """How many judgments (its headline one, each question's), figures
    and outcome tables the bundled report gives that yours, which replaces
    it, does not."""
    if yours is None:
        return 0, 0, 0
    given = {a.question for a in yours.assessments if a.judgment is not None}
    judgments = (bundled.judgment is not None and yours.judgment is None) + sum(
        a.judgment is not None and a.question not in given for a in bundled.assessments
    )
    figures = {(m.key, m.period) for m in yours.measurements}
    tables = {t.key for t in yours.outcome_tables}
    return (
        judgments,
        sum((m.key, m.period) not in figures for m in bundled.measurements),
        sum(t.key not in tables for t in bundled.outcome_tables),
    )
