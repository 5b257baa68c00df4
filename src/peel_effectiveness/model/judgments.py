"""Judgments: a grade (or none, for an ungraded question) and how it is known."""

from __future__ import annotations

import enum

from ._record import Found, field, record, rule
from .cycles import Cycle
from .grades import Grade

__all__ = ["Basis", "Judgment"]


class Basis(enum.Enum):
    """How a judgment is known.

    * ``stated``: the report states it in words.
    * ``inferred``: read from the report's wording where the grade graphic was
      lost (the seed text lost some).
    * ``carried_over``: not re-inspected; an earlier cycle's judgment stands
      (PEEL 2017 did this).
    """

    __noun__ = "a basis"

    STATED = "stated"
    INFERRED = "inferred"
    CARRIED_OVER = "carried_over"

    def __str__(self) -> str:
        return self.value


@record(kw_only=False)
class Judgment:
    """A judgment on a pillar, a core question or an area.

    Attributes:
        grade: The grade, or ``None`` where the question is ungraded (data
            files write ``ungraded``).
        basis: How the judgment is known.
        carried_over_from: For a carried-over judgment, the cycle whose grade
            stands; given exactly when the basis is ``carried_over``.
        sources: Where the grade is published (web addresses), for a
            judgment known from sources other than the report itself.

    Examples:
        >>> Judgment(Grade.GOOD)
        Judgment(grade=<Grade.GOOD: 'good'>, basis=<Basis.STATED: 'stated'>, carried_over_from=None, sources=())
        >>> Judgment("ungraded").is_graded
        False
        >>> Judgment("good", "carried_over")
        Traceback (most recent call last):
        ...
        peel_effectiveness.errors.PeelDataError: basis: a carried-over judgment names the cycle it is carried over from (carried_over_from)
    """

    __noun__ = "a judgment"

    grade: Grade | None = field(null="ungraded", always=True, doc="The grade, or 'ungraded'.")
    basis: Basis = field(default=Basis.STATED, doc="How the grade is known.")
    carried_over_from: Cycle | None = field(default=None, doc="The cycle whose judgment stands.")
    sources: tuple[str, ...] = field(default=(), key="grade_sources", doc="Where the grade is published.")

    @rule("basis", "carried_over_from")
    def _carried_over(self) -> Found:
        carried = self.basis is Basis.CARRIED_OVER
        if carried and self.carried_over_from is None:
            return [
                (
                    ("basis",),
                    "a carried-over judgment names the cycle it is carried over from (carried_over_from)",
                )
            ]
        if not carried and self.carried_over_from is not None:
            return [
                (
                    ("carried_over_from",),
                    "carried_over_from is only for a judgment whose basis is carried_over",
                )
            ]
        return []

    @property
    def is_graded(self) -> bool:
        """Whether there is a grade (``False`` for an ungraded question)."""
        return self.grade is not None

    def __str__(self) -> str:
        return "Ungraded" if self.grade is None else self.grade.label
