"""The checks of a report across its figures, tables and dates, for
:class:`~peel_effectiveness.InspectionReport` (its judgments' are in
:mod:`._judgment_checks`).

Each check returns every problem it finds, as ``(path, message)`` pairs whose
paths are field names from the report down. The report calls each by its
name in its own module, where the rule tests switch one off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._judgment_checks import Found

if TYPE_CHECKING:
    import datetime as dt

    from .cycles import Cycle
    from .judgments import Judgment
    from .reports import InspectionReport

__all__ = ["measured_once", "published_in_cycle", "tables_once"]


def measured_once(report: InspectionReport) -> Found:
    """A metric given twice for the same period."""
    found: Found = []
    seen: set[tuple[str, object]] = set()
    for i, m in enumerate(report.measurements):
        k = (m.metric.key, m.metric.period)
        if k in seen:
            found.append(
                (("measurements", i, "metric", "key"), f"metric {m.key!r} is given twice for the same period")
            )
        seen.add(k)
    return found


def published_in_cycle(report: InspectionReport) -> Found:
    """A publication date outside the cycle's :attr:`~Cycle.publication_days`:
    the report's, and that of each other grade its judgments record, which
    was published in the cycle too; a grade replaced is replaced after its
    cycle began."""
    cycle, previous = report.cycle, report.cycle.previous
    days: list[tuple[tuple[str | int, ...], dt.date | None, bool, Cycle]] = [
        (("provenance", "published"), report.published, True, cycle)
    ]
    # Each judgment with its cycle: a previous judgment's other grades were
    # published in the cycle before, and a carried-over one's in the cycle
    # it is from.
    judged: list[tuple[tuple[str | int, ...], Judgment | None, Cycle | None]] = [
        (("judgment",), report.judgment, cycle),
        (("previous_judgment",), report.previous_judgment, previous),
    ]
    for i, a in enumerate(report.assessments):
        judged += [
            (("assessments", i, "judgment"), a.judgment, cycle),
            (("assessments", i, "previous_judgment"), a.previous_judgment, previous),
        ]
    for at, j, of in judged:
        if j is not None and j.other_grades and of is not None:  # most judgments record none
            of = j.carried_over_from or of
            for i, other in enumerate(j.other_grades):
                days.append(((*at, "other_grades", i, "published"), other.published, True, of))
                days.append(((*at, "other_grades", i, "superseded_on"), other.superseded_on, False, of))
    found: Found = []
    for path, day, bounded, of in days:
        first, last = of.publication_days
        if day is not None and ((first is not None and day < first) or (bounded and day > last)):
            found.append((path, f"{day.isoformat()} is not when {of} reports came out ({of.publication})"))
    return found


def tables_once(report: InspectionReport) -> Found:
    """An outcome table given twice."""
    found: Found = []
    keys: set[str] = set()
    for i, t in enumerate(report.outcome_tables):
        if t.key in keys:
            found.append((("outcome_tables", i, "key"), f"outcome table {t.key!r} is given twice"))
        keys.add(t.key)
    return found
