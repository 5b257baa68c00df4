"""Grades and grade scales.

PEEL grades sit on an ordered scale. From 2014 to 2018/19 HMIC used four
grades; from 2021/22 HMICFRS added *adequate* between good and requires
improvement. Where a judgment has no grade, :class:`NoGrade` says why: the
question is not graded in the cycle ("ungraded"), or was not graded for that
force, not inspected, or not graded yet. None of these is a :class:`Grade`,
and none is the same as a grade that is not known (no judgment at all).
"""

from __future__ import annotations

import functools
from typing import Any

from ._messages import describe, fail, shorten_repr, suggest
from ._words import NOUNS, Words, spelled

__all__ = ["Grade", "GradeScale", "NoGrade", "grade_or_reason"]


@functools.total_ordering
class Grade(Words):
    """A PEEL grade, ordered from best to worst.

    Grades compare by that order, best highest, and are found by the words
    people write (case, spaces, hyphens and underscores do not matter, and
    ``RI`` is requires improvement)::

        >>> Grade.OUTSTANDING > Grade.GOOD > Grade.ADEQUATE > Grade.REQUIRES_IMPROVEMENT
        True
        >>> Grade("RI")
        <Grade.REQUIRES_IMPROVEMENT: 'requires improvement'>
        >>> Grade("Requires-Improvement") is Grade("requires_improvement") is Grade.REQUIRES_IMPROVEMENT
        True
        >>> str(Grade.REQUIRES_IMPROVEMENT)
        'Requires improvement'
        >>> sorted([Grade.GOOD, Grade.INADEQUATE, Grade.OUTSTANDING])[0]
        <Grade.INADEQUATE: 'inadequate'>

    The value is the lower-case wording used in data files; ``str()`` gives
    the report's wording. "ungraded" is no grade: see :class:`NoGrade`.
    """

    OUTSTANDING = "outstanding"
    GOOD = "good"
    ADEQUATE = "adequate"
    REQUIRES_IMPROVEMENT = "requires improvement"
    INADEQUATE = "inadequate"

    @classmethod
    def _aliases(cls) -> dict[str, Any]:
        return {
            "ri": cls.REQUIRES_IMPROVEMENT,
            "requires improvements": cls.REQUIRES_IMPROVEMENT,
            "require improvement": cls.REQUIRES_IMPROVEMENT,
            "needs improvement": cls.REQUIRES_IMPROVEMENT,
        }

    @property
    def rank(self) -> int:
        """Position on the scale: 5 for outstanding down to 1 for inadequate."""
        return _RANK[self._value_]

    @property
    def label(self) -> str:
        """The report's wording, e.g. ``"Requires improvement"``."""
        return self._value_[0].upper() + self._value_[1:]

    def __str__(self) -> str:
        return self.label

    def __lt__(self, other: object) -> bool:
        if other.__class__ is not Grade:
            return NotImplemented
        return _RANK[self._value_] < _RANK[other._value_]


class NoGrade(Words):
    """Why a judgment has no grade. Data files write these words where a
    grade would stand (``grade: not graded``).

    * ``ungraded``: the question or area is not graded in that cycle at all
      (a narrative assessment, like 2016's specialist capabilities).
    * ``not graded``: the question is graded in the cycle, but the source
      says it was not graded for this force (Greater Manchester's 2017
      legitimacy), or the area was not graded in this force's report.
    * ``not inspected``: not inspected in a risk-based cycle, with no
      earlier judgment standing.
    * ``not yet graded``: the judgment is still to be published.

    Examples:
        >>> NoGrade("not graded").label
        'Not graded'
        >>> Grade.GOOD in GradeScale.FIVE_POINT.grades, NoGrade.UNGRADED in GradeScale.FIVE_POINT.grades
        (True, False)
    """

    UNGRADED = "ungraded"
    NOT_GRADED = "not graded"
    NOT_INSPECTED = "not inspected"
    NOT_YET_GRADED = "not yet graded"

    @property
    def label(self) -> str:
        """The words with a capital: ``"Not graded"``."""
        return self._value_[0].upper() + self._value_[1:]

    @property
    def meaning(self) -> str:
        """What the reason means, in a few words (a chart's legend says it
        beside its key: to a reader "ungraded" and "not graded" are
        synonyms).

        Examples:
            >>> NoGrade.NOT_GRADED.meaning
            'graded in the cycle, not for this force'
        """
        return _MEANINGS[self]

    def __str__(self) -> str:
        return self.label


