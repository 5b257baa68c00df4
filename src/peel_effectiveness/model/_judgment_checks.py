"""The checks of a report's judgments against the registry and the cycle's
grade scale, for the rules of :class:`~peel_effectiveness.InspectionReport`.

Each check has a cheap first pass for what is plainly right (it runs for
every report read) and a pass that names each problem with its path.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

from ..errors import PeelWarning
from ._record import Found, Path
from .cycles import Cycle, Pillar
from .grades import Grade, NoGrade
from .judgments import Judgment
from .questions import CoreQuestion, core_questions, generation, registry_complete

if TYPE_CHECKING:
    from .reports import Assessment, InspectionReport


def question_problems(
    report: InspectionReport, by_id: dict[int | str, tuple[CoreQuestion, bool | None]], complete: bool
) -> Found:
    """Every problem of a report's assessments, each with its path."""
    out: Found = []
    cycle, pillar = report.cycle, report.pillar
    seen: set[int | str] = set()
    unknown: list[str] = []
    for i, a in enumerate(report.assessments):
        base: Path = ("assessments", i)
        q, prev_graded = by_id.get(a.question, (None, None))
        if q is None:
            where = f"{cycle}" if pillar is None else f"{cycle} {pillar}"
            known = ", ".join(str(k) for k in by_id if k.__class__ is (int if _numbered(by_id) else str))
            if complete:
                out.append(
                    (
                        (*base, "question"),
                        f"{where} has no core question {a.question!r} (questions: {known or 'none are known'})",
                    )
                )
            else:
                unknown.append(repr(a.question))
        elif a.question.__class__ is str and q.number is not None:
            out.append(((*base, "question"), f"write the question's number, {q.number}, for {q.key!r}"))
        ident = a.question if q is None else q.key
        if ident in seen:
            out.append(((*base, "question"), f"question {a.question!r} is assessed twice"))
        seen.add(ident)
        if a.judgment is not None:
            out += judgment_problems(a.judgment, cycle, None if q is None else q.graded, base, cycle)
        if a.previous is not None:
            out += judgment_problems(a.previous, cycle.previous, prev_graded, base, cycle, "previous_")
    if unknown and not out:
        where = f"{cycle}" if pillar is None else f"{cycle} {pillar}"
        warnings.warn(
            f"{report.force.short_name} {where}: the registry does not know the question(s) "
            f"{', '.join(unknown)} yet; kept as given (see register_question)",
            PeelWarning,
            stacklevel=3,
        )
    return out


def all_well(
    assessments: tuple[Assessment, ...],
    by_id: dict[int | str, tuple[CoreQuestion, bool | None]],
    cycle: Cycle,
) -> bool:
    """Whether the assessments are of known questions, each once, with
    judgments plainly right: the usual case, checked first and cheaply
    (this runs for every report read); anything else is left to the pass
    that names each problem."""
    scale = scale_of(cycle)
    seen = set()
    for a in assessments:
        entry = by_id.get(a.question)
        if entry is None or a.previous is not None:
            return False
        q = entry[0]
        if (a.question.__class__ is str and q.number is not None) or q.key in seen:
            return False
        seen.add(q.key)
        j = a.judgment
        if j is not None and not plain(j, cycle, q.graded, scale):
            return False
    return True


def plain(judgment: Judgment, cycle: Cycle, graded: bool | None, scale: tuple[Grade, ...]) -> bool:
    """Whether a judgment in ``cycle`` is plainly right: a grade on the
    cycle's scale for a graded question, or a reason for none that fits, no
    other grades, and any carry-over from an earlier cycle. The readers ask
    this of every judgment; anything else goes to the checks that name the
    problem."""
    if judgment.other_grades:
        return False
    carried = judgment.carried_over_from
    if carried is not None and not carried < cycle:
        return False
    grade = judgment.grade
    if grade.__class__ is Grade:
        return graded is not False and grade in scale
    return grade is not NoGrade.UNGRADED or not graded


