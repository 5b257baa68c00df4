"""Judgments: a grade, or why there is none, and how it is known."""

from __future__ import annotations

import datetime as dt
import enum

from ._record import Found, field, record, rule
from .cycles import Cycle
from .grades import Grade, NoGrade

__all__ = ["Basis", "Judgment", "OtherGrade", "OtherGradeKind"]


class Basis(enum.Enum):
    """How a grade is known.

    * ``stated``: the source states it: a grade label, or a sentence that
      names the grade.
    * ``inferred``: read from the source's wording ("needs to improve") where
      no grade is printed; the judgment's ``note`` says from what.
    """

    __noun__ = "a basis"

    STATED = "stated"
    INFERRED = "inferred"

    def __str__(self) -> str:
        return self.value


class OtherGradeKind(enum.Enum):
    """Why a judgment records a grade other than its own.

    * ``superseded``: the grade was published and later revised; the
      judgment's grade is the revised one, in force.
    * ``disputed``: a weaker source gives this grade; the judgment keeps the
      better-sourced one.
    """

    __noun__ = "a kind of other grade"

    SUPERSEDED = "superseded"
    DISPUTED = "disputed"

    def __str__(self) -> str:
        return self.value


@record
class OtherGrade:
    """A grade that is part of a judgment's record without being its grade.

    Attributes:
        grade: The other grade.
        kind: Superseded (revised after publication) or disputed (a weaker
            source's).
        published: When the other grade was published, where known.
        superseded_on: When it was replaced: given exactly for a superseded
            grade.
        note: Why, in our own words.
        sources: Where the other grade is published.

    Examples:
        >>> OtherGrade(grade="adequate", kind="superseded")
        Traceback (most recent call last):
        ...
        peel_effectiveness.errors.PeelDataError: superseded_on: a superseded grade says when it was replaced (superseded_on)
    """

    __noun__ = "another grade"

    grade: Grade | NoGrade = field(doc="The other grade.")
    kind: OtherGradeKind = field(doc="superseded or disputed.")
    published: dt.date | None = field(default=None, doc="When it was published.")
    superseded_on: dt.date | None = field(default=None, doc="When a superseded grade was replaced.")
    note: str = field(default="", doc="Why, in our own words.")
    sources: tuple[str, ...] = field(default=(), doc="Where it is published.")

    @rule("kind", "published", "superseded_on")
    def _dates(self) -> Found:
        superseded = self.kind is OtherGradeKind.SUPERSEDED
        if superseded and self.superseded_on is None:
            return [(("superseded_on",), "a superseded grade says when it was replaced (superseded_on)")]
        if not superseded and self.superseded_on is not None:
            return [(("superseded_on",), "superseded_on is only for a superseded grade")]
        if (
            self.published is not None
            and self.superseded_on is not None
            and self.superseded_on < self.published
        ):
            return [(("superseded_on",), "a grade is replaced after it was published")]
        return []


@record(kw_only=False)
class Judgment:
    """A judgment on a pillar, a core question or an area.

    Attributes:
        grade: The grade, or a :class:`NoGrade` saying why there is none
            (``ungraded``, ``not graded``...). A judgment that is not known
            at all is no judgment: ``None`` where a judgment would stand.
        basis: How the grade is known.
        carried_over_from: Where the judgment of an earlier cycle still
            stands (the question was not inspected again), that cycle.
        sources: Where the grade is published (web addresses), for a
            judgment known from sources other than the report itself.
        note: What a reader should know about the grade, in our own words.
        other_grades: Grades that are part of the record but not in force: a
            grade published and later revised, a weaker source's grade.

    Examples:
        >>> Judgment(Grade.GOOD)
        Judgment(grade=<Grade.GOOD: 'good'>, basis=<Basis.STATED: 'stated'>, carried_over_from=None, sources=(), note='', other_grades=())
        >>> Judgment("not graded").is_graded
        False
        >>> str(Judgment("good", carried_over_from=2016))
        'Good (carried over from 2016)'
    """

    __noun__ = "a judgment"

    grade: Grade | NoGrade = field(
        always=True, doc="The grade, or why there is none ('ungraded', 'not graded'...)."
    )
    basis: Basis = field(default=Basis.STATED, doc="How the grade is known.")
    carried_over_from: Cycle | None = field(
        default=None, doc="The earlier cycle whose judgment still stands."
    )
    sources: tuple[str, ...] = field(default=(), key="grade_sources", doc="Where the grade is published.")
    note: str = field(default="", key="grade_note", doc="What a reader should know about the grade.")
    other_grades: tuple[OtherGrade, ...] = field(
        default=(), doc="Grades of the record not in force: superseded or disputed."
    )

    @rule("grade", "other_grades", unless_empty="other_grades")
    def _other_grades(self) -> Found:
        out: Found = []
        for i, other in enumerate(self.other_grades):
            if other.grade is self.grade and other.kind is OtherGradeKind.SUPERSEDED:
                out.append(
                    (("other_grades", i, "grade"), "a superseded grade differs from the grade in force")
                )
        return out

    @property
    def is_graded(self) -> bool:
        """Whether there is a grade (``False`` for ``ungraded``, ``not graded``...)."""
        return self.grade.__class__ is Grade

    @property
    def graded(self) -> Grade | None:
        """The grade, or ``None`` where there is none."""
        grade = self.grade
        return grade if isinstance(grade, Grade) else None

    def __str__(self) -> str:
        text = self.grade.label
        if self.carried_over_from is not None:
            text += f" (carried over from {self.carried_over_from})"
        return text
