"""Checks of a report against the registry: questions, grade scales, duplicates.

Paths name the keys of the data file format (``assessments[2].grade``), so a
problem found here can be traced to its line.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .cycles import CoreQuestion, core_questions
from .judgments import Basis, Judgment

if TYPE_CHECKING:
    from .cycles import Cycle, Pillar
    from .metrics import Measurement
    from .outcomes import OutcomeTable
    from .reports import Assessment, InspectionReport

Path = tuple[str | int, ...]


def _judgment_problems(
    judgment: Judgment | None,
    cycle: Cycle | None,
    graded: bool | None,
    grade_key: str,
    base: Path,
    report_cycle: Cycle,
) -> list[tuple[Path, str]]:
    out: list[tuple[Path, str]] = []
    if judgment is None:
        return out
    if judgment.grade is None:
        if graded:
            out.append(
                (
                    (*base, grade_key),
                    f"the question is graded in {report_cycle}; 'ungraded' is not its judgment",
                )
            )
    else:
        if graded is False:
            out.append(
                (
                    (*base, grade_key),
                    f"the question is not graded in {report_cycle}; its judgment is 'ungraded'",
                )
            )
        if cycle is not None and judgment.grade not in cycle.grade_scale.grades:
            scale = ", ".join(g.value for g in cycle.grade_scale.grades)
            out.append(
                ((*base, grade_key), f"{judgment.grade.value!r} is not on the {cycle} grade scale ({scale})")
            )
    carried = judgment.carried_over_from
    if (
        judgment.basis is Basis.CARRIED_OVER
        and carried is not None
        and cycle is not None
        and not carried < cycle
    ):
        out.append(
            (
                (*base, "carried_over_from"),
                f"a judgment for {cycle} can only be carried over from an earlier cycle",
            )
        )
    return out


@functools.cache
def _numbered(cycle: Cycle, pillar: Pillar) -> dict[int, CoreQuestion]:
    return {q.number: q for q in core_questions(cycle, pillar)}


def report_problems(report: InspectionReport) -> list[tuple[Path, str]]:
    """Every inconsistency of a report with the registry and with itself."""
    return parts_problems(
        report.cycle,
        report.pillar,
        report.judgment,
        report.previous_judgment,
        list(enumerate(report.assessments)),
        list(enumerate(report.measurements)),
        list(enumerate(report.outcome_tables)),
    )


def parts_problems(
    cycle: Cycle,
    pillar: Pillar,
    judgment: Judgment | None,
    previous_judgment: Judgment | None,
    assessments: list[tuple[int, Assessment]],
    measurements: list[tuple[int, Measurement]],
    tables: list[tuple[int, OutcomeTable]],
) -> list[tuple[Path, str]]:
    """The checks of :func:`report_problems` on the parts of a report that
    could be read, each with its index in the file."""
    out: list[tuple[Path, str]] = []
    previous = cycle.previous
    if judgment is not None and judgment.grade is None:
        out.append(
            (
                ("grade",),
                "the pillar's headline judgment cannot be 'ungraded'; leave grade out if there is none",
            )
        )
    out += _judgment_problems(judgment, cycle, None, "grade", (), cycle)
    out += _judgment_problems(previous_judgment, previous, None, "previous_grade", (), cycle)

    questions = _numbered(cycle, pillar)
    seen: set[int] = set()
    for i, a in assessments:
        base: Path = ("assessments", i)
        q = questions.get(a.question)
        if q is None:
            known = ", ".join(str(n) for n in questions) or "none are known"
            out.append(
                (
                    (*base, "question"),
                    f"{cycle} {pillar} has no core question {a.question} (questions: {known})",
                )
            )
        elif a.question in seen:
            out.append(((*base, "question"), f"question {a.question} is assessed twice"))
        seen.add(a.question)
        graded = None if q is None else q.graded
        out += _judgment_problems(a.judgment, cycle, graded, "grade", base, cycle)
        prev_graded = None
        if previous is not None and q is not None:
            prev = [p for p in _numbered(previous, pillar).values() if p.key == q.key]
            prev_graded = prev[0].graded if prev else None
        out += _judgment_problems(a.previous, previous, prev_graded, "previous_grade", base, cycle)

    # This runs for every report loaded: test the whole set first, and look
    # for the culprits only when there is one.
    pairs = [(m.metric.key, m.metric.period) for _, m in measurements]
    if len(set(pairs)) != len(pairs):
        seen_m: set[tuple[str, object]] = set()
        for (i, m), k in zip(measurements, pairs, strict=True):
            if k in seen_m:
                out.append(
                    (("measurements", i, "metric"), f"metric {m.key!r} is given twice for the same period")
                )
            seen_m.add(k)
    keys: set[str] = set()
    for i, t in tables:
        if t.key in keys:
            out.append((("outcome_tables", i, "key"), f"outcome table {t.key!r} is given twice"))
        keys.add(t.key)
    return out
