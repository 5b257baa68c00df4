"""The reckoning behind comparisons, without their result classes.

:mod:`.comparisons` wraps these in :class:`~peel_effectiveness.Comparison`
and :class:`~peel_effectiveness.GradeChange`; the scorecard, which needs
only the verdicts, uses them as they are, so that the command line does not
build classes it does not show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from ..model.grades import Grade, GradeScale

if TYPE_CHECKING:
    from ..model.judgments import Judgment

Direction = Literal["higher", "lower", "in line"]
Change = Literal["improved", "declined", "unchanged", "not comparable"]


def direction(difference: float, allowed: float) -> Direction:
    """Where a figure stands, from its difference to the reference and how
    far apart the two may be and still be in line (inclusive)."""
    return "in line" if abs(difference) <= allowed else "higher" if difference > 0 else "lower"


def grade_of(j: Judgment | Grade | None) -> Grade | None:
    if j is None or isinstance(j, Grade):
        return j
    return j.grade


def grade_steps(
    before: Judgment | Grade | None, after: Judgment | Grade | None, scale: GradeScale | None = None
) -> tuple[Change, int | None]:
    """How a grade moved, and by how many places on its scale (see
    :func:`~peel_effectiveness.grade_change`)."""
    a, b = grade_of(before), grade_of(after)
    if a is None or b is None:
        return "not comparable", None
    if scale is None:
        scale = GradeScale.FIVE_POINT if Grade.ADEQUATE in (a, b) else GradeScale.FOUR_POINT
    grades = scale.grades
    if a not in grades or b not in grades:
        return "not comparable", None
    steps = grades.index(a) - grades.index(b)
    if steps > 0:
        return "improved", steps
    if steps < 0:
        return "declined", steps
    return "unchanged", 0
