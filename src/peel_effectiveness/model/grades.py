"""Grades and grade scales.

PEEL grades sit on an ordered scale. From 2014 to 2018/19 HMIC used four
grades; from 2021/22 HMICFRS added *adequate* between good and requires
improvement. Where a judgment has no grade, :class:`NoGrade` says why: the
question is not graded in the cycle ("ungraded"), or was not graded for that
force, not inspected, or not graded yet. None of these is a :class:`Grade`,
and none is the same as a grade that is not known (no judgment at all).
"""

from __future__ import annotations

import enum
import re

from ..errors import PeelDataError, Problem

__all__ = ["Grade", "GradeScale", "NoGrade"]


class Grade(enum.Enum):
    """A PEEL grade, ordered from best to worst.

    Grades compare by that order, best highest::

        >>> Grade.OUTSTANDING > Grade.GOOD > Grade.ADEQUATE > Grade.REQUIRES_IMPROVEMENT
        True
        >>> Grade.parse("RI")
        <Grade.REQUIRES_IMPROVEMENT: 'requires improvement'>
        >>> str(Grade.REQUIRES_IMPROVEMENT)
        'Requires improvement'
        >>> sorted([Grade.GOOD, Grade.INADEQUATE, Grade.OUTSTANDING])[0]
        <Grade.INADEQUATE: 'inadequate'>

    The value is the lower-case wording used in data files; ``str()`` gives
    the report's wording.
    """

    __noun__ = "a grade"

    OUTSTANDING = "outstanding"
    GOOD = "good"
    ADEQUATE = "adequate"
    REQUIRES_IMPROVEMENT = "requires improvement"
    INADEQUATE = "inadequate"

    @property
    def rank(self) -> int:
        """Position on the scale: 5 for outstanding down to 1 for inadequate."""
        return _RANK[self]

    @property
    def label(self) -> str:
        """The report's wording, e.g. ``"Requires improvement"``."""
        return self.value[0].upper() + self.value[1:]

    def __str__(self) -> str:
        return self.label

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Grade):
            return NotImplemented
        return _RANK[self] < _RANK[other]

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Grade):
            return NotImplemented
        return _RANK[self] <= _RANK[other]

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Grade):
            return NotImplemented
        return _RANK[self] > _RANK[other]

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Grade):
            return NotImplemented
        return _RANK[self] >= _RANK[other]

    @classmethod
    def __spellings__(cls) -> dict[object, Grade]:
        """How data files may write grades: the value, the report's wording
        (``"Requires improvement"``) and the common aliases."""
        out: dict[object, Grade] = {}
        for word, grade in _ALIASES.items():
            out[word] = grade
            out[word[0].upper() + word[1:]] = grade
        out["RI"] = Grade.REQUIRES_IMPROVEMENT
        return out

    @classmethod
    def parse(cls, text: str) -> Grade:
        """Read a grade as reports and people write it.

        Case, spaces, hyphens and underscores do not matter, and the common
        abbreviations (``RI`` for requires improvement) are accepted.

        Raises:
            PeelDataError: ``text`` is not a grade. "ungraded" is refused too:
                it belongs to a question, not to the grade scale.

        Examples:
            >>> Grade.parse("Requires-Improvement") is Grade.REQUIRES_IMPROVEMENT
            True
        """
        # As data files write it, or else normalised.
        grade = _ALIASES.get(text) or _ALIASES.get(_normalise(text)) if isinstance(text, str) else None
        if grade is None:
            raise PeelDataError([Problem(grade_error(text))])
        return grade


class NoGrade(enum.Enum):
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

    __noun__ = "a reason for no grade"

    UNGRADED = "ungraded"
    NOT_GRADED = "not graded"
    NOT_INSPECTED = "not inspected"
    NOT_YET_GRADED = "not yet graded"

    @property
    def label(self) -> str:
        """The words with a capital: ``"Not graded"``."""
        return self.value[0].upper() + self.value[1:]

    def __str__(self) -> str:
        return self.label

    @classmethod
    def __spellings__(cls) -> dict[object, NoGrade]:
        """The words, with a capital or not, and with underscores for spaces."""
        out: dict[object, NoGrade] = {}
        for m in cls:
            for word in (m.value, m.value.replace(" ", "_")):
                out[word] = out[word[0].upper() + word[1:]] = m
        return out


def grade_error(value: object) -> str:
    """The message for a value that is not a grade."""
    expected = ", ".join(g.value for g in Grade)
    if isinstance(value, str) and _normalise(value) in {m.value for m in NoGrade}:
        return f"{value!r} is not a grade: it says why there is none (see NoGrade)"
    return f"{value!r} is not a grade (expected one of: {expected})"


def _normalise(text: str) -> str:
    return re.sub(r"[\s_\-]+", " ", text.strip().lower())


_RANK = {
    Grade.OUTSTANDING: 5,
    Grade.GOOD: 4,
    Grade.ADEQUATE: 3,
    Grade.REQUIRES_IMPROVEMENT: 2,
    Grade.INADEQUATE: 1,
}
_ALIASES: dict[str, Grade] = {g.value: g for g in Grade} | {
    "ri": Grade.REQUIRES_IMPROVEMENT,
    "requires improvements": Grade.REQUIRES_IMPROVEMENT,
    "require improvement": Grade.REQUIRES_IMPROVEMENT,
    "needs improvement": Grade.REQUIRES_IMPROVEMENT,
}


class GradeScale(enum.Enum):
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
