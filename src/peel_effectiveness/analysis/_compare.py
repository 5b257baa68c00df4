"""The reckoning behind comparisons, without their result classes.

:mod:`.comparisons` wraps these in :class:`~peel_effectiveness.Comparison`
and :class:`~peel_effectiveness.GradeChange`; the scorecard, which needs
only the verdicts, uses them as they are, so that the command line does not
build classes it does not show.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from ..model.grades import Grade, GradeScale

if TYPE_CHECKING:
    from ..model.judgments import Judgment


class Verdict(str, enum.Enum):
    """A closed vocabulary of results that reads and compares as its words
    (``c.direction == "lower"``), prints as them, and writes to CSV and JSON
    as them."""

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)


class Direction(Verdict):
    """Where a force's figure stands against England and Wales."""

    HIGHER = "higher"
    LOWER = "lower"
    IN_LINE = "in line"


class Change(Verdict):
    """How a grade moved between two cycles.

    ``not comparable``: a grade is missing or ungraded, or the two are on
    scales that cannot be compared.
    """

    IMPROVED = "improved"
    DECLINED = "declined"
    UNCHANGED = "unchanged"
    NOT_COMPARABLE = "not comparable"


def direction(difference: float, allowed: float) -> Direction:
    """Where a figure stands, from its difference to the reference and how
    far apart the two may be and still be in line (inclusive)."""
    if abs(difference) <= allowed:
        return Direction.IN_LINE
    return Direction.HIGHER if difference > 0 else Direction.LOWER


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
        return Change.NOT_COMPARABLE, None
    if scale is None:
        scale = GradeScale.FIVE_POINT if Grade.ADEQUATE in (a, b) else GradeScale.FOUR_POINT
    grades = scale.grades
    if a not in grades or b not in grades:
        return Change.NOT_COMPARABLE, None
    steps = grades.index(a) - grades.index(b)
    if steps > 0:
        return Change.IMPROVED, steps
    if steps < 0:
        return Change.DECLINED, steps
    return Change.UNCHANGED, 0