def _numbered(by_id: dict[int | str, tuple[CoreQuestion, bool | None]]) -> bool:
    return any(k.__class__ is int for k in by_id)


def judgment_problems(
    judgment: Judgment | None,
    cycle: Cycle | None,
    graded: bool | None,
    base: Path,
    report_cycle: Cycle,
    prefix: str = "",
) -> Found:
    """The problems of a judgment on a question or pillar (``graded``:
    whether it is graded, ``None`` where not known) in ``cycle``, reported in
    ``report_cycle``. ``base`` is the path of the record holding the
    judgment, ``prefix`` that of its keys there."""
    if judgment is None:
        return []
    grade, carried = judgment.grade, judgment.carried_over_from
    scale = None if cycle is None else scale_of(cycle)
    if cycle is not None and scale is not None and plain(judgment, cycle, graded, scale):
        return []
    out: Found = []
    grade_path: Path = (*base, f"{prefix}grade")
    if grade is NoGrade.UNGRADED and graded:
        message = f"it is graded in {report_cycle}; write 'not graded' if it was not graded for this force"
        out.append((grade_path, f"'ungraded' is not its judgment: {message}"))
    elif grade.__class__ is Grade:
        if graded is False:
            out.append((grade_path, f"it is not graded in {report_cycle}; its judgment is 'ungraded'"))
        out += _on_scale(grade, cycle, scale, grade_path)
    for i, other in enumerate(judgment.other_grades):
        out += _on_scale(other.grade, cycle, scale, (*base, f"{prefix}other_grades", i, "grade"))
    if carried is not None and cycle is not None and not carried < cycle:
        out.append(
            (
                (*base, f"{prefix}carried_over_from"),
                f"a judgment for {cycle} can only be carried over from an earlier cycle",
            )
        )
    return out


def _on_scale(
    grade: Grade | NoGrade, cycle: Cycle | None, scale: tuple[Grade, ...] | None, path: Path
) -> Found:
    if grade.__class__ is not Grade or cycle is None or scale is None or grade in scale:
        return []
    words = ", ".join(g.value for g in cycle.grade_scale.grades)
    return [(path, f"{grade.value!r} is not on the {cycle} grade scale ({words})")]


# The grades of each cycle's scale, by the cycle's value (an enum member's
# own hash is computed in Python).
_SCALES: dict[str, tuple[Grade, ...]] = {}


def scale_of(cycle: Cycle) -> tuple[Grade, ...]:
    # A tuple: ``in`` finds a member by identity, where a set would hash it.
    found = _SCALES.get(cycle._value_)
    if found is None:
        found = _SCALES[cycle._value_] = cycle.grade_scale.grades
    return found


_LOOKUPS: dict[
    tuple[str, str | None], tuple[int, dict[int | str, tuple[CoreQuestion, bool | None]], bool]
] = {}


def questions_of(
    cycle: Cycle, pillar: Pillar | None
) -> tuple[dict[int | str, tuple[CoreQuestion, bool | None]], bool]:
    """The questions of a cycle's pillar by number (where they have one) and
    by key, each with whether it was graded the cycle before; and whether
    the registry lists them all. Made once per registry state."""
    key = (cycle._value_, None if pillar is None else pillar._value_)
    found = _LOOKUPS.get(key)
    if found is None or found[0] != generation[0]:
        previous = cycle.previous
        before: dict[str, bool] = {}
        if previous is not None and previous.integrated is cycle.integrated:
            before = {q.key: q.graded for q in core_questions(previous, pillar)}
        by_id: dict[int | str, tuple[CoreQuestion, bool | None]] = {}
        for q in core_questions(cycle, pillar):
            entry = (q, before.get(q.key))
            if q.number is not None:
                by_id[q.number] = entry
            by_id[q.key] = entry
        found = _LOOKUPS[key] = (generation[0], by_id, registry_complete(cycle, pillar))
    return found[1], found[2]