def ungraded_in(cycle: object) -> str:
    """What "ungraded" says of a question in ``cycle``: "2016 grades no force on it"."""
    return f"{cycle} grades no force on it"


_MEANINGS = {
    NoGrade.UNGRADED: ungraded_in("the cycle"),
    NoGrade.NOT_GRADED: "graded in the cycle, not for this force",
    NoGrade.NOT_INSPECTED: "in a risk-based cycle, no earlier grade standing",
    NoGrade.NOT_YET_GRADED: "still to be published",
}

NOUNS[Grade] = "a grade"
NOUNS[NoGrade] = "a reason for no grade"


def grade_or_reason(value: object) -> Grade | NoGrade:
    """A grade, or a reason for no grade: a member or a word naming one.

    Examples:
        >>> grade_or_reason("Not graded"), grade_or_reason("RI")
        (<NoGrade.NOT_GRADED: 'not graded'>, <Grade.REQUIRES_IMPROVEMENT: 'requires improvement'>)
        >>> grade_or_reason("goood")
        Traceback (most recent call last):
        ...
        peel_effectiveness.errors.PeelDataError: 'goood' is not a grade (expected one of: outstanding, good, adequate, requires improvement, inadequate) or a reason for no grade (ungraded, not graded, not inspected, not yet graded); did you mean 'good'?
    """
    cls = value.__class__
    if cls is Grade or cls is NoGrade:
        return value  # type: ignore[return-value]
    found = spelled(Grade, value) or spelled(NoGrade, value)
    if found is not None:
        return found
    grades = ", ".join(g.value for g in Grade)
    reasons = ", ".join(r.value for r in NoGrade)
    if isinstance(value, str):
        expected = f"(expected one of: {grades}) or a reason for no grade ({reasons})"
        words = [*(g.value for g in Grade), *(r.value for r in NoGrade)]
        # A word for a grade not known: such a grade is left out (data-format.md).
        not_known = value.strip().casefold() in _NOT_KNOWN
        hint = suggest(value, words) or ("; a grade not known is left out" if not_known else "")
        fail(f"{shorten_repr(value)} is not a grade {expected}{hint}")
    # A grade not known is left out, not written as nothing (data-format.md).
    unknown = "; a grade not known is left out, not given as nothing" if value is None else ""
    fail(
        f"expected a grade or a reason for no grade, got {describe(value)} "
        f"(grades: {grades}; reasons: {reasons}{unknown})"
    )


grade_or_reason.accepts = frozenset({Grade, NoGrade})  # type: ignore[attr-defined]

# What people write for a grade they do not know.
_NOT_KNOWN = frozenset({"unknown", "not known", "n/a", "na", "tbc", "tbd", "none", "?", "-", "unk"})

_RANK = {"outstanding": 5, "good": 4, "adequate": 3, "requires improvement": 2, "inadequate": 1}


class GradeScale(Words):
    """The grade scale of a cycle.

    Grades from the two scales are not comparable: HMICFRS says so.

    Examples:
        >>> Grade.ADEQUATE in GradeScale.FOUR_POINT.grades
        False
    """

    FOUR_POINT = "four-point"
    FIVE_POINT = "five-point"

    @property
    def grades(self) -> tuple[Grade, ...]:
        """The grades of this scale, best first."""
        return _SCALES[self._value_]


_SCALES = {
    GradeScale.FOUR_POINT.value: (
        Grade.OUTSTANDING,
        Grade.GOOD,
        Grade.REQUIRES_IMPROVEMENT,
        Grade.INADEQUATE,
    ),
    GradeScale.FIVE_POINT.value: tuple(Grade),
}
