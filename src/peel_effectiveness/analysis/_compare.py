"""The reckoning behind comparisons, without their result classes.

:mod:`.comparisons` wraps these in :class:`~peel_effectiveness.Comparison`
and :class:`~peel_effectiveness.GradeChange`; the scorecard, which needs
only the verdicts, uses them as they are, so that the command line does not
build classes it does not show.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, TypeVar

from ..model.grades import Grade, GradeScale, NoGrade

if TYPE_CHECKING:
    from fractions import Fraction

    from ..model.judgments import Judgment

# A figure's difference: a float, or the exact decimal of one (comparisons).
N = TypeVar("N", float, "Fraction")


class Verdict(str, enum.Enum):
    """A closed vocabulary of results that reads and compares as its words
    (``c.direction == "lower"``), prints as them, and writes to CSV and JSON
    as them."""

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)


class Direction(Verdict):
    """Where a force's figure stands against England and Wales.

    Examples:
        >>> from peel_effectiveness.analysis import compare
        >>> compare(51.7, 68.2).direction
        <Direction.LOWER: 'lower'>
        >>> compare(16.9, 14.3, tolerance=0.25, relative=True).direction
        <Direction.IN_LINE: 'in line'>
    """

    HIGHER = "higher"
    LOWER = "lower"
    IN_LINE = "in line"


class Change(Verdict):
    """How a grade moved between two cycles.

    ``no data``: a judgment is not in the data (nothing is known of it).
    ``not comparable``: a judgment has no grade (ungraded, not graded...),
    or the two cycles' grades cannot be compared (a new framework, another
    scale). :class:`~peel_effectiveness.GradeChange` says which.

    Examples:
        >>> from peel_effectiveness.analysis import grade_change
        >>> grade_change("requires improvement", "good").direction
        <Change.IMPROVED: 'improved'>
        >>> grade_change("good", None).direction
        <Change.NO_DATA: 'no data'>
    """

    IMPROVED = "improved"
    DECLINED = "declined"
    UNCHANGED = "unchanged"
    NOT_COMPARABLE = "not comparable"
    NO_DATA = "no data"


def direction(difference: N, allowed: N) -> Direction:
    """Where a figure stands, from its difference to the reference and how
    far apart the two may be and still be in line (inclusive)."""
    if abs(difference) <= allowed:
        return Direction.IN_LINE
    return Direction.HIGHER if difference > 0 else Direction.LOWER


def grade_of(j: Judgment | Grade | NoGrade | None) -> Grade | None:
    """The grade, or ``None`` where there is no judgment or no grade."""
    if j is None or j.__class__ is NoGrade:
        return None
    if j.__class__ is Grade:
        return j
    return j.graded  # type: ignore[union-attr]


def grade_steps(
    before: Judgment | Grade | NoGrade | None,
    after: Judgment | Grade | NoGrade | None,
    scale: GradeScale | None = None,
) -> tuple[Change, int | None]:
    """How a grade moved, and by how many places on its scale (see
    :func:`~peel_effectiveness.grade_change`)."""
    if before is None or after is None:
        return Change.NO_DATA, None
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


def why_not(
    before: Judgment | Grade | NoGrade | None,
    after: Judgment | Grade | NoGrade | None,
    before_name: str = "earlier",
    after_name: str = "later",
) -> str:
    """Why two judgments' grades cannot be compared, in words; the names are
    the cycles' (``"2015"``) or ``"earlier"`` and ``"later"``. A judgment
    missing is said first: it is what makes the change "no data"."""
    both = ((before, before_name), (after, after_name))
    for j, name in both:
        if j is None:
            return f"no {name} grade in the data" if name[:1].isdigit() else f"no {name} grade"
    for j, name in both:
        g = j if j is None or isinstance(j, (Grade, NoGrade)) else j.grade
        if g.__class__ is NoGrade:
            return f"{g.value} in {name}" if name[:1].isdigit() else f"the {name} judgment is {g.value}"
    return "the grades are on different scales"
