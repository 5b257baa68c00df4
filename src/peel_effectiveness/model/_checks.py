"""Checks of a report against the registry: questions, grade scales, duplicates.

Paths name the keys of the data file format (``assessments[2].grade``), so a
problem found here can be traced to its line.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from .cycles import CoreQuestion, core_questions
from .judgments import Basis, Judgment

if TYPE_CHECKING:
    from .cycles import Cycle, Pillar
    from .metrics import Measurement
    from .outcomes import OutcomeTable
    from .reports import Assessment, InspectionReport

Path = tuple[str | int, ...]
_T = TypeVar("_T")


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
def _numbered(cycle: Cycle, pillar: Pillar) -> dict[int, tuple[CoreQuestion, bool | None]]:
    """The questions by number, each with whether it was graded the cycle before."""
    previous = cycle.previous
    before = {} if previous is None else {q.key: q.graded for q in core_questions(previous, pillar)}
    return {q.number: (q, before.get(q.key)) for q in core_questions(cycle, pillar)}


# Parts of reports found free of problems, by identity. Loaders share equal
# parts between reports, and a part (a tuple of frozen values) cannot change,
# so each is checked once, not once per report. Holding the last one per kind
# keeps its identity from being reused while it is remembered.
_CLEAN: dict[object, object] = {}


def report_problems(report: InspectionReport) -> list[tuple[Path, str]]:
    """Every inconsistency of a report with the registry and with itself."""
    cycle, pillar = report.cycle, report.pillar
    return [
        *_headline_problems(cycle, report.judgment, report.previous_judgment),
        *_unless_clean(
            (cycle, pillar), report.assessments, lambda a: _assessments_problems(cycle, pillar, a)
        ),
        *_unless_clean("measurements", report.measurements, _measurements_problems),
        *_unless_clean("outcome_tables", report.outcome_tables, _tables_problems),
    ]


def _unless_clean(
    kind: object,
    part: tuple[_T, ...],
    check: Callable[[list[tuple[int, _T]]], list[tuple[Path, str]]],
) -> list[tuple[Path, str]]:
    if not part or _CLEAN.get(kind) is part:
        return []
    found = check(list(enumerate(part)))
    if not found:
        _CLEAN[kind] = part
    return found


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
    return [
        *_headline_problems(cycle, judgment, previous_judgment),
        *_assessments_problems(cycle, pillar, assessments),
        *_measurements_problems(measurements),
        *_tables_problems(tables),
    ]


def _headline_problems(
    cycle: Cycle, judgment: Judgment | None, previous_judgment: Judgment | None
) -> list[tuple[Path, str]]:
    out: list[tuple[Path, str]] = []
    if judgment is not None and judgment.grade is None:
        out.append(
            (
                ("grade",),
                "the pillar's headline judgment cannot be 'ungraded'; leave grade out if there is none",
            )
        )
    out += _judgment_problems(judgment, cycle, None, "grade", (), cycle)
    out += _judgment_problems(previous_judgment, cycle.previous, None, "previous_grade", (), cycle)
    return out


def _assessments_problems(
    cycle: Cycle, pillar: Pillar, assessments: list[tuple[int, Assessment]]
) -> list[tuple[Path, str]]:
    out: list[tuple[Path, str]] = []
    previous = cycle.previous
    questions = _numbered(cycle, pillar)
    seen: set[int] = set()
    for i, a in assessments:
        base: Path = ("assessments", i)
        q, prev_graded = questions.get(a.question, (None, None))
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
        out += _judgment_problems(a.previous, previous, prev_graded, "previous_grade", base, cycle)
    return out


def _measurements_problems(measurements: list[tuple[int, Measurement]]) -> list[tuple[Path, str]]:
    out: list[tuple[Path, str]] = []
    # Test the whole set first, and look for the culprits only when there is one.
    pairs = [(m.metric.key, m.metric.period) for _, m in measurements]
    if len(set(pairs)) != len(pairs):
        seen: set[tuple[str, object]] = set()
        for (i, m), k in zip(measurements, pairs, strict=True):
            if k in seen:
                out.append(
                    (("measurements", i, "metric"), f"metric {m.key!r} is given twice for the same period")
                )
            seen.add(k)
    return out


def _tables_problems(tables: list[tuple[int, OutcomeTable]]) -> list[tuple[Path, str]]:
    out: list[tuple[Path, str]] = []
    keys: set[str] = set()
    for i, t in tables:
        if t.key in keys:
            out.append((("outcome_tables", i, "key"), f"outcome table {t.key!r} is given twice"))
        keys.add(t.key)
    return out
